"""Attribution sieves: who said each quotation, most precise rule first.

Each sieve looks at one quotation in its context and returns a :class:`Frame` (the
speaker mention, the cue, the addressee) or None; the first that answers decides, and
its name travels with the quote as ``rule``. :data:`SIEVES` run on every quotation;
:func:`continuation` runs afterwards on speech that none of them could attribute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from . import cues
from .lexicon import load
from .marks import Span
from .mentions import Mention, classify
from .patterns import TIMEOUT, compiled
from .sentences import Sentences

WINDOW = 300  # characters of context a cue frame may use on either side
_LABEL = regex.compile(r"((?:\p{Lu}[\p{Lu}'’.\-]+)(?: \p{Lu}[\p{Lu}'’.\-]+){0,2}):\s")


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
    """One text and its quotations, as the sieves see them (with each quotation's
    windows, worked out once for all the sieves)."""

    text: str
    paragraphs: list[tuple[int, int]]
    spans: list[Span]  # top-level quotations, document order
    sentences: Sentences
    furniture: frozenset[int] = frozenset()  # paragraphs that are ads or captions
    _after: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)
    _before: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)

    def prev_paragraph(self, k: int) -> int:
        """Index of the paragraph before paragraph ``k``, passing over furniture (-1: none)."""
        k -= 1
        while k in self.furniture:
            k -= 1
        return k

    def para(self, i: int) -> tuple[int, int]:
        return self.paragraphs[self.spans[i].paragraph]

    def sentence_start(self, pos: int) -> int:
        return self.sentences.start_of(pos)

    def after_window(self, i: int) -> tuple[int, int]:
        window = self._after.get(i)
        if window is None:
            s = self.spans[i]
            end = min(self.para(i)[1], s.close + WINDOW)
            if i + 1 < len(self.spans) and self.spans[i + 1].paragraph == s.paragraph:
                end = min(end, self.spans[i + 1].open)
            window = self._after[i] = (s.close, end)
        return window

    def before_window(self, i: int) -> tuple[int, int]:
        window = self._before.get(i)
        if window is None:
            window = self._before[i] = self._before_window(i)
        return window

    def before_floor(self, i: int) -> int:
        """Where :meth:`before_window` may start at the earliest (before the sentence's
        start is looked for): a cheap test of the window's words."""
        s = self.spans[i]
        ps = self.para(i)[0]
        if s.open == ps:
            return s.open  # a quote opening its paragraph: nothing before it
        start = max(ps, s.open - WINDOW)
        if i > 0 and self.spans[i - 1].paragraph == s.paragraph:
            start = max(start, self.spans[i - 1].close)
        return start

    def _before_window(self, i: int) -> tuple[int, int]:
        s = self.spans[i]
        start = self.before_floor(i)
        if start == s.open:
            return s.open, s.open
        return self.sentences.start_after(start, s.open), s.open


def _mention(ctx: Context, span: tuple[int, int] | None) -> Mention | None:
    """The mention at ``span`` (None when there is none, or it names nobody)."""
    return classify(ctx.text, *span) if span is not None else None


def _speaker(ctx: Context, cue: cues.Cue) -> Mention | None:
    """The cue's speaker; a description followed by a name in apposition ("another Twitter
    user, Ana Ruiz,") is that name."""
    sp = _mention(ctx, cue.speaker)
    if sp is not None and sp.kind == "description" and cue.apposition is not None:
        named = _mention(ctx, cue.apposition)
        if (named is not None and named.kind == "name" and named.core == named.text
                and named.text[:1].isupper()):
            return named
    return sp


def cue_after(ctx: Context, i: int) -> Frame | None:
    """``"Q," X said.`` / ``"Q," said X.`` / ``"Q," X told Y.``"""
    s, e = ctx.after_window(i)
    cue = cues.after(ctx.text, s, e) if e > s else None
    sp = _speaker(ctx, cue) if cue else None
    if cue is None or sp is None:
        return None
    return Frame("cue_after", 0.95, sp, cue.verb, _mention(ctx, cue.addressee))


def cue_before(ctx: Context, i: int) -> Frame | None:
    """``X said: "Q"`` / ``X told Y: "Q"`` / ``according to X, "Q"``; also ``X said the
    plan was "a disaster"`` (a partial quotation, lower confidence)."""
    s, e = ctx.before_window(i)
    cue = cues.before(ctx.text, s, e) if e > s else None
    if cue is not None and cue.form == "participle":
        heard = _mention(ctx, cue.addressee)  # "saying to Mr. Knightley, "Q""
        if i > 0 and ctx.spans[i - 1].paragraph == ctx.spans[i].paragraph:
            return Frame("participle", 0.85, cue=cue.verb, addressee=heard, inherit=i - 1)
        # "Trump defended the incident, calling the protester "Q"": the sentence's subject
        m = compiled().subject.match(ctx.text, s, e, timeout=TIMEOUT)
        mention = classify(ctx.text, *m.span("sp")) if m else None
        return Frame("participle", 0.7, mention, cue.verb, heard) if mention is not None \
            else None
    sp = _speaker(ctx, cue) if cue else None
    if cue is None or sp is None:
        return None
    if cue.tail:
        colon = compiled().name_colon.search(ctx.text, s, e, timeout=TIMEOUT)
        named = classify(ctx.text, *colon.span("sp")) \
            if colon and not cues.governed(ctx.text, colon.span("sp")) else None
        if named is not None:  # "Pollsters agree - Carl Bialik: "Q"": the name at the colon
            return Frame("sentence_subject", 0.6, named)
        return Frame("cue_in_sentence", 0.7, sp, cue.verb, _mention(ctx, cue.addressee))
    return Frame("cue_before", 0.9, sp, cue.verb, _mention(ctx, cue.addressee))


def quoted_as(ctx: Context, i: int) -> Frame | None:
    """``"Q," the website quoted Ms. Simonyan as saying`` / ``Reuters quoted X as saying:
    "Q"``: the person quoted, not the one quoting."""
    p = compiled()
    for s, e in _quoting_windows(ctx, i):
        if e - s > 12 and "quot" in ctx.text[s:e]:
            m = p.quoted_as.search(ctx.text, s, e, timeout=TIMEOUT)
            if m is not None and not any(c in ctx.text[s:m.start()] for c in ".!?"):
                mention = _mention(ctx, m.span("sp"))
                if mention is not None:
                    return Frame("quoted_as", 0.85, mention, m.span("v"))
    return None


def _quoting_windows(ctx: Context, i: int) -> Iterator[tuple[int, int]]:
    """The windows after and before quotation ``i``; the one before only when its widest
    reach has the word (its sentence's start is costly to find)."""
    yield ctx.after_window(i)
    if "quot" in ctx.text[ctx.before_floor(i):ctx.spans[i].open]:
        yield ctx.before_window(i)


def lead_in(ctx: Context, i: int) -> Frame | None:
    """``He concluded:`` closing the paragraph before one that opens with the quote."""
    sp = ctx.spans[i]
    k = ctx.prev_paragraph(sp.paragraph)
    if sp.open != ctx.para(i)[0] or k < 0:
        return None
    prev_s, prev_e = ctx.paragraphs[k]
    if ctx.text[prev_e - 1:prev_e] != ":":
        return None
    start = ctx.sentences.start_after(max(prev_s, prev_e - WINDOW), prev_e - 1)
    cue = cues.before(ctx.text, start, prev_e)
    mention = _speaker(ctx, cue) if cue and cue.verb else None
    if cue is None or mention is None:
        return None
    return Frame("lead_in", 0.85, mention, cue.verb, _mention(ctx, cue.addressee))


def transcript_label(ctx: Context, i: int) -> Frame | None:
    """``"PENCE: Well, look, ...``: a transcript line names its speaker before a colon."""
    sp = ctx.spans[i]
    m = _LABEL.match(ctx.text, sp.start, min(sp.end, sp.start + 40))
    if m is None:
        return None
    mention = Mention(m.start(1), m.end(1), m.group(1), "name", m.group(1), "-")
    return Frame("transcript_label", 0.9, mention)


def signature(ctx: Context, i: int) -> Frame | None:
    """``"Q" ― Stephanie Egan``: a name after a dash, ending the paragraph, or standing
    alone as the next paragraph (``"Q"`` then ``- Sanders.``)."""
    s, e = ctx.after_window(i)
    pe = ctx.para(i)[1]
    if e != pe:
        return None
    p = compiled()
    m = p.signature.match(ctx.text, s, e) if e > s else None
    if m is None and not ctx.text[s:e].strip(" .,\"”’'"):
        k = ctx.spans[i].paragraph + 1
        while k in ctx.furniture:
            k += 1
        if k < len(ctx.paragraphs):
            ns, ne = ctx.paragraphs[k]
            m = p.signature.match(ctx.text, ns, ne) if ne - ns < 60 else None
    mention = classify(ctx.text, *m.span("sp")) if m else None
    return Frame("signature", 0.8, mention) if mention is not None else None


def sentence_subject(ctx: Context, i: int) -> Frame | None:
    """``Trump quickly took to Twitter, writing: "Q"`` / ``Bush: "Q"``: a sentence that leads
    into the quote with a colon (or a speech verb and a comma) names its speaker first."""
    s, e = ctx.before_window(i)
    lead = ctx.text[s:e].rstrip()
    if not lead or (s != ctx.para(i)[0] and s != ctx.sentence_start(ctx.spans[i].open)):
        return None
    if not (lead.endswith(":") or (lead.endswith(",") and compiled().verb.search(
            ctx.text, s, e, timeout=TIMEOUT))):
        return None
    m = compiled().name_colon.search(ctx.text, s, e, timeout=TIMEOUT)
    if m is not None and _object(ctx.text, m.span("sp")):
        m = None  # "told Fox News:", "a message to Trump:": the one spoken to or of
    if m is None:
        m = compiled().subject.match(ctx.text, s, e, timeout=TIMEOUT)
    mention = classify(ctx.text, *m.span("sp")) if m else None
    return Frame("sentence_subject", 0.6, mention) if mention is not None else None


def _object(text: str, span: tuple[int, int]) -> bool:
    """Is the name at ``span`` an object: after a preposition ("on CNN:") or right after
    a speech verb ("told Fox News:")?"""
    before = text[max(0, span[0] - 20):span[0]].split()[-1:]
    return cues.governed(text, span) or (
        bool(before) and before[0].lower() in load().verb_lemma)


def previous_sentence(ctx: Context, i: int) -> Frame | None:
    """``Lau said in a statement. "Q"``: a quote opening a sentence, after a sentence of
    the same paragraph that ends with its speaker's cue."""
    sp = ctx.spans[i]
    ps = ctx.para(i)[0]
    if sp.open == ps or not ctx.sentences.starts_at(sp.open):
        return None
    start = ctx.sentences.start_after(max(ps, sp.open - WINDOW), sp.open - 1)
    if i > 0 and ctx.spans[i - 1].paragraph == sp.paragraph:
        start = max(start, ctx.spans[i - 1].close)  # '"partial" change, Axelrod said. "Q"'
    if start >= sp.open:
        return None
    cue = cues.before(ctx.text, start, sp.open)
    mention = _speaker(ctx, cue) if cue and cue.verb else None
    if cue is None or mention is None or len(cue.tail.split()) > 5:
        return None
    return Frame("previous_sentence", 0.55, mention, cue.verb, _mention(ctx, cue.addressee))


def reported_before(ctx: Context, i: int) -> Frame | None:
    """``Carter said that ... would not happen.`` then a paragraph that is only ``"Q"``:
    a paragraph of narration reporting a person's words leads into the quote."""
    sentences = _narration_before(ctx, i)
    p = compiled()
    for s, e in sentences[-2:][::-1]:
        m = p.subject.match(ctx.text, s, e, timeout=TIMEOUT)
        if m is None or p.verb.search(ctx.text, m.end("sp"), e, timeout=TIMEOUT) is None:
            continue
        mention = classify(ctx.text, *m.span("sp"))
        if mention is not None and mention.kind in ("name", "pronoun"):
            return Frame("reported_before", 0.5, mention)
    return None


def narration_subject(ctx: Context, i: int) -> Frame | None:
    """A news report's floating quotation: a paragraph that is only ``"Q"`` after a
    paragraph of narration whose last sentence is about a person (``Her neighbour, Peter
    Hale, 58, is more hopeful.``, ``He points to the shelves.``)."""
    sentences = _narration_before(ctx, i)
    if not sentences:
        return None
    s, e = sentences[-1]
    m = compiled().subject.match(ctx.text, s, e, timeout=TIMEOUT)
    about = classify(ctx.text, *m.span("sp")) if m is not None else None
    return Frame("narration_subject", 0.4, about) if about and _acts(ctx.text, about) else None


def _narration_before(ctx: Context, i: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph before quotation ``i``, when ``i`` is a paragraph of
    its own and that paragraph holds no quotation; else none."""
    sp = ctx.spans[i]
    ps, pe = ctx.para(i)
    k = ctx.prev_paragraph(sp.paragraph)
    if sp.open != ps or pe - sp.close > 3 or k < 0:
        return []
    if i > 0 and ctx.spans[i - 1].paragraph >= k:
        return []  # the paragraph before holds a quotation: continuation decides
    starts = ctx.sentences.in_paragraph(k)
    ends = [*starts[1:], ctx.paragraphs[k][1]]
    return list(zip(starts, ends, strict=True))


def _acts(text: str, m: Mention) -> bool:
    """Is ``m`` a person (he, she, a name a title or a given name genders) followed by
    what it does ("Peter Hale, 58, is", "He points"), not a heading's ("FULL TEXT.")?"""
    person = m.kind in ("pronoun", "name") and m.gender in ("m", "f") and not m.text.isupper()
    after = text[m.end:m.end + 2].lstrip()[:1]
    return person and (after == "," or after.islower())


def continuation(ctx: Context, i: int, prev: int | None) -> Frame | None:
    """A quotation with no cue of its own continues the speaker of the speech before it
    (``prev``): the same quotation over paragraphs, the same paragraph, or the start of
    the next paragraph."""
    if prev is None:
        return None
    cur, before = ctx.spans[i], ctx.spans[prev]
    if before.group == cur.group:
        return Frame("multi_paragraph", 0.9, inherit=prev)
    if cur.paragraph == before.paragraph:
        return Frame("continuation", 0.75, inherit=prev)
    if ctx.prev_paragraph(cur.paragraph) == before.paragraph and cur.open == ctx.para(i)[0]:
        return Frame("continuation", 0.6, inherit=prev)
    return None


Sieve = Callable[[Context, int], "Frame | None"]
SIEVES: tuple[Sieve, ...] = (transcript_label, quoted_as, cue_after, cue_before, lead_in,
                             signature, sentence_subject, previous_sentence, reported_before,
                             narration_subject)
