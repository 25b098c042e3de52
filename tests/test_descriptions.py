"""quoteattr.descriptions: a description tag joined to a name by the text's evidence."""

from __future__ import annotations

import regex

from quoteattr.cast import Character
from quoteattr.descriptions import Ties
from quoteattr.mentions import classify
from quoteattr.model import Quote
from quoteattr.quoted import Quoted

_LINE = regex.compile(r'"(?P<q>[^"]+)"(?:,?\s+(?:said|asked|replied)\s+(?P<tag>the\s+\w+|\w+))?')


def _ties(text: str, *people: tuple[str, str]) -> Ties:
    """The ties of a story whose people are ``(name, gender)``; each line's tag is the
    words after ``said``/``asked``/``replied``."""
    chars = {name: Character(k, name, g) for k, (name, g) in enumerate(people)}
    hits = sorted((m.start(), m.end(), ch) for name, ch in chars.items()
                  for m in regex.finditer(rf"\b{name}\b", text))
    quotes, tags = [], {}
    for k, m in enumerate(_LINE.finditer(text)):
        quotes.append(Quote(k, m.group("q"), m.start("q"), m.end("q"),
                            paragraph=text.count("\n\n", 0, m.start())))
        if m.group("tag"):
            found = classify(text, *m.span("tag"))
            if found is not None:
                tags[k] = found
    return Ties(text, hits, Quoted((q.start, q.end) for q in quotes), quotes, tags)


def _story(*lines: str) -> str:
    return "\n\n".join(("Hobbs and Wat sat by the fire.", *lines))


def test_the_one_called_answers_as_the_description() -> None:
    text = _story('"Done, Hobbs?" asked Wat.', '"Nearly," said the tinker.',
                  '"More, Hobbs?"', '"No," said the tinker.',
                  '"Tea, Hobbs?"', '"Yes," said the tinker.')
    ties = _ties(text, ("Hobbs", "m"), ("Wat", "m"))
    assert ties.joins() == {"tinker": "Hobbs"}
    assert ties.tie("the tinker", "m") == Character(0, "Hobbs", "m")
    assert ties.tie("the tinker", "f") is None  # not of the tag's gender
    assert ties.joined("the Tinker", "-") == Character(0, "Hobbs", "m")  # "said the Tinker"


def test_a_capitalised_description_takes_no_apposition() -> None:
    text = _story("Wat, a tall man in a red coat, poked the fire.",
                  '"Cold?" asked Hobbs.', '"Bitter," said the Invisible Man.')
    ties = _ties(text, ("Hobbs", "m"), ("Wat", "m"))
    assert ties.tie("the tall man", "m") == Character(1, "Wat", "m")
    assert ties.joined("the Invisible Man", "m") is None  # "a tall man" is no "Invisible Man"


def test_two_answers_need_the_narration_to_agree() -> None:
    two = _story('"Done, Hobbs?" asked Wat.', '"Nearly," said the tinker.',
                 '"More, Hobbs?"', '"No," said the tinker.')
    assert _ties(two, ("Hobbs", "m"), ("Wat", "m")).joins() == {}
    agreed = two + "\n\nHobbs stood up. The tinker took his hat."
    assert _ties(agreed, ("Hobbs", "m"), ("Wat", "m")).joins() == {"tinker": "Hobbs"}


def test_a_description_calling_the_name_is_not_that_person() -> None:
    text = _story('"Done, Hobbs?" asked Wat.', '"Nearly," said the tinker.',
                  '"More, Hobbs?"', '"No," said the tinker.',
                  '"Tea, Hobbs?"', '"Yes, Hobbs," said the tinker.')
    assert _ties(text, ("Hobbs", "m"), ("Wat", "m")).joins() == {}


def test_answers_to_two_names_abstain() -> None:
    text = _story('"Done, Hobbs?" asked Wat.', '"Nearly," said the tinker.',
                  '"More, Wat?"', '"No," said the tinker.',
                  '"Tea, Hobbs?"', '"Yes," said the tinker.',
                  '"Bread, Wat?"', '"Yes," said the tinker.')
    assert _ties(text, ("Hobbs", "m"), ("Wat", "m")).joins() == {}
