"""Seconds per MB of ``extract`` on each hostile input, from 100 KB to 10 MB.

Run from the repository root::

    python -m benchmarks.bench_hostile                # 100 KB, 1 MB, 10 MB
    python -m benchmarks.bench_hostile --sizes 0.1 1  # sizes in MB
    python -m benchmarks.bench_hostile --write docs/robustness.md

Every time is also given as a ratio to a reference measured in the same process: a
bare NLTK Punkt pass (default parameters) over ordinary text (the ``dialogue`` input),
so numbers from different machines can be compared. ``--write`` replaces the table
between the ``bench:start`` and ``bench:end`` markers of the given Markdown file.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

import quoteattr
from benchmarks.common import forget, machine, write_between
from benchmarks.hostile import KINDS

MB = 1_000_000
FLOOR = 2.0  # seconds per MB the issue allows on inputs of 1-10 MB
GROWTH = 1.3  # the most time per MB may grow from the smallest size of 1 MB or more
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def per_mb(run: Callable[[], object], size: int, repeat: int) -> float:
    """Best of ``repeat`` timings of ``run``, in seconds per MB of input."""
    best = float("inf")
    for _ in range(repeat):
        forget()  # every run sees the text afresh
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best / (size / MB)


def reference(size: int = MB) -> float:
    """Seconds per MB of a bare Punkt pass over ordinary text."""
    text = KINDS["dialogue"](size)
    punkt = PunktSentenceTokenizer()
    return per_mb(lambda: list(punkt.span_tokenize(text)), len(text), 3)


def measure(sizes: list[int], kinds: list[str]) -> tuple[float, dict[str, list[float]]]:
    quoteattr.extract('"Warm up," she said.')
    ref = reference()
    table: dict[str, list[float]] = {}
    for kind in kinds:
        row = []
        for size in sizes:
            text = KINDS[kind](size)
            row.append(per_mb(lambda t=text: quoteattr.extract(t, kinds="all"), len(text),
                              3 if size <= MB else 1))
            print(f"{kind:14s} {size / MB:6g} MB {row[-1]:7.3f} s/MB", file=sys.stderr)
        table[kind] = row
    return ref, table


def markdown(sizes: list[int], ref: float, table: dict[str, list[float]]) -> str:
    heads = [f"{s / MB:g} MB" for s in sizes]
    lines = [
        f"Measured on {machine()}, one thread.",
        f"Reference: bare Punkt over ordinary text = {ref:.3f} s/MB (ratio 1).",
        "",
        "| input | " + " | ".join(f"s/MB at {h}" for h in heads)
        + " | ratio to Punkt (largest) | largest / smallest |",
        "|---|" + "---:|" * (len(sizes) + 2),
    ]
    for kind, row in table.items():
        flat = row[-1] / row[0] if row[0] > 0 else float("nan")
        lines.append(f"| {kind} | " + " | ".join(f"{v:.3f}" for v in row)
                     + f" | {row[-1] / ref:.1f} | {flat:.2f} |")
    worst = max(v for row in table.values() for s, v in zip(sizes, row, strict=True)
                if s >= MB) if any(s >= MB for s in sizes) else None
    if worst is not None:
        verdict = "within" if worst <= FLOOR else "OVER"
        lines += ["", f"Slowest input of 1 MB or more: {worst:.3f} s/MB, {verdict} the "
                      f"floor of {FLOOR:g} s/MB."]
        big = [i for i, s in enumerate(sizes) if s >= MB]
        over = [k for k, row in table.items() if any(row[i] > FLOOR for i in big)]
        grown = [k for k, row in table.items()
                 if len(big) > 1 and row[big[-1]] > GROWTH * row[big[0]]]
        lines += [f"Over the floor: {', '.join(over) or 'none'}. Slower per MB at the "
                  f"largest size than {GROWTH:g} times the smallest of 1 MB or more: "
                  f"{', '.join(grown) or 'none'}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 10], help="in MB")
    ap.add_argument("--kinds", nargs="+", default=sorted(KINDS), choices=sorted(KINDS))
    ap.add_argument("--write", type=Path, help="Markdown file to put the table in")
    args = ap.parse_args(argv)
    sizes = [int(s * MB) for s in args.sizes]
    ref, table = measure(sizes, args.kinds)
    md = markdown(sizes, ref, table)
    print(md)
    if args.write:
        write_between(args.write, md, START, END)


if __name__ == "__main__":
    main()
