"""The speaker patterns, compiled without adj_name's role-noun look-ahead and checked by
look-ups (patterns.RoleChecked), against the patterns written out with it."""

from __future__ import annotations

import pytest
import regex

from quoteattr import patterns

TEXTS = [
    "said the burly Moze spokesman, the aide, and the little Pooh Bear said softly",
    "the tall Ana Ruiz SPOKESWOMAN told the quiet Anne Shirley aide: asked Mr. Hale",
    "According to the old Mr. Hale Spokesman, the burly Moze has also said quietly",
    "it quoted the burly Moze, the aide, as saying; quoted the tall Moze press aide as say",
    "The quiet Anne Shirley, 45, said; said the young Mr. Lowe\nspokesman. said a Moze",
    "And the burly Moze ſpokesman said: the sly Ode fiancée said",
    # six words before the role noun: no description ("a senior official"), so adj_name
    # takes the name, and the look-ahead turns its longest reading down
    "said the burly Moze Ann Bea Cy Dee spokesman. The sly Ann Bea Cy Dee Eve aide said",
]

# every pattern holding ``named``, matched and searched at every window of the texts
SPEAKERS = ("speaker_at", "speaker_ending", "subject", "according_ending",
            "speaker_to_end", "quoted_as")


def _spans(m: regex.Match[str] | None, names: list[str]) -> object:
    return None if m is None else [m.span()] + [m.span(g) for g in names]


@pytest.mark.parametrize("name", SPEAKERS)
def test_lean_speaker_patterns_find_what_the_full_ones_find(name: str) -> None:
    got: patterns.RoleChecked = getattr(patterns.compiled(), name)
    full = got.full.full()  # the pattern with the look-ahead written out
    assert "nd7" in full.groupindex and full.pattern != got.lean.full().pattern
    names = list(full.groupindex)
    hits = vetoed = 0
    for text in TEXTS:
        for s in range(len(text) + 1):
            for e in range(s, len(text) + 1):
                want = full.match(text, s, e)
                assert _spans(got.match(text, s, e), names) == _spans(want, names), (text, s, e)
                hits += want is not None
                lean = got.lean.full().match(text, s, e)
                vetoed += lean is not None and got.vetoed(lean, text, e)
            for e in range(s, len(text) + 1, 7):
                want = full.search(text, s, e)
                assert _spans(got.search(text, s, e), names) == _spans(want, names), (text, s, e)
                hits += want is not None
                lean = got.lean.full().search(text, s, e)
                vetoed += lean is not None and got.vetoed(lean, text, e)
    assert hits  # something was found to compare
    if name in ("speaker_at", "subject"):  # elsewhere what follows the speaker is set
        assert vetoed  # and the look-ups turned some lean match down


@pytest.mark.parametrize("name", ["speaker_ending", "according_ending"])
def test_patterns_read_right_to_left_match_where_they_are_searched(name: str) -> None:
    """cues.before anchors these at the window's end (``match``) instead of searching:
    the same answer wherever no word character ends the window (speaker_ending's WIDE
    branch ends one word character before it), as before a verb found at a word
    boundary."""
    got: patterns.RoleChecked = getattr(patterns.compiled(), name)
    names = list(got.full.full().groupindex)
    found = 0
    for text in TEXTS:
        for e in range(len(text) + 1):
            if e and regex.match(r"\w", text[e - 1]) and name == "speaker_ending":
                continue
            for s in range(e + 1):
                want = got.search(text, s, e)
                assert _spans(got.match(text, s, e), names) == _spans(want, names), (text, s, e)
                found += want is not None
    assert found
