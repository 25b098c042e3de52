"""Why each quotation got its speaker: the sieve, the cue, the mention, the pronoun chain."""

from __future__ import annotations

from .model import Extraction, Quote


def explain(result: Extraction | Quote, *, width: int = 60) -> str:
    """A readable account of how each quote was attributed.

    Args:
        result: what :func:`quoteattr.extract` returned, or one of its quotes.
        width: quoted text is shortened to this many characters.

    Returns:
        One block per quote: its offsets, text, speaker, and the evidence behind it.

    >>> import quoteattr
    >>> print(quoteattr.explain(quoteattr.extract('Jane Smith arrived. "We won," she said.')))
    [21-28] "We won,"
      speaker: 'Jane Smith' (confidence 0.946)
      rule cue_after
      cue 'said' at 34-38
      speaker: pronoun 'she' -> 'Jane Smith', subject of its sentence at 0-10
    """
    quotes = [result] if isinstance(result, Quote) else list(result)
    return "\n".join(_block(q, width) for q in quotes)


def _block(q: Quote, width: int) -> str:
    text = " ".join(q.text.split())
    if len(text) > width:
        text = text[: width - 3] + "..."
    who = repr(q.speaker) if q.speaker else "nobody named"
    to = f", to {q.addressee!r}" if q.addressee else ""
    lines = [f'[{q.start}-{q.end}] "{text}"', f"  speaker: {who}{to} (confidence {q.confidence})"]
    lines += [f"  {e}" for e in q.evidence]
    return "\n".join(lines)
