"""Deciding a conversation as a whole: the speakers of a run of dialogue lines.

A conversation is a run of consecutive dialogue paragraphs. Each line (:class:`Step`)
carries the :class:`~quoteattr.evidence.Evidence` its rules found, a speaker fixed by a
name tag of its own, and the gender a pronoun tag asks for. :func:`decode` finds the
sequence of speakers with the best total score by Viterbi search over pairs of
consecutive speakers: a line's evidence for its speaker, plus a transition score that
favours people taking turns (A-B-A-B) and costs the same person speaking twice in a row.
A name tag anywhere in the run so fixes its neighbours, and one weak guess does not
carry through the run.

The search keeps at most ``MAX_CANDIDATES`` people per run (the ones the evidence points
to most), so each line costs the same however long the conversation.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .evidence import Evidence, strengths

T = TypeVar("T", bound=Hashable)
MAX_CANDIDATES = 6  # people of one conversation the search weighs
_SPEAKER = ("speaker", "forward")  # the roles of evidence for a candidate as speaker


@dataclass(frozen=True, slots=True)
class Step(Generic[T]):
    """One dialogue paragraph of a conversation, as the decoder sees it."""

    paragraph: int
    evidence: tuple[Evidence[T], ...] = ()
    fixed: T | None = None  # the speaker a name tag of the line gives: not in question
    gender: str = "-"  # "m" / "f": a pronoun tag of the line asks for one of that gender
    called: T | None = None  # the one the line calls by name
    narrated: bool = False  # the paragraph has narration of its own beside its quotations


@dataclass(frozen=True, slots=True)
class Choice(Generic[T]):
    """The decoder's speaker for one line and the rule that weighs most for them."""

    paragraph: int
    speaker: T | None
    rule: str
    score: float  # the line's own evidence for the speaker
    runner_up: T | None = None


def runs(steps: Sequence[Step[T]]) -> list[list[Step[T]]]:
    """``steps`` (document order) cut into conversations: runs of consecutive paragraphs."""
    out: list[list[Step[T]]] = []
    for step in steps:
        if out and step.paragraph == out[-1][-1].paragraph + 1:
            out[-1].append(step)
        else:
            out.append([step])
    return out


def candidates(run: Sequence[Step[T]]) -> list[T]:
    """The people a run's evidence points to, most supported first (at most
    ``MAX_CANDIDATES``): fixed speakers count most, then positive evidence."""
    weight: dict[T, float] = {}
    for step in run:
        if step.fixed is not None:
            weight[step.fixed] = weight.get(step.fixed, 0.0) + 10.0
        for ev in step.evidence:
            if ev.role in _SPEAKER and ev.strength >= 0:  # a weak guess still names one
                weight[ev.candidate] = weight.get(ev.candidate, 0.0) + ev.strength + 0.1
            elif ev.role == "addressee":
                # someone spoken to is in the conversation
                weight[ev.candidate] = weight.get(ev.candidate, 0.0) + 0.5
    return sorted(weight, key=lambda c: -weight[c])[:MAX_CANDIDATES]


def weighed(ev: Evidence[T], weights: Mapping[str, float]) -> float:
    """An item's strength under ``weights`` (the table's, or a fit's trial values)."""
    if ev.role == "forward":
        return weights.get("forward_" + ev.rule, ev.strength)
    return weights.get(ev.rule, ev.strength) if ev.role == "speaker" else 0.0


def emission(step: Step[T], who: T, gender_of: Callable[[T], str],
             weights: Mapping[str, float]) -> float:
    """How much a line's own evidence says ``who`` speaks it."""
    if step.fixed is not None:
        return 0.0 if who == step.fixed else float("-inf")
    score = sum(weighed(ev, weights) for ev in step.evidence if ev.candidate == who)
    if step.gender in ("m", "f"):
        g = gender_of(who)
        if g not in (step.gender, "-"):
            score += weights["gender_mismatch"]
        elif g == "-":
            score += weights["gender_unknown"]
    return score


def _emissions(step: Step[T], people: list[T], genders: list[str],
               weights: Mapping[str, float]) -> list[float]:
    """:func:`emission` of each of ``people`` (of genders ``genders``) for one line, the
    line's evidence read once."""
    inf = float("-inf")
    if step.fixed is not None:
        return [0.0 if who == step.fixed else inf for who in people]
    by_candidate: dict[T, list[float]] = {}
    for ev in step.evidence:  # summed in the evidence's order, as emission() sums
        by_candidate.setdefault(ev.candidate, []).append(weighed(ev, weights))
    out = [sum(by_candidate.get(who, ())) for who in people]
    if step.gender in ("m", "f"):
        for k, g in enumerate(genders):
            if g not in (step.gender, "-"):
                out[k] += weights["gender_mismatch"]
            elif g == "-":
                out[k] += weights["gender_unknown"]
    return out


def transition(before: T | None, last: T | None, who: T, weights: Mapping[str, float],
               narrated: bool = False) -> float:
    """The score of ``who`` speaking after ``last`` (who spoke after ``before``); a
    paragraph with narration of its own (``narrated``) more often goes on with the same
    speaker (``He went to the window. "..."``)."""
    if last is None:
        return 0.0
    if who == last:
        return weights["same_twice_narrated" if narrated else "same_twice"]
    if before is None:
        return 0.0
    if who == before:
        return weights["alternation"]
    return weights["new_speaker"]


def decode(run: Sequence[Step[T]], gender_of: Callable[[T], str],
           weights: Mapping[str, float] | None = None) -> list[Choice[T]]:
    """The best speaker for each line of one conversation (second-order Viterbi);
    ``weights``: rule -> strength, data/evidence_strengths.txt unless given."""
    weights = strengths() if weights is None else weights
    people = candidates(run)
    if not people:
        return [Choice(s.paragraph, None, "", 0.0) for s in run]
    inf = float("-inf")
    # the search runs on the candidates' numbers (cheap to hash), in the order of people
    ids = range(len(people))
    genders = [gender_of(c) for c in people]
    emit = [_emissions(s, people, genders, weights) for s in run]
    # state: (speaker before, speaker now) -> (score, back-pointer state)
    layer: dict[tuple[int | None, int], float] = {
        (None, c): emit[0][c] for c in ids if emit[0][c] > inf}
    back: list[dict[tuple[int | None, int], tuple[int | None, int] | None]] = [
        dict.fromkeys(layer)]
    same, alt, new = weights["same_twice"], weights["alternation"], weights["new_speaker"]
    same_narrated = weights.get("same_twice_narrated", same)
    for t in range(1, len(run)):
        nxt: dict[tuple[int | None, int], float] = {}
        ptr: dict[tuple[int | None, int], tuple[int | None, int] | None] = {}
        repeat = same_narrated if run[t].narrated else same
        here = emit[t]
        by_last: dict[int, dict[int | None, float]] = {}
        for (a, b), score in layer.items():
            by_last.setdefault(b, {})[a] = score
        for b, before in by_last.items():
            first = max(before, key=before.__getitem__)
            top0, top1 = _best_two(before)
            nobody = before.get(None, inf)
            for c in ids:
                e = here[c]
                if e == inf:
                    continue
                if c == b:  # the same person again: the best way to b, whoever before
                    total, a = before[first] + repeat, first
                else:  # no one before, the one before (taking turns), or someone new
                    total, a = nobody, None
                    turn = before.get(c)
                    if turn is not None and turn + alt > total:
                        total, a = turn + alt, c
                    other = top1 if top0 == c else top0  # the best of the others
                    if other is not None and before[other] + new > total:
                        total, a = before[other] + new, other
                total += e
                if total > inf:  # each (b, c) is reached once in a step
                    nxt[(b, c)] = total
                    ptr[(b, c)] = (a, b)
        if not nxt:  # nobody fits (a fixed speaker outside the candidates): restart
            nxt = {(None, c): here[c] for c in ids if here[c] > inf}
            ptr = dict.fromkeys(nxt)
        layer = nxt
        back.append(ptr)
    if not layer:
        return [Choice(s.paragraph, s.fixed, "", 0.0) for s in run]
    state: tuple[int | None, int] | None = max(layer, key=layer.__getitem__)
    path: list[int | None] = []
    for t in range(len(run) - 1, -1, -1):
        path.append(state[1] if state is not None else None)
        state = back[t].get(state) if state is not None else None
    path.reverse()
    return [_choice(s, people, who, e) for s, who, e in zip(run, path, emit, strict=True)]


def _best_two(before: dict[int | None, float]) -> tuple[int | None, int | None]:
    """The two people (not None) with the best scores in ``before``, best first; of
    equal scores the earlier in ``before`` (as a stable sort by score would give)."""
    best: int | None = None
    second: int | None = None
    for k, v in before.items():
        if k is None:
            continue
        if best is None or v > before[best]:
            best, second = k, best
        elif second is None or v > before[second]:
            second = k
    return best, second


def _choice(step: Step[T], people: list[T], k: int | None, emit: list[float]) -> Choice[T]:
    """The decision for one line (``people[k]`` speaks it; ``emit``: each candidate's
    emission): the strongest evidence for the chosen speaker names its rule
    (``turn_taking`` when only the order of turns chose them)."""
    if k is None:
        return Choice(step.paragraph, None, "", 0.0)
    who = people[k]
    own = [ev for ev in step.evidence if ev.role in _SPEAKER and ev.candidate == who
           and ev.strength > 0]
    rule = max(own, key=lambda ev: ev.strength).rule if own else "turn_taking"
    other = max(((v, i) for i, v in enumerate(emit) if i != k), default=None)
    runner = people[other[1]] if other is not None else None
    return Choice(step.paragraph, who, rule, emit[k], runner)
