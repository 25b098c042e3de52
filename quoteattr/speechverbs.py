"""Speech verbs found by dictionary look-ups on words instead of a regex alternation.

The verb list (speech_verbs.txt and speech_phrases.txt, about 2,000 entries) written as
one alternation cost the regex module ~0.1 CPU s to compile (its compiler is pure
Python), once for each of the patterns that held it. Here a small pattern finds a
lower-case word, a dictionary gives the entries opening with it, and small patterns
check the white space between their words and the word boundaries around them.

Each finder answers as the alternation pattern it replaces did, match for match (tests
compare them): at a position the entries are tried longest first, the order in which
the prefix tree written by ``patterns.alternation`` tries them (entries matching at one
place all lie on one path of the tree), and the first that satisfies what follows
wins. Positions before ``pos`` are seen by word boundaries and nothing after
``endpos`` is, as in a regex match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import regex

_V1 = regex.V1
_SPACE = regex.compile(r"\s+", _V1)
_SPACE_BACK = regex.compile(r"\s+", _V1 | regex.REVERSE)
_BOUNDARY = regex.compile(r"\b", _V1)
_WORD = regex.compile(r"\b[a-z]+", _V1)  # where an entry may open, in a scan
_RUN = regex.compile(r"[a-z]+", _V1)
_RUN_BACK = regex.compile(r"[a-z]+", _V1 | regex.REVERSE)
_LETTERS = regex.compile(r"[A-Za-z]+", _V1)
_ADVERB = regex.compile(r"\p{Ll}+ly\s+", _V1)
_FIRST = regex.compile(r"[a-z]+")
_UNSURE = -2
ASCII_REACH = 64  # role nouns compared as ASCII when this much text after one is ASCII

Entry = tuple[str, ...]  # an entry's words


class VerbMatch:
    """What a regex match object gave the callers: the span of the whole match and of
    the verb (group ``v``), and their text."""

    __slots__ = ("_span", "_verb", "string")

    def __init__(self, string: str, span: tuple[int, int], verb: tuple[int, int]) -> None:
        self.string = string
        self._span = span
        self._verb = verb

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._verb if group == "v" else self._span

    def start(self, group: int | str = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self.span(group)[1]

    def group(self, group: int | str = 0) -> str:
        s, e = self.span(group)
        return self.string[s:e]

    def __repr__(self) -> str:
        return f"<VerbMatch span={self._span} v={self._verb} {self.group()!r}>"


def _index(entries: Iterable[str], reverse: bool) -> dict[str, tuple[Entry, ...]]:
    """Entries by their first word (their last run of letters with ``reverse``), each
    list longest first."""
    out: dict[str, list[Entry]] = {}
    for entry in set(entries):
        words = tuple(entry.split(" "))
        if not all(words):
            raise ValueError(f"speech verb {entry!r}: one space between words, none around")
        key = _RUN_BACK.match(words[-1]) if reverse else _FIRST.fullmatch(words[0])
        if key is None:
            raise ValueError(f"speech verb {entry!r}: opens (ends) with no lower-case word")
        out.setdefault(key.group(), []).append(words)
    return {k: tuple(sorted(v, key=lambda w: -len(" ".join(w)))) for k, v in out.items()}


def _rest(text: str, i: int, endpos: int, words: Entry) -> int:
    """Where ``words`` end, each after white space, read from ``i``; -1 if they do not."""
    for word in words:
        space = _SPACE.match(text, i, endpos)
        if space is None:
            return -1
        i = space.end()
        if not text.startswith(word, i, endpos):
            return -1
        i += len(word)
    return i


class Verbs:
    """The entries by their first word and the longest-first trial at one position."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.first = _index(entries, reverse=False)

    def at(self, text: str, p: int, endpos: int, roles: Roles | None = None) -> int:
        """The end of the first entry (longest first) matching at ``p`` followed by a
        word boundary (and, given ``roles``, by no role noun); -1 if none does."""
        run = _RUN.match(text, p, endpos)
        if run is None:
            return -1
        r = run.end()
        i = _UNSURE  # past the white space after the first word (-1: none): read once
        for words in self.first.get(run.group(), ()):
            if len(words) == 1:
                e = r
            else:  # _rest(text, r, endpos, words[1:]), its first step shared by all
                if i == _UNSURE:
                    space = _SPACE.match(text, r, endpos)
                    i = -1 if space is None else space.end()
                if i < 0 or not text.startswith(words[1], i, endpos):
                    continue
                e = _rest(text, i + len(words[1]), endpos, words[2:])
            if e >= 0 and _BOUNDARY.match(text, e, endpos) and \
                    (roles is None or not roles.after(text, e, endpos)):
                return e
        return -1


class Roles:
    """``\\s+(?i:{roles})\\b`` at a position, answered by look-ups when the text there is
    ASCII (where full case folding is ``str.lower``), else by that pattern."""

    def __init__(self, entries: Iterable[str],
                 fallback: Callable[[], regex.Pattern[str]]) -> None:
        self.by_key: dict[str, list[Entry]] = {}
        for entry in set(entries):
            words = tuple(entry.lower().split(" "))
            key = _LETTERS.match(words[0])
            if key is None or not all(words):
                self.by_key = {}
                self.fallback_only = True
                break
            self.by_key.setdefault(key.group().lower(), []).append(words)
        else:
            self.fallback_only = False
        self.fallback = fallback

    def after(self, text: str, e: int, endpos: int) -> bool:
        space = _SPACE.match(text, e, endpos)
        if space is None:
            return False
        reach = min(endpos, space.end() + ASCII_REACH)
        if self.fallback_only or not text[e:reach].isascii():
            return self.fallback().match(text, e, endpos) is not None
        i = space.end()
        run = _LETTERS.match(text, i, reach)
        if run is None:
            return False
        if run.end() == reach < endpos:
            return self.fallback().match(text, e, endpos) is not None
        for words in self.by_key.get(run.group().lower(), ()):
            end = self._ci(text, i, endpos, reach, words)
            if end == _UNSURE:  # read past the text known to be ASCII
                return self.fallback().match(text, e, endpos) is not None
            if end >= 0 and _BOUNDARY.match(text, end, endpos):
                return True
        return False

    @staticmethod
    def _ci(text: str, i: int, endpos: int, reach: int, words: Entry) -> int:
        """Where ``words`` (lower case, white space between) end, compared case-blind
        from ``i``; -1 if they do not match there; _UNSURE if that needs text past
        ``reach`` (ASCII before it) and before ``endpos``."""
        for k, word in enumerate(words):
            if k:
                space = _SPACE.match(text, i, endpos)
                if space is None:
                    return -1
                i = space.end()
            if i + len(word) > reach and reach < endpos:
                return _UNSURE
            if i + len(word) > endpos or text[i:i + len(word)].lower() != word:
                return -1
            i += len(word)
        return i


class VerbScan:
    """``\\b(?P<v>{verbs})\\b(?!\\s+(?i:{roles})\\b)``: a speech verb not followed by a
    role noun ("said", not "the press secretary")."""

    def __init__(self, verbs: Verbs, roles: Roles) -> None:
        self._verbs = verbs
        self._roles = roles

    def search(self, text: str, pos: int = 0, endpos: int | None = None,
               timeout: float | None = None) -> VerbMatch | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        for w in _WORD.finditer(text, pos, endpos):
            if w.group() in self._verbs.first:
                e = self._verbs.at(text, w.start(), endpos, self._roles)
                if e >= 0:
                    return VerbMatch(text, (w.start(), e), (w.start(), e))
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None,
                 timeout: float | None = None) -> Iterator[VerbMatch]:
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end()


class VerbAt:
    """``(?:\\p{Ll}+ly\\s+)?(?P<v>{verbs})\\b`` matched at a position: a speech verb
    there, after an optional adverb ("quietly said")."""

    def __init__(self, verbs: Verbs) -> None:
        self._verbs = verbs

    def match(self, text: str, pos: int = 0, endpos: int | None = None,
              timeout: float | None = None) -> VerbMatch | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        adverb = _ADVERB.match(text, pos, endpos)
        for p in ((adverb.end(), pos) if adverb else (pos,)):
            e = self._verbs.at(text, p, endpos)
            if e >= 0:
                return VerbMatch(text, (pos, e), (p, e))
        return None


class VerbEnding:
    """``\\b(?:{verbs})\\s+\\Z`` searched right to left: a speech verb and white space
    ending the text ("..., said ")."""

    def __init__(self, entries: Iterable[str]) -> None:
        self._last = _index(entries, reverse=True)

    def search(self, text: str, pos: int = 0, endpos: int | None = None,
               timeout: float | None = None) -> VerbMatch | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        space = _SPACE_BACK.match(text, pos, endpos)
        if space is None:
            return None
        k = space.start()
        run = _RUN_BACK.match(text, pos, k)
        if run is None:
            return None
        for words in self._last.get(run.group(), ()):
            s = self._back(text, pos, k, words)
            if s >= 0 and _BOUNDARY.match(text, s, endpos):
                return VerbMatch(text, (s, endpos), (s, k))
        return None

    @staticmethod
    def _back(text: str, pos: int, i: int, words: Entry) -> int:
        """Where ``words`` start, read right to left from ``i``; -1 if they do not."""
        for k, word in enumerate(reversed(words)):
            if k:
                space = _SPACE_BACK.match(text, pos, i)
                if space is None:
                    return -1
                i = space.start()
            if i - len(word) < pos or not text.startswith(word, i - len(word), i):
                return -1
            i -= len(word)
        return i



_CLAUSE_END = regex.compile(r"[\"“”\n]", _V1)  # what an apposition between commas stops at
_BRACKETED = regex.compile(r"\s*\([^()\"“”\n]{1,40}\)", _V1)


class VerbNext:
    r"""``{appos}?\s+{aux}?{adv}?(?:{verbs})\b`` matched at a position, where ``appos``
    is ``,\s+[^"“”\n]{1,120}?,`` or ``\s*\([^()"“”\n]{1,40}\)`` or ``of_head`` then up
    to five ``of_more``; the paths tried in the order the regex tries them: after the
    name its speech verb ("Feinstein, 83, said")."""

    def __init__(self, verbs: Verbs, of_head: regex.Pattern[str],
                 of_more: regex.Pattern[str], aux: list[regex.Pattern[str]]) -> None:
        self._verb_at = VerbAt(verbs)
        self._of_head = of_head
        self._of_more = of_more
        self._aux = aux

    def match(self, text: str, pos: int = 0, endpos: int | None = None,
              timeout: float | None = None) -> VerbMatch | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        tried: set[int] = set()
        for a in (*self._appositions(text, pos, endpos), pos):
            if a in tried:
                continue
            tried.add(a)
            space = _SPACE.match(text, a, endpos)
            if space is None:
                continue
            b = space.end()
            for c in (*(m.end() for aux in self._aux
                        if (m := aux.match(text, b, endpos)) is not None), b):
                v = self._verb_at.match(text, c, endpos)  # an optional adverb, the verb
                if v is not None:
                    return VerbMatch(text, (pos, v.end()), v.span("v"))
        return None

    def _appositions(self, text: str, pos: int, endpos: int) -> Iterator[int]:
        """Where an apposition opening at ``pos`` can end, in the order tried."""
        if text.startswith(",", pos, endpos):  # ", the defence secretary,"
            space = _SPACE.match(text, pos + 1, endpos)
            if space is not None:
                for c in range(space.end(), pos + 1, -1):  # less white space each time
                    stop = _CLAUSE_END.search(text, c, min(endpos, c + 121))
                    limit = stop.start() if stop else min(endpos, c + 121)
                    j = text.find(",", c + 1, limit)
                    while j >= 0:
                        yield j + 1
                        j = text.find(",", j + 1, limit)
        m = _BRACKETED.match(text, pos, endpos)  # " (D-Mo.)"
        if m is not None:
            yield m.end()
        m = self._of_head.match(text, pos, endpos)  # " of the American Enterprise Institute"
        if m is not None:
            ends = [m.end()]
            while len(ends) < 6 and (m := self._of_more.match(text, ends[-1], endpos)):
                ends.append(m.end())
            yield from reversed(ends)
