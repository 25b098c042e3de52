"""Descriptions the narration ties to a named character (``Mr. Brownlow, an old gentleman
in a bottle-green coat`` ... ``said the old gentleman``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from .cast import Character
from .lexicon import read_rows
from .quoted import Quoted

_WORD = r"\p{Ll}[\p{Ll}'’-]*"
# "NAME, an old gentleman in a bottle-green coat": the words after the name
_AFTER = regex.compile(r",\s+(?:a|an|the)\s+(?P<np>(?:" + _WORD + r"\s+){0,3}" + _WORD + r")")
# "the motherly old lady, NAME, ...": the words before the name (a name opening a clause
# of its own, "a man at the bar, Fagin walked", is not described)
_BEFORE = regex.compile(r"(?:^|\W)[Tt]he\s+(?P<np>(?:" + _WORD + r"\s+){0,3}" + _WORD
                        + r"),\s+$")
_CLOSED = regex.compile(r"\s*[,.;]")
_STOP = frozenset(r[0] for r in read_rows("phrase_stops.txt"))  # "in" of "a man in a coat"
_REACH = 60  # characters either side of a name searched for its description


@lru_cache(maxsize=1)
def _relative() -> frozenset[str]:
    """Words that pick someone out against the others on stage (data/relative_words.txt)."""
    return frozenset(r[0].lower() for r in read_rows("relative_words.txt"))


def _phrase(np: str) -> tuple[str, ...]:
    """The words of a noun phrase up to its head (``old gentleman`` of ``old gentleman in a
    bottle-green coat``)."""
    out: list[str] = []
    for w in np.lower().split():
        if w in _STOP:
            break
        out.append(w)
    return tuple(out)


class Ties:
    """Which named characters the narration describes by which nouns."""

    def __init__(self, text: str, hits: Iterable[tuple[int, int, Character]],
                 quoted: Quoted) -> None:
        self._by_head: dict[str, list[tuple[Character, tuple[str, ...]]]] = {}
        for s, e, ch in hits:
            if s in quoted:
                continue  # a name in a quotation ("Sikes, the man is here") is a call
            found = []
            after = _AFTER.match(text, e, min(len(text), e + _REACH))
            if after is not None:
                found.append(_phrase(after.group("np")))
            before = _BEFORE.search(text, max(0, s - _REACH), s)
            if before is not None and " ".join(before.group("np").split()) \
                    == " ".join(_phrase(before.group("np"))) and _CLOSED.match(text, e):
                found.append(_phrase(before.group("np")))
            for words in found:
                if words:
                    self._by_head.setdefault(words[-1], []).append((ch, words[:-1]))

    def tie(self, description: str, gender: str) -> Character | None:
        """The one named character the narration described with the head noun (and the
        adjectives) of ``description`` (``the old gentleman``), else None."""
        words = _phrase(description)[1:]
        if not words or any(w in _relative() for w in words):
            return None  # "the other man": someone told apart from the one in view
        entries = [(ch, mods) for ch, mods in self._by_head.get(words[-1], [])
                   if gender == "-" or ch.gender in (gender, "-")]
        people = {ch for ch, _mods in entries}
        if len(people) > 1:  # several: the one described with the same adjectives
            people = {ch for ch, mods in entries if set(words[:-1]) <= set(mods)}
        return next(iter(people)) if len(people) == 1 else None
