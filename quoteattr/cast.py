"""The cast of a story: its characters, their names and aliases, and their genders.

Built either from the text (names and titles, variants merged only when unambiguous:
``Miss Elizabeth Bennet`` / ``Elizabeth`` / ``Miss Bennet``; ``Mr. Bennet`` and
``Mrs. Bennet`` kept apart) or from a list the user gives
(``[{"name": ..., "aliases": [...], "gender": ...}]``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from .lexicon import load
from .mentions import name_core
from .patterns import compiled

_FEMALE_TITLES = frozenset({"Mrs", "Miss", "Ms", "Lady", "Madam", "Madame", "Mme", "Mlle",
                            "Dame", "Aunt", "Mistress"})
_GENDER_WORDS = {"female": "f", "f": "f", "woman": "f", "male": "m", "m": "m", "man": "m"}
_WORD = regex.compile(r"\S+")
_POSSESSIVE = regex.compile(r"['’](?:s\b.*|\s.*)?\Z", regex.S)
_LOWER = regex.compile(r"(?<![\p{L}'’])\p{Ll}+(?![\p{L}'’])")
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


def parse(raw: str) -> _Parsed | None:
    """Split a capitalised mention into title, name words and gender (None: no name)."""
    core, gender = name_core(raw)
    if not core:
        return None
    words = raw.split()
    lex = load()
    title, at = "", len(words) - len(core.split())
    for i, w in enumerate(words[:at]):
        bare = w.rstrip(".")
        if bare in lex.titles or w in lex.titles:
            title, at = bare, i
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
        cands = self._given.get(p.words[0], ()) if len(p.words) == 1 else ()
        cands = cands or self._surnames.get(p.words[-1], ())
        cands = tuple(k for k in cands if _compatible(p.gender, self.chars[k].gender)
                      and _title_fits(p.title, self.chars[k].name))
        return self.chars[cands[0]] if len(cands) == 1 else None

    def find(self, text: str, start: int, end: int) -> list[tuple[int, int, Character]]:
        """Characters named in ``text[start:end]``, with their offsets, in order."""
        out = []
        for s, e, raw in names(text, start, end):
            ch = self.lookup(raw)
            if ch is not None:
                out.append((s, e, ch))
        return out


def names(text: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int, str]]:
    """Capitalised name sequences of ``text[start:end]``, cut at sentence ends and
    stripped of possessives: ``(start, end, raw)``."""
    lex = load()
    stop = len(text) if end is None else end
    for m in compiled().name.finditer(text, start, stop):
        s = m.start()
        for w in _WORD.finditer(m.group()):
            word = w.group()
            if not word.endswith(".") or word in lex.titles or word.rstrip(".") in lex.titles \
                    or len(word) == 2:
                continue
            yield from _clean(text, s, m.start() + w.end() - 1)
            s = m.start() + w.end()
            while s < m.end() and text[s].isspace():
                s += 1
        if s < m.end():
            yield from _clean(text, s, m.end())


def _clean(text: str, s: int, e: int) -> Iterable[tuple[int, int, str]]:
    raw = text[s:e]
    cut = _POSSESSIVE.search(raw)
    if cut:
        raw = raw[:cut.start()]
    raw = raw.rstrip(".,;:!?")
    words = raw.split()
    if not words or (all(w.isupper() for w in words) and any(len(w) > 1 for w in words)) \
            or words[0] in ("I", "O"):
        return
    yield s, s + len(raw), raw


def _norm(raw: str) -> str:
    return " ".join(t.lower() for t in _TOKEN.findall(raw))


def _compatible(a: str, b: str) -> bool:
    return a == "-" or b == "-" or a == b


def _title_fits(title: str, name: str) -> bool:
    """``Mrs. Bennet`` never names a character called ``Mr. Bennet`` (and so on)."""
    cls = _title_class(title)
    first = name.split()[0].rstrip(".")
    if cls in ("Mr", "Mrs", "Miss") and _title_class(first) in ("Mr", "Mrs", "Miss"):
        return cls == _title_class(first)
    return True


def from_text(text: str, spans: Iterable[tuple[int, int]] = ()) -> Cast:
    """Collect the cast of ``text`` from its name mentions (``spans``: quoted ranges,
    whose names count only as support for names also used in narration)."""
    del spans  # names inside quotations (vocatives) are people too
    lex = load()
    lower = frozenset(_LOWER.findall(text))
    found: Counter[tuple[str, tuple[str, ...]]] = Counter()
    forms: dict[tuple[str, tuple[str, ...]], Counter[str]] = {}
    genders: dict[tuple[str, tuple[str, ...]], str] = {}
    for _s, _e, raw in names(text):
        p = parse(raw)
        if p is None or " ".join(p.words) in lex.non_names or not p.words[0][:1].isupper():
            continue
        if len(p.words) > 4 or any(w.lower() in lex.role_nouns for w in p.words):
            continue
        while len(p.words) > 1 and p.words[0].lower() in lower \
                and p.words[0] not in lex.first_names:
            p = _Parsed(p.title, p.words[1:], p.gender, p.form)  # "Poor Winterbourne"
        key = (_title_class(p.title), p.words)
        found[key] += 1
        forms.setdefault(key, Counter())[p.form] += 1
        if p.gender != "-":
            genders.setdefault(key, p.gender)
    return _build(found, forms, genders)


def _build(found: Counter[tuple[str, tuple[str, ...]]],
           forms: dict[tuple[str, tuple[str, ...]], Counter[str]],
           genders: dict[tuple[str, tuple[str, ...]], str]) -> Cast:
    lex = load()
    full: dict[tuple[str, ...], dict[str, Any]] = {}
    for (title, words), n in found.items():
        if len(words) > 1:
            rec = full.setdefault(words, {"n": 0, "gender": "-", "title": ""})
            rec["n"] += n
            g = lex.first_names.get(words[0], "-")
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

    def add(name: str, gender: str, aliases: Iterable[str]) -> int:
        k = len(chars)
        chars.append(Character(k, name, gender))
        for a in aliases:
            index.setdefault(_norm(a), k)
        return k

    for words, rec in sorted(full.items(), key=lambda kv: -kv[1]["n"]):
        g = rec["gender"] if rec["gender"] in ("m", "f") else "-"
        k = add(" ".join(words), g, [" ".join(words)])
        surnames.setdefault(words[-1], []).append(k)
        given.setdefault(words[0], []).append(k)
    # titled single names: Mr. Darcy, Miss Bennet, Captain Harcourt, Miss Elizabeth
    singles = sorted(((t, w), n) for (t, w), n in found.items() if len(w) == 1)
    for (title, words), _n in sorted(singles, key=lambda kv: -kv[1]):
        if not title:
            continue
        word = words[0]
        g = genders.get((title, words), "-")
        pool = given.get(word, []) if word in given else surnames.get(word, [])
        fits = [k for k in pool if _compatible(g, chars[k].gender)
                and (title not in ("Mr", "Mrs", "Miss") or chars[k].gender != "-")]
        if title == "Mrs" and word not in given:
            fits = []  # Mrs. Bennet is not Jane Bennet; a married name stands alone
        if len(fits) == 1 and (title != "Miss" or word in given or _one_female(fits, chars)):
            index.setdefault(_norm(f"{title} {word}"), fits[0])
            continue
        form = forms[(title, words)].most_common(1)[0][0]
        k = add(form if title in ("Mr", "Mrs", "Miss") else f"{form}",
                g, [f"{title} {word}", form])
        surnames.setdefault(word, []).append(k)
    # bare single names: Elizabeth, Darcy
    for (title, words), n in sorted(singles, key=lambda kv: -kv[1]):
        if title:
            continue
        word = words[0]
        if _norm(word) in index:
            continue
        pool = given.get(word) or surnames.get(word) or []
        if len(pool) == 1:
            index.setdefault(_norm(word), pool[0])
            continue
        if pool:
            continue  # ambiguous: Bennet alone names nobody in particular
        g = lex.first_names.get(word, "-")
        if g not in ("m", "f") and n < 2:
            continue
        k = add(word, g if g in ("m", "f") else "-", [word])
        given.setdefault(word, []).append(k)
    return Cast(chars, index, {k: tuple(v) for k, v in surnames.items()},
                {k: tuple(v) for k, v in given.items()})


def _one_female(keys: list[int], chars: list[Character]) -> bool:
    return len(keys) == 1 and chars[keys[0]].gender == "f"


def from_list(characters: Sequence[Mapping[str, Any]]) -> Cast:
    """The cast a user gives: ``[{"name": ..., "aliases": [...], "gender": ...}, ...]``."""
    chars: list[Character] = []
    index: dict[str, int] = {}
    surnames: dict[str, list[int]] = {}
    given: dict[str, list[int]] = {}
    for c in characters:
        name = c.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"each character needs a 'name' string, got {c!r}")
        aliases = [name, *[a for a in c.get("aliases") or () if isinstance(a, str)]]
        gender = _GENDER_WORDS.get(str(c.get("gender") or "").lower(), "-")
        if gender == "-":
            for a in aliases:
                p = parse(a)
                if p is not None and p.gender != "-":
                    gender = p.gender
                    break
        k = len(chars)
        chars.append(Character(k, name.strip(), gender))
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
