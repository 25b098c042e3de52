"""The code in README.md and docs/*.md runs, and the docs describe the code as it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quoteattr.attribute import SIEVES

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```", re.S | re.M)
NEEDS = {"pandas": "pandas", "dask": "dask.dataframe"}


def _blocks(info: str) -> list:
    params = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            if m.group(1).strip() == info:
                line = text.count("\n", 0, m.start()) + 1
                params.append(pytest.param(m.group(2), id=f"{page.name}:{line}"))
    return params


def test_pages_have_examples() -> None:
    assert {p.name for p in PAGES} >= {"README.md", "getting-started.md", "api.md",
                                      "rules.md", "evaluation.md", "performance.md",
                                      "architecture.md", "limits.md"}
    assert len(_blocks("python")) >= 10


@pytest.mark.parametrize("code", _blocks("python"))
def test_python_block_runs(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for word, module in NEEDS.items():
        if re.search(rf"^\s*import {word}\b|^\s*from {word}\b", code, re.M):
            pytest.importorskip(module)
    monkeypatch.chdir(ROOT)
    exec(compile(code, "<doc>", "exec"), {"__name__": "__doc_example__"})


@pytest.mark.parametrize("code", _blocks("python no-run"))
def test_no_run_block_compiles(code: str) -> None:
    compile(code, "<doc>", "exec")


@pytest.mark.parametrize("code", _blocks("json"))
def test_json_block_parses(code: str) -> None:
    doc = json.loads(code)
    for q in doc.get("quotes", []):
        assert doc["text"][q["start"]:q["end"]].strip()


def test_rules_page_lists_the_sieves_in_order() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    table = page.split("## The sieves, in order", 1)[1].split("Then, for speech", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", table, re.M)
    assert listed == [s.__name__ for s in SIEVES]


def test_architecture_page_names_every_module() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = sorted(p.name for p in (ROOT / "quoteattr").glob("*.py"))
    named = set(re.findall(r"(?<![/\w])(\w+\.py)\b", page))  # not tools/fit_weights.py
    assert [m for m in modules if m not in named] == []
    # and names none that is gone
    assert sorted(n for n in named if not (ROOT / "quoteattr" / n).exists()) == []
