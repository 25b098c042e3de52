"""quoteattr.Speakers: one id per person across documents (and the pdnc chunk floors)."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr import Speakers
from quoteattr.model import Extraction, Quote

ROOT = Path(__file__).resolve().parents[1]
PDNC = ROOT / ".." / "shared" / "corpora" / "pdnc" / "dev.jsonl"


def _said(*pairs: tuple[str, str]) -> Extraction:
    """A result whose quotes the named people speak, built without the pipeline: the
    records come from the quotes, as for any result."""
    text = " ".join(f'"{words}," {name} said.' for words, name in pairs)
    quotes, pos = [], 0
    for k, (words, name) in enumerate(pairs):
        start = text.index(words, pos) if words else pos
        at = text.index(name, start)
        quotes.append(Quote(k, words, start, start + len(words), name, (at, at + len(name))))
        pos = at
    return Extraction(text, quotes)


def test_one_person_many_forms() -> None:
    people = Speakers()
    people.add(_said(("We will build", "John Healey")), "a")
    people.add(_said(("Not yet", "Mr Healey")), "b")
    people.add(_said(("Maybe", "Healey")), "c")
    assert people.id_of("a", "John Healey") == people.id_of("b", "Mr Healey") \
        == people.id_of("c", "Healey") == 0
    assert len(people) == 1
    (person,) = people.persons()
    assert person.name == "John Healey" and person.quotes == 3
    assert person.documents == {"a": 1, "b": 1, "c": 1}


def test_given_name_and_full_name_of_a_character() -> None:
    people = Speakers([_said(("Hello", "Tony Last")), _said(("Goodbye", "Tony"))])
    assert people.id_of(1, "Tony") == people.id_of(0, "Tony Last") == 0


def test_two_people_sharing_a_surname_stay_two() -> None:
    people = Speakers()
    people.add(_said(("We will build", "John Healey")), "a")
    people.add(_said(("I doubt it", "Mrs Healey")), "b")
    assert people.id_of("a", "John Healey") != people.id_of("b", "Mrs Healey")
    both = Speakers([_said(("Yes", "Ann Reed"), ("No", "Tom Reed")), _said(("Well", "Reed"))])
    ann, tom = both.id_of(0, "Ann Reed"), both.id_of(0, "Tom Reed")
    assert ann != tom
    assert both.id_of(1, "Reed") not in (ann, tom)  # which Reed: neither is assumed


def test_a_spokesman_is_one_per_document() -> None:
    people = Speakers([_said(("No comment", "a spokesman")),
                       _said(("No comment", "a spokesman"))])
    assert people.id_of(0, "a spokesman") != people.id_of(1, "a spokesman")


def test_merge_equals_one_collection_and_pickles() -> None:
    parts = [_said(("A", "John Healey")), _said(("B", "Mr Healey")),
             _said(("C", "Pete Hegseth")), _said(("D", "Hegseth"))]
    one = Speakers()
    left, right = Speakers(), Speakers()
    for k, r in enumerate(parts):
        one.add(r, k)
        (left if k < 2 else right).add(r, k)
    merged = pickle.loads(pickle.dumps(left)).merge(pickle.loads(pickle.dumps(right)))
    for k, r in enumerate(parts):
        name = r[0].speaker
        assert merged.id_of(k, name) == one.id_of(k, name)  # type: ignore[arg-type]
    assert merged.persons() == one.persons()
    assert len(merged) == 2


def test_add_needs_a_result() -> None:
    with pytest.raises(TypeError, match="Extraction"):
        Speakers().add("a text")  # type: ignore[arg-type]


def test_frames() -> None:
    pd = pytest.importorskip("pandas")
    texts = ['"We will build," John Healey, the defence secretary, said.',
             '"Not yet," Mr Healey said. "Fine," Ann Reed said.']
    results = list(quoteattr.extract_many(texts))
    people = Speakers()
    for k, r in enumerate(results):
        people.add(r, k)
    persons = people.persons_frame()
    assert list(persons.columns) == ["person", "name", "kind", "gender", "quotes",
                                     "addressed", "documents", "roles", "aliases"]
    healey = persons.set_index("name").loc["John Healey"]
    assert healey["quotes"] == 2 and healey["roles"] == {"defence secretary": 1}
    by_role = people.persons_frame(by="role")
    assert by_role.to_dict("records") == [{"person": 0, "name": "John Healey",
                                           "role": "defence secretary", "documents": 1}]
    by_doc = people.persons_frame(by="document")
    assert sorted(by_doc["quotes"]) == [1, 1, 1]
    quotes = people.quotes_frame()
    assert list(quotes["person"]) == [0, 0, 1]
    frame = quoteattr.extract_frame(pd.DataFrame({"id": [0, 1], "text": texts}))
    assert list(people.quotes_frame(frame)["person"]) == [0, 0, 1]
    from_frame = Speakers()
    from_frame.add_frame(frame)
    assert from_frame.id_of(0, "John Healey") == from_frame.id_of(1, "Mr Healey")
    with pytest.raises(ValueError, match="by must be"):
        people.persons_frame(by="year")


def test_add_frame_keeps_the_frames_local_ids() -> None:
    pd = pytest.importorskip("pandas")
    texts = ['Ann Reed spoke first. "Go," Tom Hart told Ann Reed.',
             '"Not yet," Mr Hart said.']
    frame = quoteattr.extract_frame(pd.DataFrame({"id": ["a", "b"], "text": texts}))
    people = Speakers()
    people.add_frame(frame)
    row = frame.iloc[0]
    assert row["speaker"] == "Tom Hart" and row["addressee"] == "Ann Reed"
    # the frame's document-local ids lead to the corpus ids of the persons they name
    tom = people.person_of("a", int(row["speaker_id"]))
    assert tom is not None and tom == people.id_of("a", "Tom Hart") == people.id_of("b", "Mr Hart")
    assert people.person_of("a", int(row["addressee_id"])) == people.id_of("a", "Ann Reed") != tom
    assert people.person_of("a", 99) is None
    # without the id columns the records are numbered afresh, and the persons are the same
    plain = Speakers()
    plain.add_frame(frame.drop(columns=["speaker_id", "addressee_id"]))
    assert plain.id_of("b", "Mr Hart") == plain.id_of("a", "Tom Hart")


@pytest.mark.skipif(not PDNC.exists(), reason="needs ../shared/corpora/pdnc")
def test_identity_across_the_chapters_of_pdnc_novels() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from chunk_identity import measure

    with PDNC.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    figures = measure(docs)["all"]
    ours, names = figures["speakers"], figures["names"]
    assert ours["pure"] >= 0.99  # pairs given one id are one character
    assert ours["same"] >= 0.93  # issue floor 0.95, not reached yet (0.937): docs/api.md
    assert ours["same"] > names["same"] + 0.15  # names alone: 0.69


def test_a_surname_used_alone_far_more_than_the_full_name_stays_apart() -> None:
    # chapters that say "Mr. Wilcox" (the father) and one naming his son Charles Wilcox
    chapters = [_said(("Hello", "Mr. Wilcox"))] * 6 + [_said(("Hi", "Charles Wilcox"))]
    people = Speakers(chapters)
    assert people.id_of(0, "Mr. Wilcox") != people.id_of(6, "Charles Wilcox")
    # "Miss" is spared: the heroine is "Miss Woodhouse" in most chapters
    chapters = [_said(("Hello", "Miss Woodhouse"))] * 6 + [_said(("Hi", "Emma Woodhouse"))]
    people = Speakers(chapters)
    assert people.id_of(0, "Miss Woodhouse") == people.id_of(6, "Emma Woodhouse")
    # one article naming John Healey in full is enough for "Mr Healey" in another
    people = Speakers([_said(("Yes", "Mr Healey")), _said(("No", "John Healey"))])
    assert people.id_of(0, "Mr Healey") == people.id_of(1, "John Healey")


def test_a_family_title_needs_a_cue_naming_the_full_person_so() -> None:
    mother = Speakers([_said(("Come", "Mrs. Maylie")), _said(("Yes", "Rose Maylie"))])
    assert mother.id_of(0, "Mrs. Maylie") != mother.id_of(1, "Rose Maylie")
    text = 'Jane Tate spoke first.\n\n"We will win," Mrs Tate said.'  # a cue: "Mrs Tate said"
    tate = Speakers([quoteattr.extract(text), _said(("No", "Mrs Tate"))])
    assert tate.id_of(1, "Mrs Tate") == tate.id_of(0, "Jane Tate")


def test_a_given_name_under_a_title_joins_its_full_name() -> None:
    # "Miss Rose" and "Sir Ernest" use the given name: they join Rose Tate, Ernest Lowe
    people = Speakers([_said(("Come", "Rose Tate")), _said(("Yes", "Miss Rose")),
                       _said(("No", "Rose")), _said(("Well", "Sir Ernest")),
                       _said(("Hm", "Ernest Lowe"))])
    assert people.id_of(0, "Rose Tate") == people.id_of(1, "Miss Rose") == people.id_of(2, "Rose")
    assert people.id_of(3, "Sir Ernest") == people.id_of(4, "Ernest Lowe")
    # "Mr" and "Mrs" go with a surname: "Mr. Thomas" is not Thomas Gradgrind
    people = Speakers([_said(("Ah", "Thomas Gradgrind")), _said(("Oh", "Mr. Thomas"))])
    assert people.id_of(0, "Thomas Gradgrind") != people.id_of(1, "Mr. Thomas")


def test_a_middle_initial_is_set_aside_unless_two_differ() -> None:
    people = Speakers([_said(("Go", "Randolph C. Miller")), _said(("Ok", "Randolph Miller")),
                       _said(("Hi", "Randolph"))])
    assert people.id_of(0, "Randolph C. Miller") == people.id_of(1, "Randolph Miller") \
        == people.id_of(2, "Randolph")
    people = Speakers([_said(("A", "George W. Bush")), _said(("B", "George H. W. Bush"))])
    assert people.id_of(0, "George W. Bush") != people.id_of(1, "George H. W. Bush")


def test_a_cue_decides_between_two_full_names() -> None:
    # "Jane" could be Jane Andrews or Flora Jane; a chapter whose cue "Jane said" names
    # Jane Andrews decides it
    texts = ['Jane Andrews came in late. "Hello," Jane said.',
             'Flora Jane sat down. "Good," said Flora Jane.', '"No," said Jane.']
    people = Speakers(quoteattr.extract(t) for t in texts)
    assert people.id_of(2, "Jane") == people.id_of(0, "Jane Andrews") \
        != people.id_of(1, "Flora Jane")
    # without that cue, "Jane" stays apart from both
    people = Speakers([_said(("A", "Jane Andrews")), _said(("B", "Flora Jane")),
                       _said(("C", "Jane"))])
    assert people.id_of(2, "Jane") not in (people.id_of(0, "Jane Andrews"),
                                          people.id_of(1, "Flora Jane"))


def test_a_familiar_form_joins_the_formal_name() -> None:
    # "Harry" in one chapter, "Lord Henry" (Henry Wotton) in the others
    people = Speakers([_said(("Yes", "Harry")), _said(("No", "Lord Henry")),
                       _said(("So", "Henry Wotton"))])
    assert people.id_of(0, "Harry") == people.id_of(1, "Lord Henry") \
        == people.id_of(2, "Henry Wotton")
    people = Speakers([_said(("Yes", "Meg")), _said(("No", "Margaret"))])
    assert people.id_of(0, "Meg") == people.id_of(1, "Margaret")
    # not when the documents name a Harry in full, nor when two formal names occur
    people = Speakers([_said(("Yes", "Harry")), _said(("No", "Henry Wotton")),
                       _said(("Hi", "Harry Lime"))])
    assert people.id_of(0, "Harry") == people.id_of(2, "Harry Lime") \
        != people.id_of(1, "Henry Wotton")
    people = Speakers([_said(("Yes", "Nell")), _said(("No", "Ellen Tate")),
                       _said(("Hi", "Helen Lowe"))])
    assert people.id_of(0, "Nell") not in (people.id_of(1, "Ellen Tate"),
                                          people.id_of(2, "Helen Lowe"))


def test_a_full_name_only_named_in_narration_joins_a_chapters_forms() -> None:
    # "Frederick" speaks in one chapter, "Captain Wentworth" in another; a third names
    # Captain Frederick Wentworth in its narration only
    named = quoteattr.extract('Captain Frederick Wentworth was back. "So," said Anne Elliot.')
    assert "Frederick Wentworth" in {s.name for s in named.speakers}
    people = Speakers([_said(("Yes", "Frederick")), _said(("No", "Captain Wentworth")), named])
    assert people.id_of(0, "Frederick") == people.id_of(1, "Captain Wentworth") \
        == people.id_of(2, "Frederick Wentworth")
    # a speaker's full name comes first: "Mr. Knightley" of many chapters stays apart from
    # John Knightley, who speaks in one and is named in the others
    chapters = [_said(("Hello", "Mr. Knightley"))] * 6 + [_said(("Hi", "John Knightley"))]
    text = 'John Knightley was away. "Well," said Emma Woodhouse.'
    chapters += [quoteattr.extract(text)] * 6
    people = Speakers(chapters)
    assert people.id_of(0, "Mr. Knightley") != people.id_of(6, "John Knightley") \
        == people.id_of(7, "John Knightley")


def _tagged(*lines: tuple[str, str, str]) -> Extraction:
    """A result of lines ``(words, speaker, tag)``: the tag (``the Jew``) names the speaker
    the pipeline gave (``Fagin``), as a description joined to a name does."""
    text = " ".join(f'"{words}," said {tag}.' for words, _, tag in lines)
    quotes, pos = [], 0
    for k, (words, speaker, tag) in enumerate(lines):
        start = text.index(words, pos)
        at = text.index(f"said {tag}", start) + 5
        quotes.append(Quote(k, words, start, start + len(words), speaker, (at, at + len(tag))))
        pos = at
    return Extraction(text, quotes)


def test_a_description_joins_the_name_other_documents_give_it() -> None:
    joined = [_tagged(("Yes", "Fagin", "the Jew"), ("No", "Oliver", "Oliver"))] * 2
    alone = _tagged(("Well", "Jew", "the Jew"), ("Ah", "Sikes", "Sikes"))
    people = Speakers([*joined, alone])
    assert people.id_of(2, "Jew") == people.id_of(0, "Fagin")
    assert people.id_of(2, "Sikes") != people.id_of(0, "Fagin")
    # "the stranger" of one chapter, named so in two others
    stranger = [_tagged(("Go", "Monks", "the stranger"))] * 2 + \
        [_tagged(("Stop", "the stranger", "the stranger"))]
    people = Speakers(stranger)
    assert people.id_of(2, "the stranger") == people.id_of(0, "Monks")


def test_a_description_joins_no_name_without_agreement() -> None:
    once = Speakers([_tagged(("Yes", "Fagin", "the Jew")), _tagged(("Well", "Jew", "the Jew"))])
    assert once.id_of(1, "Jew") != once.id_of(0, "Fagin")  # one document is not enough
    split = Speakers([_tagged(("A", "Fagin", "the Jew"))] * 2
                     + [_tagged(("B", "Barney", "the Jew"))] * 2
                     + [_tagged(("C", "Jew", "the Jew"))])
    assert split.id_of(4, "Jew") not in (split.id_of(0, "Fagin"), split.id_of(2, "Barney"))
    # a chapter whose "the Jew" is someone else as well keeps its own
    other = Speakers([_tagged(("A", "Fagin", "the Jew"))] * 4
                     + [_tagged(("B", "Barney", "the Jew"), ("C", "Jew", "the Jew"))])
    assert other.id_of(4, "Jew") != other.id_of(0, "Fagin")


def test_a_formal_given_name_joins_the_full_name_given_with_its_familiar_form() -> None:
    people = Speakers([_said(("Yes", "Louisa")), _said(("No", "Loo Bounderby"))])
    assert people.id_of(0, "Louisa") == people.id_of(1, "Loo Bounderby")
    two = Speakers([_said(("Yes", "Louisa")), _said(("No", "Loo Bounderby")),
                    _said(("Well", "Lou Gradgrind"))])  # two full names it could be
    assert two.id_of(0, "Louisa") not in (two.id_of(1, "Loo Bounderby"),
                                          two.id_of(2, "Lou Gradgrind"))
