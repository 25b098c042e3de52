"""Two-person exchanges: in a run of dialogue paragraphs whose name tags (``said Emma``)
name two people on alternating paragraphs, the untagged lines alternate too; when the
tags name only one of them, the untagged lines of that one's parity are theirs.

The dialogue pass walks a story forwards, so a run that opens untagged, or one whose
turn-taking went astray before a name tag set it right, is settled here afterwards:
each paragraph of the run is given by its parity to one of the two named speakers
(the dialogue pass keeps a pronoun tag's gender: ``said he`` goes only to a man). A
side no name tag names goes to the one the run's lines point to most: a name a line of
the other side calls counts three, one a pronoun tag was resolved to one. A
run where a pronoun tag gave a line to the person of the other parity (they spoke
twice in a row), or where a line calls the one a pronoun tag gave its own parity (a
third person speaks), is not a plain exchange and is left as the forward pass had it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)
CALL_WEIGHT = 3  # a name a line calls outweighs a pronoun tag the forward pass resolved


@dataclass(frozen=True)
class Line(Generic[T]):
    """A dialogue paragraph: its number, the one speaker its name tags give, if any, and
    the one its pronoun or description tags were resolved to."""

    paragraph: int
    anchor: T | None = None
    guess: T | None = None  # whom a pronoun or description tag gave the line to
    called: T | None = None  # whom the line calls by name: the other side of the exchange


def alternate(lines: list[Line[T]]) -> dict[int, T]:
    """Paragraph number -> speaker, for the paragraphs without an anchor in runs of
    consecutive ``lines`` (document order) whose anchors are people taking turns (two,
    or one whose parity is then known)."""
    out: dict[int, T] = {}
    run: list[Line[T]] = []
    for line in [*lines, None]:
        if line is not None and (not run or line.paragraph == run[-1].paragraph + 1):
            run.append(line)
            continue
        out.update(_settle(run))
        run = [line] if line is not None else []
    return out


def _settle(run: list[Line[T]]) -> dict[int, T]:
    by_parity: dict[int, T] = {}
    for line in run:
        if line.anchor is None:
            continue
        if by_parity.setdefault(line.paragraph % 2, line.anchor) != line.anchor:
            return {}  # the same parity names two people: not a plain exchange
    for side, who in _votes(run).items():
        if side not in by_parity:
            ranked = [(n, ch) for ch, n in who.most_common(2) if ch != by_parity.get(1 - side)]
            if ranked and ranked[0][0] > 0 and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]):
                by_parity[side] = ranked[0][1]
    if len(by_parity) == 2 and by_parity[0] == by_parity[1]:
        return {}
    if any(line.guess is not None and by_parity.get(1 - line.paragraph % 2) == line.guess
           for line in run):
        return {}  # "said he" gave a line of one side to the other: they spoke twice
    guessed = {(line.paragraph % 2, line.guess) for line in run if line.guess is not None}
    if any((line.paragraph % 2, line.called) in guessed for line in run):
        return {}  # a side calls one "he asked" gave that side: a third person speaks
    return {line.paragraph: by_parity[line.paragraph % 2] for line in run
            if line.anchor is None and line.paragraph % 2 in by_parity}


def _votes(run: list[Line[T]]) -> dict[int, Counter[T]]:
    """Parity -> people the run's untagged lines point to for that side: the one a line
    calls (``"Now, Mr. Knightley, ..."``) answers on the other side, the one a pronoun tag
    was resolved to speaks on the line's own side."""
    votes: dict[int, Counter[T]] = {0: Counter(), 1: Counter()}
    for line in run:
        side = line.paragraph % 2
        if line.anchor is None and line.called is not None:
            votes[1 - side][line.called] += CALL_WEIGHT
        if line.guess is not None:
            votes[side][line.guess] += 1
    return votes
