"""Start-up costs: import, first ``extract``, ``quoteattr --help``, worker start, and
``extract_many`` with one and two processes over 2,000 news-length texts.

Run from the repository root::

    python -m benchmarks.startup                         # print the tables
    python -m benchmarks.startup --write docs/performance.md
    python -m benchmarks.startup --start-only            # the start-up rows alone

Every command runs in a fresh interpreter, best of ``--repeat`` runs. Start-up costs are
CPU seconds of that interpreter and everything it waited for, each also given as a ratio
to ``python -c "import nltk.tokenize.punkt"`` and ``python -c "import nltk"`` measured in
the same run. The ``extract_many`` runs are timed by the wall clock inside the fresh
interpreter, from the call to the last result (worker start-up included, the parent's
import not), as a user waits for them; the last row times a second call in the same
interpreter, when a forkserver started by the first is already up. ``--write`` replaces
the table between the ``startup:start`` and ``startup:end`` markers of the given Markdown
file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import ROOT, machine, news_texts, write_between

EXAMPLE = ROOT / "examples" / "healey_visit.txt"
START, END = "<!-- startup:start -->", "<!-- startup:end -->"
FLOOR_START = 1.5  # import + first extract, --help: at most this many times the reference
FLOOR_SPEEDUP = 1.3  # n_jobs=2 over n_jobs=1 on 2,000 texts: at least this

COMMANDS = {
    "import nltk.tokenize.punkt (reference)": "import nltk.tokenize.punkt",
    "import nltk (reference)": "import nltk",
    "import quoteattr": "import quoteattr",
    "import quoteattr + first extract (example)":
        f"import quoteattr; quoteattr.extract(open({str(EXAMPLE)!r}, encoding='utf-8').read())",
    "quoteattr --help": "import sys; from quoteattr.cli import main; "
                        "sys.argv = ['quoteattr', '--help']; main()",
}

#: Run in a fresh interpreter: extract_many over the texts in the JSON file argv[1],
#: with the options of argv[2]; prints the wall seconds of the call.
MANY = """
import json, resource, sys, threading, time
texts = json.load(open(sys.argv[1], encoding="utf-8"))
opts = json.loads(sys.argv[2])
import quoteattr
stop = threading.Event()
if opts.pop("thread"):
    threading.Thread(target=stop.wait, daemon=True).start()
if opts.pop("again"):  # time a second call: a forkserver, if used, is up by then
    sum(len(r) for r in quoteattr.extract_many(texts, **opts))
def cpu(who):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime
t0, c0, w0 = time.perf_counter(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
n = sum(len(r) for r in quoteattr.extract_many(texts, **opts))
print(json.dumps({"seconds": time.perf_counter() - t0, "quotes": n,
                  "cpu": cpu(resource.RUSAGE_SELF) - c0,
                  "workers": cpu(resource.RUSAGE_CHILDREN) - w0}))
stop.set()
"""


def cpu_of(code: str, repeat: int) -> float:
    """Least CPU seconds (user + system, children included) of ``python -c code``."""
    best = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, env=_env())
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path}


def many(texts_file: Path, repeat: int, **opts: object) -> dict[str, float]:
    """The fastest of ``repeat`` runs of ``extract_many``, each in a fresh interpreter:
    wall seconds, quotes found, CPU seconds of the caller and of the workers it forked
    (workers forked by a forkserver are not its children: not counted)."""
    best: dict[str, float] = {"seconds": float("inf")}
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", MANY, str(texts_file), json.dumps(opts)],
                              cwd=ROOT, check=True, capture_output=True, text=True,
                              env=_env())
        out = json.loads(done.stdout.strip().splitlines()[-1])
        best = min(best, out, key=lambda run: run["seconds"])
    return best


def texts_of(n: int) -> tuple[str, list[str]]:
    name, news = news_texts()
    return name, [news[k % len(news)] for k in range(n)]


def measure(repeat: int, tmp: Path, start_only: bool = False) -> str:
    costs = {label: cpu_of(code, repeat) for label, code in COMMANDS.items()}
    punkt = costs["import nltk.tokenize.punkt (reference)"]
    nltk = costs["import nltk (reference)"]
    lines = [f"Measured on {machine()}; load average at the start "
             f"{os.getloadavg()[0]:.1f}. Best of {repeat} fresh interpreters each.", "",
             "| start-up | CPU s | / `import nltk.tokenize.punkt` | / `import nltk` |",
             "|---|---:|---:|---:|"]
    rows: list[tuple[str, float]] = list(costs.items())
    if start_only:
        for label, cpu in rows:
            lines.append(f"| {label} | {cpu:.2f} | {cpu / punkt:.2f} | {cpu / nltk:.2f} |")
        first = costs["import quoteattr + first extract (example)"] / punkt
        return "\n".join([*lines, "", f"Floor: import + first extract {first:.2f}x `import "
                          f"nltk.tokenize.punkt` ({_verdict(first <= FLOOR_START)} "
                          f"{FLOOR_START}x)."])
    source, texts20 = texts_of(20)
    _, texts2000 = texts_of(2000)
    small, large = tmp / "texts20.json", tmp / "texts2000.json"
    small.write_text(json.dumps(texts20), encoding="utf-8")
    large.write_text(json.dumps(texts2000), encoding="utf-8")
    for jobs in (1, 2):
        cpu = cpu_of(f"import json, quoteattr; texts = json.load(open({str(small)!r})); "
                     f"list(quoteattr.extract_many(texts, n_jobs={jobs}))", repeat)
        rows.append((f"import + `extract_many` n_jobs={jobs}, 20 texts", cpu))
    for label, cpu in rows:
        lines.append(f"| {label} | {cpu:.2f} | {cpu / punkt:.2f} | {cpu / nltk:.2f} |")
    first = costs["import quoteattr + first extract (example)"] / punkt
    help_ = costs["quoteattr --help"] / nltk
    lines += ["", f"Floors: import + first extract {first:.2f}x `import nltk.tokenize.punkt` "
                  f"({_verdict(first <= FLOOR_START)} {FLOOR_START}x); `--help` {help_:.2f}x "
                  f"`import nltk` ({_verdict(help_ <= FLOOR_START)} {FLOOR_START}x)."]
    lines += ["", f"`extract_many` in a fresh interpreter, wall seconds from the call to the "
                  f"last result (workers' start-up included), texts from {source}; \"–\": "
                  "workers forked by the forkserver, whose CPU the caller cannot see:", "",
              "| run | texts | n_jobs=1 s | n_jobs=2 s | speed-up | CPU s n_jobs=1 | "
              "CPU s n_jobs=2: caller + workers | CPU s / wall s n_jobs=2 |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    verdicts = []
    sizes = {n: sum(len(t.encode("utf-8")) for t in texts) / 1e6
             for n, texts in ((20, texts20), (2000, texts2000))}
    for label, path, n in (("plain", small, 20), ("plain", large, 2000),
                           ("progress=True", large, 2000),
                           ("progress=True, another thread running", large, 2000),
                           ("progress=True, another thread running, second call", large,
                            2000)):
        opts = {"progress": "progress" in label, "thread": "thread" in label,
                "again": "second" in label}
        run1 = many(path, repeat, n_jobs=1, **opts)
        run2 = many(path, repeat, n_jobs=2, **opts)
        if run1["quotes"] != run2["quotes"]:
            raise SystemExit(f"n_jobs=2 found {run2['quotes']} quotes, n_jobs=1 "
                             f"{run1['quotes']}")
        one, two = run1["seconds"], run2["seconds"]
        seen = run2["workers"] > 0.01 or n == 20  # forkserver workers are not children
        workers = f"{run2['workers']:.2f}" if seen else "–"
        rate = f"{(run2['cpu'] + run2['workers']) / two:.2f}" if seen else "–"
        lines.append(f"| {label} | {n:,} ({sizes[n]:.2f} MB) | {one:.2f} | {two:.2f} | "
                     f"{one / two:.2f} | {run1['cpu']:.2f} | {run2['cpu']:.2f} + "
                     f"{workers} | {rate} |")
        if opts["again"]:
            continue  # not a floor: shows what the forkserver's start cost was
        floor = FLOOR_SPEEDUP if n == 2000 else 1.0
        verdicts.append(f"{label}, {n:,} texts: {one / two:.2f}x "
                        f"({_verdict(one / two >= floor)} {floor}x)")
        print(lines[-1], file=sys.stderr)
    lines += ["", "Floors: " + "; ".join(verdicts) + "."]
    return "\n".join(lines)


def _verdict(ok: bool) -> str:
    return "within" if ok else "OVER"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="fresh interpreters per figure")
    ap.add_argument("--write", type=Path, help="Markdown file to put the tables in")
    ap.add_argument("--start-only", action="store_true",
                    help="only the start-up rows (no extract_many runs; not for --write)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        md = measure(args.repeat, Path(tmp), args.start_only)
    print(md)
    if args.write and not args.start_only:
        write_between(args.write, md, START, END)


if __name__ == "__main__":
    main()
