"""Throughput of ``extract(text, reported=True)`` against ``extract(text)``.

    python benchmarks/reported.py [--rounds 3] [--limit N]

Both run over the same news texts in the same process, interleaved, best of ``--rounds``
(CPU seconds), after one warm-up pass of each (the patterns compiled); the figure that
matters is the ratio, which the issue wants at 0.8 or more.
"""

from __future__ import annotations

from collections.abc import Callable

from common import forget, machine, megabytes, news_run
from throughput import best_of

import quoteattr


def run(texts: list[str], reported: bool) -> int:
    forget()
    return sum(len(quoteattr.extract(t, reported=reported)) for t in texts)


def main() -> None:
    args, source, texts = news_run(__doc__)
    mb = megabytes(texts)
    runs: dict[str, Callable[[], int]] = {"direct only": lambda: run(texts, False),
                                          "reported=True": lambda: run(texts, True)}
    found = {name: fn() for name, fn in runs.items()}  # warm-up: patterns compiled
    best = {name: cpu for name, (_, cpu) in best_of(args.rounds, runs).items()}
    print(f"{machine()}\n{source}: {len(texts)} texts, {mb:.2f} MB")
    for name, secs in best.items():
        print(f"  {name:14s} {secs:7.2f} CPU s  {mb / secs:5.2f} MB/s  {found[name]} quotes")
    ratio = best["direct only"] / best["reported=True"]
    print(f"  throughput with reported=True: {ratio:.2f}x that without (floor 0.8x)")


if __name__ == "__main__":
    main()
