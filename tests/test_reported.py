"""Reported speech (``extract(text, reported=True)``): what it adds, what it leaves alone,
and its accuracy on polnear's dev half (skipped when ``../shared`` is absent).

The behaviour by phenomenon is in ``tests/cases/reported.json``.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import quoteattr
from quoteattr import Quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "corpora" / "polnear" / "dev.jsonl"
REPORTED = ("indirect", "mixed")

ARTICLE = (
    "Port officials said on Monday that the new terminal would open in the spring. "
    "Harbour master Ines Duarte told reporters the dredging was \u201cweeks behind\u201d. "
    "\u201cWe will catch up,\u201d she said.\n\n"
    "According to the port authority, traffic rose by a tenth last year. Duarte did not "
    "say whether fees would rise. The council believes the cranes are the oldest on the "
    "coast."
)


def test_default_output_unchanged_by_the_option() -> None:
    """reported=True only adds quotes: without its indirect and mixed ones it is the
    default output, quote for quote."""
    plain = quoteattr.extract(ARTICLE)
    both = quoteattr.extract(ARTICLE, reported=True)

    def bare(q: Quote) -> Quote:  # ids number the result's speakers, who may be more
        return replace(q, speaker_id=None, addressee_id=None)

    assert [bare(q) for q in both if q.kind not in REPORTED] == [bare(q) for q in plain]
    names = {r.id: r.name for r in both.speakers}
    assert [names.get(q.speaker_id) for q in both if q.kind not in REPORTED] == [
        {r.id: r.name for r in plain.speakers}.get(q.speaker_id) for q in plain]
    assert len(both) > len(plain)


def test_reported_quotes_are_plain_records() -> None:
    result = quoteattr.extract(ARTICLE, reported=True)
    kinds = {q.kind for q in result}
    assert {"indirect", "mixed"} <= kinds
    for q in result:
        assert ARTICLE[q.start:q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
        if q.kind in REPORTED:
            assert q.rule and q.cue and q.evidence
    assert pickle.loads(pickle.dumps(result)) == result
    json.dumps(result.to_dict())
    starts = [q.start for q in result]
    assert starts == sorted(starts)


def test_negated_and_refused_speech_is_not_reported() -> None:
    texts = [q.text for q in quoteattr.extract(ARTICLE, reported=True)]
    assert not any("fees would rise" in t for t in texts)


def test_belief_is_kept_apart_by_its_rule() -> None:
    result = quoteattr.extract(ARTICLE, reported=True)
    belief = [q for q in result if q.cue == "believes"]
    assert [q.rule for q in belief] == ["belief_clause"]
    assert belief[0].text == "the cranes are the oldest on the coast"
    assert belief[0].speaker == "The council"


def test_belief_is_not_read_inverted() -> None:
    """``..., the council believes.``: in news mostly no attribution (polnear dev: 2 of 29
    right), unlike ``..., the council said.``"""
    text = "The bridge is the oldest in the county, the council {}."
    assert [q.rule for q in quoteattr.extract(text.format("said"), reported=True)] == [
        "reported_inverted"]
    assert list(quoteattr.extract(text.format("believes"), reported=True)) == []


def test_text_without_quotation_marks() -> None:
    text = "The mayor said the budget was balanced."
    assert list(quoteattr.extract(text)) == []
    [q] = quoteattr.extract(text, reported=True)
    assert (q.kind, q.text, q.speaker) == ("indirect", "the budget was balanced", "The mayor")


def test_cli_flag() -> None:
    from quoteattr.cli import main

    out = subprocess.run([sys.executable, "-m", "quoteattr", "--reported", "--format", "jsonl"],
                         input="The mayor said the budget was balanced.\n", text=True,
                         capture_output=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["kind"], r["text"]) for r in rows] == [("indirect", "the budget was balanced")]
    assert main is not None


# Floors on polnear dev, all kinds (score.py without --kinds), indirect alone and direct
# alone, at the level reached (docs/reported.md: 0.744, 0.685, 0.494; direct 0.796 and
# 0.788, not below the direct figures before reported speech, 0.795 and 0.783), above
# issue 17's floors for all kinds (0.70, 0.62); its floor for indirect quotes (0.55) is
# not met yet: a strict expected failure.
REACHED = {"all_extraction": 0.74, "all_e2e": 0.68, "indirect_e2e": 0.49,
           "direct_extraction": 0.795, "direct_e2e": 0.783}
ISSUE = {"indirect_e2e": 0.55}


@pytest.fixture(scope="module")
def polnear_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    if not POLNEAR.exists() or not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared (polnear and the scorer) is not beside the repository")
    pred = tmp_path_factory.mktemp("reported") / "polnear.jsonl"
    with POLNEAR.open(encoding="utf-8") as f, pred.open("w", encoding="utf-8") as out:
        for line in f:
            doc = json.loads(line)
            quotes = [{"start": q.start, "end": q.end, "speaker": q.speaker,
                       "speaker_span": list(q.speaker_span) if q.speaker_span else None}
                      for q in quoteattr.extract(doc["text"], reported=True)]
            out.write(json.dumps({"id": doc["id"], "quotes": quotes}) + "\n")
    scores: dict[str, float] = {}
    for name, kinds in (("all", ""), ("indirect", "indirect"), ("direct", "direct")):
        args = [sys.executable, str(SHARED / "eval" / "score.py"), str(POLNEAR), str(pred),
                "--json"] + (["--kinds", kinds] if kinds else [])
        res = json.loads(subprocess.run(args, capture_output=True, text=True,
                                        check=True).stdout)
        scores[f"{name}_extraction"] = res["extraction_overlap_prf"][2]
        scores[f"{name}_e2e"] = res["e2e_prf"][2]
    return scores


@pytest.mark.corpus
@pytest.mark.parametrize("figure", sorted(REACHED))
def test_polnear_reported_floor(polnear_scores: dict[str, float], figure: str) -> None:
    assert polnear_scores[figure] >= REACHED[figure], (figure, polnear_scores[figure])


@pytest.mark.corpus
@pytest.mark.xfail(strict=True, reason="issue 17 floor not met yet (see docs/reported.md)")
@pytest.mark.parametrize("figure", sorted(ISSUE))
def test_polnear_issue_floor(polnear_scores: dict[str, float], figure: str) -> None:
    assert polnear_scores[figure] >= ISSUE[figure], (figure, polnear_scores[figure])
