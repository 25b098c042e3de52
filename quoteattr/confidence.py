"""Confidence: the probability that a quote's speaker is right, read from a fitted table.

Each quote is rated once, after its speaker is decided, from generic evidence about the
decision (its :func:`key`): the strategy (news or fiction), whether anyone was named,
the rule that decided, the form of the speaker mention, whether the speaker's name is
written near the quotation, how large a share of the text's quotes the speaker has, and
whether the speaker is a name or a description. ``data/confidence.tsv`` gives the share
of right speakers for each key seen often enough in the annotated development corpora
(fitted by ``tools/fit_weights.py``); a key it lacks backs off to its longest prefix
that it has. For a quote with no speaker, the confidence is the chance that nobody is
the right answer, as scored against a gold speaker: low.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

import regex

from .lexicon import load, read_rows
from .mentions import classify
from .model import Quote, with_fields
from .paragraphs import paragraph_spans

NEWS = "news"
FICTION = "fiction"
TABLE = "confidence.tsv"
# the evidence a key holds, most telling first; a missing key backs off from the right
FIELDS = ("strategy", "speaker", "rule", "form", "near", "share", "called")
ANY = "*"  # a field a coarser row leaves open
NEAR = 300  # characters either side of a quotation in which its speaker's name is near
# a speaker's share of the attributed quotes of the text: at most 5%, 15%, 30%, or more
SHARES = ((0.05, "rare"), (0.15, "minor"), (0.30, "regular"), (1.01, "main"))
_WORD = regex.compile(r"\p{Lu}\p{L}+(?:-\p{L}+)*")  # a capitalised word of a name

Key = tuple[str, ...]


@lru_cache(maxsize=1)
def table() -> Mapping[Key, float]:
    """The fitted table: each key (a prefix of :data:`FIELDS`) to its probability."""
    rows: dict[Key, float] = {}
    for row in read_rows(TABLE):
        fields = row[: len(FIELDS)]
        n = fields.index(ANY) if ANY in fields else len(fields)
        rows[tuple(fields[:n])] = float(row[len(FIELDS)])
    return MappingProxyType(rows)


def probability(key: Key, rows: Mapping[Key, float] | None = None) -> float:
    """The table's probability for ``key``, backing off to its longest prefix in the table
    (``rows``: another table, e.g. one being fitted; default :func:`table`)."""
    rows = table() if rows is None else rows
    for n in range(len(key), -1, -1):
        p = rows.get(key[:n])
        if p is not None:
            return p
    return 0.0


def keys(text: str, quotes: Sequence[Quote], strategy: str,
         paragraphs: list[tuple[int, int]] | None = None) -> list[Key]:
    """The evidence key of each quote (see :data:`FIELDS`), in order; ``paragraphs``:
    :func:`~quoteattr.paragraphs.paragraph_spans` of ``text``, if known."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    counts = Counter(q.speaker for q in quotes if q.speaker is not None)
    total = sum(counts.values())
    names: dict[str, frozenset[str]] = {}
    out: list[Key] = []
    for q in quotes:
        rule = q.rule or "none"
        form = _form(text, q)
        if q.speaker is None:
            out.append((strategy, "nobody", rule, form))
            continue
        if q.speaker not in names:
            names[q.speaker] = _name_words(q.speaker)
        near = "near" if _near(text, q, paragraphs, names[q.speaker]) else "far"
        share = next(label for top, label in SHARES if counts[q.speaker] / total <= top)
        called = "name" if q.speaker[:1].isupper() else "description"
        out.append((strategy, "someone", rule, form, near, share, called))
    return out


def rate(text: str, quotes: Sequence[Quote], strategy: str,
         paragraphs: list[tuple[int, int]] | None = None) -> list[Quote]:
    """``quotes`` (their speakers decided by ``strategy``) with their confidence."""
    return [with_fields(q, confidence=p)
            for q, p in zip(quotes, confidences(text, quotes, strategy, paragraphs), strict=True)]


def confidences(text: str, quotes: Sequence[Quote], strategy: str,
                paragraphs: list[tuple[int, int]] | None = None) -> list[float]:
    """The confidence :func:`rate` gives each quote, in order."""
    rows = table()
    return [probability(k, rows) for k in keys(text, quotes, strategy, paragraphs)]


def _form(text: str, q: Quote) -> str:
    """The form of the quote's speaker mention: name, description, pronoun or none."""
    if q.speaker_span is None:
        return "none"
    mention = classify(text, *q.speaker_span)
    return mention.kind if mention is not None else "none"


def _name_words(speaker: str) -> frozenset[str]:
    """The capitalised words of a speaker's name, titles left out (none for a speaker
    such as ``the old man``)."""
    titles = load().titles
    return frozenset(w for w in _WORD.findall(speaker) if w not in titles)


def _near(text: str, q: Quote, paragraphs: list[tuple[int, int]], words: frozenset[str]) -> bool:
    """Is a word of the speaker's name written in the quote's paragraph, within
    :data:`NEAR` characters before or after it (not in the quote itself)?"""
    if not words:
        return False
    ps, pe = paragraphs[q.paragraph] if q.paragraph < len(paragraphs) else (q.start, q.end)
    spans = ((max(ps, q.start - NEAR), q.start), (q.end, min(pe, q.end + NEAR)))
    return any(_written(text, w, s, e) for w in words for s, e in spans)


def _written(text: str, word: str, start: int, end: int) -> bool:
    """Is ``word`` written as a whole word in ``text[start:end]``?"""
    at = text.find(word, start, end)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not text[at - 1].isalpha()) and (after >= len(text)
                                                          or not text[after].isalpha()):
            return True
        at = text.find(word, at + 1, end)
    return False
