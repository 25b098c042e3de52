"""Dialogue set off by dashes instead of quotation marks (``--What is your name?``).

Some novels (Joyce's, and many translations) open each line of dialogue with a dash at
the start of its paragraph; the line runs to the paragraph's end, or to a closing dash.
A text is read this way only when several of its paragraphs open so, more than it
has quotations in marks, and one of the lines asks or exclaims; a paragraph with
quotation marks keeps them.

An inline tag splits a line in two pieces around it, as marks would: ``--Go on, said
Stephen, go on.`` is ``Go on,`` and ``go on.``, and the tag is not quoted. A clause is a
tag only when a speech verb stands next to its speaker (a name, a pronoun of
data/dash_tags.txt, or a description opened by a determiner), with at most a few words
after them (``said I to myself``); ``--Yes, sadly, he left.`` stays one piece.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import load, read_rows
from .marks import Span

DASH_LINES = 3  # paragraphs opening with a dash before a text's dashes are read as dialogue
_OPENING = regex.compile(r"[^\S\n]*(?P<mark>--|—|―)[^\S\n]*(?=[\p{L}\p{N}'‘’\"“])")
_TALK = regex.compile(r"[?!]")
_DASHES = ("--", "—", "―")
# where a tag may start: after a comma, or a question or exclamation mark
_BEFORE_TAG = regex.compile(r"(?<=\p{L}[’'\"”]?)(?P<sep>[,?!])[^\S\n]+(?=\p{L})")
_CLAUSE_END = regex.compile(r"[,;:!?—–]|\.(?!\p{L})|--")
_TITLED = regex.compile(r"\p{L}+\.\Z")
_WORD = regex.compile(r"\p{L}[\p{L}'’\-]*\.?")
_TO = frozenset({"to", "with", "at"})  # "said I to myself": before the one spoken to
TAG_WORDS = 7  # words of an inline tag at most ("said the old man to himself")
EXTRA_WORDS = 3  # words after a tag's verb and speaker ("said I to myself")


def dash_spans(text: str, paragraphs: list[tuple[int, int]], marked: list[Span],
               skip: frozenset[int] = frozenset()) -> list[Span]:
    """The dash-opened lines of dialogue, one span per paragraph (``marked``: the spans
    of the text's quotation marks; ``skip``: ads and captions). A text whose marks
    quote more than its dashes open is not told this way (a list set off by dashes)."""
    taken = {s.paragraph for s in marked}
    lines = []
    for k, (ps, pe) in enumerate(paragraphs):
        if k in skip or k in taken:
            continue
        m = _OPENING.match(text, ps, pe)
        if m is not None:
            lines.append((k, m))
    if len(lines) < DASH_LINES or len(lines) <= len(marked) or not any(
            _TALK.search(text, m.end(), paragraphs[k][1]) for k, m in lines):
        return []  # a list set off by dashes: nobody asks or exclaims
    out = []
    for k, m in lines:
        ps, pe = paragraphs[k]
        end = m.end() + len(text[m.end():pe].rstrip())
        dash = next((d for d in _DASHES if text.endswith(d, m.end(), end)), "")
        end -= len(dash)  # "--O, if not, the eagles will come.--"
        tag = _inline_tag(text, m.end(), end)
        if tag is None:
            out.append(Span(m.end(), end, m.start("mark"), pe, m.group("mark"), k,
                            m.start("mark"), closed=True))
            continue
        first_end, rest = tag
        out.append(Span(m.end(), first_end, m.start("mark"), first_end, m.group("mark"), k,
                        m.start("mark"), closed=True))
        if rest < end:  # "--Go on, said Stephen, go on.": the line goes on after its tag
            out.append(Span(rest, end, rest, pe, m.group("mark"), k, rest, closed=True))
    return out


def _inline_tag(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first inline tag of the dash line ``text[start:end]``: where its first piece
    ends (past the comma or question mark before the tag) and where its second piece
    starts (``end`` when the tag closes the line); None for a line without one."""
    for sep in _BEFORE_TAG.finditer(text, start, end):
        at = sep.end()
        stop = _clause_end(text, at, end)
        words = [w.group() for w in _WORD.finditer(text, at, stop)]
        if not words or len(words) > TAG_WORDS:
            continue
        if not _is_tag(words):  # "--Where? He asked me to stay.": a sentence, no tag
            continue
        rest = stop
        while rest < end and not text[rest].isalnum() and text[rest] not in "'‘\"“":
            rest += 1
        return sep.end("sep"), rest
    return None


def _clause_end(text: str, at: int, end: int) -> int:
    """Where the clause from ``at`` ends: at a comma, a stop that is no title's (``Mr.``)
    or the end of the line."""
    titles = load().titles
    for m in _CLAUSE_END.finditer(text, at, end):
        titled = _TITLED.search(text, at, m.end()) if m.group() == "." else None
        if titled is not None and titled.group() in titles:
            continue  # "said Mr. Dedalus"
        return m.start()
    return end


def _is_tag(words: list[str]) -> bool:
    """Whether ``words`` are a dialogue tag: ``said Stephen``, ``Stephen said``, ``said
    the old man``, ``he asked again``, ``said I to myself``."""
    verbs = load().verb_lemma
    subjects, after, objects = _tag_words()
    low = [w.lower().rstrip(".") for w in words]

    def verb(i: int) -> bool:  # "said", "asks": a tag's tense, not "say" nor "saying"
        lemma = verbs.get(low[i]) if i < len(low) else None
        return lemma is not None and low[i] != lemma and not low[i].endswith("ing")

    def speaker(i: int) -> int:  # how many words from i name a speaker (0: none)
        if i >= len(words):
            return 0
        if low[i] in subjects:
            return 1 if words[i] == low[i] or low[i] == "i" else 0
        if low[i] in load().determiners and low[i] not in ("one", "another"):
            n = 1
            while i + n < len(words) and n < 4 and not verb(i + n) \
                    and low[i + n] not in after:
                n += 1
            return n if n > 1 else 0
        n = 0
        while i + n < len(words) and words[i + n][0].isupper() and n < 3:
            n += 1
        return n

    def extras(i: int) -> bool:  # "again", "to Cranly", "softly": words after a tag
        if len(words) - i > EXTRA_WORDS:
            return False
        for k in range(i, len(words)):
            spoken_to = low[k - 1] in _TO and (low[k] in objects or words[k][0].isupper())
            if not (spoken_to or low[k] in after or low[k].endswith("ly")):
                return False
        return True

    if verb(0):  # "said Stephen", "asked the old man"
        n = speaker(1)
        return n > 0 and extras(1 + n)
    n = speaker(0)  # "Stephen said", "he asked again"
    return n > 0 and verb(n) and extras(n + 1)


@lru_cache(maxsize=1)
def _tag_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    rows = read_rows("dash_tags.txt")
    return tuple(frozenset(r[0] for r in rows if r[1] == slot)  # type: ignore[return-value]
                 for slot in ("subject", "after", "object"))
