#!/usr/bin/env python3
"""Fit the strengths of the dialogue evidence, ``quoteattr/data/evidence_strengths.txt``.

Usage, from the repository root with quoteattr importable::

    python tools/fit_strengths.py              # score the table's strengths per novel
    python tools/fit_strengths.py --fit        # also fit them (coordinate search), print
    python tools/fit_strengths.py --fit --loo  # ... and leave each novel out in turn
    python tools/fit_strengths.py --loo-e2e    # pdnc e2e F1 per novel: hand-set table,
                                               # in-sample fit, fit with the novel left out
    python tools/fit_strengths.py --fit --write  # write the fitted table

The fiction corpora (``../shared/corpora/{quoteli3,litbank,pdnc}/dev.jsonl``) are run
through :func:`quoteattr.extract`; the conversations the dialogue pass hands to the
decoder (:func:`quoteattr.fiction._decided`) are recorded, and each line no name tag
fixes is labelled with its gold speaker (the scorer's own name matching,
``../shared/eval/score.py``). A strength table is scored by the share of those lines
whose decoded speaker is right. The fit changes one strength at a time by a few steps
and keeps a change that raises the score, for a few rounds. ``--loo`` fits with each
novel left out and scores the novel left out: the gap to the in-sample figure measures
fitting to particular books. Standard library only (and quoteattr).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import quoteattr  # noqa: E402
from quoteattr import fiction  # noqa: E402
from quoteattr.decode import decode, runs  # noqa: E402
from quoteattr.evidence import strengths  # noqa: E402

E2E_CORPUS = "pdnc"  # the corpus whose novels --loo-e2e leaves out one by one

CORPORA = ("quoteli3", "litbank", "pdnc")
STEPS = (-1.0, -0.5, 0.5, 1.0)  # the changes tried to one strength in a round
ROUNDS = 2
GOLDEN_COST = 0.01  # a golden-case line lost costs as much as 1% of a novel's lines
TABLE = ROOT / "quoteattr" / "data" / "evidence_strengths.txt"


class Conversation:
    """One run of dialogue lines and, for each line, which candidates are right."""

    __slots__ = ("novel", "right", "run")

    def __init__(self, novel: str, run: list, right: list[dict | None]) -> None:
        self.novel, self.run, self.right = novel, run, right


def collect(shared: Path) -> list[Conversation]:
    """Run quoteattr over the fiction corpora and record the labelled conversations."""
    sys.path.insert(0, str(shared / "eval"))
    from score import alias_table, load_jsonl, match, speaker_right

    seen: list = []
    real = fiction._decided

    def record(steps):  # the decoder's input, kept for scoring
        seen.extend(runs(steps))
        return real(steps)

    fiction._decided = record  # type: ignore[assignment]
    decoding, fiction.DECODE = fiction.DECODE, True
    out: list[Conversation] = []
    try:
        for case in (c for c in golden() if "text" in c and "quotes" in c):
            seen.clear()
            want = {q.get("text"): q.get("speaker") or "" for q in case["quotes"]}
            by_para = {q.paragraph: want.get(q.text, "") for q in quoteattr.extract(case["text"])}
            for run in seen:
                names = {}
                for step in run:
                    name = by_para.get(step.paragraph, "")
                    names[step.paragraph] = name if step.fixed is None else ""
                if len(run) > 1:
                    cands = {ev.candidate for step in run for ev in step.evidence}
                    cands |= {step.fixed for step in run if step.fixed is not None}
                    out.append(Conversation("golden", run, [
                        {c: c.name == names[step.paragraph] for c in cands}
                        if names[step.paragraph] else None for step in run]))
        for corpus in CORPORA:
            for doc in load_jsonl(str(shared / "corpora" / corpus / "dev.jsonl")):
                seen.clear()
                pred = list(quoteattr.extract(doc["text"]))
                novel = doc["id"].split(":")[1] if corpus != "litbank" else "litbank"
                chars = alias_table(doc)
                rows = [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in pred]
                gold_of: dict[int, dict] = {}  # paragraph -> a gold quote in it
                for gi, pi, _exact in match(doc["quotes"], rows, doc["text"]):
                    gold_of.setdefault(pred[pi].paragraph, doc["quotes"][gi])
                for run in seen:
                    if len(run) < 2:
                        continue
                    right: list[dict | None] = []
                    cands = {ev.candidate for step in run for ev in step.evidence}
                    cands |= {step.fixed for step in run if step.fixed is not None}
                    for step in run:
                        gold = gold_of.get(step.paragraph)
                        if step.fixed is not None or gold is None or not gold.get("speaker"):
                            right.append(None)
                            continue
                        right.append({c: bool(c.name) and speaker_right(
                            {"speaker": c.name}, gold, chars) for c in cands})
                    out.append(Conversation(novel, run, right))
    finally:
        fiction._decided = real  # type: ignore[assignment]
        fiction.DECODE = decoding
    return out


def golden() -> list[dict]:
    """The golden cases (tests/cases/*.json): their lines must stay right."""
    out = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.json")):
        out += json.loads(path.read_text(encoding="utf-8"))["cases"]
    return out


def objective(convs: list[Conversation], weights: dict[str, float]) -> float:
    """The mean share of right lines over the novels (each novel counts the same), less
    ``GOLDEN_COST`` for each golden-case line decoded wrong."""
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for conv in convs:
        good, total = accuracy([conv], weights)
        groups[conv.novel][0] += good
        groups[conv.novel][1] += total
    lost = groups.pop("golden", [0, 0])
    novels = [g / t for g, t in groups.values() if t]
    return sum(novels) / max(1, len(novels)) - GOLDEN_COST * (lost[1] - lost[0])


def accuracy(convs: list[Conversation], weights: dict[str, float]) -> tuple[int, int]:
    """Right and scored lines of ``convs`` decoded under ``weights``."""
    good = total = 0
    for conv in convs:
        if not any(r is not None for r in conv.right):
            continue
        for choice, right in zip(decode(conv.run, fiction._gender_of, weights), conv.right,
                                 strict=True):
            if right is None:
                continue
            total += 1
            good += bool(choice.speaker is not None and right.get(choice.speaker, False))
    return good, total


def fit(convs: list[Conversation], start: dict[str, float]) -> dict[str, float]:
    """Coordinate search from ``start``: one strength changed at a time, kept if better."""
    best = dict(start)
    score = objective(convs, best)
    for _ in range(ROUNDS):
        improved = False
        for key in sorted(best):
            for step in STEPS:
                trial = dict(best, **{key: best[key] + step})
                got = objective(convs, trial)
                if got > score:
                    best, score, improved = trial, got, True
        if not improved:
            break
    return best


def share(good_total: tuple[int, int]) -> float:
    good, total = good_total
    return good / total if total else 0.0


def e2e(shared: Path, docs: list[dict], weights: dict[str, float]) -> float:
    """End-to-end F1 of ``docs`` extracted with the decoder's table set to ``weights``
    (the scorer ../shared/eval/score.py, run on files in a temporary directory)."""
    live = strengths()  # the library's cached table: swapped in place, then restored
    saved = dict(live)
    live.clear()
    live.update(weights)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            gold, pred = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
            with gold.open("w", encoding="utf-8") as g, pred.open("w", encoding="utf-8") as p:
                for doc in docs:
                    g.write(json.dumps(doc) + "\n")
                    quotes = [{"start": q.start, "end": q.end, "speaker": q.speaker,
                               "speaker_span": list(q.speaker_span) if q.speaker_span else None}
                              for q in quoteattr.extract(doc["text"])]
                    p.write(json.dumps({"id": doc["id"], "quotes": quotes}) + "\n")
            out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"),
                                  str(gold), str(pred)], capture_output=True, text=True,
                                 check=True).stdout
    finally:
        live.clear()
        live.update(saved)
    row = next(ln for ln in out.splitlines() if ln.startswith("e2e_prf"))
    return float(row.rsplit(",", 1)[1].strip(" )"))


def loo_e2e(shared: Path, convs: list[Conversation], table: dict[str, float]) -> None:
    """Print, for each novel of ``E2E_CORPUS``, its e2e F1 under the hand-set table, the
    table fitted on every novel, and the table fitted with that novel left out."""
    sys.path.insert(0, str(shared / "eval"))
    from score import load_jsonl

    docs: dict[str, list[dict]] = defaultdict(list)
    for doc in load_jsonl(str(shared / "corpora" / E2E_CORPUS / "dev.jsonl")):
        docs[doc["id"].split(":")[1]].append(doc)
    everything = fit(convs, table)
    rows = []
    print(f"{'novel':28s} {'quotes':>6s} {'hand-set':>8s} {'in-sample':>9s} {'left out':>8s}")
    for novel, group in sorted(docs.items()):
        left_out = fit([c for c in convs if c.novel != novel], table)
        n = sum(len(d["quotes"]) for d in group)
        row = (n, e2e(shared, group, table), e2e(shared, group, everything),
               e2e(shared, group, left_out))
        rows.append(row)
        print(f"{novel:28s} {n:6d} {row[1]:8.4f} {row[2]:9.4f} {row[3]:8.4f}", flush=True)
    total = sum(r[0] for r in rows)
    means = [sum(r[0] * r[k] for r in rows) / total for k in (1, 2, 3)]
    print(f"{'mean (weighted by quotes)':28s} {total:6d} {means[0]:8.4f} {means[1]:9.4f}"
          f" {means[2]:8.4f}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--loo", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--loo-e2e", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    convs = collect(args.shared)
    t1 = time.perf_counter()
    if args.loo_e2e:
        loo_e2e(args.shared, convs, dict(strengths()))
        return 0
    base = objective(convs, dict(strengths()))
    print(f"collected {len(convs)} conversations in {t1 - t0:.0f} s; objective {base:.4f}"
          f" ({time.perf_counter() - t1:.1f} s)", flush=True)
    table = dict(strengths())
    by_novel: dict[str, list[Conversation]] = defaultdict(list)
    for conv in convs:
        by_novel[conv.novel].append(conv)
    weights = fit(convs, table) if args.fit else table
    print(f"all lines: table {share(accuracy(convs, table)):.3f}"
          + (f"  fitted {share(accuracy(convs, weights)):.3f}" if args.fit else ""))
    for novel, group in sorted(by_novel.items()):
        line = f"  {novel:28s} table {share(accuracy(group, table)):.3f}"
        if args.fit:
            line += f"  fitted {share(accuracy(group, weights)):.3f}"
        if args.fit and args.loo:
            rest = [c for c in convs if c.novel != novel]
            line += f"  left out {share(accuracy(group, fit(rest, table))):.3f}"
        print(line + f"  n={accuracy(group, table)[1]}")
    if args.fit:
        for key in sorted(weights):
            if weights[key] != table[key]:
                print(f"  {key}: {table[key]} -> {weights[key]}")
    if args.write:
        head = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines()
                if ln.startswith("#")][:4]
        rows = [f"{k}\t{v:g}" for k, v in weights.items()]
        TABLE.write_text("\n".join([*head, *rows]) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
