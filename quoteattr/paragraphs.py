"""Paragraph spans: text separated by blank lines (or by line ends when it has none)."""

from __future__ import annotations

import regex

_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n\s*")
_LINE_END = regex.compile(r"\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, leading and trailing white space excluded.

    Paragraphs are separated by a blank line, so hard-wrapped text (single newlines
    inside a paragraph) keeps its paragraphs whole. A text with no blank line at all
    but several lines is taken to put one paragraph on each line.
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_END
    spans = []
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
