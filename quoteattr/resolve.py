"""From a speaker mention to a canonical name: names, pronouns, descriptions."""

from __future__ import annotations

from .mentions import Mention
from .people import People

PRONOUN_REACH = 2500  # characters back a pronoun may look for its antecedent


class Resolver:
    """Names the speakers of one text, quotation by quotation, in document order."""

    def __init__(self, text: str, people: People) -> None:
        self.text = text
        self.people = people
        self._said: dict[int, tuple[str | None, Mention | None]] = {}
        self._speakers: set[str] = set()  # names that have spoken so far

    def record(self, i: int, speaker: str | None, mention: Mention | None) -> None:
        """Remember who said quotation ``i`` (for continuations)."""
        self._said[i] = (speaker, mention)
        if speaker is not None and mention is not None and mention.kind == "name":
            self._speakers.add(speaker)

    def skip(self, i: int) -> None:
        """Quotation ``i`` is not speech: it has no speaker."""
        self._said[i] = (None, None)

    def speaker_of(self, i: int) -> tuple[str | None, Mention | None]:
        return self._said.get(i, (None, None))

    def name(self, m: Mention, pos: int, exclude: str | None = None) -> str | None:
        """The canonical name ``m`` refers to at ``pos`` (None when it cannot be named)."""
        if m.kind == "name":
            hon = m.text.split()[0].rstrip(".") if len(m.text.split()) > 1 else ""
            return self.people.canonical(m.core, m.gender, m.start, _honorific(hon))
        if m.kind == "pronoun":
            return self._antecedent(m, pos, exclude)
        return _description(m.text)

    def _antecedent(self, m: Mention, pos: int, exclude: str | None) -> str | None:
        if m.core not in ("he", "she", "him", "her"):
            return None
        for nm in self.people.before(min(pos, m.start), PRONOUN_REACH):
            name = self.people.canonical(nm.core, nm.gender, nm.start, nm.honorific)
            if name == exclude or not self._person(name, nm):
                continue
            g = nm.gender if nm.gender != "-" else self.people.gender_of(name)
            if g == "-" or g == m.gender:
                return name
        return None


    def _person(self, name: str, nm: object) -> bool:
        """Is ``name`` a person (not a place or an organisation) as far as we can tell?"""
        if name in self._speakers:
            return True
        words = name.split()
        if words[0] in ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"):
            return True
        return self.people.gender_of(name) != "-" or (
            len(words) > 1 and words[0] in self.people.given_names)


def _honorific(word: str) -> str:
    return word if word in ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr") else ""


def _description(text: str) -> str:
    return " ".join(text.split())
