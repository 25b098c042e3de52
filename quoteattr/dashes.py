"""Dialogue set off by dashes instead of quotation marks (``--What is your name?``).

Some novels (Joyce's, and many translations) open each line of dialogue with a dash at
the start of its paragraph; the line runs to the paragraph's end, or to a closing dash.
A text is read this way only when several of its paragraphs open so, more than it
has quotations in marks, and one of the lines asks or exclaims; a paragraph with
quotation marks keeps them.
"""

from __future__ import annotations

import regex

from .marks import Span

DASH_LINES = 3  # paragraphs opening with a dash before a text's dashes are read as dialogue
_OPENING = regex.compile(r"[^\S\n]*(?P<mark>--|—|―)[^\S\n]*(?=[\p{L}\p{N}'‘’\"“])")
_TALK = regex.compile(r"[?!]")
_DASHES = ("--", "—", "―")


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
        out.append(Span(m.end(), end, m.start("mark"), pe, m.group("mark"), k,
                        m.start("mark"), closed=True))
    return out
