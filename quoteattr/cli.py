"""The ``quoteattr`` command: quotations and speakers of text files (or stdin).

Options are parsed before anything heavy is imported, so ``--help``, ``--version`` and
usage errors answer at once; the pipeline is imported when there is text to read.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import __version__

if TYPE_CHECKING:
    from .model import Extraction, Quote, Speaker

FIELDS = ("source", "id", "start", "end", "speaker", "cue", "addressee", "kind",
          "paragraph", "confidence", "rule", "text")
#: columns of the table (``--wide``: every field of a quote, and its speaker's record)
TABLE = ("span", "kind", "speaker", "role", "addressee", "confidence", "quote")
WIDE = ("span", "id", "kind", "speaker", "speaker_id", "role", "affiliation", "addressee",
        "addressee_id", "confidence", "rule", "cue", "mention", "paragraph", "quote")
SPEAKER_TABLE = ("id", "name", "kind", "gender", "quotes", "addressed", "roles", "aliases")
MAX_BYTES = 64 * 1024 * 1024  # default --max-bytes: a file is read whole, and costs ~20x
_UNITS = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # first characters a spreadsheet may evaluate
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes of a file name (PEP 383)


class InputError(Exception):
    """A file that cannot be read as text."""


def _size(value: str) -> int:
    """``--max-bytes``: a count of bytes with an optional K, M or G (powers of 1024)."""
    m = re.fullmatch(r"\s*(\d+)\s*([kmgKMG]?)(?:i?[bB])?\s*", value)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 500000, 200K, 64M, 1G)")
    return int(m[1]) * _UNITS[m[2].lower()]


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{n}: give 1 or more, or 0 for one per CPU")
    return n


def _shown(name: str) -> str:
    """A file name on one line: control characters (tab, newline, ...) and undecodable
    bytes written as backslash escapes (``a\\tb.txt``); other characters as they are."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else _escape(c) for c in name)


def _escape(c: str) -> str:
    special = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
    if c in special:
        return special[c]
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


def _read(name: str, encoding: str, limit: int) -> str:
    """The text of a file (``-``: stdin), at most ``limit`` bytes (0: any size)."""
    try:
        if name == "-":
            if sys.stdin is None:
                raise InputError("-: no standard input")
            stdin = getattr(sys.stdin, "buffer", None)
            if stdin is None:  # a text stream put in its place (an IDE, a test)
                text = sys.stdin.read(limit + 1 if limit else -1)
                if limit and len(text) > limit:
                    raise InputError(_too_large(name, limit))
                return text
            data = stdin.read(limit + 1 if limit else -1)
        else:
            with open(name, "rb") as f:
                if limit and os.fstat(f.fileno()).st_size > limit:  # not read at all
                    raise InputError(_too_large(name, limit))
                data = f.read(limit + 1 if limit else -1)
    except (OSError, ValueError) as e:  # ValueError: a NUL in the name
        raise InputError(f"{_shown(name)}: {getattr(e, 'strerror', None) or e}") from None
    except MemoryError:
        raise InputError(f"{_shown(name)}: too large to read into memory") from None
    if limit and len(data) > limit:
        raise InputError(_too_large(name, limit))
    # a byte-order mark is not text: offsets count from the character after it
    decoder = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    try:
        return data.decode(decoder)
    except UnicodeDecodeError as e:
        raise InputError(f"{_shown(name)}: cannot decode as {encoding} "
                         f"(byte {e.start}); try --encoding") from None
    except (ValueError, LookupError) as e:  # codecs that fail in their own way
        raise InputError(f"{_shown(name)}: cannot decode as {encoding}: {e}") from None


def _too_large(name: str, limit: int) -> str:
    return f"{_shown(name)}: larger than {limit:,} bytes; not read (raise --max-bytes)"


def _rows(files: Sequence[str], args: argparse.Namespace, progress: bool,
          failed: Callable[[InputError], None]) -> Iterator[tuple[str, Quote, Extraction]]:
    """Quotes of each file in turn; files are read lazily, a few ahead of the output.

    A file that cannot be read is passed to ``failed`` where it comes in order (after
    the quotes of the files before it) and the run goes on with the next one.
    """
    from .batch import Failed, extract_many

    errors: dict[int, InputError] = {}

    def texts() -> Iterator[str]:
        for k, name in enumerate(files):
            try:
                yield _read(name, args.encoding, args.max_bytes)
            except InputError as e:
                errors[k] = e
                yield ""

    jobs = args.jobs or max(1, os.cpu_count() or 1)
    results = extract_many(texts(), kinds=args.kinds, characters=args.cast,
                           reported=args.reported, n_jobs=jobs,
                           progress=progress, total=len(files), errors="record")
    for k, (name, result) in enumerate(zip(files, results, strict=False)):
        if k in errors:
            failed(errors.pop(k))
            continue
        if isinstance(result, Failed):  # extract raised on this text: say so, go on
            failed(InputError(f"{_shown(name)}: could not be processed: {result.error}"))
            continue
        if args.speakers:  # one row per speaker record, no quotes
            yield from ((name, q, result) for q in result.speakers)  # type: ignore[misc]
            continue
        for q in result:
            yield name, q, result


def _table(rows: Iterator[tuple[str, Quote, Extraction]], out: TextIO, many: bool,
           wide: bool = False) -> None:
    """Tab-separated columns under a header: :data:`TABLE` (``wide``: :data:`WIDE`)."""
    columns = WIDE if wide else TABLE
    out.write(("source\t" if many else "") + "\t".join(columns) + "\n")
    for name, q, result in rows:
        record = result.speaker(q.speaker_id)
        who = q.speaker or (f"({q.mention})" if q.mention else "?")
        snippet = " ".join(q.text.split())
        if len(snippet) > 70 and not wide:
            snippet = snippet[:67] + "..."
        cells = {"span": f"{q.start}-{q.end}", "id": q.id, "kind": q.kind, "speaker": who,
                 "speaker_id": _blank(q.speaker_id),
                 "role": record.roles[0] if record and record.roles else "",
                 "affiliation": record.affiliations[0] if record and record.affiliations else "",
                 "addressee": q.addressee or "", "addressee_id": _blank(q.addressee_id),
                 "confidence": f"{q.confidence:.2f}", "rule": q.rule or "", "cue": q.cue or "",
                 "mention": q.mention or "", "paragraph": q.paragraph, "quote": f"“{snippet}”"}
        line = [_shown(name)] if many else []
        line += [" ".join(str(cells[c]).split()) for c in columns]
        out.write("\t".join(line) + "\n")


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)


def _speaker_table(rows: Iterator[tuple[str, Speaker, Extraction]], out: TextIO,
                   many: bool) -> None:
    """The speaker records (``--speakers``) as tab-separated columns under a header."""
    out.write(("source\t" if many else "") + "\t".join(SPEAKER_TABLE) + "\n")
    for name, s, _ in rows:
        line = ([_shown(name)] if many else []) + [
            " ".join(str(c).split()) for c in _speaker_cells(s).values()]
        out.write("\t".join(line) + "\n")


def _speaker_cells(s: Speaker) -> dict[str, Any]:
    """A speaker record's :data:`SPEAKER_TABLE` columns, lists joined with ``; ``."""
    return {"id": s.id, "name": s.name, "kind": s.kind, "gender": s.gender or "",
            "quotes": s.n_quotes, "addressed": len(s.addressed), "roles": "; ".join(s.roles),
            "aliases": "; ".join(f for f, _ in s.aliases)}


def _json(value: Any, indent: int | None = None) -> str:
    """JSON text as UTF-8 can carry it: lone surrogates (from file names) as ``\\udcxx``."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: one starting with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return gets a leading ``'`` (it would be a formula)."""
    if isinstance(value, str):
        if value.startswith(_FORMULA):
            value = "'" + value
        return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", value)
    return value


def _write(fmt: str, rows: Iterator[tuple[str, Any, Extraction]], out: TextIO, many: bool,
           wide: bool = False, speakers: bool = False) -> None:
    """Quotes (``speakers``: speaker records) in ``fmt``: a table, JSON lines, JSON or CSV."""
    if fmt == "table":
        if speakers:
            _speaker_table(rows, out, many)
        else:
            _table(rows, out, many, wide)
    elif fmt == "jsonl":
        for name, r, _ in rows:
            out.write(_json({"source": name, **r.to_dict()}) + "\n")
    elif fmt == "json":
        out.write(_json([{"source": n, **r.to_dict()} for n, r, _ in rows], indent=1) + "\n")
    else:
        import csv

        w = csv.writer(out)
        w.writerow(("source", *SPEAKER_TABLE) if speakers else FIELDS)
        for name, r, _ in rows:
            if speakers:
                cells = [name, *_speaker_cells(r).values()]
            else:
                d = {"source": name, **r.to_dict()}
                cells = [d[k] for k in FIELDS]
            w.writerow([_cell(c) for c in cells])


def _evaluate(args: argparse.Namespace, progress: bool, out: TextIO) -> int:
    from .batch import extract_many
    from .evaluate import documents, evaluate

    gold = args.evaluate
    try:
        docs = list(documents(gold, need_text=True, max_bytes=args.max_bytes or None))
    except OSError as e:
        return _error(f"{_shown(gold)}: {e.strerror or e}")
    except ValueError as e:  # the message names the file, the line and the field
        return _error(_shown(str(e)))
    jobs = args.jobs or max(1, os.cpu_count() or 1)
    results = extract_many((d["text"] for d in docs), n_jobs=jobs, progress=progress,
                           total=len(docs))
    kinds = args.gold_kinds.split(",") if args.gold_kinds else None
    scores = evaluate(docs, list(results), kinds=kinds)
    out.write(json.dumps(scores.to_dict()) if args.format == "json" else str(scores))
    out.write("\n")
    return 0


def _cast(name: str, encoding: str) -> Any:
    """The cast of ``--cast FILE.json``, checked (:func:`quoteattr.cast.normalise`)."""
    from .cast import normalise

    try:
        return normalise(json.loads(_read(name, encoding, MAX_BYTES)))
    except InputError as e:
        raise InputError(f"--cast {e}") from None
    except json.JSONDecodeError as e:
        raise InputError(f"--cast {_shown(name)}: not JSON: {e}") from None
    except (TypeError, ValueError) as e:
        raise InputError(f"--cast {_shown(name)}: {e}") from None


def _error(message: str) -> int:
    sys.stdout.flush()
    print(f"quoteattr: error: {message}", file=sys.stderr)
    return 2


def _has_tqdm() -> bool:
    from importlib.util import find_spec

    return find_spec("tqdm") is not None


class _Parser(argparse.ArgumentParser):
    """Usage errors on one line, with a pointer to ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"quoteattr: error: {message} (see quoteattr --help)\n")


def _parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="quoteattr", description="Find the quotations in text files (or "
                 "stdin) and say who said each one.")
    ap.add_argument("files", nargs="*", default=["-"], help="text files (default: stdin)")
    ap.add_argument("--format", choices=("table", "jsonl", "json", "csv"), default="table",
                    help="csv: a cell starting with = + - @ gets a leading ' (not a formula)")
    ap.add_argument("--kinds", choices=("speech", "all"), default="speech",
                    help="speech only (default), or scare quotes, titles and terms too")
    ap.add_argument("--cast", metavar="FILE.json", help="the characters of the texts: a "
                    'JSON list of names or {"name": ..., "aliases": [...]} objects; '
                    "speakers are then called by these names")
    ap.add_argument("--reported", action="store_true",
                    help="also reported speech: indirect (no marks) and mixed quotes")
    ap.add_argument("--encoding", default="utf-8", help="of the files (default utf-8; "
                    "a UTF-8 byte-order mark is dropped, offsets count from after it)")
    ap.add_argument("--max-bytes", type=_size, default=MAX_BYTES, metavar="SIZE",
                    help="skip larger files with an error (default 64M; K, M, G allowed; "
                         "0: no limit)")
    ap.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                    help="worker processes (default 1; 0 = one per CPU)")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bar on stderr (default: when stderr is a terminal and "
                         "tqdm is installed)")
    ap.add_argument("--evaluate", metavar="GOLD", help="score quoteattr on an annotated "
                    "JSONL file (docs/evaluation.md) instead; FILES are then ignored")
    ap.add_argument("--gold-kinds", metavar="K,K", help="with --evaluate: score only gold "
                    "quotes of these kinds (e.g. direct)")
    ap.add_argument("--wide", action="store_true",
                    help="table: every field of each quote (ids, rule, cue, whole quote)")
    ap.add_argument("--speakers", action="store_true",
                    help="one row per speaker of each text (name, kind, roles, quotes, ...) "
                         "instead of one per quote")
    ap.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (2 when a file or option was bad)."""
    ap = _parser()
    args = ap.parse_args(argv)
    try:
        b"-".decode(args.encoding, "ignore")  # unknown, or not a text encoding (rot13, hex)
    except LookupError:
        ap.error(f"argument --encoding: not a text encoding: {args.encoding!r}")
    try:
        return _run(args)
    except BrokenPipeError:  # `quoteattr ... | head`: the reader has gone
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except UnicodeEncodeError as e:
        return _error(f"cannot write the output as {e.encoding}: set PYTHONIOENCODING=utf-8")


def _run(args: argparse.Namespace) -> int:
    files = args.files or ["-"]
    out = sys.stdout
    progress = args.progress
    if progress is None:
        progress = (len(files) > 1 or bool(args.evaluate)) and sys.stderr.isatty() \
            and _has_tqdm()
    if args.evaluate:
        return _evaluate(args, progress, out)
    if args.cast is not None:
        try:
            args.cast = _cast(args.cast, args.encoding)
        except InputError as e:
            return _error(str(e))
    status = 0

    def failed(e: InputError) -> None:
        nonlocal status
        status = _error(str(e))

    rows = _rows(files, args, progress, failed)
    if args.speakers:
        _write(args.format, rows, out, len(files) > 1, speakers=True)
    else:
        _write(args.format, rows, out, len(files) > 1, args.wide)
    out.flush()
    return status


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush does not fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests, IDEs)
        pass


if __name__ == "__main__":
    sys.exit(main())
