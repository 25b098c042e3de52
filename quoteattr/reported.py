"""Reported speech: what someone said without quotation marks (``kind="indirect"``), or
with a quoted fragment inside it (``kind="mixed"``).

Rules on sentences and clauses, no parser. A reporting verb of ``data/reported_verbs.txt``
(or a noun of saying, ``data/speech_nouns.txt``, or "according to") is found by one scan;
then, within its sentence:

- ``reported_clause``: ``X said (that) CONTENT`` / ``X told Y CONTENT`` / ``X urged Y to
  ...``: the subject before the verb is the speaker, the content runs from the verb's
  complement ("that" included) to the end of the sentence (or to a closing ``, X said``);
- ``reported_inverted``: ``CONTENT, X said.`` / ``CONTENT, said X.``;
- ``according_to``: ``According to X, CONTENT.`` / ``CONTENT, according to X.``;
- ``speech_noun``: ``his claim that CONTENT`` (the possessor is the speaker);
- ``reported_question``: ``X asked whether/if ...``; ``belief_clause`` and
  ``belief_inverted``: ``X thinks/believes/hopes ...``, kept apart from speech by their
  rule (and their ``cue``).

A verb after a negation or refusal ("did not say", "declined to say") or in a condition
("if he says") reports nothing (``data/reported_blockers.txt``). Content that is no more
than a quotation already found (``X said: "Q"``, ``"Q," X said``) is left to that direct
quote; content holding a quoted fragment is ``mixed``: the whole content is the quote, and
the fragment stays its own direct quote with its own offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import column, load, read_rows
from .mentions import Mention, classify
from .model import Quote
from .patterns import TIMEOUT, alternation, compiled
from .people import People
from .resolve import Resolver
from .sentences import Sentences

INDIRECT = "indirect"
MIXED = "mixed"
THAT_REACH = 10  # words between the verb and a "that" opening its content
INVERTED_TAIL = 8  # words after the verb (and its speaker) of "..., X said on Tuesday."
MIN_WORDS = 3  # content words outside quotation marks for a reported quote of its own
SUBJECT_REACH = 160  # characters back from the verb in which its subject is looked for
MARKS = "\"“”„«»"

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Report:
    """One reported passage before its speaker is named."""

    start: int
    end: int
    cue: Offsets
    speaker: Offsets | None
    rule: str


@dataclass(frozen=True, slots=True)
class _Verbs:
    lemma: dict[str, str]  # form -> lemma
    kind: dict[str, str]  # lemma -> speech | belief | question
    takes: dict[str, str]  # lemma -> "-" | "to" | "object-to"


@lru_cache(maxsize=1)
def _verbs() -> _Verbs:
    lemma: dict[str, str] = {}
    kind: dict[str, str] = {}
    takes: dict[str, str] = {}
    for row in read_rows("reported_verbs.txt"):
        forms = row[0].split()
        for form in forms:
            lemma.setdefault(form.lower(), forms[0])
        kind[forms[0]] = row[1] if len(row) > 1 else "speech"
        takes[forms[0]] = row[2] if len(row) > 2 else "-"
    return _Verbs(lemma, kind, takes)


@lru_cache(maxsize=1)
def _scan() -> regex.Pattern[str]:
    """One scan for every cue: reporting verbs, nouns of saying, "according to"."""
    words = list(_verbs().lemma) + column("speech_nouns.txt") + ["according to"]
    return regex.compile(rf"\b(?i:{alternation(words)})\b", regex.V1)


@lru_cache(maxsize=1)
def _blockers() -> tuple[regex.Pattern[str], frozenset[str]]:
    rows = read_rows("reported_blockers.txt")
    before = [r[0] for r in rows if len(r) > 1 and r[1] == "before"]
    condition = frozenset(r[0] for r in rows if len(r) > 1 and r[1] == "condition")
    # the blocker, then at most two words ("did not really say", "declined to publicly say")
    pat = regex.compile(rf"(?i:{alternation(before, reverse=True)})(?:\s+[\w’']+){{0,2}}\s+\Z",
                        regex.V1 | regex.REVERSE)
    return pat, condition


@lru_cache(maxsize=1)
def _adjuncts() -> tuple[frozenset[str], frozenset[str]]:
    """Words of time and occasion, and those of time alone."""
    return (frozenset(column("reported_adjuncts.txt")),
            frozenset(column("reported_adjuncts.txt", "time")))


_END = regex.compile(r"[.?!][\"”’)\]]*\s+(?=[\"“‘(\[]?[\p{Lu}\d])")
_WORD = regex.compile(r"[\w’'\-.]+|[^\w\s]")
_CLOSING = regex.compile(  # ", according to ...", ", he said", ", Smith added"
    r",[\"”]?\s+(?:according\s+to\b|(?:(?:\p{Lu}[\w.’'\-]*|the\s+\p{Ll}+)\s+){1,3}"
    r"(?:said|says|added|told|noted|wrote|argued|explained|reported)\b"
    r"|(?:he|she|they|it|we|I)\s+(?:said|says|added|told|noted|wrote|argued)\b"
    r"|(?:said|says|added)\s+\p{Lu})")
_WHO = regex.compile(r",\s+(?:who|which)\s+(?:also\s+|has\s+|had\s+|have\s+)?\Z")
_POSSESSOR = regex.compile(
    r"(?:\b(?P<pro>his|her|their|its)|(?P<name>\p{Lu}[\w.’'\-]*(?:\s+\p{Lu}[\w.’'\-]*){0,3})"
    r"['’]s?)\s+(?:\p{Ll}+\s+)?\Z")
_OPENERS = frozenset(
    "he she they it we i you there this these those that the a an his her their its our my "
    "some many most all no one nobody everyone both".split())
_QUESTION = frozenset("whether if how what why when who where which".split())


def _sentences(text: str, ps: int, pe: int) -> list[Offsets]:
    """A paragraph's sentences, cut cheaply: at ``.?!`` before a capital, not after an
    abbreviation ("Mr.", "U.S.") or an initial."""
    abbrev = load().abbreviations
    out: list[Offsets] = []
    s = ps
    for m in _END.finditer(text, ps, pe):
        word = text[max(s, m.start() - 12):m.start()].split()[-1:] if m.group()[0] == "." else []
        if word:
            w = word[0].lower().lstrip("(\"“")
            if w in abbrev or len(w) == 1 or "." in w:
                continue
        out.append((s, m.start() + 1))
        s = m.end()
    if s < pe:
        out.append((s, pe))
    return out


def _trim(text: str, s: int, e: int) -> Offsets:
    """Content without edge space, a trailing sentence end or comma."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:"):
        e -= 1
    return s, e


def find(text: str, paragraphs: list[tuple[int, int]]) -> list[Report]:
    """The reported passages of ``text``, in document order (speakers as offsets)."""
    verbs = _verbs()
    hits = list(_scan().finditer(text))
    out: list[Report] = []
    starts = [p[0] for p in paragraphs]
    k_cached = -1
    sents: list[Offsets] = []
    for h in hits:
        k = bisect_right(starts, h.start()) - 1
        if k < 0:
            continue
        if k != k_cached:
            sents = _sentences(text, *paragraphs[k])
            k_cached = k
        j = bisect_right([s for s, _ in sents], h.start()) - 1
        if j < 0:
            continue
        ss, se = sents[j]
        if h.end() > se:
            continue
        word = h.group().lower()
        if word.startswith("according"):
            r = _according(text, h, ss, se)
        elif word in verbs.lemma:
            r = _verb(text, h, ss, se)
        else:
            r = _noun(text, h, ss, se)
        if r is not None:
            out.append(r)
    return out


def _blocked(text: str, vs: int, subject_start: int, ss: int) -> bool:
    pat, condition = _blockers()
    if pat.search(text, max(ss, vs - 40), vs):
        return True
    lead = text[max(ss, subject_start - 12):subject_start].split()
    return bool(lead) and lead[-1].lower().strip(",") in condition


def _verb(text: str, h: regex.Match[str], ss: int, se: int) -> Report | None:
    verbs = _verbs()
    vs, ve = h.span()
    lemma = verbs.lemma[h.group().lower()]
    kind = verbs.kind[lemma]
    p = compiled()
    lo = max(ss, vs - SUBJECT_REACH)
    sp = p.speaker_ending.search(text, lo, vs, timeout=TIMEOUT)
    speaker: Offsets | None = sp.span("sp") if sp is not None else None
    if speaker is None:
        who = _WHO.search(text, max(ss, vs - 24), vs)
        if who is not None:
            w = text.find("wh", who.start(), vs)
            speaker = (w, w + (3 if text.startswith("who", w) else 5))
    if speaker is None and h.group().lower().endswith("ing"):
        subj = p.subject.match(text, ss, vs, timeout=TIMEOUT)  # "X ..., saying ..."
        if subj is not None:
            speaker = subj.span("sp")
    if _blocked(text, vs, speaker[0] if speaker else vs, ss):
        return None
    rule_kind = {"speech": "reported", "belief": "belief", "question": "reported"}[kind]
    # inverted: "CONTENT, X said." / "CONTENT, said X."
    inv = _inverted(text, vs, ve, ss, se, speaker)
    if inv is not None:
        start, end, who = inv
        if who is None:
            return None
        return Report(start, end, (vs, ve), who, f"{rule_kind}_inverted")
    if speaker is None:
        return None
    start = _content_start(text, ve, se, lemma, kind)
    if start is None:
        return None
    close = _CLOSING.search(text, start, se)
    s, e = _trim(text, start, close.start() if close else se)
    if len(text[s:e].split()) < 2:
        return None
    rule = "reported_question" if kind == "question" else f"{rule_kind}_clause"
    return Report(s, e, (vs, ve), speaker, rule)


def _inverted(text: str, vs: int, ve: int, ss: int, se: int, speaker: Offsets | None
              ) -> tuple[int, int, Offsets | None] | None:
    """``CONTENT, X said ...`` or ``CONTENT, said X ...`` closing the sentence: the
    content's offsets and the speaker."""
    tail = text[ve:se]
    words = _WORD.findall(tail)
    if len([w for w in words if w[0].isalnum()]) > INVERTED_TAIL or "that" in words:
        return None
    before = speaker[0] if speaker is not None else vs
    gap = text[ss:before].rstrip()
    if not gap.endswith((",", ",”", ",\"", "—")):
        return None
    comma = ss + len(gap) - len(gap.split()[-1]) if gap else ss
    comma = text.rfind(",", ss, before) if "," in text[ss:before] else comma
    if speaker is None:
        after = compiled().speaker_next.match(text, ve, se, timeout=TIMEOUT)
        speaker = after.span("sp") if after is not None else None
    s, e = _trim(text, ss, comma)
    s = _after_lead(text, s, e)
    return (s, e, speaker) if len(text[s:e].split()) >= 2 else None


def _after_lead(text: str, s: int, e: int) -> int:
    """Past a sentence opener that is not content: "But", "And"."""
    m = regex.match(r"(?:But|And|So|Yet|Still|Meanwhile|However|Instead|Now),?\s+", text[s:e])
    return s + m.end() if m else s


def _content_start(text: str, ve: int, se: int, lemma: str, kind: str) -> int | None:
    """Where the content after the verb at ``ve`` opens: at "that", a question word, "to"
    (verbs that take it), or a clause's subject (zero "that"), past the hearer and words
    of time and occasion; None when nothing reported follows."""
    takes = _verbs().takes[lemma]
    adjuncts, times = _adjuncts()
    pos = ve
    if takes == "object-to" or lemma in ("tell", "assure", "inform", "remind"):
        m = compiled().addressee_next.match(text, ve, se, timeout=TIMEOUT)
        if m is not None:
            pos = m.end()
    words = []
    for m in _WORD.finditer(text, pos, se):
        words.append(m)
        if len(words) > THAT_REACH:
            break
    if not words:
        return None
    first = words[0].group().lower()
    if first == "to" and takes != "-":
        return words[0].start()
    for m in words:  # "said in a statement on Tuesday that"
        w = m.group()
        if w.lower() == "that":
            return m.start()
        if not (w.lower() in adjuncts or w[:1].isupper()):
            break
    k = 0
    while k < len(words) - 1 and words[k].group().lower() in times:
        k += 1  # "said Tuesday the plan", "thinks now it is"
    w = words[k].group()
    low = w.lower()
    if low in _QUESTION:
        return words[k].start() if kind == "question" or low in ("whether", "if") else None
    if kind == "question":
        return None
    if low in _OPENERS or (w[:1].isupper() and w[:1].isalpha()) or w[:1].isdigit():
        return words[k].start()
    return None


def _according(text: str, h: regex.Match[str], ss: int, se: int) -> Report | None:
    p = compiled()
    sp = p.speaker_next.match(text, h.end(), se, timeout=TIMEOUT)
    if sp is None:
        return None
    who = sp.span("sp")
    lead = text[ss:h.start()].strip()
    if not lead or lead.lower() in ("but", "and"):  # "According to X, CONTENT."
        comma = text.find(",", who[1], se)
        if comma < 0:
            return None
        s, e = _trim(text, comma + 1, se)
    elif lead.endswith(","):  # "CONTENT, according to X."
        s, e = _trim(text, ss, ss + len(text[ss:h.start()].rstrip()) - 1)
        s = _after_lead(text, s, e)
    else:
        return None
    if len(text[s:e].split()) < 2:
        return None
    return Report(s, e, h.span(), who, "according_to")


def _noun(text: str, h: regex.Match[str], ss: int, se: int) -> Report | None:
    m = regex.match(r"\s+that\s", text[h.end():h.end() + 7])
    if m is None:
        return None
    s, e = _trim(text, h.end() + 1, se)
    close = _CLOSING.search(text, s, e)
    if close is not None:
        s, e = _trim(text, s, close.start())
    own = _POSSESSOR.search(text, max(ss, h.start() - 60), h.start())
    who: Offsets | None = None
    if own is not None:
        who = own.span("pro") if own.group("pro") else own.span("name")
    if len(text[s:e].split()) < 3:
        return None
    return Report(s, e, h.span(), who, "speech_noun")


def _outside_marks(text: str, s: int, e: int, quotes: list[Quote], qstarts: list[int]) -> int:
    """Words of ``text[s:e]`` outside the quotations found; -1 when none lies inside."""
    k = bisect_right(qstarts, e)
    inside = [q for q in quotes[max(0, k - 8):k] if q.end > s and q.start < e]
    if not inside and not any(c in MARKS for c in text[s:e]):
        return -1
    rest = text[s:e]
    for q in sorted(inside, key=lambda q: -q.start):
        rest = rest[:max(0, q.start - s)] + " " + rest[max(0, q.end - s):]
    for c in MARKS:
        rest = rest.replace(c, " ")
    return len(rest.split())


def add_reported(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote],
                 people: People, sentences: Sentences) -> list[Quote]:
    """``quotes`` (the direct quotations, speakers decided) with the reported passages of
    ``text`` added in document order, their speakers named as direct quotes' are."""
    reports = find(text, paragraphs)
    if not reports:
        return quotes
    speech = sorted((q for q in quotes if q.kind == "speech"), key=lambda q: q.start)
    qstarts = [q.start for q in speech]
    resolver = Resolver(text, people, sentences)
    starts = [p[0] for p in paragraphs]
    next_id = max((q.id for q in quotes), default=-1) + 1
    added: list[Quote] = []
    taken: set[Offsets] = set()
    d = 0  # direct quotes recorded so far (the latest named speaker feeds pronouns)
    for r in reports:
        while d < len(speech) and speech[d].start < r.start:
            q = speech[d]
            m = classify(text, *q.speaker_span) if q.speaker_span else None
            resolver.record(-1 - d, q.start, q.speaker, m)
            d += 1
        outside = _outside_marks(text, r.start, r.end, speech, qstarts)
        if 0 <= outside < MIN_WORDS or (r.start, r.end) in taken:
            continue  # no more than a quotation already found
        taken.add((r.start, r.end))
        added.append(_record(text, r, MIXED if outside >= 0 else INDIRECT, next_id, resolver,
                             bisect_right(starts, r.start) - 1))
        next_id += 1
    return sorted(quotes + added, key=lambda q: q.start)


def _record(text: str, r: Report, kind: str, qid: int, resolver: Resolver,
            paragraph: int) -> Quote:
    cue = text[r.cue[0]:r.cue[1]]
    evidence = [f"rule {r.rule}", f"cue {cue!r} at {r.cue[0]}-{r.cue[1]}"]
    mention: Mention | None = classify(text, *r.speaker) if r.speaker else None
    speaker = None
    if mention is not None:
        try:
            speaker = resolver.name(mention, r.start)
        except TimeoutError:
            speaker = None
        evidence.append(f"speaker: {resolver.how}")
        resolver.record(qid, r.start, speaker, mention)
    span = (mention.start, mention.end) if mention is not None else r.speaker
    return Quote(qid, text[r.start:r.end], r.start, r.end, speaker, span, cue, r.cue,
                 kind=kind, paragraph=max(paragraph, 0), rule=r.rule,
                 mention=mention.text if mention else None, evidence=tuple(evidence))
