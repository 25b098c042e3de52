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
REPORTED = ("indirect", "mixed")  # kinds of reported speech, drawn lighter and underlined
KEY_SPEAKERS = 12  # the key shows this many speakers, most quoted first; the rest folded

# Characters XML 1.0 forbids even as references; shown as U+FFFD.
_NOT_XML = regex.compile(r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")

_BOX = ("font-family:Georgia,serif;font-size:15px;line-height:1.9;white-space:pre-wrap;"
        "color:#212529;background:#fff;padding:8px 12px;border:1px solid #ced4da;"
        "border-radius:4px;max-width:60em")
_MARK = "background:{};color:inherit;padding:1px 0;border-radius:3px"
# reported speech: the speaker's colour at half strength, a dashed (indirect) or dotted
# (mixed: it holds a quoted fragment) underline
_REPORTED_MARK = ("background:{}80;color:inherit;padding:1px 0;border-radius:0;"
                  "border-bottom:2px {} #495057")
_LINES = {"indirect": "dashed", "mixed": "dotted"}
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
    ordered = sorted(extraction, key=lambda q: (q.start, -q.end))
    for k, q in enumerate(ordered):
        if q.start < pos or q.end > len(text) or q.start > q.end:
            continue  # never overlap or run past the text, whatever the input
        colour = colours.get(q.speaker or "", UNKNOWN)
        out.append(_escape(text[pos:q.start]))
        out.append(f'<span class="qa-who" style="{_WHO.format(colour)}">'
                   f"{_escape(_who(q))}</span>")
        out.append(f'<mark class="qa-quote" data-kind="{_escape(q.kind)}" '
                   f'style="{_mark_style(q.kind, colour)}" '
                   f'title="{_escape(_title(q))}">{_inside(text, q, ordered[k + 1:], colour)}'
                   "</mark>")
        pos = q.end
    out.append(_escape(text[pos:]))
    out.append("</div>")
    return "".join(out)


def _inside(text: str, q: Quote, later: list[Quote], colour: str) -> str:
    """The words of ``q``; inside a mixed quote, the quoted fragments it holds (the quotes
    of ``later`` lying within it) marked as well, as direct quotes are."""
    if q.kind != "mixed":
        return _escape(text[q.start:q.end])
    out: list[str] = []
    pos = q.start
    for f in later:
        if f.start >= q.end:
            break
        if f.start < pos or f.end > q.end or f.kind in REPORTED:
            continue
        out.append(_escape(text[pos:f.start]))
        out.append(f'<mark class="qa-quote" data-kind="{_escape(f.kind)}" '
                   f'style="{_MARK.format(colour)}" title="{_escape(_title(f))}">'
                   f"{_escape(text[f.start:f.end])}</mark>")
        pos = f.end
    out.append(_escape(text[pos:q.end]))
    return "".join(out)


def _mark_style(kind: str, colour: str) -> str:
    """A quote's highlight: solid for quoted words, lighter and underlined when reported."""
    if kind in REPORTED:
        return _REPORTED_MARK.format(colour, _LINES[kind])
    return _MARK.format(colour)


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
    kinds = {q.kind for q in extraction}
    if not kinds.isdisjoint(REPORTED):  # a sample of each highlight shown
        samples = [f' <span class="qa-kind" style="{_mark_style(k, UNKNOWN)}">'
                   f'{"direct" if k == "speech" else k} '
                   f"{sum(q.kind == k for q in extraction)}</span>"
                   for k in ("speech", *REPORTED) if k in kinds]
        parts.append(" (" + "".join(samples) + " )")
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
    """The label: a kind that is not speech ("scare", "title", ...), else the speaker's
    name, else the mention as written, else "?"; reported speech is speech."""
    if q.kind != "speech" and q.kind not in REPORTED:
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
