"""Descriptions the narration ties to a named character (``Mr. Brownlow, an old gentleman
in a bottle-green coat`` ... ``said the old gentleman``).

Two kinds of evidence tie a description to a name:

- an apposition: ``NAME, an old gentleman in ...`` or ``the motherly old lady, NAME,``
  (one mention is enough);
- the description taking up a named person again (a *join*), counted over the text: a line
  calls NAME (``"Is it, Fagin?"``) and the next paragraph's line is tagged with the
  description (``replied the Jew``): the one called answers; or NAME is the subject of a
  sentence and the description opens the next one in the same paragraph (``Fagin grinned.
  The Jew rubbed his hands``), no other person named between. A line tagged with the
  description that itself calls NAME rules NAME out. A join needs :data:`JOIN_MIN`
  instances of both kinds (or :data:`JOIN_ALONE` of one) for one name and no other name
  with half as many; otherwise it abstains.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import regex

from .cast import Character
from .lexicon import read_rows
from .mentions import Mention
from .model import Quote
from .quoted import Quoted

_WORD = r"\p{Ll}[\p{Ll}'’-]*"
# "NAME, an old gentleman in a bottle-green coat": the words after the name
_AFTER = regex.compile(r",\s+(?:a|an|the)\s+(?P<np>(?:" + _WORD + r"\s+){0,3}" + _WORD + r")")
# "the motherly old lady, NAME, ...": the words before the name (a name opening a clause
# of its own, "a man at the bar, Fagin walked", is not described)
_BEFORE = regex.compile(r"(?:^|\W)[Tt]he\s+(?P<np>(?:" + _WORD + r"\s+){0,3}" + _WORD
                        + r"),\s+$")
_CLOSED = regex.compile(r"\s*[,.;]")
_STOP = frozenset(r[0] for r in read_rows("phrase_stops.txt"))  # "in" of "a man in a coat"
_REACH = 60  # characters either side of a name searched for its description
JOIN_MIN = 2  # instances of evidence a join needs, of two kinds (see the module's docstring)
JOIN_ALONE = 3  # ... or of one kind
_SENTENCE_END = regex.compile(r"[.!?;:][\"'”’)\]]*\s+|\n\s*\n")
_BEFORE_CALL = frozenset(",!?;—–-")  # what stands before a name called in a line ("..., Fagin")
_AFTER_CALL = frozenset(",!?.;—–-")  # ... and after it ("Fagin, ...", "... Fagin?")


@lru_cache(maxsize=1)
def _relative() -> frozenset[str]:
    """Words that pick someone out against the others on stage (data/relative_words.txt)."""
    return frozenset(r[0].lower() for r in read_rows("relative_words.txt"))


def _phrase(np: str) -> tuple[str, ...]:
    """The words of a noun phrase up to its head (``old gentleman`` of ``old gentleman in a
    bottle-green coat``)."""
    out: list[str] = []
    for w in np.lower().split():
        if w in _STOP:
            break
        out.append(w)
    return tuple(out)


class Ties:
    """Which named characters the narration describes by which nouns."""

    def __init__(self, text: str, hits: Iterable[tuple[int, int, Character]],
                 quoted: Quoted, quotes: Sequence[Quote] = (),
                 tags: Mapping[int, Mention] | None = None) -> None:
        """``hits``: the characters' name mentions (in order); ``quotes`` and their speaker
        ``tags`` (quote index -> mention), when given, let descriptions join names."""
        hits = list(hits)
        self._joined = _joins(text, hits, quoted, quotes, tags) if quotes and tags else {}
        self._by_head: dict[str, list[tuple[Character, tuple[str, ...]]]] = {}
        for s, e, ch in hits:
            if s in quoted:
                continue  # a name in a quotation ("Sikes, the man is here") is a call
            found = []
            after = _AFTER.match(text, e, min(len(text), e + _REACH))
            if after is not None:
                found.append(_phrase(after.group("np")))
            before = _BEFORE.search(text, max(0, s - _REACH), s)
            if before is not None and " ".join(before.group("np").split()) \
                    == " ".join(_phrase(before.group("np"))) and _CLOSED.match(text, e):
                found.append(_phrase(before.group("np")))
            for words in found:
                if words:
                    self._by_head.setdefault(words[-1], []).append((ch, words[:-1]))

    def tie(self, description: str, gender: str) -> Character | None:
        """The one named character the narration described with the head noun (and the
        adjectives) of ``description`` (``the old gentleman``), else None."""
        words = _phrase(description)[1:]
        if not words or any(w in _relative() for w in words):
            return None  # "the other man": someone told apart from the one in view
        entries = [(ch, mods) for ch, mods in self._by_head.get(words[-1], [])
                   if gender == "-" or ch.gender in (gender, "-")]
        people = {ch for ch, _mods in entries}
        if len(people) > 1:  # several: the one described with the same adjectives
            people = {ch for ch, mods in entries if set(words[:-1]) <= set(mods)}
        if len(people) == 1:
            return next(iter(people))
        return self.joined(description, gender)

    def joined(self, description: str, gender: str) -> Character | None:
        """The named character the text's evidence joins ``description`` to (``the Jew``
        answering lines that call Fagin), else None; appositions aside."""
        joined = self._joined.get(_phrase(description)[1:])
        if joined is not None and (gender == "-" or joined.gender in (gender, "-")):
            return joined
        return None

    def joins(self) -> dict[str, str]:
        """The descriptions joined to a name (``"jew"`` -> ``"Fagin"``)."""
        return {" ".join(k): ch.name for k, ch in self._joined.items()}


def _joins(text: str, hits: list[tuple[int, int, Character]], quoted: Quoted,
           quotes: Sequence[Quote], tags: Mapping[int, Mention]
           ) -> dict[tuple[str, ...], Character]:
    """Description words -> the one named character the text's evidence joins them to."""
    described: dict[int, tuple[str, ...]] = {}
    for i, m in tags.items():
        if m.kind not in ("description", "name") or m.text.split()[0] != "the":
            continue  # "said the old gentleman", "said the Jew" (a name to the tagger)
        words = _phrase(m.text)[1:]
        if words and not any(w in _relative() for w in words):
            described[i] = words
    if not described:
        return {}
    starts = [h[0] for h in hits]
    score: Counter[tuple[tuple[str, ...], Character]] = Counter()
    ruled_out: set[tuple[tuple[str, ...], Character]] = set()
    kinds: dict[tuple[tuple[str, ...], Character], set[str]] = {}
    for i, words in described.items():
        for ch in _called(text, quotes[i], hits, starts):
            ruled_out.add((words, ch))  # "when is it to be done, Bill?" said the Jew
        if i > 0 and quotes[i - 1].paragraph == quotes[i].paragraph - 1:
            called = _called(text, quotes[i - 1], hits, starts)
            if len(called) == 1:  # "eh, Fagin?" / "Nobody, my dear," replied the Jew
                who = called.pop()
                score[(words, who)] += 1
                kinds.setdefault((words, who), set()).add("reply")
    for words, ch in _subject_before(text, hits, starts, quoted, quotes, set(described.values())):
        score[(words, ch)] += 1
        kinds.setdefault((words, ch), set()).add("subject")
    best: dict[tuple[str, ...], list[tuple[int, Character]]] = {}
    for (words, ch), n in score.items():
        if (words, ch) not in ruled_out and ch.key >= 0:
            best.setdefault(words, []).append((n, ch))
    out: dict[tuple[str, ...], Character] = {}
    for words, found in best.items():
        found.sort(key=lambda nc: (-nc[0], nc[1].name))
        n, ch = found[0]
        agree = n >= JOIN_ALONE or len(kinds[(words, ch)]) > 1
        if n >= JOIN_MIN and agree and (len(found) == 1 or found[1][0] * 2 < n):
            out[words] = ch
    return out


def _called(text: str, q: Quote, hits: list[tuple[int, int, Character]],
            starts: list[int]) -> set[Character]:
    """The characters a line calls by name (``"Go on, Fagin."``, ``"Fagin, ..."``)."""
    out = set()
    for s, e, ch in hits[bisect_left(starts, q.start):bisect_left(starts, q.end)]:
        before = text[q.start:s].rstrip()
        after = text[e:q.end].lstrip()
        if (not before or before[-1] in _BEFORE_CALL) and (not after or after[0] in _AFTER_CALL):
            out.add(ch)
    return out


def _subject_before(text: str, hits: list[tuple[int, int, Character]], starts: list[int],
                    quoted: Quoted, quotes: Sequence[Quote], described: set[tuple[str, ...]]
                    ) -> list[tuple[tuple[str, ...], Character]]:
    """The named characters each description takes up where it opens a sentence of the
    narration: the one person named (outside quotations) in the sentence before, which the
    name opens, in the same paragraph (``Fagin grinned. The Jew rubbed his hands``), or at
    the start of a paragraph, the one the line just before calls (``"This is him, Fagin."``
    then ``The Jew grinned``). One scan of the text for all the descriptions."""
    heads = sorted((r"\s+".join(regex.escape(w) for w in words) for words in described),
                   key=len, reverse=True)
    pattern = regex.compile(r"(?:^|(?<=[.!?;:][\"'”’)\]]*\s+))The\s+(?i:(?P<d>"
                            + "|".join(heads) + r"))\b")
    q_ends = [q.end for q in quotes]
    out = []
    for m in pattern.finditer(text):
        words = tuple(m.group("d").lower().split())
        if m.start() in quoted or words not in described:
            continue
        para = text.rfind("\n\n", 0, m.start())
        if para >= 0 and not text[para:m.start()].strip():  # a paragraph opens with it
            k = bisect_left(q_ends, para) - 1
            if k >= 0 and text.count("\n\n", q_ends[k], para + 2) == 1:
                called = _called(text, quotes[k], hits, starts)
                if len(called) == 1:
                    out.append((words, called.pop()))
            continue
        # the sentence before, back to the one before it, within the paragraph
        lo = max(para, m.start() - 400, 0)
        ends = [b.end() for b in _SENTENCE_END.finditer(text, lo, m.start())]
        if not ends or ends[-1] != m.start():
            continue
        begin = ends[-2] if len(ends) > 1 else max(para + 2, lo) if para >= 0 else lo
        before = hits[bisect_left(starts, begin):bisect_left(starts, m.start())]
        named = [(s, ch) for s, _e, ch in before if s not in quoted]
        if named and not text[begin:named[0][0]].strip() \
                and len({ch for _s, ch in named}) == 1:
            out.append((words, named[0][1]))  # the sentence before opens with the name
    return out
