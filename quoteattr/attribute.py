"""Attribution sieves: who said each quotation, most precise rule first.

Each sieve looks at one quotation in its context and returns a :class:`Frame` (the
speaker mention, the cue, the addressee) or None; the first that answers decides, and
its name travels with the quote as ``rule``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from . import cues
from .marks import Span
from .mentions import Mention, classify

WINDOW = 300  # characters of context a cue frame may use on either side


@dataclass(frozen=True, slots=True)
class Frame:
    """What a sieve found for one quotation."""

    rule: str
    confidence: float
    speaker: Mention | None = None
    cue: tuple[int, int] | None = None
    addressee: Mention | None = None
    inherit: int | None = None  # index of the quotation whose speaker this one continues


@dataclass
class Context:
    """One text and its quotations, as the sieves see them."""

    text: str
    paragraphs: list[tuple[int, int]]
    spans: list[Span]  # top-level quotations, document order
    sentence_starts: list[int]
    frames: list[Frame | None]

    def para(self, i: int) -> tuple[int, int]:
        return self.paragraphs[self.spans[i].paragraph]

    def after_window(self, i: int) -> tuple[int, int]:
        s = self.spans[i]
        end = min(self.para(i)[1], s.close + WINDOW)
        if i + 1 < len(self.spans) and self.spans[i + 1].paragraph == s.paragraph:
            end = min(end, self.spans[i + 1].open)
        return s.close, end

    def before_window(self, i: int) -> tuple[int, int]:
        s = self.spans[i]
        start = max(self.para(i)[0], s.open - WINDOW)
        k = bisect_right(self.sentence_starts, s.open) - 1
        if k >= 0:
            start = max(start, self.sentence_starts[k])
        if i > 0 and self.spans[i - 1].paragraph == s.paragraph:
            start = max(start, self.spans[i - 1].close)
        return start, s.open


def _mention(ctx: Context, span: tuple[int, int] | None) -> Mention | None:
    return classify(ctx.text, *span) if span is not None else None


def cue_after(ctx: Context, i: int) -> Frame | None:
    """``"Q," X said.`` / ``"Q," said X.`` / ``"Q," X told Y.``"""
    s, e = ctx.after_window(i)
    cue = cues.after(ctx.text, s, e) if e > s else None
    sp = _mention(ctx, cue.speaker) if cue else None
    if cue is None or sp is None:
        return None
    return Frame("cue_after", 0.95, sp, cue.verb, _mention(ctx, cue.addressee))


def cue_before(ctx: Context, i: int) -> Frame | None:
    """``X said: "Q"`` / ``X told Y: "Q"`` / ``according to X, "Q"``; also ``X said the
    plan was "a disaster"`` (a partial quotation, lower confidence)."""
    s, e = ctx.before_window(i)
    cue = cues.before(ctx.text, s, e) if e > s else None
    sp = _mention(ctx, cue.speaker) if cue else None
    if cue is None or sp is None:
        return None
    if cue.tail:
        return Frame("cue_in_sentence", 0.7, sp, cue.verb, _mention(ctx, cue.addressee))
    return Frame("cue_before", 0.9, sp, cue.verb, _mention(ctx, cue.addressee))


def lead_in(ctx: Context, i: int) -> Frame | None:
    """``He concluded:`` closing the paragraph before one that opens with the quote."""
    sp = ctx.spans[i]
    ps, _ = ctx.para(i)
    if sp.open != ps or sp.paragraph == 0:
        return None
    prev_s, prev_e = ctx.paragraphs[sp.paragraph - 1]
    if ctx.text[prev_e - 1:prev_e] != ":":
        return None
    start = max(prev_s, prev_e - WINDOW)
    k = bisect_right(ctx.sentence_starts, prev_e - 1) - 1
    if k >= 0:
        start = max(start, ctx.sentence_starts[k])
    cue = cues.before(ctx.text, start, prev_e)
    sp = _mention(ctx, cue.speaker) if cue and cue.verb else None
    if cue is None or sp is None:
        return None
    return Frame("lead_in", 0.85, sp, cue.verb, _mention(ctx, cue.addressee))


def continuation(ctx: Context, i: int) -> Frame | None:
    """A quotation with no cue of its own continues the speaker of the one before it
    (same quotation over paragraphs, same paragraph, or the next paragraph)."""
    if i == 0:
        return None
    cur, prev = ctx.spans[i], ctx.spans[i - 1]
    if prev.group == cur.group:
        return Frame("multi_paragraph", 0.9, inherit=i - 1)
    if cur.paragraph - prev.paragraph > 1:
        return None
    if ctx.frames[i - 1] is None:
        return None
    if cur.paragraph == prev.paragraph:
        return Frame("continuation", 0.75, inherit=i - 1)
    if cur.open == ctx.para(i)[0]:
        return Frame("continuation", 0.6, inherit=i - 1)
    return None


Sieve = Callable[[Context, int], "Frame | None"]
SIEVES: tuple[Sieve, ...] = (cue_after, cue_before, lead_in, continuation)
