#!/usr/bin/env python3
"""Fit the confidence table, ``quoteattr/data/confidence.tsv``, on the annotated corpora.

Usage, from the repository root with quoteattr importable::

    python tools/fit_weights.py                 # fit, print figures, write the table
    python tools/fit_weights.py --dry-run       # fit and print figures only
    python tools/fit_weights.py --loo           # also leave one novel (or source) out

Each development corpus (``../shared/corpora/*/dev.jsonl``) is run through
:func:`quoteattr.pipeline.decide`; each found quotation whose gold has a speaker is
labelled right or wrong by the scorer's own rules (``../shared/eval/score.py``, as
``calibration.py`` does); every quotation gets its evidence key
(:func:`quoteattr.confidence.keys`). Then, for each prefix of a key, from the coarsest
(the strategy) to the full key, the table holds the share of right speakers, smoothed
towards its parent's share by a beta prior worth ``--prior`` quotes; a prefix seen in
fewer than ``--min`` quotes gets no row (it backs off to its parent), except the rule
level, which every rule seen gets. Corpora are weighted by their size to the power
``-alpha``, so the smaller ones are not drowned by the largest.

``--loo`` refits with each group left out (a novel: the corpus's ``work``; a news
source: ``publisher``; else the document) and scores the calibration error of the left-out
quotes with the table fitted without them: the gap to the in-sample figure measures
fitting to particular books.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quoteattr.confidence import ANY, FIELDS, Key, keys, probability  # noqa: E402
from quoteattr.pipeline import decide  # noqa: E402
from quoteattr.reported import RULES as REPORTED_RULES  # noqa: E402

CORPORA = ("polnear", "quoteli3", "litbank", "pdnc")
KINDS = {"polnear": ["direct"]}  # the gold kinds scored, as ../shared/eval/devfigures.py
# reported speech (extract(text, reported=True)) is fitted on these, against every gold
# kind; only the rows of the reported rules are taken from that fit
REPORTED = ("polnear",)
RULE_LEVEL = FIELDS.index("rule") + 1


class Item:
    """One found quotation: its corpus, group, key, label, and where it sits."""

    __slots__ = ("corpus", "doc", "group", "index", "key", "right")

    def __init__(self, corpus: str, group: str, key: Key, right: bool, doc: str,
                 index: int) -> None:
        self.corpus, self.group, self.key, self.right = corpus, group, key, right
        self.doc, self.index = doc, index


def collect(shared: Path, names: list[str], reported: bool = False
            ) -> tuple[list[Item], dict[str, tuple]]:
    """Run quoteattr over each corpus; the labelled items, and per corpus the gold
    documents and predictions (without confidence) for the calibration figures. With
    ``reported``: reported speech too, scored against every gold kind, and only the
    quotes of the reported rules are items."""
    sys.path.insert(0, str(shared / "eval"))
    from score import alias_table, load_jsonl, match, speaker_right

    items: list[Item] = []
    runs: dict[str, tuple] = {}
    for name in names:
        gold = load_jsonl(str(shared / "corpora" / name / "dev.jsonl"))
        kinds = None if reported else KINDS.get(name)
        preds: dict[str, dict] = {}
        for doc in gold:
            text = doc["text"]
            quotes, strategy = decide(text, reported=reported)
            pred = [{"start": q.start, "end": q.end, "speaker": q.speaker,
                     "speaker_span": list(q.speaker_span) if q.speaker_span else None}
                    for q in quotes]
            preds[doc["id"]] = {"id": doc["id"], "quotes": pred}
            wanted = [g for g in doc["quotes"] if g.get("speaker")
                      and (not kinds or g.get("kind", "direct") in kinds)]
            aliases = alias_table(doc)
            found = {pi: speaker_right(pred[pi], wanted[gi], aliases)
                     for gi, pi, _exact in match(wanted, pred, text)}
            meta = doc.get("meta") or {}
            group = str(meta.get("work") or meta.get("publisher") or doc["id"])  # a novel
            for i, key in enumerate(keys(text, quotes, strategy)):
                pred[i]["key"] = key
                if i in found and (not reported or quotes[i].rule in REPORTED_RULES):
                    items.append(Item(name, group, key, found[i], doc["id"], i))
        runs[name] = (gold, preds, kinds)
        print(f"  {name}: {len(gold)} documents, "
              f"{sum(1 for it in items if it.corpus == name)} quotes scored", file=sys.stderr)
    return items, runs


def fit(items: list[Item], alpha: float, prior: float, least: float
        ) -> tuple[dict[Key, float], dict[Key, tuple[int, float]]]:
    """The table (prefix -> probability) and, per row, its quotes and weighted count."""
    sizes: dict[str, int] = defaultdict(int)
    for it in items:
        sizes[it.corpus] += 1
    raw = {c: n ** -alpha for c, n in sizes.items()}
    scale = len(items) / sum(raw[it.corpus] for it in items)
    weight = {c: w * scale for c, w in raw.items()}
    seen: dict[Key, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])  # n, weight, right
    for it in items:
        w = weight[it.corpus]
        for n in range(len(it.key) + 1):
            s = seen[it.key[:n]]
            s[0] += 1
            s[1] += w
            s[2] += w * it.right
    rows: dict[Key, float] = {}
    counts: dict[Key, tuple[int, float]] = {}
    for key in sorted(seen, key=len):  # parents first
        n, w, right = seen[key]
        if key and key[:-1] not in rows:
            continue
        if len(key) > RULE_LEVEL and n < least:
            continue
        parent = rows[key[:-1]] if key else right / w
        rows[key] = (right + prior * parent) / (w + prior)
        counts[key] = (int(n), w)
    return rows, counts


def calibrated(runs: dict[str, tuple], score_of) -> dict[str, dict]:
    """calibration.py's figures per corpus, each quote's confidence ``score_of(doc, i,
    key)``."""
    from calibration import calibration

    out = {}
    for name, (gold, preds, kinds) in runs.items():
        rated = {}
        for doc_id, d in preds.items():
            qs = [dict(q, confidence=score_of(doc_id, i, q["key"]))
                  for i, q in enumerate(d["quotes"])]
            rated[doc_id] = {"id": doc_id, "quotes": qs}
        out[name] = calibration(gold, rated, kinds)
    return out


def leave_one_out(items: list[Item], runs: dict[str, tuple], alpha: float, prior: float,
                  least: float) -> dict[str, dict]:
    """Calibration of each group's quotes under a table fitted without that group."""
    by_doc: dict[str, str] = {it.doc: it.group for it in items}
    tables: dict[str, dict[Key, float]] = {}
    for group in sorted({it.group for it in items}):
        tables[group] = fit([it for it in items if it.group != group], alpha, prior, least)[0]
    fallback = fit(items, alpha, prior, least)[0]  # documents with no scored quote
    return calibrated(runs, lambda doc, i, key: probability(
        key, tables.get(by_doc.get(doc, ""), fallback)))


def write(path: Path, rows: dict[Key, float], counts: dict[Key, tuple[int, float]],
          items: list[Item], alpha: float, prior: float, least: float) -> None:
    corpora = sorted({it.corpus for it in items})
    head = [
        "# The probability that a quote's speaker is right, by evidence key (read by",
        "# quoteattr/confidence.py). Made by tools/fit_weights.py: rerun it after a change",
        "# to the rules, do not edit by hand. Fitted on the dev halves of "
        + ", ".join(corpora) + ":",
        f"# {len(items)} found quotations with a gold speaker, right or wrong by",
        "# ../shared/eval/score.py. Corpora weighted by their size to the power"
        f" -{alpha:g}; each row is",
        f"# its share right, smoothed towards the row above it by a beta prior of {prior:g}",
        f"# quotes; rows under {least:g} quotes below the rule level are left out. A key",
        "# with no row backs off to its longest prefix that has one ('*': left open).",
        "# " + "\t".join((*FIELDS, "probability", "quotes")),
    ]
    lines = []
    for key in sorted(rows):
        cells = list(key) + [ANY] * (len(FIELDS) - len(key))
        lines.append("\t".join([*cells, f"{rows[key]:.3f}", str(counts[key][0])]))
    path.write_text("\n".join(head + lines) + "\n", encoding="utf-8")


def report(title: str, figures: dict[str, dict]) -> None:
    print(title)
    for name, c in figures.items():
        print(f"  {name:9s} ECE {c['ece']:.3f}  right {c['right_overall']:.3f}  "
              f"right in most confident half {c['right_in_top_half']:.3f}  "
              f"({c['found_with_gold_speaker']} quotes)")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the folder holding corpora/ and eval/ (default ../shared)")
    ap.add_argument("--corpora", nargs="*", default=list(CORPORA))
    ap.add_argument("--alpha", type=float, default=0.85)
    ap.add_argument("--prior", type=float, default=20.0)
    ap.add_argument("--min", type=float, default=10.0, dest="least")
    ap.add_argument("--out", type=Path, default=ROOT / "quoteattr" / "data" / "confidence.tsv")
    ap.add_argument("--loo", action="store_true", help="also report leave-one-group-out")
    ap.add_argument("--dry-run", action="store_true", help="do not write the table")
    args = ap.parse_args(argv)
    items, runs = collect(args.shared, args.corpora)
    rows, counts = fit(items, args.alpha, args.prior, args.least)
    report("in-sample", calibrated(runs, lambda doc, i, key: probability(key, rows)))
    said = [c for c in REPORTED if c in args.corpora]
    if said:  # reported speech: its rules get their own rows, fitted on their own quotes
        r_items, r_runs = collect(args.shared, said, reported=True)
        r_rows, r_counts = fit(r_items, args.alpha, args.prior, args.least)
        for key, p in r_rows.items():
            if len(key) >= RULE_LEVEL and key[RULE_LEVEL - 1] in REPORTED_RULES:
                rows[key], counts[key] = p, r_counts[key]
        items += r_items
        report("in-sample, reported=True (all gold kinds)",
               calibrated(r_runs, lambda doc, i, key: probability(key, rows)))
    if args.loo:
        report("leave one group out (a novel, a news source)",
               leave_one_out(items, runs, args.alpha, args.prior, args.least))
    if not args.dry_run:
        write(args.out, rows, counts, items, args.alpha, args.prior, args.least)
        print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
