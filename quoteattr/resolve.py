"""From a speaker mention to a canonical name: names, pronouns, descriptions."""

from __future__ import annotations

from bisect import bisect_right

from .mentions import Mention
from .patterns import TIMEOUT, compiled
from .people import NameMention, People

PRONOUN_REACH = 2500  # characters back a pronoun may look for its antecedent
SUBJECT_WORDS = 20  # a sentence's first name within this many words of its start is its subject
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr")


class Resolver:
    """Names the speakers of one text, quotation by quotation, in document order."""

    def __init__(self, text: str, people: People, sentence_starts: list[int]) -> None:
        self.text = text
        self.people = people
        self.sentence_starts = sentence_starts
        self._said: dict[int, tuple[str | None, Mention | None]] = {}
        self._speakers: set[str] = set()  # names that have spoken so far
        self._last: tuple[int, str] | None = None  # (offset, name) of the latest named speaker

    def record(self, i: int, pos: int, speaker: str | None, mention: Mention | None) -> None:
        """Remember who said quotation ``i``, which opens at ``pos``."""
        self._said[i] = (speaker, mention)
        if speaker is not None and mention is not None and mention.kind in ("name", "pronoun"):
            self._speakers.add(speaker)
            self._last = (pos, speaker)

    def speaker_of(self, i: int) -> tuple[str | None, Mention | None]:
        """Who said quotation ``i`` (as recorded)."""
        return self._said.get(i, (None, None))

    def name(self, m: Mention, pos: int, exclude: str | None = None) -> str | None:
        """The canonical name ``m`` refers to at ``pos`` (None when it cannot be named)."""
        if m.kind == "name":
            hon = m.text.split()[0].rstrip(".") if len(m.text.split()) > 1 else ""
            return self.people.canonical(m.core, m.gender, m.start, _honorific(hon))
        if m.kind == "pronoun":
            return self._antecedent(m, pos, exclude)
        return " ".join(m.text.split())

    def _antecedent(self, m: Mention, pos: int, exclude: str | None) -> str | None:
        """he/she -> the nearest compatible person who is the subject of a recent sentence;
        the latest speaker when nobody else compatible stands between; else the nearest."""
        if m.core not in ("he", "she", "him", "her"):
            return None
        at = min(pos, m.start)
        nearest = None
        for nm in self.people.before(at, PRONOUN_REACH):
            name = self.people.canonical(nm.core, nm.gender, nm.start, nm.honorific)
            if name == exclude or not self._person(name):
                continue
            g = nm.gender if nm.gender != "-" else self.people.gender_of(name)
            if g not in ("-", m.gender):
                continue
            if self._is_subject(nm):
                return name
            if self._last is not None and self._last[0] > nm.start and self._last[1] != exclude \
                    and self._compatible(self._last[1], m.gender):
                return self._last[1]
            nearest = nearest or name
        last = self._last
        if last is not None and last[1] != exclude and at - last[0] < PRONOUN_REACH \
                and self._compatible(last[1], m.gender):
            return last[1]
        return nearest

    def _compatible(self, name: str, gender: str) -> bool:
        g = self.people.gender_of(name)
        return g in ("-", gender)

    def _is_subject(self, nm: NameMention) -> bool:
        """Is the mention its sentence's subject: the first name in it (within a few words of
        its start), or named by an inverted cue ("said James Henson")?"""
        k = bisect_right(self.sentence_starts, nm.start) - 1
        start = self.sentence_starts[k] if k >= 0 else 0
        prior = self.people.previous(nm)
        if (prior is None or prior.end <= start) and \
                len(self.text[start:nm.start].split()) <= SUBJECT_WORDS:
            return True
        lead = self.text[max(start, nm.start - 30):nm.start]
        return compiled().verb_ending.search(lead, timeout=TIMEOUT) is not None

    def _person(self, name: str) -> bool:
        """Is ``name`` a person (not a place or an organisation) as far as we can tell?"""
        if name in self._speakers:
            return True
        words = name.split()
        return (words[0] in HONORIFICS or words[0] in self.people.given_names
                or self.people.gender_of(name) != "-")


def _honorific(word: str) -> str:
    return word if word in HONORIFICS else ""
