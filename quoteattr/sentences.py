"""Sentence spans with NLTK Punkt, its parameters built from word lists shipped here.

Nothing is downloaded and no pickle is read: the splitter behaves the same on every
machine, whatever ``nltk_data`` holds.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicon import load

CHUNK = 100_000  # characters of text per Punkt call
LOOK_BACK = 300  # characters looked through for the sentence end before an offset
_END = regex.compile(r"[.?!]")  # Punkt's candidate sentence ends
_END_OR_WORD = regex.compile(r"[.?!]|\w", regex.REVERSE)  # the last one of either
CONTEXT = 200  # longest candidate context whose decision is remembered (characters)


class _Punkt(PunktSentenceTokenizer):
    """Punkt that remembers its decision at each candidate sentence end. With fixed
    parameters that decision depends only on the candidate's context (the words around
    the period), and dialogue repeats a few contexts (``said. "We``) thousands of
    times: each took ~30 us of tokenising and annotating."""

    def text_contains_sentbreak(self, text: str) -> bool:
        if len(text) > CONTEXT:
            return super().text_contains_sentbreak(text)
        return _sentbreak(text)


def parameters() -> PunktParameters:
    """Punkt's parameters: our abbreviations, nothing learnt from text."""
    params = PunktParameters()
    params.abbrev_types = set(load().abbreviations)
    return params


@lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    """The Punkt tokenizer with our abbreviations (built once)."""
    return _Punkt(parameters())


@lru_cache(maxsize=8192)
def _sentbreak(context: str) -> bool:
    """Punkt's own decision: does ``context`` hold a sentence break?"""
    return PunktSentenceTokenizer.text_contains_sentbreak(tokenizer(), context)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets into ``text`` of the sentences of ``text[start:end]``.

    Long texts go to Punkt in pieces of at most :data:`CHUNK` characters, cut at a blank
    line (else a line end, else a space): NLTK bounds each of its regex scans by wall-clock
    time and would raise ``TimeoutError`` on a scan over megabytes.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    while start < end:
        stop = _cut(text, start, end)
        piece = text[start:stop]
        if "." in piece or "?" in piece or "!" in piece:
            spans.extend((start + s, start + e) for s, e in tokenizer().span_tokenize(piece))
        elif piece.strip():  # no sentence end: Punkt would give the piece, right-stripped
            spans.append((start, start + len(piece.rstrip())))
        start = stop
    return spans


def _cut(text: str, start: int, end: int) -> int:
    """Where the piece of ``text[start:end]`` given to one Punkt call ends."""
    if end - start <= CHUNK:
        return end
    for sep in ("\n\n", "\n", " "):
        k = text.rfind(sep, start + CHUNK // 2, start + CHUNK)
        if k >= 0:
            return k + len(sep)
    return start + CHUNK


class Sentences:
    """Where the sentences of a text start, split paragraph by paragraph on demand (most
    paragraphs of an article hold no quotation and are never split)."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self._para_starts = [s for s, _ in paragraphs]
        self._starts: dict[int, list[int]] = {}

    def start_of(self, pos: int) -> int:
        """Offset where the sentence holding ``pos`` starts (its paragraph's start, or 0,
        when ``pos`` lies before every sentence)."""
        k = bisect_right(self._para_starts, pos) - 1
        if k < 0:
            return 0
        starts = self.in_paragraph(k)
        j = bisect_right(starts, pos) - 1
        return starts[j] if j >= 0 else self.paragraphs[k][0]

    def start_after(self, lo: int, pos: int) -> int:
        """``max(lo, start_of(pos))`` for ``lo <= pos`` in one paragraph; not split when no
        sentence can start in ``(lo, pos]`` (see :meth:`_none_in`)."""
        if self._none_in(lo, pos):
            return lo
        return max(lo, self.start_of(pos))

    def starts_at(self, pos: int) -> bool:
        """Does a sentence start at ``pos``? (``start_of(pos) == pos``)"""
        if pos > 0 and self._none_in(pos - 1, pos):
            return False
        return self.start_of(pos) == pos

    def _none_in(self, lo: int, pos: int) -> bool:
        """True when no sentence of ``lo``'s paragraph can start in ``(lo, pos]``, known
        without Punkt. Punkt starts a sentence only after a ``.``, ``?`` or ``!`` followed
        by nothing but white space and closing marks; so none starts there when no such
        end lies in ``[lo, pos)`` and, looking back from ``lo``, a word character comes
        before any such end (or neither comes before the paragraph's start). Paragraphs
        longer than :data:`CHUNK` (split in pieces, each opening a sentence) are left to
        Punkt, as is a look back longer than :data:`LOOK_BACK`."""
        k = bisect_right(self._para_starts, lo) - 1
        if k < 0:
            return False
        ps, pe = self.paragraphs[k]
        if not ps <= lo <= pos <= pe or pe - ps > CHUNK or _END.search(self.text, lo, pos):
            return False
        back = max(ps, lo - LOOK_BACK)
        last = _END_OR_WORD.search(self.text, back, min(lo + 1, pe))
        return last.group() not in ".?!" if last is not None else back == ps

    def in_paragraph(self, k: int) -> list[int]:
        """Where the sentences of paragraph ``k`` start (split once, then remembered)."""
        starts = self._starts.get(k)
        if starts is None:
            ps, pe = self.paragraphs[k]
            starts = self._starts[k] = [s for s, _ in sentence_spans(self.text, ps, pe)]
        return starts
