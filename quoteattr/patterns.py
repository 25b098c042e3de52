"""Every regular expression the rules use, built in one place from the word lists."""

from __future__ import annotations

import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

import regex

from .lexicon import column, load, read_rows
from .speechverbs import Roles, VerbAt, VerbEnding, VerbNext, Verbs, VerbScan

# No clock on any match: a wall-clock limit would make the answer depend on the machine's
# load. The patterns are kept linear instead (initials taken whole, bounded repeats) and
# every match runs in a bounded window of the text. Tests set a limit here (seconds) to
# show that no match comes near one on hostile input.
TIMEOUT: float | None = None


def alternation(words: Iterable[str], reverse: bool = False) -> str:
    """A regex matching any of ``words``, factored as a tree of shared prefixes (much
    faster to scan than a flat alternation of hundreds of words), or of shared suffixes
    with ``reverse`` (for patterns matched right to left: REVERSE searches and
    look-behinds). A space matches any white space."""
    trie: dict[str, dict] = {}
    words = set(words)
    if not words:
        return "(?!)"  # no word: nothing matches
    for w in words:
        node = trie
        for ch in (reversed(w) if reverse else w):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(trie, reverse)


def listed(words: Iterable[str], capitalised: bool = False) -> str:
    r"""A flat alternation of ``words`` in the order given (where that order matters: a
    word tried before a longer one it begins), then, with ``capitalised``, of their
    capitalised forms not already among them. A space matches any white space and a
    trailing period is optional ("St." matches "St" too).

    >>> listed(["has", "has also", "I", "St."], capitalised=True)
    '(?:has|has\\s+also|I|St\\.?|Has|Has\\s+also)'
    """
    todo = _with_capitals(words) if capitalised else list(words)
    if not todo:
        return "(?!)"  # no word: nothing matches
    return "(?:" + "|".join(_alternatives(todo)) + ")"


def _with_capitals(words: Iterable[str]) -> list[str]:
    """``words``, then their capitalised forms not already among them."""
    todo = list(words)
    caps = [w[:1].upper() + w[1:] for w in todo]
    return todo + [c for c in dict.fromkeys(caps) if c not in todo]


def _alternatives(words: Iterable[str]) -> list[str]:
    """The alternatives ``listed`` writes for ``words``, one for each, in order."""
    alts = []
    for w in words:
        end = r"\.?" if w.endswith(".") and len(w) > 1 else ""
        alts.append(r"\s+".join(regex.escape(part) for part in w[:-1 if end else None].split())
                    + end)
    return alts


def _branch(node: dict[str, dict], reverse: bool) -> str:
    alts = []
    for ch, child in sorted(node.items()):
        if ch:
            char = r"\s+" if ch == " " else regex.escape(ch)
            rest = _branch(child, reverse)
            alts.append(rest + char if reverse else char + rest)
    if not alts:
        return ""
    if len(alts) == 1 and "" not in node:
        return alts[0]
    return "(?:" + "|".join(alts) + (")?" if "" in node else ")")


# The long word lists written into the patterns, by kind: titles, role nouns, ... (see
# _lists). A text holding few of their words is matched by patterns compiled with those
# words alone (a word absent from a text cannot match in it), so a short text does not pay
# for compiling the whole lists (the regex module's compiler is pure Python).
Vocab = frozenset[tuple[str, str]] | None  # (kind, entry) pairs; None: every entry
VOCAB_REACH = 65_536  # longer texts are matched by the patterns with every entry
VARIANTS = 1  # patterns compiled for the words of texts before the full one is: each
# a cost paid again, as the full pattern's is once a text needs a word not compiled in
LOOKUPS = 64  # texts whose words are looked up before the full pattern is compiled
DOCUMENT = 400  # a text this long matched by a Lexical is remembered (the last two are)
# the last two texts as long as DOCUMENT matched while some pattern was not full: only
# which patterns are compiled depends on it, never a match (see Lexical)
_DOCUMENTS: deque[str] = deque(maxlen=2)


class Lexical:
    """A pattern written from the word lists of ``kinds``, compiled (by ``source``)
    with only the entries that occur in the text being matched (and in the texts matched
    before), until ``VARIANTS`` such patterns were compiled or the words of ``LOOKUPS``
    texts were looked up (a cost paid per text); then, or for a text longer than
    ``VOCAB_REACH``, with every entry. An entry left out is one that cannot match
    anywhere in the text, so each pattern matches as the full one does there."""

    __slots__ = ("_full", "_kinds", "_source", "_variant")

    def __init__(self, source: Callable[[Vocab], regex.Pattern[str]],
                 kinds: tuple[str, ...]) -> None:
        self._source = source
        self._kinds = kinds
        self._full: regex.Pattern[str] | None = None
        # the words compiled in so far, their pattern, the number of such patterns built,
        # the words of the last text and the number of texts looked up; replaced whole
        # (one assignment), so a thread reads a consistent state
        self._variant: tuple[frozenset[tuple[str, str]], regex.Pattern[str] | None, int,
                             frozenset[tuple[str, str]], int] = (
            frozenset(), None, 0, frozenset(), 0)

    def full(self) -> regex.Pattern[str]:
        """The pattern with every entry."""
        if self._full is None:
            self._full = self._source(None)
        return self._full

    def pattern(self, text: str) -> regex.Pattern[str]:
        """A pattern matching in ``text`` as the full one does."""
        if self._full is not None:
            return self._full
        if len(text) > VOCAB_REACH:
            return self.full()
        need = self.words(text)
        have, pattern, built, last, looked = self._variant
        if pattern is not None and need is last:  # the same text again (words cached)
            return pattern
        if looked >= LOOKUPS:
            return self.full()
        if len(text) >= DOCUMENT and (not _DOCUMENTS or _DOCUMENTS[-1] is not text):
            _DOCUMENTS.append(text)
        if pattern is None or not need <= have:
            if built >= VARIANTS:
                return self.full()
            # a piece of a text matched before ("the burly Moze" of a whole article):
            # compile in the whole text's words, not to compile again for the next piece
            whole = next((d for d in reversed(tuple(_DOCUMENTS))  # (a copy: threads append)
                          if d is not text and text in d), None)
            have |= need if whole is None else need | self.words(whole)
            pattern = self._source(have)
            built += 1
        self._variant = (have, pattern, built, need, looked + 1)
        return pattern

    def words(self, text: str) -> frozenset[tuple[str, str]]:
        """The entries of its lists that may match in ``text``, as ``(kind, entry)``."""
        return _words(text, self._kinds)

    def variant(self, vocab: Vocab) -> regex.Pattern[str]:
        """The pattern compiled with the entries of ``vocab`` alone (not kept)."""
        return self._source(vocab)

    def match(self, text: str, pos: int = 0, endpos: int | None = None,
              timeout: float | None = None) -> regex.Match[str] | None:
        return self.pattern(text).match(text, pos, endpos, timeout=timeout)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None,
                  timeout: float | None = None) -> regex.Match[str] | None:
        return self.pattern(text).fullmatch(text, pos, endpos, timeout=timeout)

    def search(self, text: str, pos: int = 0, endpos: int | None = None,
               timeout: float | None = None) -> regex.Match[str] | None:
        return self.pattern(text).search(text, pos, endpos, timeout=timeout)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None,
                 timeout: float | None = None) -> Iterator[regex.Match[str]]:
        return self.pattern(text).finditer(text, pos, endpos, timeout=timeout)


@lru_cache(maxsize=1)
def _lists() -> dict[str, tuple[list[str], bool]]:
    """The long word lists, by kind: their entries as written into the patterns, and
    whether they are matched case-blind."""
    lex = load()
    return {
        "titles": ([t for t in lex.titles if t[:1].isupper()], False),
        "roles": (_role_entries(), True),
        "orgs": (sorted(lex.org_words), False),
        "non_names": (sorted(lex.non_names), False),
        "function": (column("function_words.txt"), False),
        # "the", "his", "this", "The", ...: in file order, then capitalised
        "det": (_with_capitals(column("determiners.txt") + column("demonstratives.txt")),
                False),
        "non_speech": ([row[0] for row in read_rows("non_speech_cues.txt")], True),
    }


@lru_cache(maxsize=16)
def _words(text: str, kinds: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset((k, w) for k in kinds for w in present(text, k))


@lru_cache(maxsize=32)
def present(text: str, kind: str) -> frozenset[str]:
    """The entries of the list ``kind`` that may match somewhere in ``text``: those whose
    every word (less a final period, which some patterns make optional) occurs in it,
    compared after case folding (``_folded``) for the lists matched case-blind."""
    entries, blind = _lists()[kind]
    hay = _folded(text) if blind else text
    if hay is None:
        return frozenset(entries)
    return frozenset(e for e in entries
                     if all(w.rstrip(".") in hay for w in (e.casefold() if blind else e).split()))


@lru_cache(maxsize=4)
def _folded(text: str) -> str | None:
    """``text`` case-folded so that a word the regex module matches case-blind in it
    occurs in it: Python's full case folding (``str.casefold``, the same Unicode table),
    with "İ" read as "i" as the regex module also does. None (every entry may match)
    for a text holding a character that Python's Unicode tables do not know (its case
    folding may be newer than Python's; folding never changes once a character is
    assigned). Tests compare the regex module's case-blind matches with this."""
    if not text.isascii() and any(
            unicodedata.category(ch) == "Cn" for ch in set(text) if ord(ch) > 127):
        return None
    return text.casefold().replace("i\u0307", "i")


NAME_KINDS = ("titles", "orgs")
SPEAKER_KINDS = ("titles", "orgs", "roles", "det", "function")


class Gated:
    """A pattern searched in windows that it can match only when the window ends as
    ``gate`` says: compiled (by ``build``, cached) only once a window does."""

    __slots__ = ("_build", "_gate")

    def __init__(self, gate: regex.Pattern[str], build: Callable[[], Lexical]) -> None:
        self._gate = gate
        self._build = build

    def search(self, text: str, pos: int = 0, endpos: int | None = None,
               timeout: float | None = None) -> regex.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if self._gate.search(text, pos, end) is None:
            return None
        return self._build().search(text, pos, end, timeout=timeout)


WIDE = 1  # speaker_ending searched to this past the verb: the longest apposition
TAIL = 1  # addressee_next matched from this before the verb's end: the frame's tail


class Patterns:
    """The compiled patterns, each built when first read (then cached, read-only), so a
    text pays only for the patterns it needs. Cue frames are found verb first: a scan for
    speech verbs, then small anchored matches around each verb."""

    lead: regex.Pattern[str]  # punctuation between a closing mark and its cue
    signature: Lexical  # "Q" ― Name   (to the end of the paragraph)
    subject: RoleChecked  # the speaker that opens a sentence (after a connective)
    name_colon: Gated  # (reverse) "Jeffrey M. Jones:" ending here
    quoted_as: RoleChecked  # "... quoted Ms. Simonyan, the editor, as saying"
    # the speech verbs are found by look-ups on words (speechverbs), not a pattern
    verb: VerbScan  # a speech verb or reporting phrase
    verb_at: VerbAt  # a speech verb here (after an optional adverb)
    verb_ending: VerbEnding  # (reverse) a speech verb and a space ending here
    verb_next: VerbNext  # after a name: its speech verb ("Feinstein, 83, said")
    speaker_at: RoleChecked  # "said X" (at a space after the verb) or, the whole
    # gap before the verb, "X said" (at a word character, matched to the window's end)
    named_after: Lexical  # ", Ana Ruiz" naming a description: "said a friend, Ana Ruiz."
    addressee_next: Lexical  # a hearer right after the verb: "told Y"; from
    # TAIL before the verb's end, to the opening mark: "told Y on Friday:"
    hearer_prep: regex.Pattern[str]  # the preposition before a hearer: "said to Y"
    speaker_to_end: RoleChecked  # from a verb to the opening mark: "said X."
    speaker_ending: RoleChecked  # (reverse) a speaker ending here: "X said"; ending
    # one character further (WIDE), the same with its apposition as long as it can be
    according_ending: RoleChecked  # (reverse) "according to X," ending here
    name: Lexical  # capitalised name sequences, with titles
    adj_name: Lexical  # a name after adjectives: "the burly Moze"
    prefix_words: frozenset[str]
    non_speech: Lexical  # so-called "..." (ending at the quote's start)

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        builder = _BUILDERS.get(name)
        if builder is None:
            raise AttributeError(name)
        return builder()


_PATTERNS = Patterns()


def compiled() -> Patterns:
    """The patterns (each compiled when first used, then cached; immutable)."""
    return _PATTERNS


def build_all() -> None:
    """Compile every pattern now, with every entry of the word lists: for a process about
    to be forked into workers, which then share them instead of each compiling its own."""
    for build in _BUILDERS.values():
        built = build()
        if isinstance(built, Lexical):
            built.full()
        elif isinstance(built, RoleChecked):
            built.lean.full()
    _name_colon_pattern().full()  # built only when a text needs them, otherwise
    _role_after()


_FLAGS = regex.V1
# "any number of times", written as a bound no text reaches: the regex module remembers
# where an unbounded repeat of a group failed and does not try it there again, which is
# only sound where what follows the repeat is the same on every path; in a pattern with
# a part shared by several alternatives (_shared_tail) it is not, and a bounded repeat
# is never skipped so
_ANY = "{0,4294967294}"
_BACK = regex.V1 | regex.REVERSE
_BUILDERS: dict[str, Callable[[], Any]] = {}


def _builder(fn: Callable[[], Any]) -> Callable[[], Any]:
    cached = lru_cache(maxsize=1)(fn)
    _BUILDERS[fn.__name__.lstrip("_")] = cached
    return cached


def _compile(source: str, reverse: bool = False) -> regex.Pattern[str]:
    return regex.compile(source, _BACK if reverse else _FLAGS)


class RoleChecked:
    """A pattern holding ``named`` (its speaker group ``sp``), compiled without the
    role-noun look-ahead of its last alternative, adj_name (``nd7``: "the burly Moze",
    not before "spokesman"), which holds the case-blind role nouns a second time (costly
    to compile). The look-ahead only adds a failure to one path, so the lean pattern
    finds what the full one finds, unless its match took adj_name with a role noun after
    the speaker: then (answered by look-ups, ``Roles.after``) the full pattern, compiled
    only then, is asked instead."""

    __slots__ = ("_roles", "full", "lean")

    def __init__(self, lean: Lexical, full: Lexical, roles: Roles) -> None:
        self.lean = lean
        self.full = full
        self._roles = roles

    def match(self, text: str, pos: int = 0, endpos: int | None = None,
              timeout: float | None = None) -> regex.Match[str] | None:
        m = self.lean.match(text, pos, endpos, timeout=timeout)
        if m is not None and self.vetoed(m, text, endpos):
            return self.full.match(text, pos, endpos, timeout=timeout)
        return m

    def search(self, text: str, pos: int = 0, endpos: int | None = None,
               timeout: float | None = None) -> regex.Match[str] | None:
        m = self.lean.search(text, pos, endpos, timeout=timeout)
        if m is not None and self.vetoed(m, text, endpos):
            return self.full.search(text, pos, endpos, timeout=timeout)
        return m

    def vetoed(self, m: regex.Match[str], text: str, endpos: int | None) -> bool:
        """Whether the full pattern's look-ahead would fail where ``m`` ends its speaker."""
        return m.start("nd7") >= 0 and self._roles.after(
            text, m.end("sp"), len(text) if endpos is None else min(endpos, len(text)))


def _role_checked(source: Callable[[dict[str, str]], str], reverse: bool = False
                  ) -> RoleChecked:
    return RoleChecked(
        _lexical(lambda v: source(_fragments(reverse, True, v)), SPEAKER_KINDS, reverse),
        _lexical(lambda v: source(_fragments(reverse, False, v)), SPEAKER_KINDS, reverse),
        _roles())


def _lexical(source: Callable[[Vocab], str], kinds: tuple[str, ...], reverse: bool = False
             ) -> Lexical:
    """The Lexical pattern whose source ``source`` writes for the words given."""
    return Lexical(lambda v: _compile(source(v), reverse), kinds)


def _kept(kind: str, vocab: Vocab) -> list[str]:
    """The entries of the list ``kind`` given by ``vocab`` (all with None), in order."""
    entries = _lists()[kind][0]
    return list(entries) if vocab is None else [e for e in entries if (kind, e) in vocab]


@_builder
def _lead() -> regex.Pattern[str]:
    return regex.compile(r"[\s,—–―\-]*", _FLAGS)


@_builder
def _signature() -> Lexical:
    return _lexical(lambda v: rf"\s*[―—–\-]+\s*(?P<sp>{_fragments(False, vocab=v)['name']})"
                              rf"\s*\.?\s*\Z", NAME_KINDS)


@_builder
def _name_colon() -> Gated:
    return Gated(_compile(r":\s*\Z", reverse=True), _name_colon_pattern)


@lru_cache(maxsize=1)
def _name_colon_pattern() -> Lexical:
    return _lexical(lambda v: rf"\b(?P<sp>{_fragments(True, vocab=v)['name']})\s*:\s*\Z",
                    NAME_KINDS, reverse=True)


@_builder
def _quoted_as() -> RoleChecked:
    return _role_checked(lambda f: rf"\b(?P<v>quot(?:ed|es|ing))\s+(?P<sp>{f['named']})"
                                   rf"(?P<ap>{f['appos']})?,?\s+as\s+say")


@_builder
def _subject() -> RoleChecked:
    return _role_checked(lambda f:
        rf"(?:(?:In|At|On|During|After|Before|Speaking|Asked|Earlier|Later|Last|This"
        rf"|\p{{Lu}}\p{{Ll}}+ing(?=\s+\p{{Ll}}))\b"  # "Weighing in on the debate, "
        rf"[^,\"“”\n]{{0,80}},\s+)?"  # "In a statement released Thursday, "
        rf"(?:(?:But|And|So|Then|Still|Yet|Meanwhile|Later|Earlier|Now|Instead"
        rf"|Also|Recently|However)\s*,?\s+)?(?P<sp>{f['speaker']})\b")


@_builder
def _verb() -> VerbScan:
    return VerbScan(_speech_verbs(), _roles())


@_builder
def _verb_at() -> VerbAt:
    return VerbAt(_speech_verbs())


@_builder
def _verb_next() -> VerbNext:
    # the appositions, the pre-verb words and the adverb as in the pattern this stands
    # for: {appos}?\s+{aux}?{adv}?(?:{verbs})\b (of_head and of_more hold no word list:
    # written without any entry, the lists are not factored for nothing)
    f = _fragments(False, vocab=frozenset())
    return VerbNext(_speech_verbs(), _compile(f["of_head"]), _compile(f["of_more"]),
                    [_compile(rf"{alt}\s+") for alt in _alternatives(column("pre_verb_words.txt"))])


@_builder
def _verb_ending() -> VerbEnding:
    return VerbEnding(_verb_entries())


def _verb_entries() -> list[str]:
    lex = load()
    return list(lex.verb_lemma) + list(lex.speech_phrases)


@lru_cache(maxsize=1)
def _speech_verbs() -> Verbs:
    return Verbs(_verb_entries())


def _role_entries() -> list[str]:
    lex = load()
    return list(lex.role_nouns) + list(lex.speaker_heads)


@lru_cache(maxsize=1)
def _roles() -> Roles:
    return Roles(_role_entries(), _role_after)


@lru_cache(maxsize=1)
def _role_after() -> regex.Pattern[str]:
    """A role noun after white space, where ``_roles`` cannot answer by look-ups (the text
    there not ASCII): compiled only then."""
    return _compile(rf"\s+(?i:{alternation(_role_entries())})\b")


@_builder
def _speaker_at() -> RoleChecked:
    # one pattern for both sides of a verb, the speaker alternation written once. Right
    # after a verb (which ends in a word character, then a word boundary) a speaker after
    # a space or a comma: "said X", "interposed, more softly, a young wife". At a word
    # character (cues.after reads the gap past its spaces and commas) the whole gap before
    # the verb, matched to the window's end: "X, 83, said". Every speaker opens with a word
    # character, so at any position only one branch can match
    return _role_checked(lambda f:
        rf"(?:(?<next>)(?:,\s+(?:\p{{Ll}}+\s+)?\p{{Ll}}+ly,)?\s+|(?=\w))(?P<sp>{f['speaker']})"
        rf"(?(next)\b|(?:(?P<ap>{f['appos']}|{f['open_appos']}),?|,)?"
        rf"\s+{f['aux']}?{f['adv']}?\Z)")


@_builder
def _named_after() -> Lexical:
    def source(v: Vocab) -> str:
        f = _fragments(False, vocab=v)
        return (rf"(?P<more>(?:['’]s)?(?:\s+\p{{Ll}}[\p{{Ll}}\-]*){{0,2}}),\s+"
                rf"(?:(?:{f['roles']})\s+)?(?P<ap>{f['name']})"
                rf"(?=\s*[.,;:!?]|\s+(?:of|from|at|who|with|in)\b|\s*\Z)")
    return _lexical(source, SPEAKER_KINDS)


@_builder
def _addressee_next() -> Lexical:
    # matched right after a verb: its hearer ("told Y"); matched from the verb's last
    # character (patterns.TAIL before its end, a word character, where no hearer can
    # open), the rest of the frame up to the opening mark, with the hearer if there is
    # one: "told Y on Friday:". One pattern with the hearer alternation compiled once
    rest = r"(?P<tail>(?:\s+[^\s:\"“”]+){0,10}?)\s*[:,—–.]?\s*\Z"
    return _lexical(lambda v: rf"(?:\w(?<to_end>))?(?:\s+(?P<ad>"
                              rf"{_fragments(False, vocab=v)['obj']})\b(?(to_end){rest})"
                              rf"|(?(to_end){rest}|(?!)))", SPEAKER_KINDS)


@_builder
def _hearer_prep() -> regex.Pattern[str]:
    # the preposition before a hearer ("said to Y"), the hearer then read by
    # addressee_next: at most one of these is followed by a space, so the two matches
    # find what one pattern holding both would
    return _compile(
        r"\s+(?P<prep>(?:out\s+|up\s+|back\s+)?(?:to|at|with|towards?|for|of|across\s+to))"
        r"(?=\s)")


@_builder
def _speaker_to_end() -> RoleChecked:
    return _role_checked(lambda f:
        rf"\s+(?P<sp>{f['named']})(?P<ap>{f['appos']})?{f['aside']}{{0,2}}[\s.,:;]*\Z")


@_builder
def _speaker_ending() -> RoleChecked:
    # searched with the window ending at a verb: its speaker, the shortest apposition
    # ("X, 83, said"); ending one character into the verb (the verb's first, a word
    # character), the same with the longest apposition (WIDE). One pattern with the named
    # alternation compiled once for both: a call can only take the branch its end
    # chooses (before a verb, found after a word boundary, stands no word character)
    return _role_checked(lambda r:
        rf"\b(?P<sp>{r['named']})(?(wide)(?P<ap>,\s+[^\"“”\n]{{1,120}},)|(?:(?P<ap>{r['appos']}),?|,)?)"
        rf"\s+{r['aux']}?{r['adv']}?(?:\Z|(?=\w\Z)(?<wide>))",
        reverse=True)


@_builder
def _according_ending() -> RoleChecked:
    return _role_checked(lambda r:
        rf"\b(?i:according\s+to)\s+(?P<sp>{r['speaker']})(?P<ap>{r['appos']})?\s*[,:]?\s*\Z",
        reverse=True)


@_builder
def _name() -> Lexical:
    # a name opens with a capital (its title's or its own): testing that first lets a
    # scan skip ahead without calling the name group at every position
    def source(v: Vocab) -> str:
        f = _fragments(False, vocab=v)
        return rf"(?=\p{{Lu}})(?!(?:{f['non_names']})\b(?!{f['ws']}\p{{Lu}})){f['name']}"
    return _lexical(source, (*NAME_KINDS, "non_names"))


@_builder
def _adj_name() -> Lexical:
    # only ever matched whole (fullmatch): the fragment's look-ahead for a role noun
    # after the name cannot fail at the end of the text, so it is left out (the
    # case-blind role nouns are costly to compile)
    def source(v: Vocab) -> str:
        f = _fragments(False, vocab=v)
        return rf"{f['adj_name_head']}{f['name']}"
    return _lexical(source, SPEAKER_KINDS)


@_builder
def _prefix_words() -> frozenset[str]:
    return frozenset(row[0] for row in read_rows("name_prefix_words.txt"))


@_builder
def _non_speech() -> Lexical:
    return _lexical(lambda v: rf"(?<![\w\-])(?i:(?:"
                              rf"{alternation(_kept('non_speech', v), reverse=True)}))"
                              rf"\s*[,:]?\s*\Z", ("non_speech",), reverse=True)


def _shared_tail(tag: str, alts: list[tuple[str, tuple[str, ...]]], name: str,
                 reverse: bool) -> str:
    """An alternation of heads, each followed by ``name`` or not, written with ``name``
    once however many alternatives end in it (the regex module compiles in Python, at a
    cost growing with the pattern's length); tried in the same order, matching the same.

    Each alternative is ``(head, tail)``: ``tail`` is ``()`` for the head alone, else
    ``(after, *others)`` for ``head(?:{name}{after}|{others[0]}|...)``, ``after`` a
    look-around or "". An empty group per alternative records which one is being tried:
    it is chosen first (last when matched right to left, with ``reverse``), then
    conditionals on it pick the head and the tail, so paths are tried in the original
    order. ``tag`` names the groups (``{tag}0``, ``{tag}1``, ...: a pattern holds each
    tag once); alternatives with the same head share it, written once, and a head may
    tell them apart by conditionals on those groups.
    """
    groups = [f"{tag}{k}" for k in range(len(alts))]
    choose = "(?:" + "|".join(f"(?<{g}>)" for g in groups) + ")"
    shared: dict[str, list[str]] = {}  # head -> the alternatives it opens
    for g, (head, _) in zip(groups, alts, strict=True):
        shared.setdefault(head, []).append(g)
    # each head behind a test of its groups, made first (last in the text when matched
    # right to left)
    tests = {head: _case(gs, [""] * len(gs), "(?!)") for head, gs in shared.items()}
    heads_of = "(?:" + "|".join(head + tests[head] if reverse else tests[head] + head
                                for head in shared) + ")"
    after = {g: tail[0] for g, (_, tail) in zip(groups, alts, strict=True) if tail}
    others = [(g, part) for g, (_, tail) in zip(groups, alts, strict=True) for part in tail[1:]]
    ends = list(after.values())
    tails = ""
    if after:  # else no alternative has a tail
        parts = [name + _case(list(after)[:-1], ends[:-1], ends[-1])]
        parts += [_case([g], [part], "(?!)") for g, part in others]
        bare = [g for g in groups if g not in after]
        tails = _case(bare, [""] * len(bare), "(?:" + "|".join(parts) + ")")
    return f"(?:{heads_of}{tails}{choose})" if reverse else f"(?:{choose}{heads_of}{tails})"


def _case(groups: list[str], branches: list[str], default: str) -> str:
    """``branches[k]`` for the first of ``groups`` that took part in the match, else
    ``default``."""
    out = default
    for g, b in reversed(list(zip(groups, branches, strict=True))):
        out = f"(?({g}){b}|{out})"
    return out


@lru_cache(maxsize=32)
def _fragments(reverse: bool, lean: bool = False, vocab: Vocab = None) -> dict[str, str]:
    """Pattern pieces shared by the compiled patterns; word lists factored for matching
    left to right, or right to left with ``reverse``. With ``lean``, ``named`` is
    written without adj_name's role-noun look-ahead (see RoleChecked). With ``vocab``,
    the long lists (``_lists``) hold only the entries it gives."""
    titles = alternation(_kept("titles", vocab), reverse)
    roles = alternation(_kept("roles", vocab), reverse)
    # a run of initials ("J. R. R.") is taken whole, never split among several names:
    # trying every split backtracks exponentially on a long run ("A. A. A. ..."); read
    # right to left the run is written the other way round, its repeat first
    initials = (rf"(?:\p{{Lu}}\.\s?){_ANY}+\p{{Lu}}\." if reverse
                else rf"\p{{Lu}}\.(?:\s?\p{{Lu}}\.){_ANY}+")
    cap = (rf"(?:{initials}"
           rf"|\p{{Lu}}[\p{{L}}\p{{M}}]*(?:(?:['’](?!s\b)|-)\p{{L}}[\p{{L}}\p{{M}}]*){_ANY})")
    particle = listed(column("name_particles.txt"))  # "van", "bin", "St."
    ws = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"  # white space within one paragraph
    orgs = alternation(_kept("orgs", vocab), reverse=True)  # read right to left: a look-behind
    # a lone "The" or "However" is nobody
    non_names = alternation(_kept("non_names", vocab), reverse)
    joiner = rf"(?:{ws}{particle}{ws}|(?<=\b(?:{orgs}))\s+(?:of|for|on)\s+(?:the\s+)?)"
    name = rf"(?:(?:{titles}){ws}){{0,3}}{cap}(?:(?:{ws}|{joiner}){cap}){{0,6}}"
    # "the", "his", "this", "The", ...: determiners.txt (in its order) and the demonstratives
    det = listed(_kept("det", vocab))
    head = rf"(?:(?i:{roles})s?|\d+-year-old)"
    # words that cannot be the content word of a description; only ever used inside a
    # negative look-ahead, so the alternation's order does not matter
    function_word = rf"(?:{alternation(_kept('function', vocab))})\b"
    plain = rf"(?!{function_word})\p{{Ll}}[\p{{Ll}}\-]*"  # "black", "beard"
    desc_lead = rf"{det}\s+(?:[\p{{L}}\p{{N}}'’\-\.]+\s+){{0,5}}?"
    desc_end = (rf"\b(?:\s+(?:for|of|at|with|from|to)\s+(?:the\s+)?"
                rf"(?:{cap}(?:\s+(?:of\s+)?{cap}){{0,5}}(?:\s+\p{{Ll}}+)?|{plain}(?:\s+{plain})?))?")
    desc = rf"{desc_lead}{head}{desc_end}"
    pron = listed(column("speaker_pronouns.txt"), capitalised=True)
    lead_word = rf"(?:(?:{titles})|{cap}(?:['’]s)?|\p{{Ll}}[\p{{Ll}}\-]*)"
    role_name = (rf"(?:{det}\s+)?(?:{lead_word}\s+){{0,4}}?"
                 rf"(?:(?i:{roles})(?:\s+(?:for|of|at|to)\s+\p{{Ll}}[\p{{L}}\-]*)?,?\s+"
                 rf"|(?=(?:{titles}){ws})){name}")  # "spokesman Josh Earnest"
    anyone = (rf"{det}\s+(?:[\p{{L}}\-'’]+\s+){{0,3}}?(?!{function_word})"
              rf"\p{{Ll}}[\p{{Ll}}\-]*(?:\s+(?!\p{{Ll}}+ly\b){plain}){{0,2}}")  # "a faint voice"
    the_name = rf"(?:the|The)\s+{name}"  # "the Pentagon", "the White House"
    # "plumber Terry Noon", "coastguard officer Beth Lanyon"
    trade_name = rf"(?:(?!{function_word})[\p{{Ll}}\p{{N}}][\p{{Ll}}\p{{N}}/\-]*\s+){{1,2}}{name}"
    # "Florida's Rick Wilson", "Powell's office"
    owned_name = rf"(?:(?:the|The)\s+)?{cap}['’]s\s+(?:{name}|\p{{Ll}}+\b)"
    # before a quotation a generic noun phrase is too often an object ("defended the
    # incident, calling ..."): only cue frames after a quotation take it ("one user wrote")
    # "the burly Moze", "the little Pooh": a name after adjectives (not "a senior Trump aide")
    adj_name_head = rf"{det}\s+(?:{plain}\s+){{1,2}}"
    adj_name = rf"{adj_name_head}{name}(?!\s+(?i:{roles})\b)"
    # named: role_name | owned_name | the_name | desc | name | pron | trade_name | adj_name,
    # tried in that order, but with the name (and its titles) written once: six of the
    # eight end in a name (see _shared_tail)
    the = r"(?:the|The)\s+"
    # role_name and desc, both "words, a role noun, more", written with the (case-blind,
    # costly) role nouns once: alternatives nd0 and nd3 of named share this head
    role_head = (rf"(?(nd0)(?:{det}\s+)?(?:{lead_word}\s+){{0,4}}?|{desc_lead})"
                 rf"(?:(?i:{roles})(?(nd0)(?:\s+(?:for|of|at|to)\s+\p{{Ll}}[\p{{L}}\-]*)?,?\s+|s?)"
                 rf"|(?(nd0)(?=(?:{titles}){ws})|\d+-year-old))(?(nd0)|{desc_end})")
    named = _shared_tail("nd", [
        (role_head, ("",)),  # role_name: "spokesman Josh Earnest"
        (rf"(?:{the})?{cap}['’]s\s+", ("", r"\p{Ll}+\b")),  # owned_name
        (the, ("",)),  # the_name
        (role_head, ()),  # desc: "a senior official", "the 45-year-old"
        ("", ("",)),  # name
        (pron, ()),
        (rf"(?:(?!{function_word})[\p{{Ll}}\p{{N}}][\p{{Ll}}\p{{N}}/\-]*\s+){{1,2}}",
         ("",)),  # trade_name
        (rf"{det}\s+(?:{plain}\s+){{1,2}}",
         ("" if lean else rf"(?!\s+(?i:{roles})\b)",)),  # adj_name (nd7)
    ], name, reverse)
    speaker = rf"(?:{named}|{anyone})"
    obj = _shared_tail("ob", [("", ("",)), (desc, ()), (the, ("",)),
                              ("(?:him|her|them|me|us|you|reporters|journalists)", ())],
                       name, reverse)
    # ", the defence secretary," / " (D-Mo.)" / " of the American Enterprise Institute"
    # (speechverbs.VerbNext tries these three in this order)
    of_head = rf"\s+(?:of|from|at)\s+(?:the\s+)?{cap}"
    of_more = rf"\s+(?:of\s+)?{cap}"
    appos = (rf"(?:,\s+[^\"“”\n]{{1,120}}?,|\s*\([^()\"“”\n]{{1,40}}\)"
             rf"|{of_head}(?:{of_more}){{0,5}})")
    open_appos = r"(?:,\s+(?:the|a|an)\s+[^,\"“”\n]{1,100}?)"  # ", the guru who founded it tweeted"
    adv = r"(?:\p{Ll}+ly\s+)"
    # "said the old man to himself, ...", "said Anne quietly, ...": words after a speaker
    aside_prep = listed(column("speaker_asides.txt", "preposition"))
    aside_obj = listed(column("speaker_asides.txt", "object"))
    aside_word = listed(column("speaker_asides.txt", "adverbial"))
    aside = rf"(?:\s+{aside_prep}\s+{aside_obj}\b|\s+\p{{Ll}}+ly\b|\s+{aside_word}\b)"
    # "also said", "had whispered", "has also said": between a speaker and the verb; in
    # file order ("has" is tried before "has also")
    aux = rf"(?:{listed(column('pre_verb_words.txt'))}\s+)"
    return {k: v for k, v in locals().items() if isinstance(v, str)}
