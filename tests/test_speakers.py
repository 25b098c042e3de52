"""Extraction.speakers: one record per person of a text, and the quotes pointing at them."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

import quoteattr
from quoteattr import roles
from quoteattr.model import Extraction, Quote, Speaker
from quoteattr.speakers import build, kind_of

HEALEY = (Path(__file__).resolve().parents[1] / "examples" / "healey_visit.txt").read_text(
    encoding="utf-8")


def _by_name(result: Extraction) -> dict[str, Speaker]:
    return {s.name: s for s in result.speakers}


def test_healey_roles_from_the_example_article() -> None:
    people = _by_name(quoteattr.extract(HEALEY))
    healey, hegseth = people["John Healey"], people["Pete Hegseth"]
    assert {"UK Defence Secretary", "Rotherham MP"} <= set(healey.roles)
    assert "US Defense Secretary" in hegseth.roles
    assert "Plant manager" in people["Sandra Okoro"].roles
    assert "Councillor" in people["Dave Pinder"].roles
    assert people["Margaret Hollins"].roles == ()


def test_ids_follow_first_mentions_and_quotes_point_at_records() -> None:
    result = quoteattr.extract(HEALEY)
    records = result.speakers
    assert [s.id for s in records] == list(range(len(records)))
    firsts = [min(sp[0] for _, spans in s.aliases for sp in spans) for s in records]
    assert firsts == sorted(firsts)
    for q in result:
        assert (q.speaker is None) == (q.speaker_id is None)
        if q.speaker is not None:
            assert result.speaker(q.speaker_id).name == q.speaker  # type: ignore[union-attr]
            assert q.id in records[q.speaker_id].quotes  # type: ignore[index]
        if q.addressee is not None:
            assert result.speaker(q.addressee_id).name == q.addressee  # type: ignore[union-attr]
    told = next(q for q in result if q.addressee)  # "he told Healey"
    assert told.addressee_id == _by_name(result)["John Healey"].id
    assert told.id in records[told.addressee_id].addressed  # type: ignore[index]


def test_aliases_are_the_forms_used_with_their_offsets() -> None:
    result = quoteattr.extract(HEALEY)
    healey = _by_name(result)["John Healey"]
    forms = dict(healey.aliases)
    assert {"John Healey", "Healey", "Mr Healey"} <= set(forms)
    for form, spans in healey.aliases:
        assert spans and all(result.text[s:e] == form for s, e in spans)
    assert healey.n_quotes == len(healey.quotes) == 4


def test_gender_only_where_the_text_states_it() -> None:
    people = _by_name(quoteattr.extract(HEALEY))
    assert people["John Healey"].gender == "m"
    assert any("Mr" in ev for ev in people["John Healey"].gender_evidence)
    assert people["Sandra Okoro"].gender == "f"  # "she said"
    assert people["Margaret Hollins"].gender is None  # a given name is no statement
    assert people["Margaret Hollins"].gender_evidence == ()
    reed = quoteattr.extract('"It is over," her husband, Bill Reed, said.').speakers[0]
    assert (reed.gender, reed.gender_evidence) == ("m", ("kin noun 'husband' at 18",))


def test_a_spokesman_for_the_ministry() -> None:
    result = quoteattr.extract('"We will appeal," said Ann Lee, a spokeswoman for the council.')
    lee = result.speakers[0]
    assert (lee.roles, lee.affiliations) == (("spokeswoman",), ("the council",))
    unnamed = quoteattr.extract('"No comment," a spokesman for the ministry said.').speakers[0]
    assert unnamed.kind == "description"
    assert (unnamed.roles, unnamed.affiliations) == (("spokesman",), ("the ministry",))


def test_possessive_affiliation_and_title_before_the_name() -> None:
    assert roles.before("Labour's Jane Doe", 9) == ([], ["Labour"])
    assert roles.before("said former Ohio Gov. Ed Lowe", 22) == (["Ohio Gov."], [])
    assert roles.before("Pete Hegseth and John Healey", 17) == ([], [])  # no role word
    assert roles.before("the plant. Mr Healey", 14) == ([], [])  # an honorific is no role
    assert roles.of_description("the ministry's spokesman") == (["spokesman"], ["the ministry"])
    assert roles.after("Ann Lee, 78, said", 7) == ([], [])
    text = "The company's chief executive, Ann Lee, said"
    assert roles.before(text, text.index("Ann")) == (["chief executive"], ["The company"])
    assert roles.before("said Tom Hart, Ann Lee", 15) == ([], [])  # two names, no role


def test_kinds() -> None:
    assert kind_of("Pentagon") == "organisation"
    assert kind_of("the protesters") == "group"
    assert kind_of("a spokesman") == "description"
    assert kind_of("a spokesman for the ministry") == "description"
    assert kind_of("John Healey") == "person"


def test_a_surname_shared_by_two_people_is_nobody_s_alias() -> None:
    text = ('John Healey met Mary Healey. "Hello," John Healey said. "Hi," Mary Healey '
            "replied. Healey left.")
    for s in quoteattr.extract(text).speakers:
        assert "Healey" not in dict(s.aliases)


def test_round_trips_keep_ids_and_records() -> None:
    result = quoteattr.extract(HEALEY)
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.speakers == result.speakers
    as_json = json.loads(json.dumps(result.to_dict()))
    back = Extraction.from_dict(as_json)
    assert back == result and back.speakers == result.speakers
    for q in result:
        assert Quote.from_dict(json.loads(json.dumps(q.to_dict()))) == q


def test_records_rebuilt_from_the_quotes_are_the_same() -> None:
    result = quoteattr.extract(HEALEY)
    bare = Extraction(result.text, tuple(result))  # as extract_many's workers send it
    assert bare.speakers == result.speakers
    quotes, records = build(result.text, [q.__class__(q.id, q.text, q.start, q.end, q.speaker,
                                                      q.speaker_span, addressee=q.addressee,
                                                      addressee_span=q.addressee_span)
                                          for q in result])
    assert records == result.speakers
    assert [q.speaker_id for q in quotes] == [q.speaker_id for q in result]


def test_no_quotes_no_speakers() -> None:
    assert quoteattr.extract("Nothing quoted here.").speakers == ()
    assert quoteattr.extract("").to_dict()["speakers"] == []


def test_speakers_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = quoteattr.extract(HEALEY).speakers_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns[:4]) == ["id", "speaker_id", "name", "kind"]
    row = frame.set_index("name").loc["John Healey"]
    assert row["quotes"] == 4 and "UK Defence Secretary" in row["roles"]


def test_cli_table_wide_and_speakers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quoteattr.cli import SPEAKER_TABLE, TABLE, WIDE, main

    path = tmp_path / "healey.txt"
    path.write_text(HEALEY, encoding="utf-8")
    assert main([str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == list(TABLE)
    first = dict(zip(TABLE, lines[1].split("\t"), strict=True))
    assert (first["speaker"], first["role"], first["kind"]) == \
        ("John Healey", "UK Defence Secretary", "speech")
    told = next(dict(zip(TABLE, line.split("\t"), strict=True)) for line in lines[1:]
                if "\tJohn Healey\t" in line and "Pete Hegseth" in line)
    assert told["addressee"] == "John Healey" and float(told["confidence"]) > 0
    assert main(["--wide", str(path)]) == 0
    wide = capsys.readouterr().out.splitlines()
    assert wide[0].split("\t") == list(WIDE)
    assert all(len(line.split("\t")) == len(WIDE) for line in wide)
    assert main(["--speakers", str(path)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == list(SPEAKER_TABLE)
    assert rows[1][:3] == ["0", "John Healey", "person"] and "Rotherham MP" in rows[1][6]
    assert main(["--speakers", "--format", "jsonl", str(path)]) == 0
    first_json = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first_json["name"] == "John Healey" and first_json["n_quotes"] == 4


def test_a_title_in_the_canonical_name_states_the_gender() -> None:
    """Fiction names a speaker "Mrs. Ashby": the title in the name is evidence of gender,
    as it is before a mention ("Mr Healey")."""
    text = ('"Is it true?" asked Mrs. Ashby.\n\n"It is," said her brother.\n\n'
            '"Then I shall go at once," said Mrs. Ashby.')
    record = next(s for s in quoteattr.extract(text).speakers if s.name == "Mrs. Ashby")
    assert record.gender == "f"
    assert any("Mrs" in ev for ev in record.gender_evidence)


def test_a_mention_titled_for_the_other_gender_is_not_their_alias() -> None:
    # the text's only speaker is Mrs. Wilcox; "Mr. Wilcox" is her husband, not a form of hers
    result = quoteattr.extract('Mr. Wilcox was out. "Come in," said Mrs. Wilcox.')
    husband, wife = result.speakers  # he is named only: a record of his own, no quotes
    assert wife.name == "Mrs. Wilcox" and wife.gender == "f"
    assert dict(wife.aliases) == {"Mrs. Wilcox": ((36, 47),)}
    assert all("Mr'" not in ev for ev in wife.gender_evidence)
    assert (husband.name, husband.gender, husband.quotes) == ("Mr. Wilcox", "m", ())
    assert dict(husband.aliases) == {"Mr. Wilcox": ((0, 10),)}


NAMED = ("Anne Elliot walked with her sister. Captain Frederick Wentworth had come back, and "
         "the Miss Musgroves talked of nothing else; Henry Wilcox's car stood at Oniton "
         "Grange. Mr. Wilcox waved. General Electric was named. Don't Go. Marilla I know."
         '\n\n"I shall not go," said Anne. Mrs. Munt, her aunt, agreed.')


def test_people_only_named_get_records_without_quotes() -> None:
    result = quoteattr.extract(NAMED)
    people = _by_name(result)
    # ids in order of first mention, speakers and people only named alike
    assert [s.name for s in result.speakers] == ["Anne Elliot", "Frederick Wentworth",
                                                 "Henry Wilcox", "Mrs. Munt"]
    assert [s.id for s in result.speakers] == [0, 1, 2, 3]
    assert people["Anne Elliot"].n_quotes == 1 and result[0].speaker_id == 0
    wentworth, wilcox, munt = (people[n] for n in ("Frederick Wentworth", "Henry Wilcox",
                                                    "Mrs. Munt"))
    assert wentworth.quotes == wentworth.addressed == () and wentworth.kind == "person"
    assert wentworth.roles == ("Captain",)
    # "Mr. Wilcox" is a form of the one Wilcox named: his alias, his gender
    assert [form for form, _ in wilcox.aliases] == ["Henry Wilcox", "Mr. Wilcox"]
    assert wilcox.gender == "m"
    assert munt.roles == ("aunt",) and munt.gender == "f"
    # no record for a plural ("the Miss Musgroves"), a place, a firm, a contraction, a
    # word before the writer's "I", nor a bare given name ("Anne" is Anne Elliot's form)
    assert all(not any(w in s.name for w in ("Musgrove", "Oniton", "Electric", "Go",
                                             "Marilla"))
               for s in result.speakers)


def test_a_full_name_extending_a_speakers_name_is_their_form() -> None:
    text = 'Margaret Schlegel was the elder. "We must go," said Margaret.'
    at = text.index("We")
    quote = Quote(0, "We must go", at, at + 10, "Margaret", (text.index("Margaret", at),
                                                            len(text) - 1))
    (margaret,) = Extraction(text, [quote]).speakers
    assert margaret.name == "Margaret"
    assert dict(margaret.aliases)["Margaret Schlegel"] == ((0, 17),)


def test_quotes_keep_their_speakers_when_people_are_only_named() -> None:
    # the records of people only named change no quote: the same speakers and
    # addressees as the quotes decided, each id pointing at the record of that name
    result = quoteattr.extract(NAMED)
    for q in result:
        assert result.speaker(q.speaker_id).name == q.speaker  # type: ignore[union-attr]
    rebuilt = Extraction(result.text, [replace(q, speaker_id=None, addressee_id=None)
                                       for q in result])
    assert rebuilt.speakers == result.speakers


def test_a_title_of_the_other_gender_is_someone_else_only_named() -> None:
    result = quoteattr.extract('Ann Wilcox came. Mr. Wilcox waved. "Go," said Tom Reed.')
    assert [(s.name, [f for f, _ in s.aliases]) for s in result.speakers] == [
        ("Ann Wilcox", ["Ann Wilcox"]), ("Mr. Wilcox", ["Mr. Wilcox"]),
        ("Tom Reed", ["Tom Reed"])]


def test_no_record_for_a_plural_after_a_line_break() -> None:
    text = 'He met the\nMiss Schlegels. "Go," said Tom Reed. Then Miss Tate came.'
    result = quoteattr.extract(text)
    assert [s.name for s in result.speakers] == ["Tom Reed", "Miss Tate"]


def test_named_people_are_found_past_possessives_and_dashes_but_not_after_a_determiner() -> None:
    # runs of capitalised words without a given name or title are skipped before they are
    # cut: the names here must still be cut at "'s" and "--", and "the" on the line before
    # "Miss Schlegels" must still rule it out
    text = ('"We are late," said Ann Lee.\nIt was Henry Wilcox\'s plan, and Charles '
            "Wilcox--the son--agreed. Then the\nMiss Schlegels came, and Dr. Chen.")
    names = [s.name for s in quoteattr.extract(text).speakers]
    assert names == ["Ann Lee", "Henry Wilcox", "Charles Wilcox", "Dr. Chen"]
