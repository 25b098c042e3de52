"""Shared by the benchmarks: the texts to run on, and peak-memory readings."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def news_texts() -> tuple[str, list[str]]:
    """The polnear news articles when ../shared/corpora is there, else the examples.

    Returns the name of the source and the texts (read at run time, never stored here).
    """
    path = CORPORA / "polnear" / "dev.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            return "polnear dev (news)", [json.loads(line)["text"] for line in f]
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    return "examples/*.txt x 50 (corpus absent)", texts * 50


def news_run(doc: str | None, **extra: Any) -> tuple[argparse.Namespace, str, list[str]]:
    """The options every news benchmark takes (``--rounds``, ``--limit``, and ``extra``:
    option name -> default), parsed, with the source's name and its texts (the first
    ``--limit`` of them when given)."""
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    for name, default in extra.items():
        ap.add_argument(f"--{name}", type=type(default), default=default)
    args = ap.parse_args()
    source, texts = news_texts()
    return args, source, texts[: args.limit] if args.limit else texts


def forget() -> None:
    """Empty what ``extract`` remembers from one call to the next (Punkt's decision per
    sentence-end context, the reading of each speaker mention), so that a timed run over
    texts seen in an earlier round costs what a first pass over them does."""
    from quoteattr import mentions, sentences

    sentences._sentbreak.cache_clear()
    mentions._classify.cache_clear()


def megabytes(texts: list[str]) -> float:
    """Size in MB (10^6 bytes) of the texts as UTF-8."""
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{date.today().isoformat()}, {platform.system()} {platform.machine()}, {cpu}, "
            f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")


def _status(field: str) -> int | None:
    try:
        m = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    except OSError:
        return None
    return int(m.group(1)) * 1024 if m else None


def peak_rss(run: Callable[[], Any]) -> tuple[Any, float, float]:
    """Run ``run()``; return its value, this process's peak resident memory during the
    run, and the rise of that peak above what the process held before (both in MB).

    On Linux the peak is reset first (``/proc/self/clear_refs``), so each call is
    measured on its own; elsewhere both figures are the process's peak so far.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
        before = _status("VmRSS")
    except OSError:
        before = None
    value = run()
    peak = _status("VmHWM")
    if before is None or peak is None:
        mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return value, mb, mb
    return value, peak / 1e6, (peak - before) / 1e6


def write_between(path: Path, table_md: str, start: str, end: str) -> None:
    """Put ``table_md`` between the ``start`` and ``end`` markers of a Markdown file
    (appended with both markers when the file has none)."""
    doc = path.read_text(encoding="utf-8")
    block = f"{start}\n{table_md}\n{end}"
    if start in doc and end in doc:
        doc = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, doc,
                     flags=re.S)
    else:
        doc = doc.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(doc, encoding="utf-8")
