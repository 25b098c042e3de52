"""Quotations inside a speech: a character telling a story quotes its people.

``"... And the innkeeper answered him: 'If we leave him alive,' said he, 'he will ...'"``:
the inner quotations are attributed by the cue-frame sieves run over the outer speech as a
paragraph of its own, and their speakers are people of the story, not of the scene around
it: ``I`` is the one telling it, ``he`` / ``she`` the one of the story just speaking or
described (``a woman``) before the tag. An inner quotation whose speaker no tag of its own
names stays part of the outer speech, as before. The outer speech is kept as the pieces around
its inner quotations (one id, one speaker), so that quotations never overlap.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from .attribute import SIEVES, Context, Frame, cue_before, sentence_subject
from .kinds import SPEECH, classify, too_short
from .lexicon import load
from .marks import Span
from .mentions import Mention
from .model import Quote
from .patterns import TIMEOUT
from .people import People
from .resolve import Resolver
from .sentences import Sentences
from .unnamed import described

TAG_WORDS = 4  # words of a tag between the halves of one inner quotation
STORY_REACH = 300  # characters back a pronoun tag of the story may find its speaker
_TELLER = frozenset({"i", "me"})


def add_inner(text: str, quotes: list[Quote], nested: list[Span], people: People,
              sentences: Sentences) -> list[Quote]:
    """``quotes`` (document order) with the speech quoted inside their speech added, each
    with its own speaker; ``nested`` are the spans of :func:`~quoteattr.marks.find_spans`
    flagged nested, ``sentences`` the text's sentences as the first pass split them."""
    starts = [s.open for s in nested]
    resolver = Resolver(text, people, sentences)
    next_id = max((q.id for q in quotes), default=-1) + 1
    out: list[Quote] = []
    for q in quotes:
        out.append(q)
        if q.kind != SPEECH:
            continue
        k = bisect_left(starts, q.start)
        kids: list[Span] = []
        while k < len(nested) and nested[k].close <= q.end:
            s = nested[k]
            if not kids or s.open >= kids[-1].close:  # a quotation two deep stays in its own
                kids.append(replace(s, paragraph=0, group=s.open))
            k += 1
        inner = _story(text, q, kids, sentences, resolver, next_id) if kids else []
        if inner:  # the speech goes on around them: its pieces keep its id and speaker
            next_id += len(inner)
            out.pop()
            out.extend(_pieces(q, [span for span, _q in inner]))
            out.extend(iq for _span, iq in inner)
    out.sort(key=lambda q: q.start)
    return out


def _pieces(q: Quote, spans: list[Span]) -> list[Quote]:
    """The stretches of the speech ``q`` around its inner quotations ``spans``."""
    out, at = [], q.start
    for s, e in [(sp.open, sp.close) for sp in spans] + [(q.end, q.end)]:
        words = q.text[at - q.start:s - q.start]
        if any(c.isalnum() for c in words):
            out.append(replace(q, text=words, start=at, end=s))
        at = max(at, e)
    return out


def _story(text: str, outer: Quote, spans: list[Span], sentences: Sentences,
           resolver: Resolver, first_id: int) -> list[tuple[Span, Quote]]:
    """The speech quoted inside ``outer`` (its nested ``spans``), attributed."""
    ctx = Context(text, [(outer.start, outer.end)], spans, sentences)
    out: list[tuple[Span, Quote]] = []
    said: list[tuple[int, str, str]] = []  # (offset, speaker, gender) as the story's people speak
    prev: tuple[Frame | None, Quote] | None = None  # the inner quotation before, if speech
    for i, span in enumerate(spans):
        if too_short(text, span):
            continue
        frame = _frame(ctx, i)
        if classify(text, span, outer.start, frame is not None) != SPEECH:
            continue
        qid = first_id + len(out)
        if prev is not None and _interrupted(text, prev[1], span):
            frame, before = prev[0], prev[1]  # 'A,' said he, 'B.': one quotation
            speaker, qid, how = before.speaker, before.id, "its first half's speaker"
        else:
            speaker, how = _speaker(text, outer, span, frame, said, resolver)
        if speaker is None:
            continue  # no tag of its own: it stays words of the outer speech
        if speaker != outer.speaker and frame is not None:
            said.append((span.open, speaker, _gender(frame)))
        evidence = (f"inside the speech at {outer.start}: a quotation within it",
                    f"rule {frame.rule}" if frame else "no tag of its own", how)
        cue = frame.cue if frame else None
        q = Quote(qid, text[span.start:span.end], span.start, span.end,
                  speaker, (frame.speaker.start, frame.speaker.end)
                  if frame and frame.speaker and speaker else None,
                  text[cue[0]:cue[1]] if cue else None, cue, kind=SPEECH,
                  paragraph=outer.paragraph, confidence=0.6,
                  rule=frame.rule if frame else None,
                  mention=frame.speaker.text if frame and frame.speaker else None,
                  evidence=tuple(e for e in evidence if e))
        out.append((span, q))
        prev = (frame, q)
    return out


def _interrupted(text: str, before: Quote, span: Span) -> bool:
    """Is ``span`` the second half of ``'A,' said he, 'B.'`` (``before`` being A): A ends
    with a comma, and a short tag between them too?"""
    gap = text[before.end:span.open].strip(" \n'‘’\"“”")
    return before.text.rstrip().endswith((",", "—", "--")) and gap.endswith((",", ";")) \
        and len(gap.split()) <= TAG_WORDS \
        and not any(c in gap for c in ".!?")


def _frame(ctx: Context, i: int) -> Frame | None:
    """The first sieve that names a speaker for inner quotation ``i``; for a pronoun tag
    after it (``said she``), a lead-in before it that names someone (``the cook said:``)."""
    try:
        for sieve in SIEVES:
            frame = sieve(ctx, i)
            if frame is not None and frame.speaker is not None:
                if frame.speaker.kind == "pronoun" and frame.rule == "cue_after":
                    lead = cue_before(ctx, i) or sentence_subject(ctx, i)
                    if lead is not None and lead.speaker is not None \
                            and lead.speaker.kind != "pronoun":
                        return lead
                return frame
    except TimeoutError:
        return None
    return None


def _speaker(text: str, outer: Quote, span: Span, frame: Frame | None,
             said: list[tuple[int, str, str]], resolver: Resolver) -> tuple[str | None, str]:
    """Who of the story the tag names, and how that was decided."""
    if frame is None or frame.speaker is None:
        return None, ""
    m = frame.speaker
    if m.kind == "description":  # "the cook said:": a person of the story, as described
        return " ".join(m.text.split()), f"speaker: {m.text!r}, a person of the story"
    if m.kind != "pronoun":
        return resolver.name(m, span.open), f"speaker: {resolver.how}"
    if m.core in _TELLER:
        return outer.speaker, f"speaker: {m.text!r} is the one telling the story"
    if m.gender not in ("m", "f"):
        return None, f"speaker: {m.text!r}, no one person of the story"
    return _story_pronoun(text, outer, span, m, said)


def _story_pronoun(text: str, outer: Quote, span: Span, m: Mention,
                   said: list[tuple[int, str, str]]) -> tuple[str | None, str]:
    """``said he`` in a story: the one of the story who spoke just before (the other half
    of ``'A,' said he, 'B.'``), else the nearest person of that gender it describes."""
    floor = max(outer.start, span.open - STORY_REACH)
    if said and said[-1][0] >= floor and said[-1][2] in (m.gender, "-"):
        return said[-1][1], f"speaker: {m.text!r} -> {said[-1][1]!r}, who spoke just before"
    genders = load().role_nouns
    found = None
    for d in described(gendered=False).finditer(text, floor, span.open, timeout=TIMEOUT):
        if genders[d.group("n").lower()] in (m.gender, "-"):
            found = f"the {d.group('n').lower()}"
    if found is not None:
        return found, f"speaker: {m.text!r} -> {found!r}, described just before"
    return None, f"speaker: {m.text!r}, no one of the story before it"


def _gender(frame: Frame) -> str:
    return frame.speaker.gender if frame.speaker is not None else "-"
