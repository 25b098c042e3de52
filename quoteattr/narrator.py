"""Naming a story's first-person narrator.

The narrator's lines are tagged ``said I``, ``I asked``; the dialogue pass
(:mod:`quoteattr.fiction`) collects them as :data:`NARRATOR`'s and this module names
them by the name they give themselves in their own lines (``"My name is Pip."``,
``"Call me Jim."``, ``"I am Hastings."``, or one name answering ``"What's your name?"``,
the phrases of data/self_introductions.txt), else by the name the other characters call
the narrator (``"You see, Hastings, ..."``), or else as :data:`UNNAMED`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .cast import Character, Placed, parse
from .lexicon import column, load, word_set
from .model import Quote
from .quoted import Quoted

NARRATOR = Character(-2, "", "-")  # "I asked": takes a turn; named in results by name()
UNNAMED = "the narrator"  # the speaker of a narrator the others never call by one name
NARRATOR_VOTES = 2  # lines addressed to the narrator by one name before it names them
# (one, when no other name called could be the narrator's)
ANSWERED_SHARE = 2  # a name whose calls a third person answers this often (1 in 2) is theirs
_NAME_WORDS = r"\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,2}"
_GOES_ON = regex.compile(r"\p{L}")  # a letter after a name: the line goes on
_NAME_END = r"(?=\s*(?:[,.;:!?—–]|\Z))"


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
        own_name = introduced(text, quotes, self.lines, {ch.name for ch in self.tagged})
        if own_name is not None:
            return own_name
        starts = {_opening(text, q): q.end for q in quotes}
        used = _narration_words(placed, quoted)
        own = {quotes[i].paragraph for i in self.lines}  # the narrator calling others
        votes = Counter(ch for p, ch in self.calls if p not in own)
        answered = Counter(ch for p, ch in self.calls if p + 1 in self.third)
        called = [(ch, n) for ch, n in votes.most_common() if ch not in self.tagged
                  and ch.key >= 0 and not _exclamation(text, placed, ch, starts)]
        top = [(ch, n) for ch, n in called
               if not used & _words(ch) and answered[ch] * ANSWERED_SHARE < n]
        if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]) \
                or top[0][1] < (NARRATOR_VOTES if len(top) > 1 else 1):
            return UNNAMED  # one call is enough when no other name could be the narrator's
        return top[0][0].name


def introduced(text: str, quotes: list[Quote], lines: list[int],
               others: Iterable[str] = ()) -> str | None:
    """The name the narrator gives themself in one of their ``lines`` (indexes into
    ``quotes``): ``"My name is Pip."``, ``"Call me Jim."``, ``"I am Hastings."`` or a line
    that is one name answering a question after a name; None when no line does. A name
    a tag gives to a third person (``others``) is not the narrator's."""
    intro, plain, asks, bare_name = _phrases()
    non_names = load().non_names | word_set("demonyms.txt")
    taken = frozenset(others)
    for i in lines:
        q = quotes[i]
        found = [m.group("name") for m in intro.finditer(text, q.start, q.end)]
        found += [m.group("name") for m in plain.finditer(text, q.start, q.end)]
        if i > 0 and quotes[i - 1].paragraph < q.paragraph and asks.search(
                text, quotes[i - 1].start, quotes[i - 1].end) is not None:
            bare = bare_name.match(text, q.start, q.end)
            if bare is not None:
                found.append(bare.group("name"))
        for name in found:
            name = " ".join(name.split())
            if name not in taken and not set(name.split()) & non_names:
                return name
    return None


def asks_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` asks someone's name (``"What name?"``, ``"Who are
    you?"``; data/self_introductions.txt, ``asks``)."""
    return _phrases()[2].search(text, start, end) is not None


@lru_cache(maxsize=1)
def _phrases() -> tuple[regex.Pattern[str], ...]:
    """The self-introduction patterns (data/self_introductions.txt): naming, plain, asking,
    and a line that is one name (``"Pip, sir."``, ``"Pip. Pip, sir."``)."""
    def either(words: Iterable[str]) -> str:
        return "|".join(regex.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    def slot(name: str) -> str:
        return either(column("self_introductions.txt", name))

    titles = either(t for t in load().titles if t[:1].isupper())
    name = rf"(?P<name>(?:(?:{titles})\s+)?{_NAME_WORDS})"
    intro = regex.compile(rf"(?i:\b(?:{slot('intro')}))\s+{name}{_NAME_END}")
    plain = regex.compile(rf"(?i:(?<!\w)(?:{slot('plain')}))\s+{name}"
                          r"(?=\s*(?:[.!;]|,\s*(?:sir|madam|ma['’]am|miss)\b|\Z))")
    asks = regex.compile(rf"(?i:\b(?:{slot('asks')}))\b[^?]*\?")
    bare = regex.compile(rf"\W*{name}(?:[.,!]\s*(?P=name))?"
                         r"(?:,\s*\p{Ll}[\p{L}'’]*)?\s*[.!]?\W*\Z")
    return intro, plain, asks, bare




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


def _exclamation(text: str, placed: Placed, ch: Character, starts: dict[int, int]) -> bool:
    """Whether every mention of ``ch`` opens a quotation (``"Exactly!"``, ``"Enough,"``):
    a word the cast took for a name. A titled name opening a line that goes on
    (``"Mr. Hastings, you are late"``) is a name called, not such a word; one that is
    the whole line (``"Miss Mary Morstan," he read``) is still read as none."""
    hits = [(s, e) for s, e, c in placed.hits if c == ch]
    if not all(s in starts for s, _e in hits):
        return False
    parsed = parse(ch.name)
    titled = parsed is not None and bool(parsed.title)
    return not (titled and any(_GOES_ON.search(text, e, starts[s]) for s, e in hits))


def _opening(text: str, q: Quote) -> int:
    """Where the first word of a quotation starts."""
    at = q.start
    while at < q.end and not text[at].isalnum():
        at += 1
    return at
