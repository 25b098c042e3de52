"""Cue frames: a speech verb next to a quotation, and who it names.

Found verb first (a fast scan for the verbs of ``speech_verbs.txt``), then small anchored
matches: the speaker before or after the verb, the hearer after it, and nothing but a
short tail between the verb and the opening mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from .patterns import TIMEOUT, compiled

SPEAKER_REACH = 120  # characters between a closing mark and the verb of "X said"
VERBS_TRIED = 3  # verbs tried, nearest the quotation first, for one cue frame

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Cue:
    """Offsets of the parts of one cue frame."""

    form: str  # "after", "after_inverted", "before", "according"
    speaker: Offsets
    verb: Offsets | None = None
    addressee: Offsets | None = None
    tail: str = ""  # words between the verb (and hearer) and the opening mark


def after(text: str, start: int, end: int) -> Cue | None:
    """A frame right after a closing mark: ``"Q," X said`` / ``"Q," said X``."""
    p = compiled()
    lead = p.lead.match(text, start, end, timeout=TIMEOUT)
    pos = lead.end() if lead else start
    v = p.verb_at.match(text, pos, end, timeout=TIMEOUT)
    if v is not None:
        sp = p.speaker_next.match(text, v.end(), end, timeout=TIMEOUT)
        if sp is not None:
            return Cue("after_inverted", sp.span("sp"), v.span("v"))
        return None
    reach = min(end, pos + SPEAKER_REACH)
    for k, v in enumerate(p.verb.finditer(text, pos, reach, timeout=TIMEOUT)):
        if k == VERBS_TRIED:
            break
        gap = p.speaker_gap.fullmatch(text, pos, v.start(), timeout=TIMEOUT)
        if gap is not None:
            ad = p.addressee_next.match(text, v.end(), end, timeout=TIMEOUT)
            return Cue("after", gap.span("sp"), v.span("v"), ad.span("ad") if ad else None)
    return None


def before(text: str, start: int, end: int) -> Cue | None:
    """A frame ending at an opening mark: ``X said: "Q"`` / ``X told Y: "Q"`` /
    ``according to X, "Q"`` / ``X said the plan was "Q"`` (with a tail)."""
    p = compiled()
    acc = p.according_ending.search(text, start, end, timeout=TIMEOUT)
    if acc is not None:
        return Cue("according", acc.span("sp"))
    verbs = list(p.verb.finditer(text, start, end, timeout=TIMEOUT))
    for v in reversed(verbs[-VERBS_TRIED:]):
        t = p.tail_to_end.match(text, v.end(), end, timeout=TIMEOUT)
        if t is None:
            continue
        sp = p.speaker_ending.search(text, start, v.start(), timeout=TIMEOUT)
        if sp is not None:
            ad = t.span("ad") if t.group("ad") else None
            return Cue("before", sp.span("sp"), v.span("v"), ad, (t.group("tail") or "").strip())
        sp = p.speaker_to_end.match(text, v.end(), end, timeout=TIMEOUT)
        if sp is not None:
            return Cue("before_inverted", sp.span("sp"), v.span("v"))
    return None
