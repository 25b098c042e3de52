"""The notebook display: strict XHTML, every character of the text escaped and kept."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr.display import PALETTE, UNKNOWN, to_html

ARTICLE = ('Officials found <script>document.body.setAttribute("data-pwned", "1")</script> '
           'on the page & <b>more</b>.\n\n"We will win," Jane Smith said. '
           '"Mr Jones is right," said Paul Jones. "Who knows?"')


def _tree(html: str) -> ET.Element:
    return ET.fromstring(html)  # strict: any unbalanced tag or bare "<" or "&" fails


def _shown_text(root: ET.Element) -> str:
    """The document text as displayed: everything except the labels and the key."""
    parts: list[str] = []

    def walk(el: ET.Element) -> None:
        if el.get("class") in ("qa-who", "qa-key"):
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(root)
    return "".join(parts)


def test_repr_html_is_strict_and_escaped() -> None:
    result = quoteattr.extract(ARTICLE)
    html = result._repr_html_()
    root = _tree(html)
    assert root.tag == "div"
    assert not root.findall(".//script") and not root.findall(".//b")
    assert "&lt;script&gt;" in html
    assert _shown_text(root) == ARTICLE
    marks = root.findall(".//mark")
    assert [m.text for m in marks] == [q.text for q in result]


def test_colour_and_name_per_speaker() -> None:
    result = quoteattr.extract(ARTICLE)
    root = _tree(to_html(result))
    labels = [el for el in root.iter("span") if el.get("class") == "qa-who"]
    assert [el.text for el in labels] == [q.speaker or "?" for q in result]
    other = quoteattr.extract('He called it a "disaster" on Friday.', kinds="all")
    assert len(other) == 1 and other[0].kind != "speech"
    assert f'">{other[0].kind}</span>' in to_html(other)  # labelled with its kind
    colour = {}
    for label, mark, q in zip(labels, root.iter("mark"), result, strict=True):
        style = mark.get("style") or ""
        assert label.get("style", "").split("background:")[1][:7] in style
        assert (q.speaker or "unknown") in (mark.get("title") or "")
        colour.setdefault(q.speaker, style)
        assert colour[q.speaker] == style
    assert colour["Jane Smith"] != colour["Paul Jones"]
    assert PALETTE[0] in colour["Jane Smith"] or PALETTE[0] in colour["Paul Jones"]
    if None in colour:
        assert UNKNOWN in colour[None]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200) |
       st.lists(st.sampled_from(['"', "“", "”", "'", " said ", "Ann Lee", "<", "&", "\r",
                                 "\n\n", ".", "x", "\x00", "]]>"]), max_size=40).map("".join))
def test_any_text_displays_whole(text: str) -> None:
    root = _tree(to_html(quoteattr.extract(text, kinds="all")))
    cleaned = "".join(c if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd"
                      or c >= "\U00010000" else "\ufffd" for c in text)
    assert _shown_text(root) == cleaned


def _png_pixels(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    pos, idat = 8, b""
    while pos < len(data):
        size = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            idat += data[pos + 8:pos + 8 + size]
        pos += size + 12
    return width, height, zlib.decompress(idat)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_renders_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "quotes.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body>'
                    + quoteattr.extract(ARTICLE)._repr_html_() + "</body></html>",
                    encoding="utf-8")
    shot = tmp_path / "quotes.png"
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1000,800",
                    page.as_uri()], capture_output=True, timeout=180, check=False)
    assert shot.exists(), "chromium wrote no screenshot"
    width, height, pixels = _png_pixels(shot)
    assert (width, height) == (1000, 800)
    assert len(set(pixels)) > 50  # text and highlights, not a blank page
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=180, check=False).stdout
    assert "Jane Smith" in dom
    assert 'data-pwned="1"' not in dom  # the article's script was shown, never run


def test_key_counts_and_folds_past_the_top_speakers() -> None:
    from quoteattr.display import KEY_SPEAKERS

    names = [f"Ann Name{chr(65 + k)}" for k in range(KEY_SPEAKERS + 3)]
    text = " ".join(f'"Line {k}," {n} said.' for k, n in enumerate(names))
    text += ' "Once more," Ann NameA said.'
    html = to_html(quoteattr.extract(text))
    key = ET.fromstring(html).find(".//div[@class='qa-key']")
    assert key is not None
    shown = [el for el in key if el.get("class") == "qa-speaker"]
    assert len(shown) == KEY_SPEAKERS
    assert "".join(shown[0].itertext()) == "Ann NameA 2"  # the most quoted first, counted
    folded = key.find("details")
    assert folded is not None and "3 more speakers" in "".join(folded.itertext())
    assert len(folded.findall("span")) == 3


REPORTED = ("Harbour master Ines Duarte said the dredging was \u201cweeks behind, and we all "
            "know why it is\u201d. Port officials said on Monday that the terminal would open "
            'in spring. "We will win," Jane Smith said.')


def test_reported_speech_is_drawn_apart_from_quoted_words() -> None:
    result = quoteattr.extract(REPORTED, reported=True)
    assert {q.kind for q in result} == {"speech", "indirect", "mixed"}
    root = _tree(to_html(result))
    assert _shown_text(root) == REPORTED
    marks = {m.get("data-kind"): m for m in root.iter("mark")}
    assert set(marks) == {"speech", "indirect", "mixed"}
    direct, indirect, mixed = marks["speech"], marks["indirect"], marks["mixed"]
    assert "dashed" in (indirect.get("style") or "") and "dotted" in (mixed.get("style") or "")
    assert "border-bottom" not in (direct.get("style") or "")
    for kind, mark in marks.items():
        assert f"kind: {kind}" in (mark.get("title") or "")
    # the speaker, not the kind, labels reported speech
    labels = [el.text for el in root.iter("span") if el.get("class") == "qa-who"]
    assert labels == ["Ines Duarte", "Port officials", "Jane Smith"]
    # the mixed quote's quoted fragment keeps its own mark, inside it
    inner = mixed.find("mark")
    assert inner is not None and inner.get("data-kind") == "speech"
    assert inner.text == "weeks behind, and we all know why it is"
    key = root.find(".//div[@class='qa-key']")
    assert key is not None
    samples = ["".join(el.itertext()) for el in key if el.get("class") == "qa-kind"]
    assert samples == ["direct 2", "indirect 1", "mixed 1"]


def test_key_shows_no_kinds_without_reported_speech() -> None:
    root = _tree(to_html(quoteattr.extract(ARTICLE)))
    assert not [el for el in root.iter("span") if el.get("class") == "qa-kind"]
