"""The unnamed people of a story's narration: ``a girl was dancing``, ``the old man``.

A pronoun tag (``she asked``) whose story has named nobody of that gender refers to
someone the narration only describes; the nearest such description before the tag, told
by a noun of that gender (data/role_nouns.txt), stands in for their name.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex

from .lexicon import load
from .quoted import Quoted

UNNAMED_REACH = 3000  # characters before a tag in which its description is looked for


@lru_cache(maxsize=2)
def described(gendered: bool = True) -> regex.Pattern[str]:
    """A person described by a role noun (data/role_nouns.txt; with ``gendered``, one
    of known gender only): ``a girl``, ``the old man``, ``a peasant woman``, ``the
    innkeeper's wife`` (the wife, not the innkeeper). The noun is group ``n``."""
    nouns = sorted((n for n, g in load().role_nouns.items()
                    if " " not in n and (g in ("m", "f") or not gendered)),
                   key=len, reverse=True)
    return regex.compile(
        r"\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]his|[Tt]hat)\s+(?:\p{Ll}[\p{Ll}\-'’]*\s+){0,2}?"
        rf"(?P<n>{'|'.join(map(regex.escape, nouns))})\b(?![\-'’]\p{{L}})")


class Unnamed:
    """Where a text describes a person of known gender without naming them."""

    def __init__(self, text: str, quoted: Quoted) -> None:
        genders = load().role_nouns
        self._at: dict[str, list[tuple[int, str]]] = {"m": [], "f": []}
        for m in described().finditer(text):
            if m.start() in quoted:
                continue  # inside a quotation: someone talked about
            noun = m.group("n").lower()
            self._at[genders[noun]].append((m.start(), f"the {noun}"))
        self._pos = {g: [p for p, _n in v] for g, v in self._at.items()}

    def before(self, pos: int, gender: str) -> str | None:
        """The description of a person of ``gender`` nearest before ``pos``, if close."""
        if gender not in self._at:
            return None
        k = bisect_left(self._pos[gender], pos) - 1
        if k < 0 or pos - self._pos[gender][k] > UNNAMED_REACH:
            return None
        return self._at[gender][k][1]
