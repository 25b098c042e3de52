"""Is a quoted span speech, or a scare quote, title, nickname or term?"""

from __future__ import annotations

from itertools import islice

import regex

from .lexicon import load
from .marks import Span
from .patterns import compiled

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_WORDISH = regex.compile(r"[\p{L}\p{N}]")
_END_PUNCT = frozenset(".!?,;:…—–-")
_SMALL = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with",
                    "by", "from", "de", "la", "le", "von"))
SPEECH = "speech"
NON_SPEECH = frozenset({"scare", "title", "nickname", "term"})


def too_short(text: str, span: Span) -> bool:
    """No word between the marks: no letter or digit at all, or a single lowercase letter
    ("...", "x", a stray pair of marks). A term at most, never speech, and not worth
    attributing ("I" and "O!" are words)."""
    m = _WORDISH.search(text, span.start, span.end)
    if m is None:
        return True
    return m.group().islower() and _WORDISH.search(text, m.end(), span.end) is None


def classify(text: str, span: Span, para_start: int, attributed: bool) -> str:
    """The kind of a top-level quoted span with words in it (see :func:`too_short`):
    "speech" or one of :data:`NON_SPEECH`."""
    p = compiled()
    lead = text[max(para_start, span.open - 40):span.open]
    cue = p.non_speech.search(lead)
    word = cue.group().strip(" ,:").lower() if cue is not None else ""
    if cue is not None and not (cue.group().rstrip().endswith(",")
                                and word in load().verb_lemma):  # not "he called, "Q""
        return _cue_kind(word)
    if not span.closed or attributed:
        return SPEECH
    content = text[span.start:span.end]
    # at most 8 words decide (8 or more is speech): bounded work on a giant quotation
    words = [w.group() for w in islice(_WORD.finditer(content), 8)]
    if span.open == para_start:
        # a paragraph opening with a quote is speech, unless one or two words open a
        # sentence that goes on ('"Containment" has been U.S. policy')
        goes_on = text[span.close:span.close + 20].lstrip()[:1].islower()
        if len(words) > 2 or content.rstrip()[-1:] in _END_PUNCT or not goes_on:
            return SPEECH
        return "term"
    if len(words) >= 8:
        return SPEECH
    titled = (len(words) >= 2 and words[0][:1].isupper()
              and all(w[:1].isupper() or w.lower() in _SMALL for w in words))
    opens = _opens_sentence(text, span, para_start)
    if titled and not opens:
        # "on "Meet the Press."", "CNN's "New Day,"": a title, its comma or full stop inside
        return _title_or_term(text, span, para_start)
    if len(words) <= 3 and content[:1].islower() and not opens:
        return "scare"  # a "shock jock," a "bad earpiece": a few words mid-sentence
    tail = content.rstrip()[-1:]
    if tail and tail in _END_PUNCT and (len(words) >= 2 or opens):
        return SPEECH  # "No." / "Second." as a sentence of its own
    before = text[max(para_start, span.open - 2):span.open]
    after = text[span.close:span.close + 2]
    if (len(words) <= 2 and all(w[:1].isupper() for w in words)
            and before[-2:-1].isalpha() and after[1:2].isupper()):
        return "nickname"
    if titled:
        return _title_or_term(text, span, para_start)
    if len(words) >= 5:
        return SPEECH
    return "scare"


def _title_or_term(text: str, span: Span, para_start: int) -> str:
    """Title Case in quotes: "the 'Special Relationship'" is a scare quote, "in 'Local
    Hero'" a title."""
    return "scare" if text[max(para_start, span.open - 4):span.open] == "the " else "title"


def _opens_sentence(text: str, span: Span, para_start: int) -> bool:
    """Does the quotation open a sentence (after a full stop, a colon, or another quote
    that ended one)?"""
    lead = text[max(para_start, span.open - 4):span.open].rstrip().rstrip("\"”’'").rstrip()
    return not lead or lead[-1] in ".!?:;"


def _cue_kind(word: str) -> str:
    return load().non_speech_cues.get(" ".join(word.split()), "scare")
