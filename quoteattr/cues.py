"""Cue frames: a speech verb next to a quotation, and who it names.

Found verb first (a fast scan for the verbs of ``speech_verbs.txt``), then small anchored
matches: the speaker before or after the verb, the hearer after it, and nothing but a
short tail between the verb and the opening mark.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import column, load
from .patterns import TAIL, TIMEOUT, WIDE, compiled

# The matches that try the large speaker and verb alternations pass patterns.TIMEOUT
# (None: no clock, so the answer never depends on the machine's load; tests set one to
# show that no match comes near it). Each runs in a bounded window: SPEAKER_REACH.
SPEAKER_REACH = 120  # characters between a closing mark and the verb of "X said"
VERBS_TRIED = 3  # verbs tried, nearest the quotation first, for one cue frame

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Cue:
    """Offsets of the parts of one cue frame."""

    form: str  # "after", "after_inverted", "before", "before_inverted", "according", "participle"
    speaker: Offsets | None  # None for a participle whose subject is the previous speaker
    verb: Offsets | None = None
    addressee: Offsets | None = None
    tail: str = ""  # words between the verb (and hearer) and the opening mark
    apposition: Offsets | None = None  # ", the defence secretary," after the speaker


_SPACE = regex.compile(r"\s")
_SINGULAR = frozenset({"a", "an", "another", "one", "this", "that"})
_TO_COLON = regex.compile(r"[^.!?:;\"“”‘’\n]{0,50}:\s*[\"“‘']")
# the object of these is no speaker ("in a tweet, saying"); "with X saying", "More from X:" are X's
_PREPOSITIONS = frozenset(column("subject_prepositions.txt")) - {"with", "from"}


def after(text: str, start: int, end: int) -> Cue | None:
    """A frame right after a closing mark: ``"Q," X said`` / ``"Q," said X``."""
    p = compiled()
    lead = p.lead.match(text, start, end)
    pos = lead.end() if lead else start
    v = p.verb_at.match(text, pos, end)
    if v is not None:
        sp = p.speaker_at.match(text, v.end(), end, timeout=TIMEOUT)
        if sp is not None:
            who, named = sp.span("sp"), None
            first = text[who[0]:who[1]].split(None, 1)[0]
            if first.lower() in load().determiners or first.endswith(("'s", "’s")):
                # "said another user, Ana Ruiz.": the description is named after it
                ap = p.named_after.match(text, who[1], end, timeout=TIMEOUT)
                if ap is not None:
                    who, named = (who[0], ap.end("more")), ap.span("ap")
            return Cue("after_inverted", who, verb_of(text, v.span("v")),
                       hearer(text, v.span("v"), end, sp.end()), apposition=named)
        return None
    reach = min(end, pos + SPEAKER_REACH)
    for k, v in enumerate(p.verb.finditer(text, pos, reach, timeout=TIMEOUT)):
        if k == VERBS_TRIED:
            break
        gap = p.speaker_at.match(text, pos, v.start(), timeout=TIMEOUT)
        if gap is not None and not _noun_not_verb(text, gap.span("sp"), v.span("v")):
            if "," not in text[max(0, start - 3):start] and _leads_on(text, v.end(), end):
                return None  # '"Q." Mr. Zahed said: "R."': the frame is the next quote's
            return Cue("after", gap.span("sp"), verb_of(text, v.span("v")),
                       hearer(text, v.span("v"), end), apposition=_inside(gap, "ap"))
    return None


def before(text: str, start: int, end: int) -> Cue | None:
    """A frame ending at an opening mark: ``X said: "Q"`` / ``X told Y: "Q"`` /
    ``according to X, "Q"`` / ``X said the plan was "Q"`` (with a tail)."""
    p = compiled()
    if "ccording" in text[start:end]:  # cheap test first: the pattern is costly to try
        acc = p.according_ending.match(text, start, end, timeout=TIMEOUT)  # ends at \Z
        if acc is not None:
            return Cue("according", acc.span("sp"))
    verbs = list(p.verb.finditer(text, start, end, timeout=TIMEOUT))
    for v in reversed(verbs[-VERBS_TRIED:]):
        t = p.addressee_next.match(text, v.end() - TAIL, end)
        if t is None:
            continue
        # anchored at the verb: the pattern ends at the window's end, or (WIDE) one word
        # character before it, and before a verb stands none
        sp = p.speaker_ending.match(text, start, v.start(), timeout=TIMEOUT)
        if sp is not None and v.group("v").endswith("ing") and governed(text, sp.span("sp")):
            # "claimed victory in a tweet, saying:", "issued a statement saying the plan
            # was "Q"": no speaker there; the sentence's subject speaks
            return Cue("participle", None, verb_of(text, v.span("v")),
                       hearer(text, v.span("v"), end), tail=(t.group("tail") or "").strip())
        if sp is not None and sp.group("ap") and not _personal(sp.group("sp")):
            # "Mr. Daniloff, now 81 and retired in Cambridge, Mass., said": the shortest
            # apposition left "Cambridge" as the speaker; the longest finds the person
            wide = p.speaker_ending.search(text, start, v.start() + WIDE, timeout=TIMEOUT)
            if wide is not None and _personal(wide.group("sp")):
                sp = wide
        if sp is not None:
            ad = hearer(text, v.span("v"), end)
            tail = (t.group("tail") or "").strip()
            return Cue("before", sp.span("sp"), verb_of(text, v.span("v")), ad, tail,
                       _inside(sp, "ap"))
        sp = p.speaker_to_end.match(text, v.end(), end, timeout=TIMEOUT)
        if sp is not None and not _hearer_first(text, v.span("v"), sp.span("sp")):
            return Cue("before_inverted", sp.span("sp"), verb_of(text, v.span("v")))
        tail = (t.group("tail") or "").strip()
        if v.group("v").endswith("ing") and len(tail.split()) <= 3:
            # "..., before adding: "Q""
            return Cue("participle", None, verb_of(text, v.span("v")),
                       hearer(text, v.span("v"), end), tail=tail)
    return None


def _leads_on(text: str, pos: int, end: int) -> bool:
    """Does the clause at ``pos`` end in a colon and an opening mark (``said: "``, ``wrote
    of Ms. Merkel: "``): a frame that introduces the quotation after it?"""
    m = _TO_COLON.match(text, pos, min(end + 4, pos + 60))
    return m is not None


def _hearer_first(text: str, verb: Offsets, speaker: Offsets) -> bool:
    """``saying to Mr. Knightley, "Q"``: the words after the verb open with the
    preposition of its hearer, so they name the one spoken to, not the speaker."""
    lex = load()
    s, e = verb_of(text, verb)
    preps = lex.addressee_preps.get(lex.verb_lemma.get(text[s:e].lower(), ""), frozenset())
    first = text[speaker[0]:speaker[1]].split(None, 1)[0].lower()
    return first in preps


def governed(text: str, speaker: Offsets) -> bool:
    """Is the mention the object of a preposition ("in a tweet", "to Twitter", "wrote of
    Ms. Merkel:"), or a thing said ("released a statement saying")? Then it is no speaker."""
    s, e = speaker
    before = text[max(0, s - 20):s].split()[-1:]
    if before and before[0].lower() in _PREPOSITIONS:
        return True
    words = text[s:e].split()
    return len(words) > 1 and words[0].lower() in ("a", "an", "the") \
        and words[-1].lower() in load().speaker_heads


def _noun_not_verb(text: str, speaker: Offsets, verb: Offsets) -> bool:
    """``"Q," a harsh voice cried``: after "a"/"an" a bare verb form is the noun of the
    description ("voice"), not its verb; the verb comes later."""
    first = text[speaker[0]:speaker[1]].split(None, 1)[0].lower()
    word = text[verb[0]:verb[1]].lower()
    return first in _SINGULAR and load().verb_lemma.get(word) == word


def verb_of(text: str, span: Offsets) -> Offsets:
    """The cue's verb alone: "said" of a matched phrase "said in a statement"."""
    s, e = span
    first = text[s:e].split(None, 1)[0]
    if len(first) < e - s and first.lower() in load().verb_lemma:
        return s, s + len(first)
    return span


def _personal(mention: str) -> bool:
    """Does a mention look like a person's name (a title or a known given name first)?"""
    lex = load()
    first = mention.split(None, 1)[0] if mention.strip() else ""
    return lex.title(first) is not None or first in lex.first_names


def _inside(m: regex.Match[str], group: str) -> Offsets | None:
    """The words of an apposition group, without its commas or brackets."""
    if m.group(group) is None:
        return None
    s, e = m.span(group)
    text = m.string
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return (s, e) if e > s else None


def hearer(text: str, verb: Offsets, end: int, after: int | None = None) -> Offsets | None:
    """Who the verb at ``verb`` is said to: its object for verbs that take the hearer
    (``told Y``, ``asked Y``), or after the verb's preposition (``said to Y``). ``after``:
    where to look when the speaker stands between (``said X to Y``)."""
    lex = load()
    p = compiled()
    lemma = lex.verb_lemma.get(text[verb[0]:verb[1]].lower())
    if lemma is None:
        return None
    pos = verb[1] if after is None else after
    if lemma in lex.addressee_verbs and after is None and _SPACE.match(text, pos, end):
        # (a hearer follows a space: at a word character, where a verb cut by its window
        # ends, addressee_next would read the frame's tail instead)
        m = p.addressee_next.match(text, pos, end)
        if m is not None:
            return m.span("ad")
    preps = lex.addressee_preps.get(lemma)
    if preps:
        m = p.hearer_prep.match(text, pos, end)
        if m is not None and " ".join(m.group("prep").split()) in preps:
            m = p.addressee_next.match(text, m.end(), end)
            if m is not None:
                return m.span("ad")
    return None
