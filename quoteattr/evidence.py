"""Evidence about who speaks a line of dialogue: what one rule says about one candidate.

Each rule is a small function returning :class:`Evidence` items: this candidate is the
speaker (positive ``strength``), is not (negative), or is the one spoken to
(``role="addressee"``). The dialogue pass (:mod:`quoteattr.fiction`) finds tags, beats,
narration subjects and vocatives; these functions weigh what it found, and
:mod:`quoteattr.decode` decides a whole conversation from the items. The strengths are
read from data/evidence_strengths.txt (hand-set; one rule a line).
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from .lexicon import read_rows

T = TypeVar("T", bound=Hashable)


class Evidence(NamedTuple, Generic[T]):
    """What ``rule`` says about ``candidate`` for one line: speaker (strength > 0),
    not the speaker (strength < 0), ``role="addressee"``, or ``role="forward"``: the
    speaker the forward pass chose by ``rule``."""

    rule: str
    candidate: T
    strength: float
    role: str = "speaker"


@lru_cache(maxsize=1)
def strengths() -> dict[str, float]:
    """Rule name -> strength (data/evidence_strengths.txt)."""
    return {r[0]: float(r[1]) for r in read_rows("evidence_strengths.txt")}


def strength(rule: str) -> float:
    """The strength of ``rule`` (0 for a rule the table does not list)."""
    return strengths().get(rule, 0.0)


def pronoun_tag(who: T, near: bool) -> list[Evidence[T]]:
    """``"...," said she``: the one the pass resolved the pronoun to; ``near``: someone
    the paragraph's own narration, or the one just before it, has acting (stronger than
    one found by the order of turns)."""
    rule = "pronoun_tag" if near else "pronoun_guess"
    return [Evidence(rule, who, strength(rule))]


def description_tag(who: T) -> list[Evidence[T]]:
    """``"...," said the old gentleman``: the one the description was tied to."""
    return [Evidence("description_tag", who, strength("description_tag"))]


def narration_subject(who: T) -> list[Evidence[T]]:
    """The one the narration just before the line follows."""
    return [Evidence("narration_subject", who, strength("narration_subject"))]


def vocative(called: T) -> list[Evidence[T]]:
    """``"Now, Emma, ..."``: the one called is spoken to, so not the speaker."""
    return [Evidence("vocative", called, strength("vocative")),
            Evidence("vocative", called, 1.0, "addressee")]


def addressed(hearer: T) -> list[Evidence[T]]:
    """``"Indeed, sir."``: the one such a word calls among those on stage is spoken to."""
    return [Evidence("address_word", hearer, strength("address_word")),
            Evidence("address_word", hearer, 1.0, "addressee")]


def answers_call(called: T) -> list[Evidence[T]]:
    """The line after one that called ``called`` by name: most often theirs."""
    return [Evidence("answers_call", called, strength("answers_call"))]


def called_back(called: T) -> list[Evidence[T]]:
    """The line before one that calls ``called`` by name: most often theirs (the call
    answers them)."""
    return [Evidence("called_back", called, strength("called_back"))]


def calls_parent(child: T) -> list[Evidence[T]]:
    """``"But, papa, ..."``: the one child of the parent called on stage speaks."""
    return [Evidence("parent_call", child, strength("parent_call"))]


def forward_guess(who: T, rule: str) -> list[Evidence[T]]:
    """What the forward pass's own choice of ``rule`` gave (``turn_taking``: the weakest),
    weighed as ``forward_`` + rule."""
    return [Evidence(rule, who, strength("forward_" + rule), "forward")]


def answers_facing(faced: T) -> list[Evidence[T]]:
    """The line after one whose narration turned to ``faced`` (``turning to Anne``):
    often theirs."""
    return [Evidence("answers_facing", faced, strength("answers_facing"))]
