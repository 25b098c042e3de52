"""Throughput of ``extract`` against a bare Punkt pass and a bare regex scan.

    python benchmarks/throughput.py [--rounds 3] [--jobs 2]

All three run over the same texts in the same process, interleaved, best of
``--rounds``; the figures that matter are the ratios. Then ``extract_many`` with one
and with ``--jobs`` processes over the same texts (pool start-up included).
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable

import regex
from common import forget, machine, megabytes, news_run
from nltk.tokenize.punkt import PunktSentenceTokenizer

import quoteattr
from quoteattr.sentences import parameters

# The least any quote finder must do: visit every word and every quotation mark.
SCAN = regex.compile(r"[\"“”«»‘’]|\w+")


def regex_scan(texts: list[str]) -> int:
    return sum(sum(1 for _ in SCAN.finditer(t)) for t in texts)


def punkt(texts: list[str]) -> int:
    tok = PunktSentenceTokenizer(parameters())  # plain: no decision remembered
    return sum(len(list(tok.span_tokenize(t))) for t in texts)


def extract(texts: list[str]) -> int:
    forget()  # each round a first pass: nothing remembered from the round before
    return sum(len(quoteattr.extract(t)) for t in texts)


def best_of(rounds: int, runs: dict[str, Callable[[], int]]
            ) -> dict[str, tuple[float, float]]:
    """Per run, the best (wall seconds, CPU seconds) over ``rounds``, runs interleaved."""
    best = dict.fromkeys(runs, (float("inf"), float("inf")))
    for _ in range(rounds):
        for name, run in runs.items():
            cpu, start = time.process_time(), time.perf_counter()
            run()
            took = (time.perf_counter() - start, time.process_time() - cpu)
            best[name] = min(best[name], took)
    return best


def many_run(texts: list[str], n_jobs: int, rounds: int) -> tuple[float, float, float]:
    """Best wall time of ``extract_many`` over ``rounds``, with the CPU time that run
    took in this process and in its (finished) worker processes."""
    best = (float("inf"), 0.0, 0.0)
    for _ in range(rounds):
        forget()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu, start = time.process_time(), time.perf_counter()
        sum(len(r) for r in quoteattr.extract_many(texts, n_jobs=n_jobs))
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        best = min(best, (wall, cpu, workers))
    return best


def main() -> None:
    args, source, texts = news_run(__doc__, jobs=2)
    mb = megabytes(texts)
    extract(texts[:5])  # build word lists and the tokenizer before timing
    print(f"# Throughput: {machine()}")
    print(f"{source}: {len(texts)} texts, {mb:.2f} MB (UTF-8)\n")
    t = best_of(args.rounds, {"regex scan": lambda: regex_scan(texts),
                              "Punkt span_tokenize": lambda: punkt(texts),
                              "quoteattr.extract": lambda: extract(texts)})
    punkt_wall, punkt_cpu = t["Punkt span_tokenize"]
    print("| pass | seconds | MB/s | time / Punkt | CPU s | MB per CPU s | CPU / Punkt |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (wall, cpu) in t.items():
        print(f"| {name} | {wall:.2f} | {mb / wall:.2f} | {wall / punkt_wall:.2f} "
              f"| {cpu:.2f} | {mb / cpu:.2f} | {cpu / punkt_cpu:.2f} |")
    print("\n| run | seconds | MB/s | speed-up over n_jobs=1 | CPU s: this process "
          "| CPU s: workers | CPU s / wall s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    one = None
    for n in (1, args.jobs):
        seconds, own, workers = many_run(texts, n, max(1, args.rounds - 1))
        one = one or seconds
        print(f"| extract_many n_jobs={n} | {seconds:.2f} | {mb / seconds:.2f} | "
              f"{one / seconds:.2f} | {own:.2f} | {workers:.2f} | "
              f"{(own + workers) / seconds:.2f} |")
    print("\nCPU s / wall s shows how much CPU the run got: near n_jobs on an idle machine, "
          "lower when other work shares the CPUs.")


if __name__ == "__main__":
    main()
