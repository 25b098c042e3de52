"""Scores against annotated data: precision, recall and F1 for quotes and speakers.

Gold and predictions are documents in the JSONL format of ``docs/evaluation.md``:
``{"id": ..., "text": ..., "quotes": [{"start", "end", "speaker", "kind"?}, ...]}``.

Definitions:

* A predicted quote *matches* a gold quote when their spans overlap by at least half of
  the shorter one; matching is one-to-one, largest overlaps first.
* A speaker is *right* when the two names agree on their words: lower-cased, titles
  (``Mr``, ``Senator``, ...) dropped, and the words of one name all among the words of
  the other (``Healey`` = ``John Healey`` = ``Mr. John Healey``; ``Mr Smith`` is not
  ``Mrs Smith``). It is also right when the gold quote lists ``speaker_mentions`` and
  the prediction's ``speaker_span`` overlaps one of them (a gold "she" is found by
  pointing at that "she", whatever name the prediction gives her). And when the document
  lists its ``characters`` (name and aliases), a prediction naming exactly one character,
  by any of its aliases, is right when that character is the gold speaker, and one that
  could name several characters is wrong.
* A gold quote annotated as one span over several paragraphs matches the first predicted
  piece; the other pieces of that quotation (same ``id``) inside it are not counted.
* ``speakers``: of the matched quotes whose gold speaker is known, the share whose
  predicted speaker is right. ``end_to_end``: a predicted quote counts only when it
  matches a gold quote *and* names the right speaker.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any, NoReturn, Union

import regex

from .model import Extraction, Quote

Document = Mapping[str, Any]
Source = Union[str, "os.PathLike[str]", Iterable[Any]]

# Words dropped before comparing names; Mr/Mrs/Ms/Miss are compared on their own.
TITLES = frozenset({
    "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend", "fr",
    "father", "sister", "brother", "president", "vice", "senator", "sen", "rep",
    "representative", "gov", "governor", "mayor", "secretary", "minister", "prime",
    "chancellor", "judge", "justice", "general", "gen", "col", "colonel", "capt",
    "captain", "lt", "lieutenant", "sgt", "sergeant", "officer", "chief", "commissioner",
    "ambassador", "the",
})
_KEEP_APART = {"mr": "mister", "mister": "mister", "mrs": "missus", "missus": "missus",
               "ms": "ms", "miss": "miss"}
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts of true positives, false positives and false negatives, and their ratios."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What :func:`evaluate` found; ``to_dict()`` for JSON, ``str()`` for a table."""

    documents: int
    quotes: PRF  # spans, overlap match
    exact: PRF  # spans, equal after trimming space and edge punctuation
    speakers_right: int
    speakers_total: int
    end_to_end: PRF  # (quote, speaker) pairs

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_total if self.speakers_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("quotes", "exact", "end_to_end"):
            d[key] = getattr(self, key).to_dict()
        d["speaker_accuracy"] = round(self.speaker_accuracy, 4)
        return d

    def __str__(self) -> str:
        lines = [f"{self.documents} documents",
                 f"{'':12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"]
        for name in ("quotes", "exact", "end_to_end"):
            s: PRF = getattr(self, name)
            lines.append(f"{name:12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                         f"{s.tp:6d} {s.fp:6d} {s.fn:6d}")
        lines.append(f"speakers     {self.speaker_accuracy:6.3f} "
                     f"({self.speakers_right} of {self.speakers_total} found quotes)")
        return "\n".join(lines)


def evaluate(gold: Source, predicted: Source | None = None, *,
             kinds: Iterable[str] | None = None) -> Evaluation:
    """Score ``predicted`` against ``gold``.

    Args:
        gold: a JSONL file (path) or an iterable of gold documents.
        predicted: a JSONL file or an iterable whose items are documents (dicts,
            matched to gold by ``id``) or :class:`Extraction` results (matched by
            position). ``None`` runs :func:`quoteattr.extract` on each gold text.
        kinds: score only gold quotes of these kinds (e.g. ``{"direct"}``); a
            prediction overlapping a gold quote of another kind is then left out
            rather than counted wrong.

    Returns:
        An :class:`Evaluation` over all documents (micro-averaged).

    Raises:
        ValueError: a document not of the format, naming its line (or its place among
            the documents, from 1) and the field; see :func:`documents`.
    """
    golds = list(_documents(gold, "gold", predicted is None))
    if predicted is None:
        from .pipeline import extract

        preds = [_quotes(extract(d["text"])) for d in golds]
    else:
        preds = _align(golds, list(_documents(predicted, "predicted", False)))
    keep = None if kinds is None else frozenset(kinds)
    totals = [0] * 11
    for doc, found in zip(golds, preds, strict=True):
        for k, n in enumerate(_score(doc, found, keep)):
            totals[k] += n
    q, x, e = totals[0:3], totals[3:6], totals[6:9]
    return Evaluation(len(golds), PRF(*q), PRF(*x), totals[9], totals[10], PRF(*e))


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Whether two speaker names agree (see the module's definitions)."""
    if not predicted or not gold:
        return False
    return _agree(predicted, _name_words(predicted), gold, _name_words(gold))


Words = tuple[frozenset[str], frozenset[str]]


def _agree(a_name: str, a_words: Words, b_name: str, b_words: Words) -> bool:
    (a, ha), (b, hb) = a_words, b_words
    if not a or not b:
        return a_name.strip().lower() == b_name.strip().lower()
    if ha and hb and ha != hb:
        return False
    return a <= b or b <= a


class _Cast:
    """A document's characters (``characters``, or ``meta.characters``: name and
    aliases), for speakers named by an alias (novels: "Lizzy" for Elizabeth Bennet)."""

    def __init__(self, doc: Document) -> None:
        meta = doc.get("meta")
        chars = doc.get("characters") or (meta.get("characters") if isinstance(
            meta, Mapping) else None) or []
        self.names: list[tuple[str, list[tuple[str, Words]]]] = []
        for c in chars:
            if c.get("name"):
                forms = {c["name"], *(c.get("aliases") or ())}
                self.names.append((c["name"], [(f, _name_words(f)) for f in forms]))

    def who(self, name: str, exact: bool = False) -> set[str]:
        """The characters ``name`` refers to: those with it as name or alias (case and
        spacing aside), else, unless ``exact``, those whose names agree with it."""
        key = " ".join(name.lower().split())
        found = {n for n, forms in self.names
                 if any(" ".join(f.lower().split()) == key for f, _ in forms)}
        if found or exact:
            return found
        words = _name_words(name)
        return {n for n, forms in self.names
                if any(_agree(name, words, f, fw) for f, fw in forms)}


def _name_words(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a name without titles, and its honorifics (Mr, Mrs, Ms, Miss)."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(name)]
    honorifics = frozenset(_KEEP_APART[w] for w in words if w in _KEEP_APART)
    rest = frozenset(w for w in words if w not in TITLES and w not in _KEEP_APART)
    return rest, honorifics


def documents(source: Source, *, need_text: bool = False,
              max_bytes: int | None = None) -> Iterator[Any]:
    """The documents of a JSONL file (path), or of an iterable as given.

    Every line of a file, and every dict of an iterable, is checked against the format
    (docs/evaluation.md): a malformed one raises ``ValueError`` naming its line (from 1)
    or its place in the iterable, and the field (``gold.jsonl:3: quotes[0].end: 812 is
    past the end of the text (640 characters)``). ``need_text``: ``text`` is required.
    ``max_bytes``: a larger file raises ``ValueError`` without being read whole.
    """
    yield from _documents(source, "", need_text, max_bytes)


def _documents(source: Source, role: str, need_text: bool,
               max_bytes: int | None = None) -> Iterator[Any]:
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        with open(source, "rb") as f:
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise ValueError(f"{path}: larger than {max_bytes:,} bytes; not read")
        for n, raw in enumerate(data.splitlines(), 1):
            where = f"{path}:{n}"
            doc = _parse(raw, where)
            if doc is not _BLANK:
                _check(doc, where, need_text)
                yield doc
        return
    for n, doc in enumerate(source, 1):
        where = f"{role} document {n}".lstrip()
        if isinstance(doc, Mapping) or role == "gold":
            _check(doc, where, need_text)
        elif not isinstance(doc, Extraction):
            if not isinstance(doc, Iterable) or isinstance(doc, (str, bytes)):
                raise ValueError(f"{where}: not a document, an Extraction or a list of "
                                 f"quotes but {_what(doc)}")
            doc = list(doc)
            for i, q in enumerate(doc):
                if not isinstance(q, Quote):
                    _check_quote(q, where, f"[{i}]", None)
        yield doc


_BLANK = object()


def _parse(raw: bytes, where: str) -> Any:
    """One line of a JSONL file as JSON (``_BLANK`` for a blank line)."""
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"{where}: not UTF-8 (byte {e.start + 1} of the line)") from None
    if not line.strip():
        return _BLANK
    try:
        return json.loads(line)
    except RecursionError:
        raise ValueError(f"{where}: not JSON: nested too deeply") from None
    except json.JSONDecodeError as e:
        raise ValueError(f"{where}: not JSON: {e}") from None
    except ValueError as e:  # a number of thousands of digits
        raise ValueError(f"{where}: not JSON: {str(e).split(':')[0]}") from None


def _check(doc: Any, where: str, need_text: bool) -> None:
    """Raise ``ValueError`` ("WHERE: FIELD: what is wrong") unless ``doc`` is a document."""
    if not isinstance(doc, Mapping):
        raise ValueError(f"{where}: not a JSON object but {_what(doc)}")
    text = doc.get("text")
    if text is None and need_text:
        _bad(where, "text", "missing (quoteattr needs the text to find its quotes)")
    if text is not None and not isinstance(text, str):
        _bad(where, "text", f"not a string but {_what(text)}")
    if isinstance(doc.get("id"), (list, dict)):
        _bad(where, "id", f"not a string or a number but {_what(doc['id'])}")
    quotes = doc.get("quotes", [])
    if not isinstance(quotes, (list, tuple)):
        _bad(where, "quotes", f"not a list but {_what(quotes)}")
    size = len(text) if isinstance(text, str) else None
    for i, q in enumerate(quotes):
        _check_quote(q, where, f"quotes[{i}]", size)
    meta = doc.get("meta")
    field, chars = "characters", doc.get("characters")
    if not chars and isinstance(meta, Mapping):
        field, chars = "meta.characters", meta.get("characters")
    if chars:
        if not isinstance(chars, (list, tuple)):
            _bad(where, field, f"not a list but {_what(chars)}")
        for i, c in enumerate(chars):
            _check_character(c, where, f"{field}[{i}]")


def _check_quote(q: Any, where: str, field: str, size: int | None) -> None:
    if not isinstance(q, Mapping):
        _bad(where, field, f"not an object but {_what(q)}")
    for key in ("start", "end"):
        if key not in q:
            _bad(where, f"{field}.{key}", "missing")
        _offset(q[key], where, f"{field}.{key}", size)
    if q["start"] > q["end"]:
        _bad(where, field, f"start {q['start']} is after end {q['end']}")
    for key in ("speaker", "kind"):
        if q.get(key) is not None and not isinstance(q[key], str):
            _bad(where, f"{field}.{key}", f"not a string or null but {_what(q[key])}")
    if isinstance(q.get("id"), (list, dict)):
        _bad(where, f"{field}.id", f"not a string or a number but {_what(q['id'])}")
    mentions = q.get("speaker_mentions")
    if mentions is not None:
        if not isinstance(mentions, (list, tuple)):
            _bad(where, f"{field}.speaker_mentions", f"not a list but {_what(mentions)}")
        for j, span in enumerate(mentions):
            _span(span, where, f"{field}.speaker_mentions[{j}]", size)
    if q.get("speaker_span") is not None:
        _span(q["speaker_span"], where, f"{field}.speaker_span", size)


def _check_character(c: Any, where: str, field: str) -> None:
    if not isinstance(c, Mapping):
        _bad(where, field, f"not an object but {_what(c)}")
    if c.get("name") is not None and not isinstance(c["name"], str):
        _bad(where, f"{field}.name", f"not a string but {_what(c['name'])}")
    aliases = c.get("aliases")
    if aliases is not None:
        if not isinstance(aliases, (list, tuple)):
            _bad(where, f"{field}.aliases", f"not a list but {_what(aliases)}")
        for j, a in enumerate(aliases):
            if not isinstance(a, str):
                _bad(where, f"{field}.aliases[{j}]", f"not a string but {_what(a)}")


def _span(span: Any, where: str, field: str, size: int | None) -> None:
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        _bad(where, field, f"not a pair [start, end] but {_what(span)}")
    _offset(span[0], where, f"{field}[0]", size)
    _offset(span[1], where, f"{field}[1]", size)
    if span[0] > span[1]:
        _bad(where, field, f"start {span[0]} is after end {span[1]}")


def _offset(value: Any, where: str, field: str, size: int | None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        _bad(where, field, f"not a whole number but {_what(value)}")
    if value < 0:
        _bad(where, field, f"{value} is negative")
    if size is not None and value > size:
        _bad(where, field, f"{value} is past the end of the text ({size} characters)")


def _bad(where: str, field: str, problem: str) -> NoReturn:
    raise ValueError(f"{where}: {field}: {problem}")


_KINDS = {str: "a string", list: "a list", tuple: "a list", dict: "an object",
          bool: "a boolean", int: "a number", float: "a number", type(None): "null"}


def _what(value: Any) -> str:
    """What a value is, for an error message: ``a string ('12')``, ``a number (nan)``."""
    if value is None:
        return "null"
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{_KINDS.get(type(value), type(value).__name__)} ({shown})"


def _align(golds: list[Document], preds: list[Any]) -> list[list[dict[str, Any]]]:
    if all(isinstance(p, Mapping) and "id" in p for p in preds):
        by_id = {p["id"]: p for p in preds}
        return [_quotes(by_id.get(d.get("id"), {})) for d in golds]
    if len(preds) != len(golds):
        raise ValueError(f"{len(preds)} predictions for {len(golds)} gold documents "
                         "(give each prediction an 'id', or one per gold document)")
    return [_quotes(p) for p in preds]


def _quotes(pred: Any) -> list[dict[str, Any]]:
    if isinstance(pred, Extraction):
        return [{"id": q.id, "start": q.start, "end": q.end, "speaker": q.speaker,
                 "speaker_span": q.speaker_span} for q in pred]
    if isinstance(pred, Mapping):
        return list(pred.get("quotes", []))
    return [q.to_dict() if isinstance(q, Quote) else dict(q) for q in pred]


def _score(doc: Document, found: list[dict[str, Any]],
           keep: frozenset[str] | None) -> tuple[int, ...]:
    gold = list(doc.get("quotes", []))
    if keep is not None:
        left_out = [g for g in gold if g.get("kind") not in keep]
        gold = [g for g in gold if g.get("kind") in keep]
        found = [p for p in found if not any(_overlaps(p, g) for g in left_out)
                 or any(_overlaps(p, g) for g in gold)]
    pairs = _match(gold, found)
    text = doc.get("text")
    exact = sum(1 for g, p in pairs if _trim(text, g) == _trim(text, p))
    cast = _Cast(doc)
    right = sum(1 for g, p in pairs if g.get("speaker") and _speaker_right(p, g, cast))
    known = sum(1 for g, _ in pairs if g.get("speaker"))
    n_gold, n_found = len(gold), len(found) - _absorbed(found, pairs)
    return (len(pairs), n_found - len(pairs), n_gold - len(pairs),
            exact, n_found - exact, n_gold - exact,
            right, n_found - right, n_gold - right, right, known)


def _absorbed(found: list[dict[str, Any]],
              pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> int:
    """Unmatched predicted pieces of a quotation (same ``id``) whose matched piece's gold
    quote also covers them: a gold quote annotated as one span over several paragraphs
    is found by its pieces, and the extra pieces are not counted wrong."""
    matched = {id(p) for _, p in pairs}
    gold_of = {p["id"]: g for g, p in pairs if p.get("id") is not None}
    count = 0
    for p in found:
        g = gold_of.get(p.get("id")) if id(p) not in matched else None
        if g is not None and 2 * _shared(p, g) >= p["end"] - p["start"]:
            count += 1
    return count


def _shared(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _match(gold: list[dict[str, Any]],
           found: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """One-to-one pairs overlapping by half the shorter span, largest overlap first."""
    candidates = []
    order = sorted(range(len(found)), key=lambda j: found[j]["start"])
    for i, g in enumerate(gold):
        for j in order:
            p = found[j]
            if p["start"] >= g["end"]:
                break
            shared = min(g["end"], p["end"]) - max(g["start"], p["start"])
            shorter = min(g["end"] - g["start"], p["end"] - p["start"])
            if shared > 0 and 2 * shared >= shorter:
                candidates.append((-shared, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], found[j]))
    return pairs


def _speaker_right(p: Mapping[str, Any], g: Mapping[str, Any], cast: _Cast) -> bool:
    span = p.get("speaker_span")
    if span and any(min(span[1], e) > max(span[0], s)
                    for s, e in g.get("speaker_mentions") or ()):
        return True
    if cast.names and p.get("speaker"):
        named = cast.who(p["speaker"])
        if len(named) > 1:
            return False  # "Bennet" among Elizabeth and Jane Bennet: ambiguous
        meant = cast.who(g["speaker"], exact=True)
        if named and len(meant) == 1:
            return named == meant
    return same_speaker(p.get("speaker"), g["speaker"])


def _overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


_EDGE = " \t\n\r\"'“”‘’«»„‚,.;:!?—–-"


def _trim(text: str | None, q: Mapping[str, Any]) -> tuple[int, int]:
    """A span without edge marks, space and punctuation (needs the text; else as is)."""
    s, e = q["start"], q["end"]
    if text is None:
        return s, e
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e
