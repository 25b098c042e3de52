"""The pipeline, top to bottom: paragraphs -> quotations -> sentences -> attribution ->
canonical speakers -> :class:`Quote` records."""

from __future__ import annotations

from typing import Any

from . import cast as cast_mod
from .attribute import SIEVES, Context, Frame, continuation
from .cast import Characters
from .confidence import FICTION, NEWS, confidences
from .dashes import dash_spans
from .fiction import attribute_dialogue, looks_like_fiction
from .genre import reads_as_news
from .kinds import SPEECH, classify, too_short
from .lexicon import load
from .marks import Span, find_spans
from .mentions import Mention
from .model import Extraction, Quote, with_fields
from .nested import add_inner
from .paragraphs import paragraph_spans
from .people import People
from .reported import add_reported
from .resolve import Resolver
from .sentences import Sentences, tokenizer
from .speakers import index as index_speakers

KINDS = ("speech", "all")


def extract(text: str, *, kinds: str = "speech", characters: Characters | None = None,
            reported: bool = False,
            **options: Any) -> Extraction:
    """Find the quotations of ``text`` and who said each.

    Args:
        text: the document (any ``str``; offsets in the result index it).
        kinds: ``"speech"`` (default) returns speech only; ``"all"`` adds scare quotes,
            titles, nicknames and terms, each with its ``kind``.
        characters: an optional cast, names or ``[{"name": ..., "aliases": [...]}, ...]``:
            speakers are then named by these canonical names (see
            :func:`quoteattr.cast.normalise`); ``None`` or ``[]``: no cast given.
        reported: also return reported speech (:mod:`quoteattr.reported`): ``kind=
            "indirect"`` (``X said the plan would fail``) and ``kind="mixed"`` (reported
            content holding a quoted fragment, which stays its own direct quote).

    Returns:
        An :class:`Extraction`: a sequence of :class:`Quote` in document order.

    Raises:
        TypeError: ``text`` is not a ``str``, an unknown option, or a malformed cast.
        ValueError: an unknown ``kinds``, or a cast entry without a name.
    """
    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(
            text, (bytes, bytearray)) else ""
        raise TypeError(f"extract() needs a str, got {type(text).__name__}{hint}")
    if kinds not in KINDS:
        raise ValueError(f"kinds must be one of {KINDS}, got {kinds!r}")
    if options:
        raise TypeError(f"unknown option(s): {', '.join(sorted(options))}")
    paragraphs = paragraph_spans(text)  # found once, for deciding and for rating
    quotes, strategy, people = _decide(text, kinds, characters, paragraphs, reported)
    rated = confidences(text, quotes, strategy, paragraphs)
    # the records do not read the confidence; they share the people's reading of names
    ids, records = index_speakers(text, quotes, people)
    del people
    get = ids.get
    return Extraction(text, [with_fields(q, confidence=c, speaker_id=get(q.speaker or ""),
                                         addressee_id=get(q.addressee or ""))
                             for q, c in zip(quotes, rated, strict=True)], records)


def decide(text: str, kinds: str = "speech", characters: Characters | None = None,
           paragraphs: list[tuple[int, int]] | None = None,
           reported: bool = False) -> tuple[list[Quote], str]:
    """The quotations of ``text`` and their speakers, before :func:`quoteattr.confidence.rate`
    gives each its confidence, and the strategy that decided them (``"news"`` or
    ``"fiction"``; ``tools/fit_weights.py`` fits the confidence table on these).
    ``paragraphs``: :func:`~quoteattr.paragraphs.paragraph_spans` of ``text``, if known;
    ``reported``: add reported speech (:func:`quoteattr.reported.add_reported`)."""
    quotes, strategy, _ = _decide(text, kinds, characters, paragraphs, reported)
    return quotes, strategy


def _decide(text: str, kinds: str, characters: Characters | None,
            paragraphs: list[tuple[int, int]] | None, reported: bool
            ) -> tuple[list[Quote], str, People | None]:
    """:func:`decide`, with the text's people (None when the text has no quotation and
    no reported speech was asked for)."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    cast = cast_mod.normalise(characters)  # [] is no cast: the text decides news or fiction
    found = _quotes(text, paragraphs, kinds)
    if found is None:
        if reported:
            people = People(text, [])
            return add_reported(text, paragraphs, [], people,
                                Sentences(text, paragraphs)), NEWS, people
        return [], NEWS, None
    quotes, people, nested, sentences = found  # the first pass's spans, frames are freed
    story = _dialogue(text, paragraphs, quotes, cast, people)
    strategy = NEWS if story is None else FICTION
    if story is not None and nested:  # a character tells a story: its people speak in it
        story = add_inner(text, story, nested, people, sentences)
    decided = quotes if story is None else story
    if reported:
        decided = add_reported(text, paragraphs, decided, people, sentences)
    return decided, strategy, people


def _quotes(text: str, paragraphs: list[tuple[int, int]], kinds: str
            ) -> tuple[list[Quote], People, list[Span], Sentences] | None:
    """The quotations of ``text`` attributed by the cue-frame sieves, the text's people,
    the spans nested inside a quotation and the text's sentences (None when the text has
    no quotation)."""
    skip = _furniture(text, paragraphs)
    marked = find_spans(text, paragraphs, skip)
    spans = [s for s in marked if not s.nested]
    dashed = dash_spans(text, paragraphs, marked, skip)
    if dashed:
        spans = sorted(spans + dashed, key=lambda s: s.start)
    if not spans:
        return None
    ctx = Context(text, paragraphs, spans, Sentences(text, paragraphs), skip)
    short = [too_short(text, span) for span in spans]  # "x", "...": a term, no attribution
    frames = [None if short[i] else _first_frame(ctx, i) for i in range(len(spans))]
    kinds_of = ["term" if short[i] else
                classify(text, span, paragraphs[span.paragraph][0], _adjacent(frames[i]))
                for i, span in enumerate(spans)]
    prev: int | None = None
    for i in range(len(spans)):
        if kinds_of[i] != SPEECH:
            continue
        if frames[i] is None:
            frames[i] = continuation(ctx, i, prev) or frames[i]
        prev = i
    people = People(text, [(s.open, s.close) for s in spans])
    resolver = Resolver(text, people, ctx.sentences)
    del ctx
    # each span and frame is let go as its quote is made, so that with a quotation every
    # few characters (millions of them) fewer objects are alive at once
    for seq in (spans, frames, kinds_of):
        seq.reverse()
    quotes: list[Quote] = []
    before: tuple[Span, Frame | None, int] | None = None  # the previous span, frame, id
    for i in range(len(spans)):
        span, frame, kind = spans.pop(), frames.pop(), kinds_of.pop()
        qid = _quote_id(span, frame, before, i)
        before = (span, frame, qid)
        if kind != SPEECH and kinds == "speech":
            resolver.record(i, span.open, None, None)
            continue
        try:
            quotes.append(_record(text, span, kind, qid, frame, resolver, i))
        except TimeoutError:  # naming the speaker timed out: keep the quote, unattributed
            quotes.append(_record(text, span, kind, qid, None, resolver, i))
    return quotes, people, [s for s in marked if s.nested], resolver.sentences


def _dialogue(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote],
              characters: tuple[cast_mod.Entry, ...] | None, people: People
              ) -> list[Quote] | None:
    """Fiction (a cast given, or a text that reads as a story): name the speakers of the
    dialogue through the story's cast (built on the name scan ``people`` made); None for a
    text that is no story."""
    speech = [q for q in quotes if q.kind == SPEECH]
    if characters is None and (not looks_like_fiction(text, speech, paragraphs)
                               or reads_as_news(text)):
        return None
    mentions = cast_mod.split_names(text, people.spans)
    cast = cast_mod.from_list(characters) if characters is not None \
        else cast_mod.from_text(text, mentions)
    named = iter(attribute_dialogue(text, paragraphs, speech, cast, mentions))
    return [next(named) if q.kind == SPEECH else q for q in quotes]


def _first_frame(ctx: Context, i: int) -> Frame | None:
    """The first sieve's answer; None also when a match runs past ``patterns.TIMEOUT``
    (that quotation goes unattributed, the rest of the text is still processed)."""
    try:
        for sieve in SIEVES:
            frame = sieve(ctx, i)
            if frame is not None:
                return frame
    except TimeoutError:
        return None
    return None


def _adjacent(frame: Frame | None) -> bool:
    """Does the frame tie the quotation to a speech verb right next to it?"""
    return frame is not None and frame.rule in ("cue_after", "cue_before", "lead_in",
                                                "signature", "transcript_label", "quoted_as")


def _quote_id(span: Span, frame: Frame | None, before: tuple[Span, Frame | None, int] | None,
              i: int) -> int:
    """Pieces of one quotation share an id: paragraphs of one speech, and the two halves
    of ``"A," he said, "B."``. ``before``: the previous quotation's span, frame and id."""
    if before is not None:
        prev, f_prev, prev_id = before
        if prev.group == span.group:
            return prev_id
        if (f_prev is not None and frame is not None and f_prev.cue is not None
                and f_prev.cue == frame.cue and prev.paragraph == span.paragraph):
            return prev_id
    return i


def _record(text: str, span: Span, kind: str, qid: int, frame: Frame | None,
            resolver: Resolver, i: int) -> Quote:
    words = text[span.start:span.end]
    if frame is None:
        resolver.record(i, span.open, None, None)
        return Quote(qid, words, span.start, span.end, kind=kind, paragraph=span.paragraph,
                     evidence=("no cue frame, and no quotation before it to continue",))
    cue = text[frame.cue[0]:frame.cue[1]] if frame.cue else None
    if frame.inherit is not None:
        speaker, mention = resolver.speaker_of(frame.inherit)
        resolver.record(i, span.open, speaker, mention)
        why = (f"rule {frame.rule}: continues the speaker of the quotation at "
               f"{resolver.start_of(frame.inherit)}",)
        return Quote(qid, words, span.start, span.end, speaker, _span(mention), cue, frame.cue,
                     kind=kind, paragraph=span.paragraph,
                     confidence=frame.confidence if speaker else 0.0, rule=frame.rule,
                     mention=mention.text if mention else None, evidence=why)
    evidence = [f"rule {frame.rule}"]
    if frame.cue:
        evidence.append(f"cue {cue!r} at {frame.cue[0]}-{frame.cue[1]}")
    addressee = None
    if frame.addressee:
        addressee = resolver.name(frame.addressee, span.open)
        evidence.append(f"addressee: {resolver.how}")
    speaker = None
    if frame.speaker:
        speaker = resolver.name(frame.speaker, span.open, exclude=addressee)
        evidence.append(f"speaker: {resolver.how}")
    resolver.record(i, span.open, speaker, frame.speaker)
    conf = frame.confidence * (0.8 if frame.speaker and frame.speaker.kind != "name" else 1.0)
    return Quote(qid, words, span.start, span.end, speaker, _span(frame.speaker), cue, frame.cue,
                 addressee, _span(frame.addressee), kind, span.paragraph, round(conf, 3),
                 frame.rule, frame.speaker.text if frame.speaker else None, tuple(evidence))


def _span(m: Mention | None) -> tuple[int, int] | None:
    return (m.start, m.end) if m is not None else None


def _furniture(text: str, paragraphs: list[tuple[int, int]]) -> frozenset[int]:
    """Paragraphs that are page furniture (ads, prompts), passed over by quotations."""
    lines = load().ad_lines
    firsts = frozenset(line[:1] for line in lines)  # a cheap test first: the first letter
    return frozenset(k for k, (s, e) in enumerate(paragraphs)
                     if e - s < 40 and text[s].lower()[:1] in firsts
                     and " ".join(text[s:e].lower().split()) in lines)


# Build the sentence splitter at import, once; the patterns are compiled on first use,
# each one only when a text needs it.
tokenizer()
