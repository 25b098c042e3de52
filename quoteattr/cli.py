"""The ``quoteattr`` command: quotations and speakers of text files (or stdin)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from . import __version__
from .batch import extract_many
from .evaluate import documents, evaluate
from .model import Quote

FIELDS = ("source", "id", "start", "end", "speaker", "cue", "addressee", "kind",
          "paragraph", "confidence", "rule", "text")


class InputError(Exception):
    """A file that cannot be read as text."""


def _read(name: str, encoding: str) -> str:
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as f:
                data = f.read()
    except OSError as e:
        raise InputError(f"{name}: {e.strerror or e}") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: cannot decode as {encoding} "
                         f"(byte {e.start}); try --encoding") from None


def _rows(files: Sequence[str], encoding: str, kinds: str, jobs: int,
          progress: bool) -> Iterator[tuple[str, Quote]]:
    """Quotes of each file in turn; files are read lazily, a few ahead of the output.

    A file that cannot be read stops the run where it comes in order, after the quotes
    of the files before it have been written.
    """
    errors: dict[int, InputError] = {}

    def texts() -> Iterator[str]:
        for k, name in enumerate(files):
            try:
                yield _read(name, encoding)
            except InputError as e:
                errors[k] = e
                yield ""

    results = extract_many(texts(), kinds=kinds, n_jobs=jobs, progress=progress,
                           total=len(files))
    for k, (name, result) in enumerate(zip(files, results, strict=False)):
        if k in errors:
            raise errors[k]
        for q in result:
            yield name, q


def _table(rows: Iterator[tuple[str, Quote]], out: TextIO, many: bool) -> None:
    for name, q in rows:
        who = q.speaker or (f"({q.mention})" if q.mention else "?")
        to = f" -> {q.addressee}" if q.addressee else ""
        src = f"{name}:" if many else ""
        snippet = " ".join(q.text.split())
        if len(snippet) > 70:
            snippet = snippet[:67] + "..."
        out.write(f"{src}{q.start}-{q.end}\t{who}{to}\t{q.cue or ''}\t“{snippet}”\n")


def _evaluate(gold: str, kinds: str | None, jobs: int, progress: bool, as_json: bool,
              out: TextIO) -> int:
    try:
        docs = list(documents(gold))
    except (OSError, ValueError) as e:
        print(f"quoteattr: error: {gold}: {e}", file=sys.stderr)
        return 2
    results = extract_many((d["text"] for d in docs), n_jobs=jobs, progress=progress,
                           total=len(docs))
    scores = evaluate(docs, list(results), kinds=kinds.split(",") if kinds else None)
    out.write(json.dumps(scores.to_dict()) if as_json else str(scores))
    out.write("\n")
    return 0


def _has_tqdm() -> bool:
    from importlib.util import find_spec

    return find_spec("tqdm") is not None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    ap = argparse.ArgumentParser(prog="quoteattr", description=__doc__)
    ap.add_argument("files", nargs="*", default=["-"], help="text files (default: stdin)")
    ap.add_argument("--format", choices=("table", "jsonl", "json", "csv"), default="table")
    ap.add_argument("--kinds", choices=("speech", "all"), default="speech",
                    help="speech only (default), or scare quotes, titles and terms too")
    ap.add_argument("--encoding", default="utf-8")
    ap.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                    help="worker processes (default 1; 0 = one per CPU)")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bar on stderr (default: when stderr is a terminal and "
                         "tqdm is installed)")
    ap.add_argument("--evaluate", metavar="GOLD", help="score quoteattr on an annotated "
                    "JSONL file (docs/evaluation.md) instead; FILES are then ignored")
    ap.add_argument("--gold-kinds", metavar="K,K", help="with --evaluate: score only gold "
                    "quotes of these kinds (e.g. direct)")
    ap.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    args = ap.parse_args(argv)
    files = args.files or ["-"]
    out = sys.stdout
    progress = args.progress
    if progress is None:
        progress = (len(files) > 1 or bool(args.evaluate)) and sys.stderr.isatty() \
            and _has_tqdm()
    if args.evaluate:
        return _evaluate(args.evaluate, args.gold_kinds, args.jobs, progress,
                         args.format == "json", out)
    rows = _rows(files, args.encoding, args.kinds, args.jobs, progress)
    try:
        if args.format == "table":
            _table(rows, out, len(files) > 1)
        elif args.format == "jsonl":
            for name, q in rows:
                out.write(json.dumps({"source": name, **q.to_dict()}, ensure_ascii=False) + "\n")
        elif args.format == "json":
            json.dump([{"source": n, **q.to_dict()} for n, q in rows], out,
                      ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            w = csv.writer(out)
            w.writerow(FIELDS)
            for name, q in rows:
                d = {"source": name, **q.to_dict()}
                w.writerow([d[k] for k in FIELDS])
    except InputError as e:
        out.flush()
        print(f"quoteattr: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
