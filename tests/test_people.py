"""People: the one index of a text's names, read once and shared with the speaker records."""

from __future__ import annotations

import pickle

import pytest
import regex

import quoteattr
from quoteattr import speakers
from quoteattr.mentions import name_core
from quoteattr.people import NameMention, People

TEXT = (
    'Councillor Ken Platt opened the meeting. "We start late," Platt said.\n\n'
    'Mrs. Ada Lind, the treasurer, nodded. "The figures are in," said Mrs. Lind.\n\n'
    "Henry Wilcox, a local builder, watched from the back with Dr. Chen.\n\n"
    '"Not again," Ken Platt told Ada Lind.'
)


@pytest.mark.parametrize("raw, core, gender", [
    ("UK Defence Secretary John Healey", "John Healey", "m"),  # titles and offices cut
    ("Mrs. Bennet", "Bennet", "f"),  # the title's gender
    ("Florida's Rick Wilson", "Rick Wilson", "m"),  # an owner before the name
    ("Senators Lee", "Lee", "-"),  # a plural title
    ("John Healey MP", "John Healey", "m"),  # a post-nominal dropped
    ("Coach Dean Whitaker", "Dean Whitaker", "m"),  # a given name kept before the surname
    ("Harbourmaster Glen Tuckett", "Glen Tuckett", "m"),  # an unknown trade before them
    ("Asserting Clinton", "Clinton", "-"),  # a participle opening the sentence
    ("Anne I'm", "Anne", "-"),  # the name ends before a contraction
    ("Ann Lee, QC", "Ann Lee", "f"),  # a comma and a post-nominal
    ("The", "", "-"),  # no name at all
    ("", "", "-"),
])
def test_name_core(raw: str, core: str, gender: str) -> None:
    assert name_core(raw) == (core, gender)


def test_core_is_name_core_read_once_per_text() -> None:
    people = People(TEXT, [])
    raw = "Councillor Ken Platt"
    assert people.core(raw) == name_core(raw) == ("Ken Platt", "m")
    assert people.core(raw) is people.core(raw)  # remembered, not worked out again
    assert people.core("Nobody Here") == name_core("Nobody Here")


def test_mentions_outside_quotations_only() -> None:
    quoted = [(m.start(), m.end()) for m in regex.finditer(r'"[^"]*"', TEXT)]
    people = People(TEXT, quoted)
    assert all(isinstance(nm, NameMention) for nm in people.mentions)
    assert all(not any(s <= nm.start < e for s, e in quoted) for nm in people.mentions)
    assert len(people.spans) >= len(people.mentions)  # every match, quoted or not
    platt = [nm for nm in people.mentions if nm.core == "Ken Platt"]
    assert platt[0].titled and platt[0].gender == "m"
    lind = next(nm for nm in people.mentions if nm.core == "Ada Lind")
    assert lind.honorific == "Mrs" and lind.gender == "f"
    assert people.canonical("Platt", "-", len(TEXT)) == "Ken Platt"
    assert people.canonical("Lind", "f", len(TEXT), "Mrs") == "Ada Lind"
    assert pickle.loads(pickle.dumps(lind)) == lind


def test_speaker_records_the_same_with_the_shared_people() -> None:
    result = quoteattr.extract(TEXT)
    quotes = tuple(result)
    quoted = [(q.start - 1, q.end + 1) for q in quotes]
    shared = speakers.index(TEXT, quotes, People(TEXT, quoted))
    alone = speakers.index(TEXT, quotes)
    assert shared == alone
    ids, records = shared
    assert tuple(records) == tuple(result.speakers)
    names = {r.name for r in records}
    assert {"Ken Platt", "Ada Lind", "Henry Wilcox"} <= names  # Wilcox is only named
    assert ids["Ken Platt"] != ids["Ada Lind"]


@pytest.mark.parametrize("window", [
    "said the ", "said the\n", "the", "the Miss", "  ", "", "x, ", "né\u00a0", "(the) ",
    "Mr. ", "ab12 ", "word \n ", "\u2028", "ab\u2028",
])
def test_last_word_as_the_search_it_replaces(window: str) -> None:
    text = "prefix " + window
    lo, at = 7, len(text)
    old = regex.compile(r"\p{L}+(?=\s+$)").search(text, lo, at)
    assert speakers._last_word(text, lo, at) == (old.group() if old else "")
