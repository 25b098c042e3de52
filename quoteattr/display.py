"""HTML for notebooks: the text with each quote highlighted in its speaker's colour.

The output is well-formed XHTML (it parses as XML), every piece of the document is
escaped, and the styles are inline, so it shows the same in Jupyter, in a browser and
in an HTML export.
"""

from __future__ import annotations

from html import escape

import regex

from .model import Extraction, Quote, Speaker

#: Background colours given to speakers, most quoted first; light enough for black text.
PALETTE = ("#ffd8a8", "#b2f2bb", "#a5d8ff", "#fcc2d7", "#ffec99", "#d0bfff",
           "#99e9f2", "#eebefa", "#c3fae8", "#ffc9c9")
UNKNOWN = "#dee2e6"  # quotes nobody is named for
KEY_SPEAKERS = 12  # the key shows this many speakers, most quoted first; the rest folded

# Characters XML 1.0 forbids even as references; shown as U+FFFD.
_NOT_XML = regex.compile(r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")

_BOX = ("font-family:Georgia,serif;font-size:15px;line-height:1.9;white-space:pre-wrap;"
        "color:#212529;background:#fff;padding:8px 12px;border:1px solid #ced4da;"
        "border-radius:4px;max-width:60em")
_MARK = "background:{};color:inherit;padding:1px 0;border-radius:3px"
_WHO = ("font-family:sans-serif;font-size:11px;font-weight:bold;background:{};"
        "border-radius:3px;padding:0 4px;margin-right:3px;white-space:nowrap")
_KEY = "font-family:sans-serif;font-size:12px;margin-bottom:6px"


def to_html(extraction: Extraction) -> str:
    """The document as HTML, quotes highlighted and labelled with their speakers.

    Each quote is a ``<mark>`` whose ``title`` gives speaker, cue and rule, preceded by
    a label (``class="qa-who"``) with the speaker's name; a key lists the speakers.
    """
    colours = speaker_colours(extraction)
    text = extraction.text
    out = [f'<div class="quoteattr" style="{_BOX}">']
    out.append(_key(extraction, colours))
    pos = 0
    for q in sorted(extraction, key=lambda q: (q.start, q.end)):
        if q.start < pos or q.end > len(text):
            continue  # never overlap or run past the text, whatever the input
        colour = colours.get(q.speaker or "", UNKNOWN)
        out.append(_escape(text[pos:q.start]))
        out.append(f'<span class="qa-who" style="{_WHO.format(colour)}">'
                   f"{_escape(_who(q))}</span>")
        out.append(f'<mark class="qa-quote" style="{_MARK.format(colour)}" '
                   f'title="{_escape(_title(q))}">{_escape(text[q.start:q.end])}</mark>')
        pos = q.end
    out.append(_escape(text[pos:]))
    out.append("</div>")
    return "".join(out)


def speaker_colours(extraction: Extraction) -> dict[str, str]:
    """A colour for each speaker, most quoted first; the palette repeats past ten."""
    return {s.name: PALETTE[k % len(PALETTE)] for k, s in enumerate(_ranked(extraction))}


def _ranked(extraction: Extraction) -> list[Speaker]:
    """The speakers who speak, most quotations first (then first mentioned)."""
    return sorted((s for s in extraction.speakers if s.quotes),
                  key=lambda s: (-s.n_quotes, s.id))


def _key(extraction: Extraction, colours: dict[str, str]) -> str:
    """The key: the number of quotes, then each speaker with their number of quotations,
    the :data:`KEY_SPEAKERS` most quoted shown and the rest folded."""
    n = len(extraction)
    parts = [f'<div class="qa-key" style="{_KEY}">{n} quote{"" if n == 1 else "s"}']
    ranked = _ranked(extraction)
    chips = [f' <span class="qa-speaker" style="{_WHO.format(colours[s.name])}">'
             f"{_escape(s.name)} {s.n_quotes}</span>" for s in ranked]
    parts.extend(chips[:KEY_SPEAKERS])
    if len(chips) > KEY_SPEAKERS:
        rest = len(chips) - KEY_SPEAKERS
        parts.append(f' <details style="display:inline"><summary>{rest} more speaker'
                     f'{"" if rest == 1 else "s"}</summary>{"".join(chips[KEY_SPEAKERS:])}'
                     "</details>")
    return "".join(parts) + "</div>"


def _who(q: Quote) -> str:
    """The label: a non-speech kind ("scare", "title", ...), else the speaker's name, else
    the mention as written, else "?"."""
    if q.kind != "speech":
        return q.kind
    if q.speaker:
        return q.speaker
    return f"({q.mention})" if q.mention else "?"


def _title(q: Quote) -> str:
    parts = [f"speaker: {q.speaker or 'unknown'}"]
    if q.cue:
        parts.append(f"cue: {q.cue}")
    if q.addressee:
        parts.append(f"to: {q.addressee}")
    parts.append(f"kind: {q.kind}")
    if q.rule:
        parts.append(f"rule: {q.rule} ({q.confidence:.2f})")
    return "; ".join(parts)


def _escape(s: str) -> str:
    """Text as XML character data; a carriage return kept as a reference (parsers would
    turn a literal one into a line feed)."""
    return escape(_NOT_XML.sub("\ufffd", s), quote=True).replace("\r", "&#13;")
