"""One record per person of a text: the people who speak or are spoken to, and those the
text only names, built once at the end of the pipeline from the text and the attributed
quotes.

The pipeline has already decided who is who: a quote's ``speaker`` and ``addressee`` are
canonical names (the fullest name the text gives, or the cast's name in a story). This
module gathers, for each canonical name, what the text says about that person:

- ``aliases``: the forms the text uses ("John Healey", "Mr Healey", "Healey"), found by one
  scan of the text for each name's words, with the offsets of every mention; a form shared
  by two people of the text ("Healey" when the text names John and Mary Healey) is left out;
- ``roles`` and ``affiliations`` (see :mod:`quoteattr.roles`), around every mention and from
  a description that names them ("the Rotherham MP said");
- ``gender``, only where the text states it: an honorific ("Mr Healey"), a pronoun that the
  pipeline resolved to them ("he told Healey"), a kin noun before their name ("her husband,
  Bill Reed"); ``gender_evidence`` lists where;
- ``kind``: "organisation" (a name with an organisation word, data/organisation_words.txt),
  "group" (a plural description, data/group_nouns.txt), "description" (someone the text
  never names: "a spokesman"), else "person".

People the text names who neither speak nor are spoken to get a record too, with no
quotes (:func:`_mentioned`): a given name and a surname ("Henry Wilcox", "Captain Frederick
Wentworth"), or an honorific and a surname ("Mr. Wilcox", "Dr. Chen"), unless that is a
form of someone the text already has. Bare given names and surnames ("Henry") make no
record of their own: too many capitalised words would. Their forms, roles and gender are
read as for speakers; no quote's ``speaker`` or ``addressee`` changes.

Records are numbered (``id``) in order of the person's first mention in the text (their
first quote when no mention is found), speakers and people only named alike, ties by
name; every quote gets ``speaker_id`` and ``addressee_id``. The result depends only on
the text and the quotes, so a result rebuilt from its quotes has the same records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import roles as roles_mod
from .lexicon import load, word_set
from .mentions import name_core, no_name, place_words
from .model import Quote, Span, Speaker, with_fields
from .people import People
from .resolve import HONORIFICS

Reader = Callable[[str], tuple[str, str]]  # a name -> (core, gender), as name_core gives
_NONE = 1 << 62
FIND_FORMS = 24  # more forms than this are found in one pass over the capitalised words
EVIDENCE = 8  # at most this many notes of gender evidence are kept
# a capitalised word, as the forms' first words are cut ("O'Brien", "Jean-Luc")
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}\-])\p{Lu}[\p{L}\p{N}'’.\-]*(?<!\.)")
_PLAIN = ("is", "us", "ss", "ics", "ous")  # "Chris", "status", "boss": no plural -s
_POSSESSIVE = regex.compile(r"['’]s?$")
_WORD = regex.compile(r"\S+")
# read right to left from an offset: the white space before it, the letters before that
_SPACE_BEFORE = regex.compile(r"\s+", regex.REVERSE)
_LETTERS_BEFORE = regex.compile(r"\p{L}+", regex.REVERSE)


@dataclass
class _Person:
    name: str
    quoted: int  # where the first quote they speak or hear starts
    first: int = 1 << 62  # offset of the first mention (_NONE: none found)
    # insertion-ordered sets (dicts): a person may speak thousands of lines
    quotes: dict[int, None] = field(default_factory=dict)
    mentions: dict[Span, None] = field(default_factory=dict)
    addressed: dict[int, None] = field(default_factory=dict)
    aliases: dict[str, list[Span]] = field(default_factory=dict)
    # role -> where first given (offset, and order at that offset)
    roles: dict[str, tuple[int, int]] = field(default_factory=dict)
    affiliations: dict[str, tuple[int, int]] = field(default_factory=dict)
    genders: dict[tuple[str, str], None] = field(default_factory=dict)  # (gender, evidence)

    def seen(self, pos: int) -> None:
        self.first = min(self.first, pos)

    def role(self, found: tuple[list[str], list[str]], pos: int) -> None:
        for k, r in enumerate(found[0]):
            self.roles[r] = min((pos, k), self.roles.get(r, (pos, k)))
        for k, a in enumerate(found[1]):
            self.affiliations[a] = min((pos, k), self.affiliations.get(a, (pos, k)))


@lru_cache(maxsize=1)
def _org_lower() -> frozenset[str]:
    return frozenset(w.lower() for w in load().org_words)


def build(text: str, quotes: Sequence[Quote], people: People | None = None
          ) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """The quotes with ``speaker_id`` / ``addressee_id`` set, and the speaker records
    (``people``: the text's :class:`~quoteattr.people.People`, if built already)."""
    ids, records = index(text, quotes, people)
    if not records:
        return tuple(quotes), ()
    return tuple(_pointed(q, ids) for q in quotes), records


def index(text: str, quotes: Sequence[Quote], names: People | None = None
          ) -> tuple[dict[str, int], tuple[Speaker, ...]]:
    """The speaker records of the quotes, and each canonical name's record id (what
    :func:`build` sets as ``speaker_id`` and ``addressee_id``). ``names``: the text's
    :class:`~quoteattr.people.People` when the pipeline has built it: its reading of each
    name (:meth:`~quoteattr.people.People.core`) is shared, not worked out again."""
    core = names.core if names is not None else _memo()
    people: dict[str, _Person] = {}
    for q in quotes:
        if q.speaker:
            p = _get(people, q.speaker, q.start)
            p.quotes[q.id] = None
            if q.speaker_span is not None:
                p.mentions[q.speaker_span] = None
                p.seen(q.speaker_span[0])
                _from_mention(text, p, q)
        if q.addressee:
            p = _get(people, q.addressee, q.start)
            p.addressed[q.id] = None
            if q.addressee_span is not None:
                p.seen(q.addressee_span[0])
    _mentioned(text, people, core)
    if not people:
        return {}, ()
    for p in people.values():
        if _described(p.name):
            p.role(roles_mod.of_description(p.name), p.quoted)  # "a spokesman for the ..."
    _scan(text, people, core)
    order = sorted(people.values(),
                   key=lambda p: (p.first if p.first < _NONE else p.quoted, p.name))
    return {p.name: k for k, p in enumerate(order)}, tuple(_record(k, p)
                                                          for k, p in enumerate(order))


def _pointed(q: Quote, ids: dict[str, int]) -> Quote:
    """The quote pointing at its speaker's and addressee's records."""
    sid, aid = ids.get(q.speaker or ""), ids.get(q.addressee or "")
    if (q.speaker_id, q.addressee_id) == (sid, aid):
        return q
    return with_fields(q, speaker_id=sid, addressee_id=aid)


def _get(people: dict[str, _Person], name: str, pos: int) -> _Person:
    p = people.get(name)
    if p is None:
        p = people[name] = _Person(name, pos)
    return p


def _from_mention(text: str, p: _Person, q: Quote) -> None:
    """What the quote's speaker mention says: a pronoun's gender, a description's role, a
    name form."""
    assert q.speaker_span is not None
    s, e = q.speaker_span
    raw = text[s:e]
    low = raw.lower()
    pronoun = load().pronouns.get(low)
    if pronoun is not None:
        said = (pronoun[0], f"pronoun {raw!r} at {s}-{e}")
        if pronoun[0] in ("m", "f") and not _described(p.name):
            p.genders[said] = None
        return
    if raw[:1].islower() or low.split()[0] in load().determiners:
        if not _described(p.name):
            p.role(roles_mod.of_description(raw), s)  # "the Rotherham MP": John Healey
        return
    if not set(raw.split()) & set(p.name.split()):
        p.aliases.setdefault(raw, [])  # a name form ("Lizzy"); its offsets come from the scan


def _described(name: str) -> bool:
    """Is ``name`` a description (a speaker the text does not name: "a spokesman")?"""
    first = name.split()[0]
    return first[:1].islower() or first.lower() in load().determiners


def _mentioned(text: str, people: dict[str, _Person], core_of: Reader) -> None:
    """Add the people the text names who neither speak nor are spoken to: a given name
    and a surname ("Henry Wilcox"; a title before them is set aside) or a title and a
    surname ("Mr. Wilcox", "Captain Wentworth"), in one pass over the capitalised words.
    A name that is a form of someone already there is theirs: the same name, the same
    given name and surname, a title and the surname of one whose gender does not differ;
    and a given name and surname extending the one-word name of one person of the text
    ("Margaret Schlegel" where "Margaret" speaks) is that person's form. Bare given names
    and surnames make no record of their own (they are found as forms by :func:`_scan`)."""
    def _core(name: str) -> str:
        return core_of(name)[0]

    cores: dict[str, str] = {}  # core of each named person's name -> the name
    words_of: dict[str, list[str]] = {}  # first or last word of a core -> the names
    for name in people:
        if _described(name):
            continue
        core = _core(name) or name
        cores[core] = name
        w = core.split()
        for word in {w[0], w[-1]}:
            words_of.setdefault(word, []).append(name)
    found: dict[str, int] = {}  # new name -> first offset
    extends: dict[str, dict[str, int]] = {}  # one-word name -> full names extending it
    # run -> (the one-word name it extends, or "", and the name); None: no new name. What
    # a run names depends on its words and the speakers only: decided once per text
    decided: dict[str, tuple[str, str] | None] = {}
    for start, raw in _runs(text):
        if raw in decided:
            hit = decided[raw]
        else:
            hit = decided[raw] = _new_name(raw, core_of, cores, words_of)
        if hit is None:
            continue
        alone, name = hit
        if alone:  # "Margaret Schlegel" where "Margaret" speaks
            extends.setdefault(alone, {}).setdefault(name, start)
        else:
            found.setdefault(name, start)
    for name, fulls in extends.items():
        if len(fulls) == 1:  # one longer form: theirs
            people[name].aliases.setdefault(next(iter(fulls)), [])
        else:
            for full, at in fulls.items():
                found.setdefault(full, at)
    for name in [n for n in found if len(_core(n).split()) == 1]:
        # "Mr. Wilcox" of the one Henry Wilcox the text names
        surname, gender = core_of(name)
        same = [n for n in found if " " in _core(n) and n.split()[-1] == surname
                and (gender == "-" or _gender_of(n) in ("-", gender))]
        if len(same) == 1:
            del found[name]
    for name, at in found.items():
        people[name] = _Person(name, at)


def _new_name(raw: str, core_of: Reader, cores: dict[str, str],
              words_of: dict[str, list[str]]) -> tuple[str, str] | None:
    """What the run ``raw`` names for :func:`_mentioned`: ("", a new name), (a one-word
    name of the text, the full name extending it), or None (no name, or a form of
    someone the text has: ``cores`` and ``words_of`` as :func:`_mentioned` builds them)."""
    lex = load()
    core, gender = core_of(raw)
    if not core or any(no_name(w) or w in lex.non_names for w in core.split()):
        return None
    words = core.split()
    first = raw.split()[0]
    titled = lex.title(first) is not None or lex.title(first.rstrip(".")) is not None
    if words[-1] in place_words() or words[-1] in lex.org_words:
        return None  # "Oniton Grange", "General Motors"
    if len(words) == 1:
        if (lex.title(first) or lex.title(first.rstrip(".")) or ("", ""))[1] != "honorific":
            return None  # a bare word (a form, found by _scan); "General Electric"
        if any(_gender_of(n) in ("-", gender) or gender == "-"
               for n in words_of.get(core, ())):
            return None  # "Mr Healey" of John Healey
        return "", raw
    if not (titled or words[0] in lex.first_names) or core in cores or \
            lex.title(words[-1]) is not None:
        return None  # "Mrs. Ola Moss", "Henry Wilcox"; not "Tuesday Morning"
    if any((core_of(n)[0] or n).split()[-1] == words[-1] for n in words_of.get(words[0], ())):
        return None  # "Randolph Miller" of Randolph C. Miller
    alone = [n for n in words_of.get(words[0], ()) if " " not in (core_of(n)[0] or n)
             and n == words[0]]
    return (alone[0], core) if alone else ("", core)


def _gender_of(name: str) -> str:
    """The gender a name itself states: its title's, else its given name's; else "-"."""
    first = name.split()[0]
    g = load().title_gender(first.rstrip("."))
    if g in ("m", "f"):
        return g
    g = load().first_names.get(first, "-") if len(name.split()) > 1 else "-"
    return g if g in ("m", "f") else "-"


# capitalised words, each after one white-space character (a line break of hard-wrapped
# text, not a blank line); a word may end with a period ("Mr.", "C.", or a sentence's)
_RUN = regex.compile(r"(?<![\p{L}\p{N}'’.\-])\p{Lu}[\p{L}'’\-]*\.?(?:\s\p{Lu}[\p{L}'’\-]*\.?)+")


def _runs(text: str) -> list[tuple[int, str]]:
    """Each run of capitalised words that may hold a name, from its first given name or
    title on, as (offset, words): ending at a sentence's period, at a dash ("Schlegel--the"),
    at a possessive's "'s" and before the writer's "I"; not after a determiner ("the Miss
    Schlegels")."""
    lex = load()
    leads = _leads()
    out: list[tuple[int, str]] = []
    for m in _RUN.finditer(text):
        run = m.group()
        words = run.split()
        if leads.isdisjoint([w.rstrip(".") for w in words]) and not (
                ("--" in run or "'" in run or "’" in run)
                and any(_may_lead(w, leads) for w in words
                        if "--" in w or "'" in w or "’" in w)):
            continue  # no given name or title: _keep keeps none of it
        at = m.start()
        seg: list[tuple[int, str]] = []
        for word in words:
            w, end = word, False
            if "--" in w:
                w, end = w.split("--", 1)[0], True
            elif w == "I":
                w, end = "", True
            elif "'" in w or "’" in w:
                w = _POSSESSIVE.sub("", word)
                end = w != word
            elif w.endswith(".") and len(w) > 2 and w not in lex.titles:
                w, end = w[:-1], True  # "Reed." ends a sentence; "Mr." and "C." do not
            if w:
                seg.append((at, w))
            if end:
                _keep(text, seg, out)
                seg = []
            at += len(word) + 1
        _keep(text, seg, out)
    return out


@lru_cache(maxsize=1)
def _leads() -> frozenset[str]:
    """Given names and titles, without a period at the end: a word of a run that
    :func:`_keep` may start a name at is one of these once its periods are cut."""
    lex = load()
    return frozenset(w.rstrip(".") for w in (*lex.first_names, *lex.titles))


def _may_lead(word: str, leads: frozenset[str]) -> bool:
    """May ``word`` (with a dash or an apostrophe) be cut by :func:`_runs` to a given name
    or a title?"""
    cut = (word.split("--", 1)[0], _POSSESSIVE.sub("", word))
    return any(w.rstrip(".") in leads for w in cut)


def _keep(text: str, seg: list[tuple[int, str]], out: list[tuple[int, str]]) -> None:
    """Add the run ``seg`` ((offset, word) pairs) from its first given name or title on,
    when two words or more are left and no determiner stands before it."""
    if len(seg) < 2:
        return
    lex = load()
    names, titles = lex.first_names, lex.titles
    k = next((i for i, (_, w) in enumerate(seg)
              if w in names or w in titles or w.rstrip(".") in titles), None)
    if k is None or len(seg) - k < 2 or len(seg[-1][1].rstrip(".")) < 2:
        return
    start = seg[k][0]
    before = seg[k - 1][1] if k else _last_word(text, max(0, start - 24), start)
    if before.lower() in lex.determiners:
        return  # "the Miss Schlegels" (a line break between or not)
    out.append((start, " ".join(w for _, w in seg[k:])))


def _last_word(text: str, lo: int, at: int) -> str:
    """The letters just before the white space that ends ``text[lo:at]`` ("" when it does
    not end with white space after a letter): two matches read right to left from ``at``
    instead of a search trying every offset of the window."""
    space = _SPACE_BEFORE.match(text, lo, at)
    if space is None:
        return ""
    word = _LETTERS_BEFORE.match(text, lo, space.start())
    return word.group() if word is not None else ""


def _scan(text: str, people: dict[str, _Person], core_of: Reader) -> None:
    """Find every mention of each named person's forms (the full name, the surname, the
    given name when the text has one person of that name), with an honorific before it,
    and read roles, affiliations and stated genders around them."""
    forms: dict[str, str | None] = {}  # form -> the person's name; None when shared
    lex = load()
    for name in people:
        if _described(name):
            continue
        first = name.split()[0].rstrip(".")
        g = lex.title_gender(first) if len(name.split()) > 1 else "-"
        if g in ("m", "f"):  # the name itself carries the title: "Mrs. Ashby"
            people[name].genders[(g, f"title {first!r} in the name")] = None
        words = (core_of(name)[0] or name).split()
        own = [name] + ([words[-1], words[0]] if len(words) > 1 else words)
        own += [a for a in people[name].aliases if a != name]
        for f in own:
            if len(f) < 2 or not f[:1].isupper():
                continue
            if f in forms and forms[f] != name:
                forms[f] = name if f == name else (None if forms[f] != f else forms[f])
            else:
                forms[f] = name
    known = {f: people[n] for f, n in forms.items() if n is not None}
    kin = lex.kin_nouns
    for start, end, hon_at, form, word, at in _find(text, known):
        p = known[form]
        if hon_at < start:
            name = p.name
            hon = text[hon_at:start].split()[0].rstrip(".")
            g = lex.title_gender(hon)
            first = name.split()[0] if len(name.split()) > 1 else ""
            given = lex.first_names.get(first, "-")
            if g in ("m", "f") and given in ("m", "f") and g != given:
                continue  # "Mrs Healey" is not John Healey
            if g in ("m", "f") and lex.title_gender(first.rstrip(".")) in ("m", "f") and \
                    g != lex.title_gender(first.rstrip(".")):
                continue  # "Mr. Wilcox" is not Mrs. Wilcox
            if g in ("m", "f"):
                p.genders[(g, f"title {hon!r} at {hon_at}")] = None
        p.aliases.setdefault(text[hon_at:end], []).append((hon_at, end))
        if hon_at < p.first:
            p.first = hon_at  # p.seen(hon_at)
        found = roles_mod.before(text, hon_at)
        if found[0] or found[1]:
            p.role(found, hon_at)
        if text[end:end + 1] == ",":  # roles.after reads nothing else
            found = roles_mod.after(text, end)
            if found[0] or found[1]:
                p.role(found, end)
        if hon_at < start:
            word, at = _word_before(text, hon_at)
        word = word.rstrip(",")
        if word in kin:  # "her husband, Bill Reed"
            g = lex.role_nouns.get(word, "-")
            if g in ("m", "f"):
                p.genders[(g, f"kin noun {word!r} at {at}")] = None


def _memo() -> Reader:
    """:func:`quoteattr.mentions.name_core`, each name worked out once (for one text, when
    no :class:`~quoteattr.people.People` of it is at hand)."""
    seen: dict[str, tuple[str, str]] = {}

    def core(raw: str) -> tuple[str, str]:
        hit = seen.get(raw)
        if hit is None:
            hit = seen[raw] = name_core(raw)
        return hit
    return core


def _find(text: str, forms: Iterable[str]) -> list[tuple[int, int, int, str, str, int]]:
    """Each whole-word occurrence of the forms (longest first where they overlap), as
    (start, end, start with an honorific before it, form, and the word before the start
    and where it starts, as :func:`_word_before` gives them). A few forms are looked for with
    ``str.find``, one pass each (much faster than a pattern of alternatives); many (a text
    of a hundred speakers) in one pass over the capitalised words, so that the work stays
    linear in the text."""
    forms = list(forms)
    hits: list[tuple[int, int, str]] = []
    if len(forms) <= FIND_FORMS:
        for form in forms:
            at = text.find(form)
            size = len(form)
            while at >= 0:
                end = at + size
                left, right = text[at - 1:at] if at else "", text[end:end + 1]
                if not ((left and (left.isalnum() or left == "-"))
                        or (right and (right.isalnum() or right == "-"))):
                    hits.append((at, -end, form))  # a whole word (not _inside_word)
                at = text.find(form, at + 1)
    else:
        by_first: dict[str, list[str]] = {}
        for form in forms:
            by_first.setdefault(form.split()[0], []).append(form)
        for m in _CAPITALISED.finditer(text):
            word = m.group()
            bare = word.split("'", 1)[0].split("’", 1)[0]  # "Healey’s": Healey
            these = by_first.get(word)
            if bare != word:
                these = (these or []) + by_first.get(bare, [])
            if not these:
                continue
            for form in these:
                at, end = m.start(), m.start() + len(form)
                if text.startswith(form, at) and not _inside_word(text, at, end):
                    hits.append((at, -end, form))
    hits.sort()
    out: list[tuple[int, int, int, str, str, int]] = []
    reach = 0
    for at, neg_end, form in hits:
        if at < reach:
            continue  # inside a longer form found at an earlier or the same offset
        reach = -neg_end
        word, before = _word_before(text, at)
        hon = word[:-1] if word.endswith(".") else word
        out.append((at, -neg_end, before if hon in HONORIFICS else at, form, word, before))
    return out


def _inside_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    return bool((before and (before.isalnum() or before == "-"))
                or (after and (after.isalnum() or after == "-")))


def _word_before(text: str, at: int) -> tuple[str, int]:
    """The word just before offset ``at`` (one space or tab between, on its line) and where
    it starts; ("", at) when there is none."""
    if at < 2 or text[at - 1] not in " \t\xa0" or text[at - 2].isspace():
        return "", at
    cut = max(text.rfind(" ", max(0, at - 24), at - 1), text.rfind("\n", max(0, at - 24), at - 1))
    return text[cut + 1:at - 1], cut + 1


def _record(k: int, p: _Person) -> Speaker:
    aliases = tuple((form, tuple(spans)) for form, spans in
                    sorted(p.aliases.items(), key=lambda kv: (kv[1][0][0] if kv[1] else 1 << 62,
                                                               kv[0])))
    gender, evidence = _gender(p.genders)
    return Speaker(p.name, tuple(p.quotes), tuple(p.mentions), k, aliases, _in_order(p.roles),
                   _in_order(p.affiliations), kind_of(p.name), gender, evidence,
                   tuple(p.addressed))


def _in_order(found: dict[str, tuple[int, int]]) -> tuple[str, ...]:
    """The roles (or affiliations) in order of where the text first gives them."""
    return tuple(sorted(found, key=lambda r: (found[r], r)))


def _gender(found: Iterable[tuple[str, str]]) -> tuple[str | None, tuple[str, ...]]:
    """The gender most of the evidence states (None on a tie or none), and that evidence."""
    found = list(found)
    m = sum(1 for g, _ in found if g == "m")
    f = sum(1 for g, _ in found if g == "f")
    if m == f:
        return None, ()
    g = "m" if m > f else "f"
    return g, tuple(ev for h, ev in found if h == g)[:EVIDENCE]


@lru_cache(maxsize=8192)
def kind_of(name: str) -> str:
    """"person", "organisation", "group" or "description" for a canonical speaker name."""
    words = name.split()
    lex = load()
    if _described(name):
        joiners = roles_mod.joiners()
        lead = next((words[:k] for k, w in enumerate(words) if k and w.lower() in joiners),
                    words)  # "a spokesman" of "a spokesman for the ministry"
        head = lead[-1].lower().strip(".,")
        if head in _org_lower():
            return "organisation"
        if head in word_set("group_nouns.txt") or (head.endswith("s") and not head.endswith(_PLAIN)
                                 and head not in lex.role_nouns):
            return "group"
        return "description"
    if name in lex.org_words or any(w in lex.org_words for w in words):
        return "organisation"
    return "person"
