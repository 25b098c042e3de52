"""Quotation marks: pair opening and closing marks on the raw text, with exact offsets.

Marks are paired paragraph by paragraph, so a stray or unbalanced mark never shifts the
pairing after the paragraph it is in, and within a paragraph no further than
``PAIR_REACH`` characters. A quotation whose paragraph ends with it still open,
followed by a paragraph that opens with a mark, runs on into that paragraph (one piece per
paragraph, linked by ``group``). Apostrophes (Healey's, '90s, rock 'n' roll, o'clock, the
players') are told from single quote marks by their neighbours.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .lexicon import load

_MARK_RUN = regex.compile(r"[\"“”„‟«»‹›'‘’‚‛`]{4,}")
_ANY_MARK = regex.compile(r"[\"“”„‟«»‹›'‘’‚‛`]")
_MARK = regex.compile(r"``|''|[\"“”„‟«»‹›'‘’‚‛]")
_DOUBLE = frozenset(['"', "“", "”", "„", "‟", "«", "»", "``", "''"])
_OPEN_GLYPH = frozenset(["“", "„", "‟", "«", "‹", "``", "‘", "‚", "‛"])
_CLOSE_GLYPH = frozenset(["”", "»", "›", "''", "’"])
_QUOTE_CHARS = frozenset("\"“”„‟«»‹›'‘’‚‛`")
_BEFORE_OPEN = frozenset("([{<—–-/:;|*_") | _QUOTE_CHARS
_AFTER_CLOSE = frozenset(".,;:!?)]}>—–-…*_|/") | _QUOTE_CHARS
_N_APOSTROPHE = regex.compile(r"(?<=\s)['’‘]n['’‘](?=\s)", regex.IGNORECASE)
_WORD_AFTER = regex.compile(r"[^\W\d_]{1,12}")
_DECADE = regex.compile(r"\d\d(?:s\b|\b)")

OPEN, CLOSE, EITHER, APOSTROPHE, APOSTROPHE_OR_CLOSE = range(5)
# characters: the farthest a closing mark pairs with an opening one of its paragraph. A
# hard-wrapped text without blank lines is one paragraph; without a bound, an opener
# left open (the first paragraph of a speech running on) paired with a stray closer
# megabytes later, and every quotation between was lost as nested in it.
PAIR_REACH = 20_000


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted span: content offsets, the marks around it and its paragraph."""

    start: int  # first character inside the opening mark
    end: int  # first character of the closing mark (or paragraph end when unclosed)
    open: int  # offset of the opening mark
    close: int  # offset just past the closing mark (== end when unclosed)
    mark: str  # the opening mark
    paragraph: int
    group: int  # pieces of one quotation over several paragraphs share it
    closed: bool
    nested: bool = False


def find_spans(text: str, paragraphs: list[tuple[int, int]],
               skip: frozenset[int] = frozenset()) -> list[Span]:
    """All quoted spans of the text in document order (nested ones flagged).

    ``skip`` holds indexes of paragraphs (ads, captions) that a quotation running over
    several paragraphs may pass over.
    """
    elisions = load().elisions
    spans: list[Span] = []
    carry: int | None = None  # group of a quotation running on into the next paragraph
    n = len(paragraphs)
    # where the marks are, found in one scan: most paragraphs of an article have none
    marks = [m.start() for m in _ANY_MARK.finditer(text)]
    for k, (ps, pe) in enumerate(paragraphs):
        if k in skip:
            continue
        i = bisect_left(marks, ps)
        if i == len(marks) or marks[i] >= pe:
            carry = None
            continue
        group = carry if carry is not None else -1  # of a quotation opening the paragraph
        carry = None
        found: list[tuple[int, str, int, int]] = []
        if i + 1 == len(marks) or marks[i + 1] >= pe:  # one mark: nothing to pair
            open_end = _lone_mark(text, marks[i], ps, pe, elisions)
        else:
            found, open_end = _pair_paragraph(text, ps, pe, elisions)
        pieces = [(o + len(mark), cs, o, ce, mark, True) for o, mark, cs, ce in found]
        if open_end is not None:
            o, mark = open_end
            nxt = _next_opener(text, paragraphs, k + 1, n, skip)
            runs_on = nxt is not None and _family(nxt) == _family(mark)
            if runs_on or o == ps or _introduced(text, ps, o):
                insort(pieces, (o + len(mark), pe, o, pe, mark, False))  # keep start order
            if runs_on:
                carry = group if (o == ps and group >= 0) else o
        _flag_nested(pieces, k, group if group >= 0 else None, ps, spans)
    return spans


def _introduced(text: str, ps: int, o: int) -> bool:
    """Is the opening mark at ``o`` introduced like speech (``said: "...``), so that with
    no closing mark the quotation runs to the end of its paragraph?"""
    lead = text[max(ps, o - 3):o].rstrip()
    return lead.endswith((":", ","))


def _flag_nested(pieces: list[tuple[int, int, int, int, str, bool]], k: int,
                 group: int | None, ps: int, out: list[Span]) -> None:
    """Add the spans of paragraph ``k`` to ``out``, in order, those inside an earlier one
    flagged nested (each Span built once: a paragraph may hold hundreds of thousands of
    marks). A span opening the paragraph takes ``group`` when it continues a quotation
    (None: it does not), any other its own offset."""
    outer_end = -1
    for start, end, o, close, mark, closed in pieces:
        nested = o < outer_end
        own = group if (o == ps and group is not None) else o
        out.append(Span(start, end, o, close, mark, k, own, closed, nested))
        if not nested:
            outer_end = close


def _family(mark: str) -> str:
    return "d" if mark in _DOUBLE else "s"


def _next_opener(text: str, paragraphs: list[tuple[int, int]], k: int, n: int,
                 skip: frozenset[int]) -> str | None:
    while k < n and k in skip:
        k += 1
    if k >= n:
        return None
    ps, pe = paragraphs[k]
    m = _MARK.match(text, ps, pe)
    if m is None or m.group() in _CLOSE_GLYPH:
        return None
    return m.group()


def _role(text: str, i: int, j: int, mark: str, ps: int, pe: int,
          elisions: frozenset[str]) -> int:
    prev = text[i - 1] if i > ps else "\n"
    nxt = text[j] if j < pe else "\n"
    if prev in _QUOTE_CHARS and nxt in _QUOTE_CHARS:  # inside a run of marks: its glyph decides
        return OPEN if mark in _OPEN_GLYPH else CLOSE if mark in _CLOSE_GLYPH else EITHER
    single = mark not in _DOUBLE
    if single:
        if prev.isalnum() and nxt.isalnum():
            return APOSTROPHE
        if nxt.isdigit() and not prev.isalnum() and _DECADE.match(text, j, min(pe, j + 4)):
            return APOSTROPHE
        if not prev.isalnum() and not nxt.isspace() and nxt not in _QUOTE_CHARS:
            w = _WORD_AFTER.match(text, j, min(pe, j + 12))
            if w and ("'" + w.group().lower()) in elisions:
                return APOSTROPHE
    before_open = prev.isspace() or prev in _BEFORE_OPEN
    after_close = nxt.isspace() or nxt in _AFTER_CLOSE
    left = before_open and not nxt.isspace()
    right = after_close and not prev.isspace()
    if single and right and not left and prev.isalpha():
        word = _word_before(text, i, ps)
        if (word + "'") in elisions:
            return APOSTROPHE
        if prev in "sSzZ" or word.endswith(("in", "IN")):
            after = text[j + 1] if j + 1 < pe else "\n"
            if nxt == " " and after.islower():
                return APOSTROPHE  # the players' game
            return APOSTROPHE_OR_CLOSE
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    if mark in _OPEN_GLYPH:
        return OPEN
    if mark in _CLOSE_GLYPH:
        return CLOSE
    return EITHER


def _word_before(text: str, i: int, ps: int) -> str:
    k = i
    while k > ps and k > i - 12 and text[k - 1].isalpha():
        k -= 1
    return text[k:i].lower()


def _marks(text: str, ps: int, pe: int) -> Iterator[regex.Match[str]]:
    """The quotation marks of a paragraph, passing over runs of four or more marks in a
    row: typographic noise, never the edge of a quotation (and a run of millions of
    marks costs no per-mark work)."""
    pos = ps
    for run in _MARK_RUN.finditer(text, ps, pe):
        yield from _MARK.finditer(text, pos, run.start())
        pos = run.end()
    yield from _MARK.finditer(text, pos, pe)


def _lone_mark(text: str, o: int, ps: int, pe: int, elisions: frozenset[str]
               ) -> tuple[int, str] | None:
    """What :func:`_pair_paragraph` finds in a paragraph with one mark, at ``o``: no
    pair, and the mark left open when it can open (a lone backtick is no mark)."""
    mark = text[o]
    if mark == "`":
        return None
    role = _role(text, o, o + 1, mark, ps, pe, elisions)
    return (o, mark) if role in (OPEN, EITHER) else None


def _pair_paragraph(text: str, ps: int, pe: int, elisions: frozenset[str]
                    ) -> tuple[list[tuple[int, str, int, int]], tuple[int, str] | None]:
    """Pairs (open offset, mark, close start, close end) of one paragraph, and the last
    opening mark left open at its end (or None)."""
    n_apos = {k for m in _N_APOSTROPHE.finditer(text, ps, pe) for k in (m.start(), m.end() - 1)
              } if pe - ps >= 3 else set()  # "'n'" needs three characters
    stacks: dict[str, list[tuple[int, int, str]]] = {"d": [], "s": []}  # (seq, offset, mark)
    pairs: list[tuple[int, str, int, int]] = []
    seq = 0
    for m in _marks(text, ps, pe):
        i, j = m.span()
        if i in n_apos:
            continue
        mark = m.group()
        role = _role(text, i, j, mark, ps, pe, elisions)
        if role == APOSTROPHE:
            continue
        fam = _family(mark)
        own = stacks[fam]
        if own and i - own[-1][1] > PAIR_REACH:
            own.clear()  # openers this far back are strays: they close nothing any more
        if own and role in (CLOSE, EITHER, APOSTROPHE_OR_CLOSE):
            seq_o, o, omark = own.pop()
            other = stacks["s" if fam == "d" else "d"]
            while other and other[-1][0] > seq_o:
                other.pop()
            pairs.append((o, omark, i, j))
        elif role in (OPEN, EITHER):
            seq += 1
            own.append((seq, i, mark))
    pairs.sort()
    last = None
    # openers farther than the reach from the paragraph's end are strays too, as they
    # would be had more marks followed: appending text must not turn one into a quotation
    left_open = [e for st in stacks.values() for e in st if pe - e[1] <= PAIR_REACH]
    if left_open:
        _, o, mark = max(left_open)
        fam = _family(mark)
        # an opening mark followed by a closed quotation of its own kind is a stray
        if not any(p[0] > o and _family(p[1]) == fam for p in pairs):
            last = (o, mark)
    return pairs, last
