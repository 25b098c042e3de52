"""Naming a story's first-person narrator.

The narrator's lines are tagged ``said I``, ``I asked``; the dialogue pass
(:mod:`quoteattr.fiction`) collects them as :data:`NARRATOR`'s and this module names
them by the name the other characters call the narrator (``"You see, Hastings, ..."``),
or else as :data:`UNNAMED`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .cast import Character, Placed, parse
from .model import Quote
from .quoted import Quoted

NARRATOR = Character(-2, "", "-")  # "I asked": takes a turn; named in results by name()
UNNAMED = "the narrator"  # the speaker of a narrator the others never call by one name
NARRATOR_VOTES = 2  # lines addressed to the narrator by one name before it names them
# (one, when no other name called could be the narrator's)
ANSWERED_SHARE = 2  # a name whose calls a third person answers this often (1 in 2) is theirs


@dataclass
class Narrator:
    """The first-person narrator: the lines they speak, and the name the others call
    them by (``"You see, Hastings, ..."``). The narrator is never named by a tag
    (``said Poirot``) nor, telling the story as ``I``, in the narration: a name any of
    whose words the narration uses (``Mr. Cavendish`` beside ``John Cavendish looked
    up``) is a third person's, and so is one whose calls a third person answers
    (``"Now, Jack, ..."`` / ``"A shilling," said he``)."""

    lines: list[int] = field(default_factory=list)
    tagged: set[Character] = field(default_factory=set)
    calls: list[tuple[int, Character]] = field(default_factory=list)  # (paragraph, called)
    third: set[int] = field(default_factory=set)  # paragraphs a third person's tag names

    def turn(self, paragraph: int, addressee: Character | None, tagged: Iterable[Character],
             third: bool = False) -> None:
        """Paragraph ``paragraph`` calls ``addressee``; ``tagged`` are the people its
        tags name, ``third`` whether a tag gives its speech to a third person."""
        if addressee is not None and addressee != NARRATOR:
            self.calls.append((paragraph, addressee))
        if third:
            self.third.add(paragraph)
        self.tagged.update(tagged)

    def name(self, placed: Placed, quotes: list[Quote], text: str, quoted: Quoted) -> str:
        """The name the narrator's lines carry: the one the others call them by, else
        :data:`UNNAMED`. The narrator's own lines calling someone are no votes."""
        if not self.lines:
            return UNNAMED
        starts = frozenset(_opening(text, q) for q in quotes)
        used = _narration_words(placed, quoted)
        own = {quotes[i].paragraph for i in self.lines}  # the narrator calling others
        votes = Counter(ch for p, ch in self.calls if p not in own)
        answered = Counter(ch for p, ch in self.calls if p + 1 in self.third)
        called = [(ch, n) for ch, n in votes.most_common()
                  if ch not in self.tagged and ch.key >= 0 and not _exclamation(placed, ch, starts)]
        top = [(ch, n) for ch, n in called
               if not used & _words(ch) and answered[ch] * ANSWERED_SHARE < n]
        if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]) \
                or top[0][1] < (NARRATOR_VOTES if len(top) > 1 else 1):
            return UNNAMED  # one call is enough when no other name could be the narrator's
        return top[0][0].name


def _words(ch: Character) -> frozenset[str]:
    """The words of a character's name, without titles (``Mr. Cavendish``: Cavendish)."""
    parsed = parse(ch.name)
    return frozenset(parsed.words) if parsed is not None else frozenset()


def _narration_words(placed: Placed, quoted: Quoted) -> frozenset[str]:
    """The name words of the people named outside the quotations."""
    out: set[str] = set()
    for ch in {c for s, _e, c in placed.hits if s not in quoted}:
        out |= _words(ch)
    return frozenset(out)


def _exclamation(placed: Placed, ch: Character, starts: frozenset[int]) -> bool:
    """Whether every mention of ``ch`` opens a quotation (``"Exactly!"``, ``"Enough,"``):
    a word the cast took for a name."""
    return all(s in starts for s, _e, c in placed.hits if c == ch)


def _opening(text: str, q: Quote) -> int:
    """Where the first word of a quotation starts."""
    at = q.start
    while at < q.end and not text[at].isalnum():
        at += 1
    return at
