"""No pattern backtracks exponentially, and no answer depends on a clock (issue 16,
findings 1 and 2)."""

from __future__ import annotations

import pytest

import quoteattr
from benchmarks.hostile import KINDS
from quoteattr import attribute, cues, nested, patterns, resolve
from quoteattr.patterns import compiled


def _initials(n: int) -> str:
    return " ".join(["A."] * n)


# Runs of initials where a name is looked for: a signature after a quotation, a speaker
# before "said:" and after "said". Before the fix, n=30 took seconds and n=60 minutes.
INITIALS = {
    "signature": lambda n: '"Hi" — ' + _initials(n) + " x",
    "before": lambda n: _initials(n) + ' x said: "Hi."',
    "after": lambda n: '"Hi," said ' + _initials(n) + " x.",
    "abbreviations": lambda n: "U.S. " * n + '"Hi," said U.S. ' * 3,
}


@pytest.mark.parametrize("n", [30, 60])
def test_signature_pattern_takes_a_run_of_initials_without_backtracking(n: int) -> None:
    text = INITIALS["signature"](n)
    # a generous clock as a guard against a hang only: the match takes microseconds
    m = compiled().signature.match(text, 4, timeout=5.0)
    assert m is None or m.end() == len(text)


@pytest.mark.parametrize("pattern", ["name_colon", "speaker_ending", "speaker_ending_wide"])
def test_patterns_read_right_to_left_take_a_run_of_initials(pattern: str) -> None:
    # speaker_ending_wide: speaker_ending searched WIDE into the next word
    into = patterns.WIDE if pattern.endswith("_wide") else 0
    text = _initials(60) + " x " + "s" * into
    m = getattr(compiled(), pattern.removesuffix("_wide")).search(text, 0, len(text),
                                                                 timeout=5.0)
    assert m is None or m.end() == len(text) - into


def test_a_run_of_initials_is_still_one_name() -> None:
    p = compiled()
    assert p.name.match("J. R. R. Tolkien").group() == "J. R. R. Tolkien"
    assert p.name_colon.search("Q. J.R. Hartley: ").group("sp") == "Q. J.R. Hartley"
    assert [q.speaker for q in quoteattr.extract('"It is done," said J. R. R. Tolkien.')] \
        == ["J. R. R. Tolkien"]


def _clock(monkeypatch: pytest.MonkeyPatch, seconds: float | None) -> None:
    for module in (attribute, cues, nested, resolve):
        monkeypatch.setattr(module, "TIMEOUT", seconds)


def _answers(text: str) -> list[tuple[int, int, str | None, str | None]]:
    return [(q.start, q.end, q.speaker, q.rule) for q in quoteattr.extract(text, kinds="all")]


HOSTILE = sorted(KINDS) + sorted(INITIALS)


@pytest.mark.parametrize("kind", HOSTILE)
def test_no_match_reaches_a_timeout_on_hostile_input(
        kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = KINDS[kind](10_000) if kind in KINDS else INITIALS[kind](60)
    unlimited = _answers(text)
    assert unlimited == _answers(text)  # the same answer every time
    # with a one-second clock on every guarded match (the old guard), nothing changes:
    # no match came near it, so no quotation lost its speaker to the clock
    _clock(monkeypatch, 1.0)
    assert _answers(text) == unlimited


def test_no_clock_by_default() -> None:
    assert cues.TIMEOUT is None and attribute.TIMEOUT is None
    assert resolve.TIMEOUT is None and nested.TIMEOUT is None
