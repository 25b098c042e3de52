"""evaluate(): counts worked out by hand on small documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

import quoteattr
from quoteattr.evaluate import PRF, same_speaker

TEXT = '"We will win," Jane Smith said. "Mr Jones is right," said Paul Jones. "No."'
#       0123456789012345678901234567890123456789012345678901234567890123456789012345


def _q(start: int, end: int, speaker: str | None = None, **more: object) -> dict:
    return {"start": start, "end": end, "speaker": speaker, **more}


GOLD = [{"id": "d1", "text": TEXT, "quotes": [
    _q(1, 13, "Jane Smith", kind="direct"),
    _q(33, 51, "Paul Jones", kind="direct"),
    _q(72, 75, None, kind="direct")]}]


def test_perfect() -> None:
    pred = [{"id": "d1", "quotes": [_q(1, 13, "Smith"), _q(33, 51, "Mr. Paul Jones"),
                                    _q(72, 75, "Someone")]}]
    e = quoteattr.evaluate(GOLD, pred)
    assert (e.quotes.tp, e.quotes.fp, e.quotes.fn) == (3, 0, 0)
    assert e.exact.f1 == 1.0
    # the third gold quote has no speaker: it cannot be got right end to end
    assert (e.speakers_right, e.speakers_total) == (2, 2)
    assert (e.end_to_end.tp, e.end_to_end.fp, e.end_to_end.fn) == (2, 1, 1)


def test_overlap_one_to_one_and_half_rule() -> None:
    pred = [{"id": "d1", "quotes": [
        _q(0, 8, "Jane Smith"),     # 7 of 12 shared: matches the first gold quote
        _q(8, 14, "Jane Smith"),    # the same gold quote, already taken: a false positive
        _q(45, 60, "Paul Jones"),   # 6 shared of a shorter 15: under half, no match
    ]}]
    e = quoteattr.evaluate(GOLD, pred)
    assert (e.quotes.tp, e.quotes.fp, e.quotes.fn) == (1, 2, 2)
    assert e.quotes.precision == pytest.approx(1 / 3)
    assert e.quotes.recall == pytest.approx(1 / 3)
    assert e.exact.tp == 0
    assert e.end_to_end.tp == 1


def test_largest_overlap_wins() -> None:
    gold = [{"id": "a", "quotes": [_q(0, 10, "A"), _q(10, 20, "B")]}]
    pred = [{"id": "a", "quotes": [_q(4, 20, "B")]}]  # 6 with A, 10 with B
    e = quoteattr.evaluate(gold, pred)
    assert e.end_to_end.tp == 1 and e.quotes.fn == 1


def test_speaker_names() -> None:
    assert same_speaker("Healey", "UK Defence Secretary John Healey")
    assert same_speaker("Mr Smith", "John Smith")
    assert not same_speaker("Mr Smith", "Mrs Smith")
    assert not same_speaker("John Doe", "John Smith")
    assert not same_speaker(None, "John Smith")
    assert same_speaker("O’Brien", "Pat O'Brien")
    assert not same_speaker("she", "he")


def test_speaker_mention_span() -> None:
    gold = [{"id": "a", "quotes": [_q(0, 10, "she", speaker_mentions=[[20, 23]])]}]
    near = [{"id": "a", "quotes": [_q(0, 10, "Ann Lee", speaker_span=[20, 23])]}]
    far = [{"id": "a", "quotes": [_q(0, 10, "Ann Lee", speaker_span=[30, 37])]}]
    assert quoteattr.evaluate(gold, near).speakers_right == 1
    assert quoteattr.evaluate(gold, far).speakers_right == 0


def test_kinds_filter() -> None:
    gold = [{"id": "a", "quotes": [_q(0, 10, "A", kind="direct"),
                                   _q(20, 40, "B", kind="indirect")]}]
    pred = [{"id": "a", "quotes": [_q(0, 10, "A"), _q(22, 38, "B"), _q(50, 60, "C")]}]
    all_kinds = quoteattr.evaluate(gold, pred)
    direct = quoteattr.evaluate(gold, pred, kinds={"direct"})
    assert (all_kinds.quotes.tp, all_kinds.quotes.fp) == (2, 1)
    assert (direct.quotes.tp, direct.quotes.fp, direct.quotes.fn) == (1, 1, 0)


def test_files_extractions_and_default_prediction(tmp_path: Path) -> None:
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("".join(json.dumps(d) + "\n" for d in GOLD), encoding="utf-8")
    results = [quoteattr.extract(TEXT)]
    by_position = quoteattr.evaluate(gold_file, results)
    by_running = quoteattr.evaluate(gold_file)
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(json.dumps({"id": "d1", **results[0].to_dict()}) + "\n",
                         encoding="utf-8")
    by_file = quoteattr.evaluate(str(gold_file), pred_file)
    assert by_position == by_running == by_file
    assert by_position.quotes.tp == len(results[0]) >= 2
    assert by_position.quotes.fp == 0
    d = by_position.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["quotes"]["precision"] == 1.0
    assert "end_to_end" in str(by_position)


def test_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="2 predictions for 1"):
        quoteattr.evaluate(GOLD, [quoteattr.extract(TEXT)] * 2)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.jsonl:2"):
        quoteattr.evaluate(broken, [])


def test_prf_empty() -> None:
    assert PRF(0, 0, 0).f1 == 0.0
    assert PRF(3, 1, 0).precision == 0.75


def test_pieces_of_one_quotation_inside_one_gold_span() -> None:
    gold = [{"id": "a", "quotes": [_q(1, 100, "Ann Lee")]}]
    pieces = [_q(1, 40, "Ann Lee", id=0), _q(43, 70, "Ann Lee", id=0),
              _q(73, 100, "Ann Lee", id=0)]
    e = quoteattr.evaluate(gold, [{"id": "a", "quotes": pieces}])
    assert (e.quotes.tp, e.quotes.fp, e.quotes.fn) == (1, 0, 0)
    assert e.end_to_end.precision == 1.0
    # pieces of different quotations are still separate predictions
    apart = [dict(p, id=k) for k, p in enumerate(pieces)]
    e = quoteattr.evaluate(gold, [{"id": "a", "quotes": apart}])
    assert (e.quotes.tp, e.quotes.fp) == (1, 2)


def test_character_aliases() -> None:
    cast = [{"name": "Elizabeth Bennet", "aliases": ["Lizzy", "Eliza"]},
            {"name": "Jane Bennet", "aliases": ["Jane"]},
            {"name": "Mr Darcy", "aliases": ["Fitzwilliam Darcy"]}]
    gold = [{"id": "a", "characters": cast, "quotes": [
        _q(0, 10, "Elizabeth Bennet"), _q(20, 30, "Elizabeth Bennet"),
        _q(40, 50, "Mr Darcy"), _q(60, 70, "Jane Bennet")]}]
    pred = [{"id": "a", "quotes": [
        _q(0, 10, "Lizzy"),      # an alias of the gold character
        _q(20, 30, "Bennet"),    # names two characters: ambiguous, wrong
        _q(40, 50, "Fitzwilliam"),
        _q(60, 70, "Eliza")]}]   # another character's alias
    e = quoteattr.evaluate(gold, pred)
    assert (e.speakers_right, e.speakers_total) == (2, 4)
    meta = [{"id": "a", "meta": {"characters": cast}, "quotes": gold[0]["quotes"]}]
    assert quoteattr.evaluate(meta, pred) == e
    bare = [{"id": "a", "quotes": gold[0]["quotes"]}]
    # without the cast only the name-word rule applies: "Bennet" agrees with the gold name
    assert quoteattr.evaluate(bare, pred).speakers_right == 1


GOOD = {"id": "ok", "text": "abc", "quotes": [_q(0, 3, "Ann")]}
MALFORMED = [  # (line 2 of a gold file, the field named, what the message says)
    ({"id": "b", "text": "abc", "quotes": [_q(0, 9)]}, "quotes[0].end", "past the end"),
    ({"id": "b", "text": "abc", "quotes": [_q(0, 10**30)]}, "quotes[0].end", "past the end"),
    ({"id": "b", "text": "abc", "quotes": [_q(-1, 2)]}, "quotes[0].start", "negative"),
    ({"id": "b", "text": "abc", "quotes": [_q(float("nan"), 2)]}, "quotes[0].start",
     "whole number"),
    ({"id": "b", "text": "abc", "quotes": [_q(0.5, 2)]}, "quotes[0].start", "whole number"),
    ({"id": "b", "text": "abc", "quotes": [_q("0", 2)]}, "quotes[0].start", "whole number"),
    ({"id": "b", "text": "abc", "quotes": [_q(True, 2)]}, "quotes[0].start", "whole number"),
    ({"id": "b", "text": "abc", "quotes": [_q(2, 1)]}, "quotes[0]", "after end"),
    ({"id": "b", "text": "abc", "quotes": [{"start": 0}]}, "quotes[0].end", "missing"),
    ({"id": "b", "quotes": []}, "text", "missing"),
    ({"id": "b", "text": 5, "quotes": []}, "text", "not a string"),
    ({"id": "b", "text": "abc", "quotes": "abc"}, "quotes", "not a list"),
    ({"id": "b", "text": "abc", "quotes": ["abc"]}, "quotes[0]", "not an object"),
    ({"id": "b", "text": "abc", "quotes": [_q(0, 3, 7)]}, "quotes[0].speaker",
     "not a string"),
    ({"id": "b", "text": "abc", "quotes": [_q(0, 3, "A", speaker_mentions=[[1]])]},
     "quotes[0].speaker_mentions[0]", "pair"),
    ({"id": "b", "text": "abc", "quotes": [_q(0, 3, "A", speaker_mentions="he")]},
     "quotes[0].speaker_mentions", "not a list"),
    ({"id": "b", "text": "abc", "quotes": [_q(0, 3, "A", speaker_mentions=[[1, 99]])]},
     "quotes[0].speaker_mentions[0][1]", "past the end"),
    ({"id": ["b"], "text": "abc", "quotes": []}, "id", "not a string or a number"),
    ({"id": "b", "text": "abc", "quotes": [], "characters": [{"name": "A", "aliases": "B"}]},
     "characters[0].aliases", "not a list"),
    ({"id": "b", "text": "abc", "quotes": [], "meta": {"characters": ["A"]}},
     "meta.characters[0]", "not an object"),
    (["a", "list"], "", "not a JSON object"),
    ("[" * 100_000 + "]" * 100_000, "", "nested too deeply"),
    ("1" * 5_000, "", "not JSON"),
    ('{"id": "b", "text": "\\ud800", "quotes": [}', "", "not JSON"),
]


@pytest.mark.parametrize(("line", "field", "problem"), MALFORMED)
def test_malformed_gold_names_line_and_field(line: object, field: str, problem: str,
                                             tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    second = line if isinstance(line, str) else json.dumps(line)
    path.write_text(json.dumps(GOOD) + "\n\n" + second + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        quoteattr.evaluate(path)  # no predictions: the texts are needed
    message = str(error.value)
    assert message.startswith(f"{path}:3: {field}: " if field else f"{path}:3: ")
    assert problem in message and len(message) < len(str(path)) + 120
    assert "\n" not in message
    if not isinstance(line, str):  # the same document given as a dict: its place, from 1
        with pytest.raises(ValueError, match=r"^gold document 2: " + regex.escape(field)):
            quoteattr.evaluate([GOOD, line])


def test_malformed_predictions_name_the_field(tmp_path: Path) -> None:
    gold = [GOOD]
    with pytest.raises(ValueError, match=r"^predicted document 1: quotes\[0\]\.speaker_span: "):
        quoteattr.evaluate(gold, [{"id": "ok", "quotes": [_q(0, 3, "A", speaker_span=3)]}])
    with pytest.raises(ValueError, match=r"^predicted document 1: \[1\]\.end: missing"):
        quoteattr.evaluate(gold, [[_q(0, 3, "A"), {"start": 1}]])
    with pytest.raises(ValueError, match=r"^predicted document 1: not a document"):
        quoteattr.evaluate(gold, ["abc"])
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "ok", "quotes": [{"start": 0, "end": "3"}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"pred\.jsonl:1: quotes\[0\]\.end: not a whole"):
        quoteattr.evaluate(gold, path)


def test_gold_without_text_scores_given_predictions() -> None:
    # the text is needed only to run quoteattr (and for exact spans): offsets are then
    # checked for what they can be without it
    gold = [{"id": "a", "quotes": [_q(0, 10**6, "A")]}]
    assert quoteattr.evaluate(gold, [{"id": "a", "quotes": [_q(0, 10**6, "A")]}]).quotes.tp == 1
    with pytest.raises(ValueError, match=r"^gold document 1: text: missing"):
        quoteattr.evaluate(gold)
