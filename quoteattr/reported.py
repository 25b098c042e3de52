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
- ``speech_noun``: ``his claim that CONTENT`` (the possessor is the speaker), and a topic
  noun's object: ``her criticism of CONTENT``, ``X raised questions about CONTENT``;
- ``reported_question``: ``X asked whether/if ...``; ``belief_*``: ``X thinks/believes/
  hopes ...`` and ``stance_*``: ``X called for/criticized/seemed to/talked about ...``,
  kept apart from speech by their rule (and their ``cue``); ``*_aside``: ``The bank, they
  said, was ...``.

A verb after a negation or refusal ("did not say", "declined to say") or in a condition
("if he says") reports nothing (``data/reported_blockers.txt``). Content that is no more
than a quotation already found (``X said: "Q"``, ``"Q," X said``) is left to that direct
quote; content holding a quoted fragment is ``mixed``: the whole content is the quote, and
the fragment stays its own direct quote with its own offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import regex

from .lexicon import column, load, read_rows
from .mentions import Mention, classify
from .model import Quote
from .patterns import TIMEOUT, alternation, compiled
from .people import People
from .resolve import Resolver
from .sentences import Sentences

# the rules that decide a reported quote (Quote.rule); confidence.tsv has rows for each
RULES = ("reported_clause", "reported_inverted", "reported_aside", "reported_question",
         "belief_clause", "belief_inverted", "belief_aside", "stance_clause",
         "stance_aside", "according_to", "speech_noun")
INDIRECT = "indirect"
MIXED = "mixed"
THAT_REACH = 10  # words between the verb and a "that" opening its content
INVERTED_TAIL = 8  # words after the verb (and its speaker) of "..., X said on Tuesday."
INVERTS = ("speech", "question")  # verbs read inverted ("..., she said.") or as an aside
MIN_WORDS = 3  # content words outside quotation marks for a reported quote of its own
SUBJECT_REACH = 160  # characters back from the verb in which its subject is looked for
MARKS = "\"“”„«»"
_MARKS = frozenset(MARKS)

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Report:
    """One reported passage before its speaker is named."""

    start: int
    end: int
    cue: Offsets
    speaker: Offsets | None
    rule: str
    joined: bool = False  # the second piece of content split by its aside (same quote)
    topic: bool = False  # the object of a preposition ("talked about X"): never nested


@dataclass(frozen=True, slots=True)
class _Verbs:
    lemma: dict[str, str]  # form -> lemma
    kind: dict[str, str]  # lemma -> speech | belief | question
    takes: dict[str, frozenset[str]]  # lemma -> what the content opens with (the file's)


@lru_cache(maxsize=1)
def _verbs() -> _Verbs:
    lemma: dict[str, str] = {}
    kind: dict[str, str] = {}
    takes: dict[str, frozenset[str]] = {}
    for row in read_rows("reported_verbs.txt"):
        forms = row[0].split()
        for form in forms:
            lemma.setdefault(form.lower(), forms[0])
        kind[forms[0]] = row[1] if len(row) > 1 else "speech"
        takes[forms[0]] = frozenset((row[2] if len(row) > 2 else "that").split(","))
    return _Verbs(lemma, kind, takes)


@lru_cache(maxsize=1)
def _scan() -> re.Pattern[str]:
    """One scan for every cue: reporting verbs, nouns of saying, "according to" (the
    standard library's engine: twice as fast on this plain alternation as ``regex``)."""
    words = list(_verbs().lemma) + column("speech_nouns.txt") + list(_topic_nouns()) + [
        "according to", "According to", "Says", "Said"]
    return re.compile(rf"\b{alternation(words)}\b")


@lru_cache(maxsize=1)
def _topic_nouns() -> dict[str, frozenset[str]]:
    """Nouns whose prepositional object is what was said about ("criticism of X"), with
    the prepositions each takes."""
    return {r[0]: frozenset(r[1].split(",")) for r in read_rows("reported_topic_nouns.txt")
            if len(r) > 1}


@dataclass(frozen=True, slots=True)
class _Blockers:
    before: frozenset[str]  # words (or two-word phrases) before a verb that block it
    condition: frozenset[str]  # words before its subject that make it a condition
    any_before: re.Pattern[str]  # any of ``before`` as a substring (a cheap test first)
    any_condition: re.Pattern[str]  # any of ``condition`` as a substring


@lru_cache(maxsize=1)
def _blockers() -> _Blockers:
    """The words of ``data/reported_blockers.txt``."""
    rows = read_rows("reported_blockers.txt")
    before = frozenset(r[0].replace("’", "'") for r in rows if len(r) > 1 and r[1] == "before")
    condition = frozenset(r[0] for r in rows if len(r) > 1 and r[1] == "condition")
    def either(words: frozenset[str]) -> re.Pattern[str]:  # ' or ’ (IGNORECASE: slow)
        return re.compile("|".join(re.escape(w).replace("'", "['’]") for w in sorted(words)))
    return _Blockers(before, condition, either(before), either(condition))


@lru_cache(maxsize=1)
def _adjuncts() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words of time and occasion, those of time alone, and those of time only before
    another ("this week", "on Monday")."""
    return (frozenset(column("reported_adjuncts.txt")),
            frozenset(column("reported_adjuncts.txt", "time")),
            frozenset(column("reported_adjuncts.txt", "lead")))


_END = re.compile(r"[.?!][\"”’)\]]*\s+")  # a sentence's end, when a capital follows
_CAPITAL = regex.compile(r"[\p{Lu}\d]")
_OPENING = frozenset("\"“‘([")
_WORDS = re.compile(r"[\w’'\-.]+|[^\w\s]")
_FIRST_WORD = re.compile(r"\s*([\w’'\-.]+|[^\w\s])")
_CLOSING = regex.compile(  # ", according to ...", ", he said", ", Smith added"
    r",[\"”]?\s+(?:according\s+to\b|(?:(?:\p{Lu}[\w.’'\-]*|the\s+\p{Ll}+)\s+){1,3}"
    r"(?:said|says|added|told|noted|wrote|argued|explained|reported)\b"
    r"|(?:he|she|they|it|we|I)\s+(?:said|says|added|told|noted|wrote|argued)\b"
    r"|(?:said|says|added)\s+\p{Lu})")
_SOURCE = regex.compile(
    r"\s+(?P<sp>[\w’'\-.&/]+(?:\s+[\w’'\-.&/]+){0,9}?)\s*(?=[,;:)]|\.?\Z)")
_WHO = regex.compile(r"(?:,\s+|\s+)(?:who|which)\s+(?:also\s+|has\s+|had\s+|have\s+)?\Z")
_POSSESSOR = regex.compile(
    r"(?:\b(?P<pro>(?i:his|her|their|its))|(?P<name>\p{Lu}[\w.’'\-]*(?:\s+\p{Lu}[\w.’'\-]*){0,3})"
    r"['’]s?)\s+(?:\p{Ll}+\s+)?\Z")
_DATELINE = re.compile(r"[A-Z][A-Z.,’' ]+(?:\([\w. ]+\))?\s*[—–-]+\s*")  # "PARIS (AP) — "
# a speech verb closing the clause before a comma, its speaker after it or not
_SAID_BEFORE = re.compile(r"\b(?P<v>[a-z]+)(?:\s+(?P<after>[A-Z][\w.’'\- ]{0,40}))?\Z")
_LEAD = regex.compile(r"(?:But|And|So|Yet|Still|Meanwhile|However|Instead|Now|Also),?\s+")
_OPENERS = frozenset(column("reported_words.txt", "opener"))
_CLAUSE_WORDS = frozenset(column("reported_words.txt", "clause"))
_ADJUNCT_OPENERS = frozenset(column("reported_words.txt", "adjunct"))
_QUESTION = frozenset(column("reported_words.txt", "question"))
_PRONOUNS = frozenset(column("reported_words.txt", "pronoun"))
_NOUNS_LY = frozenset(column("reported_words.txt", "noun_ly"))
_BE = frozenset(column("reported_words.txt", "be"))
_APPOSITION = frozenset(column("reported_words.txt", "apposition"))
_AUX = frozenset(column("pre_verb_words.txt")) | frozenset(column("reported_words.txt", "aux"))
_DETERMINERS = frozenset(load().determiners) | _ADJUNCT_OPENERS
_PREP = re.compile(r"\s+(about|on|of|against|for|to)\s+(?=[\w“\"‘$])")
_PREP_ONLY = frozenset({"noun", "+about", "+on", "+of", "+against", "+for", "+to"})
_PREP_NOUN = re.compile(r"\s+(about|on|of|against|for|to|over)\s+(?=[\w“\"‘$])")
# the verb before a noun phrase of a topic noun ("raised (new) questions about")
_GOVERNOR = re.compile(r"\b([a-z]+(?:ed|es|s)|made|gave|has|have|had)\s+(?:(?:a|an|the|new|"
                       r"fresh|more|harsh|sharp|serious|further|repeated|his|her|their)\s+)*\Z")
SUBJECT_WORDS = 10  # words of a subject found by _phrase, at most
_STOP_MARKS = frozenset(",;:—–(\"“”")  # marks that end a subject looked for back from its verb


def _sentences(text: str, ps: int, pe: int) -> list[Offsets]:
    """A paragraph's sentences, cut cheaply: at ``.?!`` before a capital, not after an
    abbreviation ("Mr.", "U.S.") or an initial."""
    abbrev = load().abbreviations
    out: list[Offsets] = []
    s = ps
    for m in _END.finditer(text, ps, pe):
        if not _capital(text, m.end(), pe):
            continue
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


def _capital(text: str, at: int, pe: int) -> bool:
    """Does a capital or a digit open the text at ``at`` (past an opening mark)?"""
    if at < pe and text[at] in _OPENING:
        at += 1
    if at >= pe:
        return False
    c = text[at]
    if c.isascii():
        return c.isupper() or c.isdigit()
    return _CAPITAL.match(text, at, pe) is not None


def _trim(text: str, s: int, e: int) -> Offsets:
    """Content without edge space, a trailing sentence end or comma."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:"):
        e -= 1
    return s, e


def find(text: str, paragraphs: list[tuple[int, int]], names: list[Offsets],
         quoted: Sequence[Offsets] = ()) -> list[Report]:
    """The reported passages of ``text``, in document order (speakers as offsets);
    ``names``: the name spans of the text, in order (``People.spans``); ``quoted``: the
    quotations found, in order: a cue inside one is the quoted speaker's, not ours."""
    q_starts = [s for s, _ in quoted]
    verbs = _verbs()
    hits = list(_scan().finditer(text))
    out: list[Report] = []
    starts = [p[0] for p in paragraphs]
    k_cached = -1
    sents: list[Offsets] = []
    sent_starts: list[int] = []
    lemma = verbs.lemma
    reach = 0  # where the content found so far ends
    for h in hits:
        at = h.start()
        q = bisect_right(q_starts, at) - 1
        if q >= 0 and quoted[q][1] > at:
            continue
        if not k_cached >= 0 or not paragraphs[k_cached][0] <= at < paragraphs[k_cached][1]:
            k = bisect_right(starts, at) - 1
            if k < 0:
                continue
            sents = _sentences(text, *paragraphs[k])
            sent_starts = [s for s, _ in sents]
            k_cached = k
        j = bisect_right(sent_starts, at) - 1
        if j < 0:
            continue
        ss, se = sents[j]
        if h.end() > se:
            continue
        word = h.group().lower()
        r: Report | tuple[Report, ...] | None
        if word.startswith("according"):
            r = _according(text, h, ss, se)
        elif word in lemma and not _after_determiner(text, at, ss) \
                and not _topic_noun(text, h.end(), word, se):
            r = _verb(text, h, ss, se, names)
        else:
            r = _noun(text, h, ss, se, names)
        if isinstance(r, tuple):
            out.extend(r)
        elif r is not None and not (r.topic and reach > r.start):
            out.append(r)  # (a topic inside content already found is part of it)
        if out:
            reach = max(reach, out[-1].end)
    return out


def _topic_noun(text: str, end: int, word: str, se: int) -> bool:
    """Is ``word`` (a verb's form too) a topic noun here, before a preposition it takes
    that the verb does not ("raised questions about": a noun)?"""
    preps = _topic_nouns().get(word)
    if preps is None:
        return False
    m = _PREP_NOUN.match(text, end, se)
    if m is None or m.group(1).lower() not in preps:
        return False
    takes = _verbs().takes[_verbs().lemma[word]]
    return "+" + m.group(1).lower() not in takes and m.group(1).lower() not in takes


def _after_determiner(text: str, at: int, ss: int) -> bool:
    """Is the word at ``at`` a noun, after a determiner or a possessive ("his claim",
    "Weiss's claim", "the report")?"""
    lo = max(ss, at - 30)
    space = text.rfind(" ", lo, at - 1)
    w = text[space + 1 if space >= 0 else lo:at].strip().lower()
    if not w:
        return False
    return w in _DETERMINERS or w.endswith(("'s", "’s", "s'", "s’"))


def _blocked(text: str, vs: int, subject_start: int, ss: int) -> bool:
    """Is the verb at ``vs`` negated ("did not say"), refused ("declined to say") or in a
    condition ("if he says", since its clause began)?"""
    blockers = _blockers()
    before, condition = blockers.before, blockers.condition
    near = text[max(ss, vs - 40):vs].lower()
    near = near[near.rfind(",") + 1:]  # "did not apologize, but said ...": not this verb
    if blockers.any_before.search(near):  # a cheap test first: any blocker at all
        words = near.replace("’", "'").split()[-4:]
        for n in range(len(words)):
            w = words[n]
            if w in before or (w.endswith("n't") and "n't" in before) or (
                    n + 1 < len(words) and f"{w} {words[n + 1]}" in before):
                return True
    clause = text[max(ss, min(subject_start, vs) - 12):vs].lower()
    if not blockers.any_condition.search(clause):  # a cheap test first
        return False
    clause = clause[clause.rfind(",") + 1:]
    return any(w.strip(",") in condition for w in clause.split()[:3])


def _verb(text: str, h: re.Match[str], ss: int, se: int, names: list[Offsets]
          ) -> Report | tuple[Report, ...] | None:
    verbs = _verbs()
    vs, ve = h.span()
    lemma = verbs.lemma[h.group().lower()]
    kind = verbs.kind[lemma]
    start = _prep_start(text, ve, se, verbs.takes[lemma])
    topic = start is not None
    if start is not None:  # "talked about X", "voted against X": a stance, whatever the verb
        if _passive(text, ss, vs):
            return None  # "who are referred to a ...", "bills being voted on"
        kind = "stance"
    elif verbs.takes[lemma] <= _PREP_ONLY:
        return None
    else:
        start = _content_start(text, ve, se, lemma, kind)
    if start is None:  # content can only come before the verb: "CONTENT, X said."
        lead = text[ss:vs]
        if "," not in lead and "—" not in lead and lead[:3].lower() != "as ":
            return None  # (the cheap test first: most cues read nothing)
    if h.group().endswith("ing") and text[ss:vs].rstrip().endswith(","):
        speaker = _said_before(text, ss, vs, names) \
            or _opening_subject(text, ss, vs, names)  # "Lee left, saying ..."
    else:
        speaker = _subject(text, ss, vs, names)
    if speaker is None and "wh" in text[max(ss, vs - 14):vs]:
        who = _WHO.search(text, max(ss, vs - 24), vs)
        if who is not None:
            w = text.find("wh", who.start(), vs)
            speaker = (w, w + (3 if text.startswith("who", w) else 5))
    if speaker is None and h.group().lower().endswith("ing"):
        speaker = _opening_subject(text, ss, vs, names)  # "X ..., saying ..."
    if speaker is None and not (h.group().endswith("s") and "noun" in verbs.takes[lemma]):
        speaker = _phrase(text, ss, vs)  # not after "states", "plans": nouns as often
    if _blocked(text, vs, speaker[0] if speaker else vs, ss):
        return None
    rule_kind = {"speech": "reported", "belief": "belief", "question": "reported",
                 "stance": "stance"}[kind]
    # inverted: "CONTENT, X said." / "CONTENT, said X."
    if speaker is None:  # "CONTENT, said X."
        inv = _inverted(text, vs, ve, ss, se, None) if kind in INVERTS else None
        if inv is not None and inv[2] is not None:
            return Report(inv[0], inv[1], (vs, ve), inv[2], f"{rule_kind}_inverted")
        if not _that_next(text, ve, se):
            return None  # no speaker: only "... said that CONTENT" is clear enough
    aside = _aside(text, ss, se, ve, speaker) if speaker is not None and kind in INVERTS \
        and text[speaker[0]:speaker[1]] not in ("who", "which") else None
    if aside:
        rule = f"{rule_kind}_aside"
        return tuple(Report(s, e, (vs, ve), speaker, rule, joined=k > 0)
                     for k, (s, e) in enumerate(aside))
    if start is None:  # "CONTENT, X said."
        inv = _inverted(text, vs, ve, ss, se, speaker) if speaker is not None \
            and kind in INVERTS and not _passive(text, ss, vs) else None
        if inv is None:
            return None
        return Report(inv[0], inv[1], (vs, ve), speaker, f"{rule_kind}_inverted")
    close = _CLOSING.search(text, start, se) if "," in text[start:se] else None
    end = close.start() if close else se
    if speaker is not None and text[speaker[0]:speaker[1]] in ("who", "which") \
            and "," in text[start:end]:
        end = text.find(",", start, end)  # "Hollis, who said the vote was fair, left."
    s, e = _trim(text, start, end)
    if len(text[s:e].split()) < 2:
        return None
    rule = "reported_question" if kind == "question" else f"{rule_kind}_clause"
    return Report(s, e, (vs, ve), speaker, rule, topic=topic)


def _passive(text: str, ss: int, vs: int) -> bool:
    """Is the verb at ``vs`` a passive participle ("is seen", "were criticized")?"""
    words = text[max(ss, vs - 30):vs].split()
    while words and _aux(words[-1]) and words[-1].lower() not in _BE:
        words.pop()
    return bool(words) and words[-1].lower() in _BE


def _that_next(text: str, ve: int, se: int) -> bool:
    """Does "that" follow the verb ending at ``ve``, within a few words?"""
    return " that " in text[ve:min(se, ve + 40)]


def _aux(word: str) -> bool:
    """Is ``word``, between a subject and its verb, an auxiliary or an adverb ("has",
    "also", "recently")?"""
    low = word.lower()
    return low in _AUX or (word[-2:] == "ly" and word.islower() and low not in _NOUNS_LY)


def _subject(text: str, ss: int, vs: int, names: list[Offsets]) -> Offsets | None:
    """The subject ending at the verb: a pronoun right before it; a name of the text
    (``names``: the spans of :class:`~quoteattr.people.People`) ending there; after an
    apposition ("Healey, the defence secretary, said") the speaker pattern's."""
    words = text[max(ss, vs - 40):vs].split()
    while words and _aux(words[-1]):
        words.pop()
    if not words:
        return None
    last = words[-1]
    if last in ("and", "but") and len(words) > 1:  # "X won and says ...": X's
        return _opening_subject(text, ss, vs, names)
    if last.lower() in _PRONOUNS:
        e = text.rfind(last, ss, vs)
        return e, e + len(last)
    if last[:1].isupper() and last[-1:] not in ",)":
        end = text.rfind(last, ss, vs) + len(last)
        k = bisect_right(names, (end, end)) - 1  # a name of the text ending there
        while k >= 0 and names[k][1] > end:
            k -= 1
        if k >= 0 and names[k][1] == end and names[k][0] >= ss:
            if _governed(text, ss, names[k][0]):  # "The government of Costa Rica said"
                return _phrase(text, ss, vs)
            return names[k]
        return None
    if last[-1:] not in ",)":
        return None
    # "Healey, the defence secretary, said" / "Cruz (R-Texas) said": the name of the text
    # that ends where the apposition opens
    close = text.rfind(last[-1], ss, vs)
    opener = "(" if last[-1] == ")" else ","
    lo = max(ss, vs - SUBJECT_REACH)
    if opener == ",":  # "One of its authors, Ann Lee, said": the name set off by the commas
        k = bisect_right(names, (close, close)) - 1
        while k >= 0 and names[k][1] > close:
            k -= 1
        if k >= 0 and names[k][1] == close and names[k][0] > lo \
                and text[max(lo, names[k][0] - 2):names[k][0]].strip() == ",":
            return names[k]
    if opener == ",":  # the name before the comma that opens an apposition: "Ann Lee,
        at = text.find(",", lo, close)  # who ...", "Ann Lee, 56,", "Ann Lee, speaking ..."
        while 0 <= at < close:
            after = text[at + 1:at + 16].split()[:1]
            if after and (after[0] in _APPOSITION or after[0][:1].isdigit()
                          or after[0].endswith("ing")):
                k = bisect_right(names, (at, at)) - 1
                if k >= 0 and names[k][0] >= ss and names[k][1] == at \
                        and not _governed(text, ss, names[k][0]):
                    return names[k]
            at = text.find(",", at + 1, close)
    at = text.rfind(opener, lo, close)
    first = -1
    while at > lo:
        k = bisect_right(names, (at, at)) - 1
        if k >= 0 and names[k][0] >= ss and not text[names[k][1]:at].strip() \
                and not _governed(text, ss, names[k][0]):
            return names[k]
        first = at
        at = text.rfind(opener, lo, at)  # the apposition itself holds a comma
    if first < 0 or opener != "," or \
            not _APPOSITION.issuperset(text[first + 1:first + 12].split()[:1] or ["-"]):
        return None
    # "The official, who is not authorized to speak, said": the phrase before it
    return _phrase(text, ss, first)


def _said_before(text: str, ss: int, vs: int, names: list[Offsets]) -> Offsets | None:
    """For a participle after a comma, the speaker of a speech verb closing the clause
    before it: ``"...," he said, adding ...``, ``..., said Ann Lee, noting ...``."""
    comma = text.rfind(",", ss, vs)
    m = _SAID_BEFORE.search(text, max(ss, comma - 60), comma)
    if m is None or _verbs().kind.get(_verbs().lemma.get(m.group("v").lower(), "")) != "speech":
        return None
    if m.group("after"):  # "said Ann Lee,": a name of the text ending at the comma
        k = bisect_right(names, (comma, comma)) - 1
        if k >= 0 and names[k][1] == comma and names[k][0] >= m.start("after"):
            return names[k]
        return None
    return _subject(text, ss, m.start("v"), names) or _phrase(text, ss, m.start("v"))


def _governed(text: str, ss: int, at: int) -> bool:
    """Does a preposition govern the word at ``at`` ("of Colorado", "in Iowa")?"""
    before = text[max(ss, at - 12):at].split()[-1:]
    return bool(before) and before[0].lower() in _ADJUNCT_OPENERS


def _opening_subject(text: str, ss: int, vs: int, names: list[Offsets]) -> Offsets | None:
    """The subject that opens the sentence at ``ss`` (for a participle or a coordinated
    verb at ``vs``: "Kerr won and says ...", "Kerr left, saying ..."): a pronoun, or a
    name of the text after at most a lead word and a title ("But Senator Kerr"), past a
    dateline ("PARIS (Reuters) — Kerr")."""
    dateline = _DATELINE.match(text, ss + len(text[ss:vs]) - len(text[ss:vs].lstrip()), vs)
    if dateline is not None:
        ss = dateline.end()
    m = _WORDS.match(text, ss + len(text[ss:vs]) - len(text[ss:vs].lstrip()), vs)
    if m is not None and m.group().lower() in _ADJUNCT_OPENERS:  # "At a rally in Ames, Lee"
        comma = text.find(",", m.end(), vs)
        m = _WORDS.match(text, comma + 1 + len(text[comma + 1:vs]) - len(
            text[comma + 1:vs].lstrip()), vs) if comma > 0 else None
    if m is None:
        return None
    if m.group().lower() in _PRONOUNS:
        return m.span()
    k = bisect_right(names, (m.start(), -1))
    if k < len(names) and names[k][1] <= vs and names[k][0] - m.start() <= 24 \
            and "," not in text[m.start():names[k][0]]:
        return names[k]
    return None


def _phrase(text: str, ss: int, vs: int) -> Offsets | None:
    """The subject before a verb that no speaker pattern took ("Digital experts said",
    "a number of Democrats say", "Judge Stranch, in her dissent, said"): the words back to
    the clause's start, past an adjunct between commas; None when there are none, or too
    many."""
    end = vs
    cut = vs - SUBJECT_REACH > ss  # a subject reaching further back is none
    ss = max(ss, vs - SUBJECT_REACH)
    for _ in range(2):
        # the words from the last mark that can end the walk back (a word holds none)
        lo = max(ss, *(text.rfind(c, ss, end) for c in _STOP_MARKS))
        words = list(_WORDS.finditer(text, lo, end))
        k = len(words)
        while k > 0 and _aux(words[k - 1].group()):
            k -= 1
        stop = k
        while stop > 0:
            w = words[stop - 1].group()
            if w in _STOP_MARKS or w.lower() in _CLAUSE_WORDS:
                break
            stop -= 1
        if stop == k or k - stop > SUBJECT_WORDS or (stop == 0 and cut):
            return None
        first = words[stop].group().lower()
        if first in _ADJUNCT_OPENERS and stop > 0 and words[stop - 1].group() == ",":
            end = words[stop - 1].start()  # ", in her dissent," : the subject is before
            continue
        if first in _ADJUNCT_OPENERS or first in _CLAUSE_WORDS \
                or words[k - 1].group().lower() in _DETERMINERS:
            return None
        return words[stop].start(), words[k - 1].end()
    return None


def _aside(text: str, ss: int, se: int, ve: int, speaker: Offsets) -> list[Offsets]:
    """``The bank, they said (on Monday), was ...``: a speaker and verb set off by commas
    inside the content; the content's two pieces, before and after them (the second alone
    after "As": ``As Politico reported, CONTENT``). Empty when the verb is no aside."""
    close = _aside_close(text, ve, se)
    if close is None:
        return []
    lead = text[ss:speaker[0]].rstrip()
    after = _trim(text, close + 1, se)
    if len(text[after[0]:after[1]].split()) < 3:
        return []
    if lead.lower() == "as" or (lead[:3].lower() == "as " and "," not in lead):
        return [after]  # "As (the) Ledger reported, ..."
    if not lead.endswith(","):
        return []
    before = _trim(text, ss, ss + len(lead) - 1)
    words = text[before[0]:before[1]].split()
    _, times, leads = _adjuncts()
    first = words[0].lower() if words else ""
    if not words or first in _ADJUNCT_OPENERS or first in times or first in leads \
            or _LEAD.fullmatch(text[before[0]:before[1]] + " "):
        return [after]  # "In 2008, she said, ...", "But, he said, ...": no content before
    return [before, after]


def _aside_close(text: str, ve: int, se: int) -> int | None:
    """The comma closing an aside whose verb ends at ``ve``: right after it, or after a
    few words of time or occasion ("said on Monday,", "argued in interviews,")."""
    if text.startswith(",", ve):
        return ve
    comma = text.find(",", ve, min(se, ve + 60))
    if comma < 0:
        return None
    words = text[ve:comma].split()
    _, times, leads = _adjuncts()
    first = words[0].lower() if words else ""
    if len(words) > 6 or not (first in times or first in leads or first in _ADJUNCT_OPENERS):
        return None
    return comma


def _inverted(text: str, vs: int, ve: int, ss: int, se: int, speaker: Offsets | None
              ) -> tuple[int, int, Offsets | None] | None:
    """``CONTENT, X said ...`` or ``CONTENT, said X ...`` closing the sentence: the
    content's offsets and the speaker."""
    before = speaker[0] if speaker is not None else vs
    gap = text[ss:before].rstrip()
    if not gap.endswith((",", ",”", ",\"", "—")):
        return None
    tail = 0  # the words after the verb: a few, and no "that"
    for m in _WORDS.finditer(text, ve, se):
        w = m.group()
        if w == "that":
            return None
        if w[0].isalnum():
            tail += 1
            if tail > INVERTED_TAIL:
                return None
    comma = ss + len(gap) - len(gap.split()[-1]) if gap else ss
    comma = text.rfind(",", ss, before) if "," in text[ss:before] else comma
    if speaker is None:
        after = _speaker_next(text, ve, se)
        speaker = after.span("sp") if after is not None else None
    s, e = _trim(text, ss, comma)
    s = _after_lead(text, s, e)
    words = text[s:e].split()
    if len(words) < 2 or words[0].lower() == "according" or (
            len(words) <= 5 and words[0].lower() in _ADJUNCT_OPENERS):
        return None  # "According to X, officials knew of it": no content before the verb
    return s, e, speaker


def _after_lead(text: str, s: int, e: int) -> int:
    """Past a sentence opener that is not content: "But", "And"."""
    m = _LEAD.match(text, s, e)
    return m.end() if m else s


def _prep_start(text: str, ve: int, se: int, takes: frozenset[str]) -> int | None:
    """Where the object of a preposition the verb ending at ``ve`` takes ("+about":
    "talked about the budget") opens, right after the verb; None when none follows."""
    m = _PREP.match(text, ve, se)
    if m is None or "+" + m.group(1).lower() not in takes:
        return None
    return m.end()


def _content_start(text: str, ve: int, se: int, lemma: str, kind: str) -> int | None:
    """Where the content after the verb at ``ve`` opens: at "that", a question word, "to"
    (verbs that take it), or a clause's subject (zero "that"), past the hearer and words
    of time and occasion; None when nothing reported follows."""
    takes = _verbs().takes[lemma]
    adjuncts, times, leads = _adjuncts()
    pos = ve
    if "object" in takes:
        m = compiled().addressee_next.match(text, ve, se, timeout=TIMEOUT)
        if m is not None:
            pos = m.end()
    lim = min(se, pos + 240)
    one = _FIRST_WORD.match(text, pos, lim)  # the first of _WORDS from pos
    if one is None:
        return None
    first = one.group(1).lower()
    if first == "that":
        return one.start(1)
    if pos != ve or "object" not in takes:  # the first word alone decides most cues
        w = one.group(1)
        if not (first in adjuncts or w[:1].isupper() or first in (",", "to", "for")):
            return _zero_that(w, one.start(1), lemma, kind, adjuncts)
    found = list(islice(_WORDS.finditer(text, one.end(), lim), THAT_REACH))
    words = [one.group(1), *(m.group() for m in found)]
    starts = [one.start(1), *(m.start() for m in found)]
    if first == "for" and "for" in takes and len(words) > 1:
        return starts[1]  # "called for a ban": what is called for
    if pos == ve and "object" in takes:  # a hearer the pattern does not know:
        j = _after_object(words, kind)  # "asked workers if", "urged women to"
        if j is not None:
            return starts[j]
    if first == ",":  # "insisted, in an interview with ABC News, that ..."
        close = text.find(",", starts[0] + 1, min(se, starts[0] + 120))
        if close > 0 and text.startswith(" that ", close + 1):
            return close + 2
        return None
    if first == "to" and "to" in takes:
        return starts[0]
    for j, w in enumerate(words):  # "said in a statement on Tuesday that"
        if w.lower() == "that":
            return starts[j]
        if not (w.lower() in adjuncts or w[:1].isupper()):
            break
    k = 0
    while k < len(words) - 1 and (words[k].lower() in times or (
            words[k].lower() in leads and words[k + 1].lower() in times)):
        k += 1  # "said Tuesday the plan", "thinks now it is", "said this week the"
    return _zero_that(words[k], starts[k], lemma, kind, adjuncts)


def _zero_that(w: str, at: int, lemma: str, kind: str, adjuncts: frozenset[str]
               ) -> int | None:
    """``at``, where the word ``w`` stands, when it opens content without "that": a
    question word, a subject ("he", "the", a name, a number); None when it does not."""
    low = w.lower().replace("’", "'").split("'", 1)[0]  # "it’s", "they've"
    if low in _QUESTION:
        return at if kind == "question" or low in ("whether", "if") else None
    if kind == "question":
        return None
    if low in _OPENERS or (w[:1].isupper() and w[:1].isalpha()) or w[:1].isdigit():
        return at
    if lemma == "say" and w[:1].isalpha() and low not in adjuncts and not low.endswith("ly"):
        return at  # "said seeking reinforcements was right"
    return None


def _after_object(words: list[str], kind: str) -> int | None:
    """After a verb that takes a hearer, the index of the word opening the content past
    a short hearer of plain words: "to" ("urged party leaders to"), "that" ("told host
    Ann Lee that"), "whether"/"if" after a question verb; None when none is near."""
    opens = ("whether", "if") if kind == "question" else ("that",)
    for j, w in enumerate(words[:7]):
        low = w.lower()
        if j and (low == "to" or low in opens):
            return j
        if not w[:1].isalnum() or low in _CLAUSE_WORDS or low in _QUESTION:
            return None
    return None


def _speaker_next(text: str, pos: int, end: int) -> regex.Match[str] | None:
    """The speaker right after a verb (``said X``, ``according to X``): the branch of
    ``speaker_at`` that opens at a space or a comma (none opens at a word character)."""
    if pos >= end or text[pos].isalnum() or text[pos] == "_":
        return None
    return compiled().speaker_at.match(text, pos, end, timeout=TIMEOUT)


def _according(text: str, h: re.Match[str], ss: int, se: int
               ) -> Report | tuple[Report, ...] | None:
    sp = _speaker_next(text, h.end(), se)
    if sp is not None:
        who = sp.span("sp")
        cut = text.find(",", *who)
        if cut > 0:  # "According to the Post, Bush ...": the source ends at its comma
            who = (who[0], cut)
    else:  # "according to federal law enforcement officials": the words to the comma
        m = _SOURCE.match(text, h.end(), se)
        if m is None:
            return None
        who = m.span("sp")
        if text[who[1] - 1] == ".":
            who = (who[0], who[1] - 1)
    lead = text[ss:h.start()].rstrip()
    comma = text.find(",", who[1], se)
    if comma >= 0 and _APPOSITION.issuperset(text[comma + 1:comma + 12].split()[:1] or ["-"]):
        again = text.find(",", comma + 1, se)  # "according to Ann Lee, a former envoy, ..."
        if again > 0 and len(text[again:se].split()) > 3:
            comma = again
    after = _trim(text, comma + 1, se) if comma >= 0 else (se, se)
    after_words = len(text[after[0]:after[1]].split())
    cue = h.span()
    if after_words >= 3 and (not lead or (lead.endswith(",") and len(lead.split()) <= 3)):
        s, e = after  # "(Now,) according to X, CONTENT."
    elif lead.endswith((",", "—", "–")):  # "CONTENT, according to X."
        s, e = _trim(text, ss, ss + len(lead) - 1)
        paren = text.rfind("(", s, e)
        if paren >= 0 and ")" not in text[paren:e]:
            s = paren + 1  # "Iowa (93 percent were white, according to exit polls)"
        s = _after_lead(text, s, e)
        first = text[s:e].split()[:1]
        if after_words >= 3 and lead.endswith(",") and paren < 0 and first \
                and first[0].lower() in _ADJUNCT_OPENERS:
            s, e = after  # "At the heart of it, according to X, was ...": after it
    else:
        return None
    if len(text[s:e].split()) < 2:
        return None
    return Report(s, e, cue, who, "according_to")


def _noun(text: str, h: re.Match[str], ss: int, se: int, names: list[Offsets]
          ) -> Report | None:
    preps = _topic_nouns().get(h.group().lower())
    if preps is not None:
        m = _PREP_NOUN.match(text, h.end(), se)
        if m is not None and m.group(1).lower() in preps:
            return _topic(text, h, m.end(), ss, se, names)
    words = text[h.end():h.end() + 30].split()[:2]
    if words[:1] != ["that"] or not text[h.end()].isspace() or len(words) < 2:
        return None
    low = words[1].lower().replace("’", "'").split("'", 1)[0]
    if not (low in _OPENERS or words[1][:1].isupper() or words[1][:1].isdigit()):
        return None  # "a message that fails": a relative clause, not what was said
    s, e = _trim(text, h.end() + 1, se)
    close = _CLOSING.search(text, s, e)
    if close is not None:
        s, e = _trim(text, s, close.start())
    own = _POSSESSOR.search(text, max(ss, h.start() - 60), h.start())
    who: Offsets | None = None
    if own is not None:
        who = own.span("pro") if own.group("pro") else own.span("name")
        if text[who[1] - 2:who[1]] in ("'s", "’s"):
            who = (who[0], who[1] - 2)  # "Karl Weiss's claim": Karl Weiss
    if len(text[s:e].split()) < 3:
        return None
    return Report(s, e, h.span(), who, "speech_noun")


def _topic(text: str, h: re.Match[str], start: int, ss: int, se: int, names: list[Offsets]
           ) -> Report | None:
    """``his criticism of CONTENT`` / ``X raised questions about CONTENT``: the speaker is
    the possessor or the subject of the verb governing the noun phrase."""
    s, e = _trim(text, start, se)
    close = _CLOSING.search(text, s, e) if "," in text[s:e] else None
    if close is not None:
        s, e = _trim(text, s, close.start())
    if len(text[s:e].split()) < 1 or s >= e:
        return None
    own = _POSSESSOR.search(text, max(ss, h.start() - 60), h.start())
    who: Offsets | None = None
    if own is not None:
        who = own.span("pro") if own.group("pro") else own.span("name")
        if text[who[1] - 2:who[1]] in ("'s", "’s"):
            who = (who[0], who[1] - 2)
    else:
        verb = _GOVERNOR.search(text, max(ss, h.start() - 40), h.start())
        if verb is not None and verb.group(1).lower() not in _DETERMINERS:
            who = _subject(text, ss, verb.start(1), names)
            if who is not None and _blocked(text, verb.start(1), who[0], ss):
                return None
    if who is None:
        return None  # "an attack on the email systems": nobody's, and seldom reported
    return Report(s, e, h.span(), who, "speech_noun", topic=True)


def _said_by(q: Quote) -> Mention | None:
    """The speaker mention of a direct quote, as far as :meth:`Resolver.record` needs it
    (its kind: a name, a pronoun or a description), read from the quote."""
    if q.speaker_span is None or q.mention is None:
        return None
    kind = "pronoun" if q.mention.lower() in _PRONOUNS else \
        "name" if q.mention[:1].isupper() else "description"
    return Mention(*q.speaker_span, q.mention, kind, q.mention, "-")


def _outside_marks(text: str, s: int, e: int, quotes: list[Quote], qstarts: list[int]) -> int:
    """Words of ``text[s:e]`` outside the quotations found; -1 when none lies inside."""
    k = bisect_right(qstarts, e)
    inside = [q for q in quotes[max(0, k - 8):k] if q.end > s and q.start < e]
    if not inside and _MARKS.isdisjoint(text[s:e]):
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
    speech = sorted((q for q in quotes if q.kind == "speech"), key=lambda q: q.start)
    reports = find(text, paragraphs, people.spans, [(q.start, q.end) for q in speech])
    if not reports:
        return quotes
    qstarts = [q.start for q in speech]
    resolver = Resolver(text, people, sentences)
    starts = [p[0] for p in paragraphs]
    next_id = max((q.id for q in quotes), default=-1) + 1
    added: list[Quote] = []
    taken: set[Offsets] = set()
    d = 0  # direct quotes recorded so far (the latest named speaker feeds pronouns)
    joined_to: int | None = None  # the id of the quote the next joined piece belongs to
    for r in reports:
        while d < len(speech) and speech[d].start < r.start:
            q = speech[d]
            resolver.record(-1 - d, q.start, q.speaker, _said_by(q))
            d += 1
        outside = _outside_marks(text, r.start, r.end, speech, qstarts)
        if 0 <= outside < MIN_WORDS or (r.start, r.end) in taken:
            joined_to = None
            continue  # no more than a quotation already found
        taken.add((r.start, r.end))
        qid = joined_to if r.joined and joined_to is not None else next_id
        added.append(_record(text, r, MIXED if outside >= 0 else INDIRECT, qid, resolver,
                             bisect_right(starts, r.start) - 1))
        joined_to = qid
        if qid == next_id:
            next_id += 1
    return sorted(quotes + added, key=lambda q: q.start)


def _record(text: str, r: Report, kind: str, qid: int, resolver: Resolver,
            paragraph: int) -> Quote:
    cue = text[r.cue[0]:r.cue[1]]
    evidence = [f"rule {r.rule}", f"cue {cue!r} at {r.cue[0]}-{r.cue[1]}"]
    mention: Mention | None = classify(text, *r.speaker) if r.speaker else None
    speaker = None
    if mention is None and r.speaker and text[r.speaker[0]:r.speaker[1]] in ("who", "which"):
        mention = _antecedent(text, r.speaker[0], resolver.people.spans)
        if mention is not None:
            speaker = resolver.name(mention, r.start)
            evidence.append(f"speaker: {text[r.speaker[0]:r.speaker[1]]!r} -> {resolver.how}")
            resolver.record(qid, r.start, speaker, mention)
        return Quote(qid, text[r.start:r.end], r.start, r.end, speaker, r.speaker, cue, r.cue,
                     kind=kind, paragraph=max(paragraph, 0), rule=r.rule,
                     mention=text[r.speaker[0]:r.speaker[1]], evidence=tuple(evidence))
    if mention is not None and mention.kind == "description":
        # named as written: who a description means is looked for only for direct quotes
        # (a search over the text's names that would cost reported speech a fifth of
        # the time of the whole extraction)
        speaker = " ".join(mention.text.split())
        evidence.append(f"speaker: description {mention.text!r}, as written")
    elif mention is not None:
        if mention.core == "his":  # a possessor ("his claim that"): named as "he" is
            mention = Mention(mention.start, mention.end, mention.text, mention.kind, "he",
                              mention.gender)
        try:
            speaker = resolver.name(mention, r.start)
        except TimeoutError:
            speaker = None
        evidence.append(f"speaker: {resolver.how}")
    if mention is not None:
        resolver.record(qid, r.start, speaker, mention)
    span = (mention.start, mention.end) if mention is not None else r.speaker
    return Quote(qid, text[r.start:r.end], r.start, r.end, speaker, span, cue, r.cue,
                 kind=kind, paragraph=max(paragraph, 0), rule=r.rule,
                 mention=mention.text if mention else None, evidence=tuple(evidence))


def _antecedent(text: str, at: int, names: list[Offsets]) -> Mention | None:
    """The name a relative "who" at ``at`` refers to: ``Hollis, who said ...``."""
    k = bisect_right(names, (at, at)) - 1
    if k < 0 or text[names[k][1]:at].strip() not in (",", ""):
        return None
    return classify(text, *names[k])
