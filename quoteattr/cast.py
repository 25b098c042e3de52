"""The cast of a story: its characters, their names and aliases, and their genders.

Built either from the text (names and titles, variants merged only when unambiguous:
``Miss Elizabeth Bennet`` / ``Elizabeth`` / ``Miss Bennet``; ``Mr. Bennet`` and
``Mrs. Bennet`` kept apart) or from a list the user gives
(``[{"name": ..., "aliases": [...], "gender": ...}]``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import regex

from .lexicon import column, load, word_set
from .mentions import name_core, place_words
from .patterns import compiled

_TITLE_WORDS = {"dr": "doctor", "capt": "captain", "col": "colonel", "prof": "professor",
                "gen": "general", "lieut": "lieutenant", "sgt": "sergeant", "insp": "inspector"}
_GENDER_WORDS = {"female": "f", "f": "f", "woman": "f", "male": "m", "m": "m", "man": "m"}
_WORD = regex.compile(r"\S+")
_CONTRACTION = regex.compile(r"(?:n['’]t|['’](?:m|ve|ll|d|re))\Z")
_POSSESSIVE = regex.compile(r"['’](?:s\b.*|\s.*)?\Z", regex.S)
_LOWER = regex.compile(r"(?<![\p{L}'’])\p{Ll}+(?![\p{L}'’])")
# "in Chicago", "at Hartfield", "the Casino": words before a place, not a person
_QUOTED_AFTER_THE = regex.compile(r"\b[Tt]he\s+[\"“‘']\Z")  # the "Trois Couronnes"
_PLACE_BEFORE = regex.compile(r"\b(?:in|to|from|into|near|towards|toward|at|of|through|across"
                              r"|round|around|past|beyond|the)\s+\Z")
# "faith in Mother Church": a titled name after "in" (not "in Mrs. Bell's carriage")
_IN_BEFORE = regex.compile(r"\bin(?:to)?\s+\Z")
_OWNED_AFTER = regex.compile(r"['’]s?\b")
# "Perhaps you are right, Watson," : a name called in a line, a person though named once
_CALLED = regex.compile(r",\s+\Z")
_CALLED_AFTER = regex.compile(r"[,!?](?!\s+(?:a|an|the)\b)")  # not ", Baly-craig, a place"
_SAINT_BEFORE = regex.compile(r"\b(?:St\.?|Saint)\s+\Z")
_SAINTS = frozenset({"St", "St.", "Saint"})
_ROLE_NAME = regex.compile(r"\b[Tt]he\s+(\p{Lu}\p{Ll}+)\b(?![^\S\n]+\p{Lu})")
ROLE_MENTIONS = 2  # "the Grandmother" named so this often is one of the cast
_SELF = regex.compile(r"(?:\s+I\b)+\Z")
_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")


@dataclass(frozen=True, slots=True)
class Character:
    """One person of the story."""

    key: int
    name: str  # the name results carry
    gender: str  # "m" | "f" | "-"


@dataclass(frozen=True, slots=True)
class _Parsed:
    title: str  # the first honorific or title, without its period ("" when none)
    words: tuple[str, ...]  # the name without titles
    gender: str
    form: str  # the mention as written, spaces normalised


@lru_cache(maxsize=4096)
def parse(raw: str) -> _Parsed | None:
    """Split a capitalised mention into title, name words and gender (None: no name).
    Each form is worked out once (a text, and a cast given for many texts, name the same
    people again and again); the result is immutable."""
    core, gender = name_core(raw)
    if not core:
        return None
    words = raw.split()
    lex = load()
    title, at = "", len(words) - len(core.split())
    for i, w in enumerate(words[:at]):
        if lex.title(w) is not None:
            title, at = w.rstrip("."), i
            break
    if gender == "-" and title:
        gender = lex.title_gender(title)
    return _Parsed(title, tuple(core.split()), gender, " ".join(words[at:]))


def _title_class(title: str) -> str:
    """Titles that tell people of one surname apart: Mr / Mrs / Miss / other."""
    if title in ("Mrs", "Miss"):
        return title
    if title in ("Mr", "Sir", "Master"):
        return "Mr"
    return title


class Cast:
    """Characters of one text, and which one a name mention refers to."""

    def __init__(self, chars: Sequence[Character], index: Mapping[str, int],
                 surnames: Mapping[str, tuple[int, ...]], given: Mapping[str, tuple[int, ...]]
                 ) -> None:
        self.chars = tuple(chars)
        self._index = dict(index)  # normalised form -> key
        self._surnames = dict(surnames)
        self._given = dict(given)
        self._titled: dict[str, frozenset[int]] | None = None
        self._surname_of: dict[int, str] | None = None
        self._given_pools: dict[str, tuple[dict[tuple[str, str], tuple[int, ...]],
                                           list[tuple[int, str]]]] = {}
        self._surname_pools: dict[str, tuple[dict[tuple[str, str], tuple[int, ...]],
                                             list[tuple[int, str]]]] = {}

    def lookup(self, raw: str) -> Character | None:
        """The character a name mention (``Mrs. Bennet``, ``Lizzy``) names, if unambiguous."""
        key = self._index.get(_norm(raw))
        if key is not None:
            return self.chars[key]
        p = parse(raw)
        if p is None:
            return None
        key = self._index.get(_norm(" ".join(p.words)), None) if not p.title else \
            self._index.get(_norm(f"{_title_class(p.title)} {' '.join(p.words)}"))
        if key is not None:
            return self.chars[key]
        word = p.words[0] if len(p.words) == 1 and self._given.get(p.words[0]) else ""
        groups, heads = self._pool(word or p.words[-1], bool(word))
        cls = _title_class(p.title)
        fits = [keys for (gender, first), keys in groups.items()
                if _compatible(p.gender, gender) and _fits_class(cls, first)]
        if sum(len(keys) for keys in fits) > 1:
            if p.title or len(p.words) != 1:
                return None
            # "said Bounderby" beside Mrs. Bounderby and Loo Bounderby: the one Mr. Bounderby
            fits = [(k,) for k, gender in heads if _compatible(p.gender, gender)]
        return self.chars[fits[0][0]] if sum(len(keys) for keys in fits) == 1 else None

    def _pool(self, word: str, given: bool
              ) -> tuple[dict[tuple[str, str], tuple[int, ...]], list[tuple[int, str]]]:
        """The characters of a given name (``given``) or surname, grouped once by gender
        and by the family title their name opens with (at most two kept per group: a
        lookup needs to know only whether one fits), and those that are its Mr. (a bare
        surname's head of the family), with their genders."""
        memo = (self._given_pools if given else self._surname_pools)
        if word not in memo:
            groups: dict[tuple[str, str], tuple[int, ...]] = {}
            heads: list[tuple[int, str]] = []
            for k in (self._given if given else self._surnames).get(word, ()):
                ch = self.chars[k]
                first = _title_class(ch.name.split()[0].rstrip("."))
                group = (ch.gender, first if first in _FAMILY else "")
                if len(groups.get(group, ())) < 2:
                    groups[group] = (*groups.get(group, ()), k)
                if _head(ch.name, word):
                    heads.append((k, ch.gender))
            memo[word] = (groups, heads)
        return memo[word]

    def with_genders(self, genders: Mapping[int, str]) -> Cast:
        """A copy whose characters keyed in ``genders`` have that gender."""
        chars = [replace(ch, gender=genders.get(ch.key, ch.gender)) for ch in self.chars]
        return Cast(chars, self._index, self._surnames, self._given)

    def relative(self, of: Character, title: str) -> Character | None:
        """The one character ``title`` + the surname of ``of`` names (``his wife``:
        ``Mrs. Knightley`` for Mr. John Knightley), if any."""
        if self._surname_of is None:
            self._surname_of = {}
            for name, keys in self._surnames.items():
                for k in keys:
                    self._surname_of.setdefault(k, name)  # the first, as the names were added
        surname = self._surname_of.get(of.key)
        if surname is None:
            return None
        found = self.lookup(f"{title} {surname}")
        return found if found is not None and found != of else None

    def titled(self, title: str) -> tuple[Character, ...]:
        """The characters some form of whose name carries ``title`` (``doctor``:
        ``Doctor Losberne``, ``Dr. Losberne``)."""
        if self._titled is None:
            groups: dict[str, set[int]] = {}
            for form, key in self._index.items():
                first = form.split()[0]
                groups.setdefault(_TITLE_WORDS.get(first, first), set()).add(key)
            self._titled = {t: frozenset(v) for t, v in groups.items()}
        low = title.lower()
        keys = self._titled.get(_TITLE_WORDS.get(low, low), frozenset())
        return tuple(self.chars[k] for k in sorted(keys))

    def find(self, text: str, start: int, end: int) -> list[tuple[int, int, Character]]:
        """Characters named in ``text[start:end]``, with their offsets, in order."""
        out = []
        for s, e, raw in names(text, start, end):
            ch = self.lookup(raw)
            if ch is not None:
                out.append((s, e, ch))
        return out

    def place(self, mentions: Iterable[tuple[int, int, str]]) -> Placed:
        """The characters of ``mentions`` (one scan of a text), looked up once each."""
        memo: dict[str, Character | None] = {}
        hits = []
        for s, e, raw in mentions:
            if raw not in memo:
                memo[raw] = self.lookup(raw)
            ch = memo[raw]
            if ch is not None:
                hits.append((s, e, ch))
        return Placed(hits)


class Placed:
    """Where the characters of a cast are named in one text, by position."""

    def __init__(self, hits: list[tuple[int, int, Character]]) -> None:
        self.hits = hits
        self._starts = [h[0] for h in hits]

    def find(self, start: int, end: int) -> list[tuple[int, int, Character]]:
        """Characters named in ``[start, end)``, with their offsets, in order."""
        i, j = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [h for h in self.hits[i:j] if h[1] <= end]


def names(text: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int, str]]:
    """Capitalised name sequences of ``text[start:end]``, cut at sentence ends and
    stripped of possessives: ``(start, end, raw)``."""
    stop = len(text) if end is None else end
    spans = ((m.start(), m.end()) for m in compiled().name.finditer(text, start, stop))
    return split_names(text, spans)


def split_names(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The name mentions of the name pattern's matches ``spans`` (one scan of the text,
    e.g. :attr:`quoteattr.people.People.spans`): cut at sentence ends, possessives off."""
    titles = load().titles
    out: list[tuple[int, int, str]] = []
    for ms, me in spans:
        s = ms
        group = text[ms:me]
        if "." in group:
            for w in _WORD.finditer(group):
                word = w.group()
                if not word.endswith(".") or word in titles or word.rstrip(".") in titles \
                        or len(word) == 2:
                    continue
                out.extend(_clean(text, s, ms + w.end() - 1))
                s = ms + w.end()
                while s < me and text[s].isspace():
                    s += 1
        if s < me:
            out.extend(_clean(text, s, me))
    return out


@lru_cache(maxsize=1)
def _heading() -> regex.Pattern[str]:
    """A heading before a name: ``CHAPTER V.`` of ``CHAPTER V. Anne's History``
    (data/heading_words.txt)."""
    words = "|".join(regex.escape(w) for w in column("heading_words.txt"))
    return regex.compile(rf"(?i:{words})\.?\s+(?:[IVXLC]+|\d+)\b\.?\s+")


def _clean(text: str, s: int, e: int) -> tuple[tuple[int, int, str], ...]:
    head = _heading().match(text, s, e)
    if head is not None:  # "CHAPTER V. Anne": the name is Anne
        s = head.end()
    raw = text[s:e]
    cut = _POSSESSIVE.search(raw)
    if cut:
        raw = raw[:cut.start()]
    raw = _SELF.sub("", raw.rstrip(".,;:!?"))  # "Whereupon I": the narrator, no name
    words = raw.split()
    cut = next((k for k, w in enumerate(words[1:], 1) if _CONTRACTION.search(w)), None)
    if cut is not None:  # "Oh, Anne I'm so proud!": the name ends before "I'm"
        raw = raw[:raw.index(words[cut - 1]) + len(words[cut - 1])]
        words = words[:cut]
    if not words or (all(w.isupper() for w in words) and any(len(w) > 1 for w in words)) \
            or words[0] in ("I", "O", "I.") or _CONTRACTION.search(words[0]):
        return ()  # "I'm", "Don't": a sentence's first word, not a name
    return ((s, s + len(raw), raw),)


def _head(name: str, surname: str) -> bool:
    """Whether ``name`` is the Mr. of ``surname``, whom a bare surname calls when the
    family has several members."""
    p = parse(name)
    return p is not None and p.title == "Mr" and p.words == (surname,)


def _norm(raw: str) -> str:
    return " ".join(t.lower() for t in _TOKEN.findall(raw))


def _compatible(a: str, b: str) -> bool:
    return a == "-" or b == "-" or a == b


_FAMILY = ("Mr", "Mrs", "Miss")  # title classes that tell people of one surname apart


def _fits_class(cls: str, first: str) -> bool:
    """Whether a mention titled ``cls`` may name a character whose name opens with the
    family title ``first`` ("" when it opens with none): ``Mrs. Bennet`` never names a
    character called ``Mr. Bennet`` (and so on)."""
    return not first or cls not in _FAMILY or cls == first


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Particles of a surname (data/name_particles.txt), lower case: ``de``, ``van``."""
    return frozenset(w.lower() for w in column("name_particles.txt"))



def from_text(text: str, mentions: Iterable[tuple[int, int, str]] | None = None) -> Cast:
    """Collect the cast of ``text`` from its name mentions (``mentions``: those of
    :func:`split_names`, when the text has been scanned already)."""
    lex = load()
    demonyms = word_set("demonyms.txt")  # "American", "Bohemian"
    sites = place_words()
    particles = _particles()
    lower = frozenset(_LOWER.findall(text))
    found: Counter[tuple[str, tuple[str, ...]]] = Counter()
    forms: dict[tuple[str, tuple[str, ...]], Counter[str]] = {}
    genders: dict[tuple[str, tuple[str, ...]], str] = {}
    parsed: dict[str, _Parsed | None] = {}
    places: Counter[tuple[str, tuple[str, ...]]] = Counter()
    titled_places: Counter[tuple[str, tuple[str, ...]]] = Counter()
    called: set[tuple[str, tuple[str, ...]]] = set()
    for s, e, raw in (names(text) if mentions is None else mentions):
        if raw not in parsed:
            parsed[raw] = parse(raw)
        p = parsed[raw]
        if p is None or " ".join(p.words) in lex.non_names or not p.words[0][:1].isupper():
            continue
        if _SAINT_BEFORE.search(text, max(0, s - 7), s) or p.words[0] in _SAINTS:
            continue  # "St. Paul's", "Saint Giles": a church or a place
        if text[s - 1:s] == "_" or _QUOTED_AFTER_THE.search(text, max(0, s - 6), s):
            continue  # "the _Lusitania_", the "Trois Couronnes": a ship's, an inn's name
        if len(p.words) > 4 or any(w.lower() in lex.role_nouns for w in p.words):
            continue
        if not p.title and len(p.words) > 1 and (p.words[-1] in sites
                                                 or p.words[-1] in lex.org_words):
            continue  # "Baker Street", "the Light Infantry": a place or a unit
        while len(p.words) > 1 and p.words[0].lower() in lower \
                and p.words[0] not in lex.first_names and p.words[0].lower() not in particles:
            form = p.form.split(None, 1)[1] if p.form.startswith(p.words[0] + " ") else p.form
            p = _Parsed(p.title, p.words[1:], p.gender, form)  # "Poor Winterbourne"
        if not p.title and len(p.words) == 1 and (p.words[0] in demonyms
                                                  or p.words[0][:-1] in demonyms):
            continue  # "his Bohemian soul", "the Americans": a people, not a person
        if not p.title and len(p.words) == 1 and (p.words[0].lower() in lower or (
                p.words[0] in lex.titles and p.words[0] not in lex.first_names)):
            continue  # "Exactly," at the start of a line; "Mlle" without her name
        key = (_title_class(p.title), p.words)
        found[key] += 1
        if _CALLED.search(text, max(0, s - 3), s) and _CALLED_AFTER.match(text, e) \
                and "-" not in raw:  # "Rum-ti-foo, Rackety-tackety-Tompkin!": a song
            called.add(key)
        if not p.title and _PLACE_BEFORE.search(text, max(0, s - 12), s):
            places[key] += 1
        elif p.title and _IN_BEFORE.search(text, max(0, s - 12), s) \
                and not _OWNED_AFTER.match(text, e):
            titled_places[key] += 1
        forms.setdefault(key, Counter())[p.form] += 1
        if p.gender != "-":
            genders.setdefault(key, p.gender)
    for key in [k for k in found if len(k[1]) >= 3]:
        if found[("", key[1][1:])] > found[key]:  # "left Margaret Howards End": two names
            first = ("", key[1][:1])
            n = found.pop(key)
            found[first] += n
            forms.setdefault(first, Counter())[key[1][0]] += n
    for key, n in places.items():
        if n * 3 >= found[key] and key[1][0] not in lex.first_names:
            del found[key]  # "in Chicago", "to London": a place, not a person
    for key, n in titled_places.items():
        if n == found[key] and key[1][0] not in lex.first_names:
            del found[key]  # "faith in Mother Church", and never otherwise
    cast = _build(found, forms, genders, called)
    return _with_roles(cast, text)


def _with_roles(cast: Cast, text: str) -> Cast:
    """Add the people a story calls by a capitalised role, ``the Grandmother``, ``the
    General`` (twice or more, and not already a character's name)."""
    roles = load().role_nouns
    seen = Counter(m.group(1) for m in _ROLE_NAME.finditer(text) if m.group(1).lower() in roles)
    new = [w for w, n in seen.items() if n >= ROLE_MENTIONS and _norm(w) not in cast._index]
    if not new:
        return cast
    chars, index = list(cast.chars), dict(cast._index)
    for w in new:
        g = roles[w.lower()]
        chars.append(Character(len(chars), f"the {w}", g if g in ("m", "f") else "-"))
        index[_norm(w)] = chars[-1].key
    return Cast(chars, index, cast._surnames, cast._given)


def _build(found: Counter[tuple[str, tuple[str, ...]]],
           forms: dict[tuple[str, tuple[str, ...]], Counter[str]],
           genders: dict[tuple[str, tuple[str, ...]], str],
           called: set[tuple[str, tuple[str, ...]]]) -> Cast:
    lex = load()
    full: dict[tuple[str, ...], dict[str, Any]] = {}
    for (title, words), n in found.items():
        if len(words) > 1:
            wife = _wife(title, words)
            rec = full.setdefault(("Mrs.", *words) if wife else words,
                                  {"n": 0, "gender": "-", "title": ""})
            rec["n"] += n
            g = "f" if wife else lex.first_names.get(words[0], "-")
            if g not in ("m", "f"):
                g = genders.get((title, words), "-")
            if g in ("m", "f") and rec["gender"] == "-":
                rec["gender"] = g
            if title in ("Mr", "Mrs", "Miss") and not rec["title"]:
                rec["title"] = title
    chars: list[Character] = []
    index: dict[str, int] = {}
    surnames: dict[str, list[int]] = {}
    given: dict[str, list[int]] = {}
    usage: list[Counter[str]] = []  # how often each character is called by each form

    def add(name: str, gender: str, aliases: Iterable[str]) -> int:
        k = len(chars)
        chars.append(Character(k, name, gender))
        usage.append(Counter())
        for a in aliases:
            index.setdefault(_norm(a), k)
        return k

    def used(k: int, key: tuple[str, tuple[str, ...]]) -> None:
        usage[k].update(forms[key])

    for words, rec in sorted(full.items(), key=lambda kv: -kv[1]["n"]):
        g = rec["gender"] if rec["gender"] in ("m", "f") else "-"
        k = add(" ".join(words), g, [" ".join(words)])
        surnames.setdefault(words[-1], []).append(k)
        given.setdefault(words[0], []).append(k)
        if words[0] == "Mrs.":
            used(k, ("Mrs", words[1:]))
            continue
        for title in ("", "Mr", "Mrs", "Miss"):
            if (title, words) in forms and not _wife(title, words):
                used(k, (title, words))
    # titled single names: Mr. Darcy, Miss Bennet, Captain Harcourt, Miss Elizabeth
    singles = sorted(((t, w), n) for (t, w), n in found.items() if len(w) == 1)
    for (title, words), _n in sorted(singles, key=lambda kv: -kv[1]):
        if not title:
            continue
        word = words[0]
        g = genders.get((title, words), "-")
        pool = given.get(word, []) if word in given else surnames.get(word, [])
        fits = [k for k in pool if _compatible(g, chars[k].gender)
                and (title not in ("Mr", "Mrs", "Miss") or chars[k].gender != "-"
                     or (title == "Mr" and len(pool) == 1))]  # Mr. Poirot: Hercule Poirot
        if title == "Mrs" and word not in given:
            fits = []  # Mrs. Bennet is not Jane Bennet; a married name stands alone
        if title == "Miss" and word not in given:
            # Miss Pinkerton is the eldest sister: not the one called Miss Jemima
            fits = [k for k in fits if ("Miss", tuple(chars[k].name.split()[:1])) not in found]
        if title == "Mr" and word not in given:
            # Mr. Ashby is not Tom Ashby when the text calls Tom by his given name
            fits = [k for k in fits if ("", tuple(chars[k].name.split()[:1])) not in found]
        if len(fits) == 1 and (title != "Miss" or word in given or _one_female(fits, chars)):
            if g in ("m", "f") and chars[fits[0]].gender == "-":
                chars[fits[0]] = replace(chars[fits[0]], gender=g)
            index.setdefault(_norm(f"{title} {word}"), fits[0])
            used(fits[0], (title, words))
            continue
        form = forms[(title, words)].most_common(1)[0][0]
        k = add(form, g, [f"{title} {word}", form])
        used(k, (title, words))
        surnames.setdefault(word, []).append(k)
    # bare single names: Elizabeth, Darcy
    for (title, words), n in sorted(singles, key=lambda kv: -kv[1]):
        if title:
            continue
        word = words[0]
        if _norm(word) in index:
            continue
        pool = given.get(word) or surnames.get(word) or []
        if len(pool) > 1 and word in given and len({chars[k].gender for k in pool}) == 1:
            pool = pool[:1]  # Beatrice O'Hara, later Beatrice Blaine: the one named most
        if len(pool) == 1:
            index.setdefault(_norm(word), pool[0])
            used(pool[0], (title, words))
            continue
        if pool:
            continue  # ambiguous: Bennet alone names nobody in particular
        g = lex.first_names.get(word, "-")
        if g not in ("m", "f") and n < 2 and (title, words) not in called:
            continue
        k = add(word, g if g in ("m", "f") else "-", [word])
        used(k, (title, words))
        given.setdefault(word, []).append(k)
    # each is called by the form the text uses most (Mr. Darcy, Elizabeth), longest on ties
    calls = [_call(u) if u else ch.name for ch, u in zip(chars, usage, strict=True)]
    chars = [ch if name == ch.name else replace(ch, name=name)
             for ch, name in zip(chars, calls, strict=True)]
    return Cast(chars, index, {k: tuple(v) for k, v in surnames.items()},
                {k: tuple(v) for k, v in given.items()})


def _call(usage: Counter[str]) -> str:
    """The form a character is called by: the commonest, longest on ties; a bare given
    name or surname gives way to the full name the text introduced ("Konstantin Zvonik",
    "Ivan Ivanitch Kuzmitchov"; not a titled form: "Mr. Kuzmitchov")."""
    best = max(usage.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    if " " not in best:
        full = [f for f in usage if " " in f and f.split()[0] == best]
        full = full or [f for f in usage if len(f.split()) > 1 and f.split()[-1] == best
                        and load().title(f.split()[0]) is None]
        if full:
            return max(full, key=lambda f: (usage[f], len(f)))
    return best


def _wife(title: str, words: tuple[str, ...]) -> bool:
    """``Mrs. John Knightley``: a wife called by her husband's name, not John Knightley."""
    return title == "Mrs" and load().first_names.get(words[0]) == "m"


def _one_female(keys: list[int], chars: list[Character]) -> bool:
    return len(keys) == 1 and chars[keys[0]].gender == "f"


@dataclass(frozen=True, slots=True)
class Entry:
    """One character of a cast the user gave, checked (:func:`normalise`)."""

    name: str  # stripped, never empty
    aliases: tuple[str, ...]  # the other forms, stripped, empty ones dropped
    gender: str  # "m" | "f" | "-"


#: What a user's cast may be: names, ``{"name": ..., "aliases": [...], "gender": ...}``
#: mappings, or entries already checked.
Characters = Sequence[str | Mapping[str, Any] | Entry]


def normalise(characters: object) -> tuple[Entry, ...] | None:
    """A user's cast checked once, as plain picklable entries; ``None`` or an empty list:
    ``None`` (no cast given).

    Each entry is a name (``"Elizabeth Bennet"``) or a mapping with a ``name`` and
    optional ``aliases`` (a list of strings) and ``gender`` (``"f"``, ``"male"``, ...).

    Raises:
        TypeError: ``characters`` is not a list (a dict, a str, ...), or an entry, its
            ``aliases`` or one alias has the wrong type; the message names the entry.
        ValueError: an entry's name is missing or empty; the message names the entry.
    """
    if characters is None:
        return None
    if isinstance(characters, (str, bytes, bytearray, Mapping)) \
            or not isinstance(characters, Sequence):
        raise TypeError(f"characters must be a list of names or of {{'name': ..., "
                        f"'aliases': [...]}} entries, got {type(characters).__name__}")
    if all(isinstance(c, Entry) for c in characters):
        return tuple(characters) or None
    return tuple(_entry(k, c) for k, c in enumerate(characters)) or None


def _entry(k: int, c: object) -> Entry:
    """Entry ``k`` of a user's cast, checked."""
    if isinstance(c, Entry):
        return c
    if isinstance(c, str):
        c = {"name": c}
    if not isinstance(c, Mapping):
        raise TypeError(f"characters[{k}] must be a name or a {{'name': ..., 'aliases': "
                        f"[...]}} mapping, got {type(c).__name__}: {c!r}")
    name = _text(c, "name", f"characters[{k}]", c)
    if not name or not name.strip():
        raise ValueError(f"characters[{k}] needs a non-empty 'name', got {c!r}")
    raw = c.get("aliases")
    if raw is None:
        raw = ()
    if isinstance(raw, (str, bytes, bytearray, Mapping)) or not isinstance(raw, Iterable):
        raise TypeError(f"characters[{k}] ({name!r}): 'aliases' must be a list of str, "
                        f"got {type(raw).__name__}: {raw!r}")
    aliases = tuple(raw)
    bad = next((a for a in aliases if not isinstance(a, str)), None)
    if bad is not None:
        raise TypeError(f"characters[{k}] ({name!r}): each alias must be a str, got "
                        f"{type(bad).__name__}: {bad!r}")
    gender = _text(c, "gender", f"characters[{k}] ({name!r})", c.get("gender"))
    return Entry(name.strip(), tuple(a.strip() for a in aliases if a.strip()),
                 _GENDER_WORDS.get((gender or "").strip().lower(), "-"))


def _text(c: Mapping, key: str, where: str, shown: object) -> str | None:
    """``c[key]``, a str or None; a TypeError naming ``where`` (and showing ``shown``)
    otherwise."""
    value = c.get(key)
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{where}: {key!r} must be a str, got {type(value).__name__}: "
                        f"{shown!r}")
    return value


def from_list(characters: Characters) -> Cast:
    """The cast a user gives (see :func:`normalise`): names, or
    ``[{"name": ..., "aliases": [...], "gender": ...}, ...]``."""
    chars: list[Character] = []
    index: dict[str, int] = {}
    surnames: dict[str, list[int]] = {}
    given: dict[str, list[int]] = {}
    for c in normalise(characters) or ():
        aliases = [c.name, *c.aliases]
        gender = c.gender
        if gender == "-":
            for a in aliases:
                p = parse(a)
                if p is not None and p.gender != "-":
                    gender = p.gender
                    break
        k = len(chars)
        chars.append(Character(k, c.name, gender))
        for a in aliases:
            index.setdefault(_norm(a), k)
            p = parse(a)
            if p is not None:
                surnames.setdefault(p.words[-1], []).append(k)
                given.setdefault(p.words[0], []).append(k)
                if p.title:
                    index.setdefault(_norm(f"{_title_class(p.title)} {' '.join(p.words)}"), k)
    return Cast(chars, index, {k: tuple(dict.fromkeys(v)) for k, v in surnames.items()},
                {k: tuple(dict.fromkeys(v)) for k, v in given.items()})
