"""Golden cases (tests/cases/*.json): one parametrized test over all of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quoteattr

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests" / "cases").glob("*.json"))


def _load() -> list:
    params = []
    for path in CASES:
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            marks = [pytest.mark.xfail(reason=case.get("note", "known failure"), strict=True)] \
                if case.get("expect") == "fail" else []
            params.append(pytest.param(case, id=f"{data['group']}/{case['id']}", marks=marks))
    return params


def _text(case: dict) -> str:
    if "file" in case:
        return (ROOT / case["file"]).read_text(encoding="utf-8")
    return case["text"]


@pytest.mark.parametrize("case", _load())
def test_case(case: dict) -> None:
    text = _text(case)
    got = list(quoteattr.extract(text, **case.get("options", {})))
    assert [q.text for q in got] == [q["text"] for q in case["quotes"]]
    for q, want in zip(got, case["quotes"], strict=True):
        assert text[q.start:q.end] == q.text
        for key in ("speaker", "addressee", "cue", "kind"):
            if key in want:
                assert getattr(q, key) == want[key], (key, q.text)
