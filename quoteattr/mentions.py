"""Mentions of speakers: names (with titles stripped), descriptions, pronouns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import load, read_rows, word_set
from .patterns import compiled

_AFTER_TITLE = regex.compile(r"\.[^\S\n]+(?:and[^\S\n]+(?:\p{Ll}+[^\S\n]+)?)?(?=\p{Lu})")
_JOINERS = frozenset(("of", "for", "on", "the", "and"))  # Ministry of Defence
# "Sir Thomas's look": the owner's name (capitalised words) before a possessive
_POSSESSOR = regex.compile(r"(?P<name>\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*)*)['’]s\s")
_NEXT_WORDS = regex.compile(r"(?:[^\S\n]+\p{Ll}+){1,2}")
_APPOSED = regex.compile(r",\s+(?:\p{Ll}+\s+)?\p{Lu}")  # ", actress Jamie Lee Curtis"
# an apostrophe inside a name: O'Brien, D'Souza, M'Choakumchild, d'Artagnan, N'Dour
_NAME_APOSTROPHE = regex.compile(r"(?:\p{Lu}|[dl])['’]\p{Lu}\p{L}*(?:-\p{Lu}\p{L}*)?\.?\Z")
_POSSESSIVE_END = regex.compile(r"['’]s?\Z")
_CONTRACTION = regex.compile(r"(?:n['’]t|['’](?:m|ve|ll|d|re))\Z", regex.I)  # Don't, It'll
_ELIDED = regex.compile(r"['’]")
# "Cold-hearted", "Korean-born", "Anne-girl": a capitalised word joined to a lower-case one
_COMPOUND = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*-[\p{Ll}\p{M}]+\Z")


@dataclass(frozen=True, slots=True)
class Mention:
    """Who a cue frame names: a person's name, a description, or a pronoun."""

    start: int
    end: int
    text: str
    kind: str  # "name" | "description" | "pronoun"
    core: str  # the name without titles ("John Healey"), the description, or the pronoun
    gender: str  # "m" | "f" | "-"


def classify(text: str, start: int, end: int) -> Mention | None:
    """The mention ``text[start:end]`` (a matched speaker group), or None if it names nobody."""
    end = _past_title(text, start, end)
    raw = text[start:end]
    words = raw.split()
    if len(words) > 1 and words[-1] == "I" and "i" in load().pronouns:  # "Whereupon I said"
        return classify(text, end - 1, end)
    found = _classify(raw)
    owner = _POSSESSOR.match(raw) if found is not None and found[0] == "description" else None
    if owner is not None and not _person(words[-1]):  # someone's thing, not someone
        said = _owner(text, start, end, owner)
        if said is not None:
            return said  # "Marilla's only comment was": Marilla
        if len(words) == 2 and not _APPOSED.match(text, end):
            return None  # "Emma's ear"; but "Clay's biographers, David and Jeanne Heidler"
    return Mention(start, end, raw, *found) if found is not None else None


def _owner(text: str, start: int, end: int, owner: regex.Match[str]) -> Mention | None:
    """``Marilla's only comment``: the owner of an utterance noun (data/utterance_nouns.txt)
    in the mention or the two words after it, as the speaker (else None)."""
    after = _NEXT_WORDS.match(text, end)
    nouns = load().utterance_nouns
    words = text[start + owner.end():after.end() if after else end].lower().split()
    if not any(w.strip(",.;:") in nouns for w in words):
        return None
    found = _classify(owner.group("name"))
    if found is None or found[0] != "name":
        return None
    return Mention(start, start + owner.end("name"), owner.group("name"), *found)


def _person(word: str) -> bool:
    """Whether a description's last word can head a speaker (``aide``, ``office``)."""
    low = word.lower().strip(".,")
    return low in load().role_nouns or low in _heads()


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """The speaker heads (data/speaker_heads.txt), lower case."""
    return frozenset(h.lower() for h in load().speaker_heads)


@lru_cache(maxsize=4096)
def _classify(raw: str) -> tuple[str, str, str] | None:
    """(kind, core, gender) of the mention ``raw`` (a text names its speakers again and
    again: each form is worked out once)."""
    lex = load()
    low = raw.lower()
    if low in lex.pronouns:
        gender = lex.pronouns[low][0]
        return "pronoun", low, gender if gender in "mf" else "-"
    words = raw.split()
    if not words or low in lex.speaker_stopwords:
        return None
    run = _trailing_name(words)
    lowered = run and all(w[:1].islower() for w in words[:run])
    if run and run < len(words) and (words[run - 1].lower().rstrip(",") in lex.role_nouns
                                     or words[run - 1].endswith(",")  # "a friend at school, X"
                                     or (lowered and (words[0] not in lex.determiners
                                                      or _titled(words[run])))):
        core, gender = name_core(" ".join(words[run:]))
        if core:
            return _named(core, gender)
    if run and compiled().adj_name.fullmatch(raw) and not _has_role(words[:run]):
        core, gender = name_core(" ".join(words[run:]))  # "the burly Moze"
        if core:
            return _named(core, gender)
    if words[0].lower() in lex.determiners:
        rest = words[1:]
        if not rest:
            return None  # a bare "The"
        if rest and rest[0][:1].isupper() and all(w[:1].isupper() or w in _JOINERS for w in rest):
            core, gender = name_core(" ".join(rest))
            if core and core.split()[0] in lex.first_names:
                return "name", core, gender  # "The Rt Hon John Healey"
            if not _has_role(rest) and rest[-1] not in word_set("place_words.txt", "unit"):
                return "name", " ".join(rest), "-"  # "the Pentagon"; not "the Light Infantry"
        return "description", raw, _role_gender(words)
    if words[-1][:1].islower():  # "Powell's office", "Healey's aide"
        return "description", raw, _role_gender(words)
    core, gender = name_core(raw)
    if not core:
        return None
    return _named(core, gender)


def _named(core: str, gender: str) -> tuple[str, str, str]:
    """A name mention, unless its core is the writer's "I" ("when I asked him")."""
    if core == "I":
        return "pronoun", "i", "-"
    return "name", core, gender


def _past_title(text: str, start: int, end: int) -> int:
    """Where a mention cut short at an abbreviated title really ends: "Navy Capt" of "Navy
    Capt. Jeff Davis", "former Ohio Gov" of "former Ohio Gov. and party chairman Ed Lowe"."""
    if text[end:end + 1] != ".":
        return end
    words = text[start:end].split()
    if not words or words[-1] not in load().titles:
        return end
    m = _AFTER_TITLE.match(text, end)
    if m is None:
        return end
    name = compiled().name.match(text, m.end())
    return name.end() if name is not None else end


def _trailing_name(words: list[str]) -> int:
    """Index where the final run of capitalised words begins (len(words) if none)."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    return k


def _titled(word: str) -> bool:
    """Whether ``word`` is an honorific (``the good-hearted Mrs. John Knightley``; not
    the office of ``the former aide to President Bush``)."""
    hit = load().title(word)
    return hit is not None and hit[1] == "honorific"


def _has_role(words: list[str]) -> bool:
    roles = load().role_nouns
    return any(w.lower().strip(".,") in roles for w in words)


def _role_gender(words: list[str]) -> str:
    roles = load().role_nouns
    for w in reversed(words):
        g = roles.get(w.lower().strip(".,"))
        if g in ("m", "f"):
            return g
    return "-"


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Capitalised words never part of a name (data/not_names.txt): "Poor", "Bother"."""
    return frozenset(r[0] for r in read_rows("not_names.txt"))


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Last words of places and units (data/place_words.txt): ``Street``, ``Infantry``."""
    return frozenset(r[0] for r in read_rows("place_words.txt"))




def no_name(word: str) -> bool:
    """Whether a capitalised word can be no part of a person's name: a contraction
    (``Don't``, ``You're``, ``It'll``, ``I'm``) or a word elided more than once
    (``Gen'l'men``), but not an ``O'Brien`` nor a possessive nor ``Ja'far``; a compound
    adjective (``Cold-hearted``, ``Korean-born``; not ``Winnie-the-Pooh`` or ``Jean-Paul``);
    or a word of data/not_names.txt (``Poor``, ``Bother``, ``Work'us``)."""
    bare = word.rstrip(".,;:!?")
    if "'" not in bare and "’" not in bare:  # most words: no apostrophe to look at
        return bare in _not_names() or ("-" in bare and _COMPOUND.match(bare) is not None)
    bare = _POSSESSIVE_END.sub("", bare)
    if bare in _not_names():
        return True
    if "'" in bare or "’" in bare:
        return _NAME_APOSTROPHE.match(bare) is None and (
            _CONTRACTION.search(bare) is not None or len(_ELIDED.findall(bare)) > 1)
    return _COMPOUND.match(bare) is not None


@lru_cache(maxsize=1)
def _cut_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words :func:`name_core` cuts before a name as written (titles, name prefixes,
    capitalised non-names), and those it cuts once a final period is dropped (titles
    and name prefixes)."""
    lex = load()
    bare = frozenset(lex.titles) | compiled().prefix_words
    return bare | lex.non_names, bare


_SUFFIXES = frozenset(("MP", "MEP", "MSP", "QC", "KC", "Jr", "Sr"))  # "John Healey MP"


def name_core(raw: str) -> tuple[str, str]:
    """Strip titles and role words from a capitalised sequence: the name and its gender.

    "UK Defence Secretary John Healey" -> ("John Healey", "-"); "Mrs. Bennet" -> ("Bennet", "f").
    """
    lex = load()
    first_names, titles, role_nouns = lex.first_names, lex.titles, lex.role_nouns
    words = raw.split()
    gender = "-"
    cut = 0
    last = len(words) - 1
    if last > 0:
        cut_as_is, cut_bare = _cut_words()
        for i in range(last):
            w = words[i]
            if w.endswith(("'s", "’s")):
                cut = i + 1  # "Florida's Rick Wilson"
                continue
            if i == last - 1 and w in first_names:
                continue  # "Coach Dean Whitaker": Dean is his given name, not a title
            if (w in cut_as_is or w.rstrip(".") in cut_bare or w.lower() in role_nouns
                    or no_name(w)
                    or (w.endswith("s") and w[:-1] in titles)):  # "Senators Lee and Ruiz"
                cut = i + 1
                g = lex.title_gender(w)
                if g in ("m", "f"):
                    gender = g
    core_words = words[cut:] if cut else words
    for k, w in enumerate(core_words):
        if no_name(w):  # "Anne I'm", "Don't": the name (if any) ends before it
            core_words = core_words[:k]
            break
    if len(core_words) > 1 and len(core_words[0]) > 5 and core_words[0].endswith("ing") \
            and core_words[0] not in first_names:
        core_words = core_words[1:]  # "Asserting Clinton": a participle opening a sentence
    if len(core_words) > 2:
        # "Harbourmaster Glen Tuckett": an unknown capitalised word before a given name
        # and a surname is a title or a trade, not part of the name
        given = next((i for i, w in enumerate(core_words) if w in first_names), 0)
        if 0 < given < len(core_words) - 1:
            core_words = core_words[given:]
    if core_words and core_words[-1].rstrip(".") in _SUFFIXES:
        core_words = list(core_words)
        while core_words and core_words[-1].rstrip(".") in _SUFFIXES:
            core_words.pop()
    if not core_words or core_words[0] in lex.non_names:
        return "", gender
    if cut == 0 and len(core_words) == 1 and core_words[0].lower() in role_nouns:
        return "", gender
    core = " ".join(core_words) if "," not in raw else " ".join(w.rstrip(",")
                                                                 for w in core_words)
    if gender == "-" and len(core_words) > 1:
        g = first_names.get(core_words[0], "-")
        gender = g if g in ("m", "f") else "-"
    return core, gender
