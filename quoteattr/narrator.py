"""Naming a story's first-person narrator.

The narrator's lines are tagged ``said I``, ``I asked``; the dialogue pass
(:mod:`quoteattr.fiction`) collects them as :data:`NARRATOR`'s and this module names
them by the name the other characters call the narrator (``"You see, Hastings, ..."``),
or leaves them unnamed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .cast import Character, Placed
from .model import Quote

NARRATOR = Character(-2, "", "-")  # "I asked": takes a turn; left unnamed in results
NARRATOR_VOTES = 2  # lines addressed to the narrator by one name before it names them
NARRATION_MENTIONS = 1  # a name the narration uses more often is not the narrator's


@dataclass
class Narrator:
    """The first-person narrator: the lines they speak, and the name the others call
    them by (``"You see, Hastings, ..."``). The narrator is never named by a tag
    (``said Poirot``) nor, telling the story as ``I``, in the narration."""

    lines: list[int] = field(default_factory=list)
    votes: Counter[Character] = field(default_factory=Counter)
    tagged: set[Character] = field(default_factory=set)

    def turn(self, addressee: Character | None, tagged: Iterable[Character]) -> None:
        if addressee is not None and addressee != NARRATOR:
            self.votes[addressee] += 1
        self.tagged.update(tagged)

    def name(self, placed: Placed, quotes: list[Quote], text: str) -> str | None:
        if not self.lines:
            return None
        starts = frozenset(_opening(text, q) for q in quotes)
        spans = [(q.start, q.end) for q in quotes]
        top = [(ch, n) for ch, n in self.votes.most_common()
               if ch not in self.tagged and ch.key >= 0 and not _exclamation(placed, ch, starts)
               and _in_narration(placed, ch, spans) <= NARRATION_MENTIONS]
        if not top or top[0][1] < NARRATOR_VOTES or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
            return None
        return top[0][0].name


def _in_narration(placed: Placed, ch: Character, spans: list[tuple[int, int]]) -> int:
    """How often ``ch`` is named outside the quotations ``spans`` (document order)."""
    starts = [s for s, _e in spans]
    n = 0
    for s, _e, c in placed.hits:
        if c != ch:
            continue
        k = bisect_right(starts, s) - 1
        if k < 0 or s >= spans[k][1]:
            n += 1
    return n


def _exclamation(placed: Placed, ch: Character, starts: frozenset[int]) -> bool:
    """Whether every mention of ``ch`` opens a quotation (``"Exactly!"``, ``"Enough,"``):
    a word the cast took for a name."""
    return all(s in starts for s, _e, c in placed.hits if c == ch)


def _opening(text: str, q: Quote) -> int:
    """Where the first word of a quotation starts."""
    at = q.start
    while at < q.end and not text[at].isalnum():
        at += 1
    return at
