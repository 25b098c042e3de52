"""Throughput of ``extract`` against a bare Punkt pass and a bare regex scan.

    python benchmarks/throughput.py [--rounds 3] [--jobs 2]

All three run over the same texts in the same process, interleaved, best of
``--rounds``; the figures that matter are the ratios. Then ``extract_many`` with one
and with ``--jobs`` processes over the same texts (pool start-up included).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import regex
from common import machine, megabytes, news_texts

import quoteattr
from quoteattr.sentences import tokenizer

# The least any quote finder must do: visit every word and every quotation mark.
SCAN = regex.compile(r"[\"“”«»‘’]|\w+")


def regex_scan(texts: list[str]) -> int:
    return sum(sum(1 for _ in SCAN.finditer(t)) for t in texts)


def punkt(texts: list[str]) -> int:
    tok = tokenizer()
    return sum(len(list(tok.span_tokenize(t))) for t in texts)


def extract(texts: list[str]) -> int:
    return sum(len(quoteattr.extract(t)) for t in texts)


def best_of(rounds: int, runs: dict[str, Callable[[], int]]) -> dict[str, float]:
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    args = ap.parse_args()
    source, texts = news_texts()
    if args.limit:
        texts = texts[: args.limit]
    mb = megabytes(texts)
    extract(texts[:5])  # build word lists and the tokenizer before timing
    print(f"# Throughput: {machine()}")
    print(f"{source}: {len(texts)} texts, {mb:.2f} MB (UTF-8)\n")
    t = best_of(args.rounds, {"regex scan": lambda: regex_scan(texts),
                              "Punkt span_tokenize": lambda: punkt(texts),
                              "quoteattr.extract": lambda: extract(texts)})
    print("| pass | seconds | MB/s | time / Punkt |")
    print("|---|---:|---:|---:|")
    for name, seconds in t.items():
        print(f"| {name} | {seconds:.2f} | {mb / seconds:.2f} | "
              f"{seconds / t['Punkt span_tokenize']:.2f} |")
    many = best_of(max(1, args.rounds - 1), {
        f"extract_many n_jobs={n}": (lambda n=n: sum(
            len(r) for r in quoteattr.extract_many(texts, n_jobs=n)))
        for n in (1, args.jobs)})
    one = many["extract_many n_jobs=1"]
    print("\n| run | seconds | MB/s | speed-up over n_jobs=1 |")
    print("|---|---:|---:|---:|")
    for name, seconds in many.items():
        print(f"| {name} | {seconds:.2f} | {mb / seconds:.2f} | {one / seconds:.2f} |")


if __name__ == "__main__":
    main()
