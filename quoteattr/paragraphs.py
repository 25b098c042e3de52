"""Paragraph spans: text separated by blank lines (or by line ends when it has none)."""

from __future__ import annotations

import regex

_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n\s*")
_LINE_END = regex.compile(r"\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, leading and trailing white space excluded.

    Paragraphs are separated by a blank line, so hard-wrapped text (single newlines
    inside a paragraph) keeps its paragraphs whole. A text with no blank line at all
    puts one paragraph on each line, unless most of its lines break mid-sentence (a
    hard-wrapped single paragraph; decided from its first ``WRAP_SAMPLE`` lines).
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) or _wrapped(text) else _LINE_END
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in sep.finditer(text):
        _add(text, pos, m.start(), spans)
        pos = m.end()
    _add(text, pos, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# a line end after a character that ends no sentence (.!?:…), closing marks aside: the
# last one or two characters of the line before trailing blanks, as in "word\n", "x)\n"
_MID_SENTENCE_END = regex.compile(r"[^\s\"”’')\].!?:…][\"”’')\]]?[^\S\n]*\n")


WRAP_SAMPLE = 1_000  # lines: how a text without blank lines is cut is decided from its first


def _wrapped(text: str) -> bool:
    """Do at least half the lines of a text without blank lines end mid-sentence? Only
    the first ``WRAP_SAMPLE`` lines are counted, so text appended after them never
    changes how the text before is cut (nor which quotations it holds)."""
    end = -1
    for _ in range(WRAP_SAMPLE):
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    sample = text[:end + 1]
    # one scan without timeout: it takes time in proportion to the text (the pattern
    # cannot backtrack), and a fixed limit raised TimeoutError on ~10 MB of short lines
    lines = sample.count("\n")
    return lines > 0 and len(_MID_SENTENCE_END.findall(sample)) * 2 >= lines
