"""The unnamed people of a story's narration: ``a girl was dancing``, ``the old man``.

A pronoun tag (``she asked``) whose story has named nobody of that gender refers to
someone the narration only describes; the nearest such description before the tag, told
by a noun of that gender (data/role_nouns.txt), stands in for their name. A speaker so
described may be named a little later (``said a gentleman`` ... ``said Mr. Greyson``):
:func:`named_later` finds that name.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache

import regex

from .lexicon import load
from .quoted import Quoted

UNNAMED_REACH = 3000  # characters before a tag in which its description is looked for
NAMED_LATER_REACH = 3000  # characters after a described speaker's line where a name counts


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


def named_later(lines: Sequence[tuple[int, int, str | None]],
                first: Mapping[str, tuple[int, str]], described: Mapping[str, str]
                ) -> dict[int, str]:
    """Line number -> the name a described speaker turns out to have: ``lines`` are
    (start, end, speaker) in document order, ``first`` where each named character is
    first mentioned and their gender, ``described`` the genders of the described
    speakers. The first speaker after a described one's line whom the text has not
    mentioned before that line, and names within :data:`NAMED_LATER_REACH` of it, is
    the described one, named (``"Wake up!" said a gentleman`` ... ``"What name?" /
    "Greyson."`` ... ``said Mr. Greyson``), if their genders agree and the text does not
    go on describing the one it has named (``said a rough voice. / Dick woke. / "...,"
    said the man``: the man is not Dick)."""
    starts = [s for s, _e, _who in lines]
    out: dict[int, str] = {}
    for k, (start, _end, who) in enumerate(lines):
        gender = described.get(who) if who is not None else None
        if who is None or gender is None:
            continue
        for j in range(k + 1, len(lines)):
            later, _e, other = lines[j]
            seen = first.get(other) if other is not None else None
            if later - start > NAMED_LATER_REACH:
                break
            if other is None or seen is None or seen[0] < start:
                continue  # a stand-in, or someone known before: the other side
            if seen[0] - start <= NAMED_LATER_REACH \
                    and ("-" in (gender, seen[1]) or gender == seen[1]) \
                    and not _described_after(lines, starts, who, seen[0]):
                out[k] = other
            break
    return out


def _described_after(lines: Sequence[tuple[int, int, str | None]], starts: list[int],
                     who: str, at: int) -> bool:
    """Whether ``who`` speaks a line starting after position ``at`` (within reach)."""
    for j in range(bisect_right(starts, at), len(lines)):
        if lines[j][0] - at > NAMED_LATER_REACH:
            return False
        if lines[j][2] == who:
            return True
    return False
