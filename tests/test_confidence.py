"""``confidence``: read from the fitted table (data/confidence.tsv), an honest probability.

The calibration test runs the library over the dev corpora in ``../shared`` and scores
them with ``../shared/eval/calibration.py`` (skipped when absent).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr.attribute import SIEVES
from quoteattr.confidence import FICTION, FIELDS, NEWS, keys, probability, table
from quoteattr.pipeline import decide

PACKAGE = Path(quoteattr.__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
KINDS = {"polnear": ["direct"]}  # as ../shared/eval/devfigures.py scores them
FLOOR = 0.04  # issue 14: expected calibration error on each dev corpus
# where a module names the rule that decides: Frame("cue_after", ...), rule="...",
# or a (speaker, "action_beat", 0.7) answer
_RULE_LITERALS = (r'Frame\(\s*"(\w+)"', r'\brule="(\w+)"', r'"(\w+)", 0\.\d+\b')


def _rules_in_code() -> set[str]:
    names = {s.__name__ for s in SIEVES}
    for path in PACKAGE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern in _RULE_LITERALS:
            names.update(re.findall(pattern, source))
    return names


def test_table_loads_with_probabilities() -> None:
    rows = table()
    assert () in rows  # the root every key backs off to
    assert (NEWS,) in rows and (FICTION,) in rows
    assert all(0.0 <= p <= 1.0 for p in rows.values())
    assert all(len(k) <= len(FIELDS) for k in rows)


def test_every_rule_has_a_row() -> None:
    rules = _rules_in_code()
    assert {"cue_after", "continuation", "turn_taking", "action_beat"} <= rules
    rows = table()
    missing = sorted(r for r in rules
                     if not any(k[2:3] == (r,) for k in rows if k[1:2] == ("someone",)))
    assert not missing, f"rules with no row in data/confidence.tsv (rerun " \
                        f"tools/fit_weights.py): {missing}"


def test_unknown_key_backs_off() -> None:
    rows = table()
    assert probability((NEWS, "someone", "no_such_rule", "name")) == rows[(NEWS, "someone")]
    assert probability(("no_such_strategy",)) == rows[()]


def test_confidence_is_a_probability_and_ranks() -> None:
    text = ('"We will win," said Ann Lee. The crowd cheered.\n\n'
            'Later the mood changed. "It was never going to work."\n\n'
            'Bob Hart told reporters: "Not yet."')
    result = quoteattr.extract(text)
    assert len(result) == 3
    assert all(isinstance(q.confidence, float) and 0.0 <= q.confidence <= 1.0 for q in result)
    tagged, loose = result[0], result[1]
    assert tagged.speaker == "Ann Lee" and loose.speaker is None
    assert tagged.confidence > 0.8 > 0.2 > loose.confidence


def test_nobody_gets_the_nobody_row() -> None:
    text = 'The rain came early that year. "Nothing works here," the sign seemed to say.'
    quotes, strategy = decide(text)
    [q] = quotes
    assert q.speaker is None
    [key] = keys(text, quotes, strategy)
    assert key[:2] == (strategy, "nobody")
    rated = quoteattr.extract(text)[0]
    assert rated.confidence == probability(key) < 0.2


def test_decisions_unchanged_by_rating() -> None:
    text = ('"Come in," said Elizabeth.\n\n"Thank you," he replied.\n\n'
            '"Sit down, Mr. Darcy."\n\n"I would rather stand."')
    quotes, _ = decide(text)
    rated = quoteattr.extract(text)
    assert [(q.speaker, q.rule, q.start) for q in quotes] == \
        [(q.speaker, q.rule, q.start) for q in rated]


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "eval" / "calibration.py").exists(),
                    reason="../shared (corpora and scorer) is not beside the repository")
@pytest.mark.parametrize("corpus", ["polnear", "quoteli3", "litbank", "pdnc"])
def test_calibration_error_on_dev(corpus: str) -> None:
    gold_path = SHARED / "corpora" / corpus / "dev.jsonl"
    if not gold_path.exists():
        pytest.skip(f"no {corpus} dev corpus")
    sys.path.insert(0, str(SHARED / "eval"))
    try:
        from calibration import calibration
    finally:
        sys.path.remove(str(SHARED / "eval"))
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    pred = {}
    for doc in gold:
        qs = [{"start": q.start, "end": q.end, "speaker": q.speaker,
               "speaker_span": list(q.speaker_span) if q.speaker_span else None,
               "confidence": q.confidence} for q in quoteattr.extract(doc["text"])]
        pred[doc["id"]] = {"id": doc["id"], "quotes": qs}
    res = calibration(gold, pred, KINDS.get(corpus))
    assert res["found_with_gold_speaker"] > 100
    assert res["ece"] <= FLOOR, f"{corpus}: ECE {res['ece']} (rerun tools/fit_weights.py)"
    # the most confident half is more often right than the whole: confidence ranks
    assert res["right_in_top_half"] > res["right_overall"]
