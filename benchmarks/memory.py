"""Peak memory of ``extract`` on one large text, and of ``extract_many`` on many texts.

    python benchmarks/memory.py [--sizes 1,10,100] [--docs 1000,100000] [--jobs 1,2]

Figures are the rise of this process's peak resident memory during each run (reset
before each, Linux), reported against references run in the same process: the input's
own size, a bare Punkt pass over the same text, and the 1,000-document run.
"""

from __future__ import annotations

import argparse
import itertools
import resource
from collections.abc import Iterator

import regex
from common import machine, news_texts, peak_rss

import quoteattr
from quoteattr.sentences import tokenizer


def big_text(texts: list[str], mb: float) -> str:
    """News articles joined by blank lines until the text has ``mb`` million characters."""
    parts, size = [], 0
    for text in itertools.cycle(texts):
        parts.append(text)
        size += len(text) + 2
        if size >= mb * 1e6:
            return "\n\n".join(parts)
    raise ValueError("no texts")


def paragraphs(texts: list[str]) -> list[str]:
    """The paragraphs with a quotation mark: short documents for the many-texts runs."""
    return [p for t in texts for p in regex.split(r"\n\s*\n", t) if regex.search("[\"“]", p)]


def documents(pool: list[str], n: int) -> Iterator[str]:
    """``n`` documents, made one at a time (a generator, as a reader of files would be)."""
    for k, text in zip(range(n), itertools.cycle(pool), strict=False):
        yield f"Document {k}.\n\n{text}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1,10,100", help="MB of the single large texts")
    ap.add_argument("--docs", default="1000,100000", help="numbers of documents")
    ap.add_argument("--jobs", default="1,2", help="n_jobs values for extract_many")
    args = ap.parse_args()
    source, texts = news_texts()
    quoteattr.extract(texts[0])  # word lists and tokenizer built before measuring
    print(f"# Peak memory: {machine()}\nsource: {source}\n")
    print("Rise of peak resident memory above the text itself:\n")
    print("| input | extract MB | / input MB | Punkt pass MB | extract / Punkt |")
    print("|---|---:|---:|---:|---:|")
    for mb in (float(s) for s in args.sizes.split(",")):
        text = big_text(texts, mb)
        size = len(text.encode("utf-8")) / 1e6
        try:
            _, _, ref = peak_rss(lambda text=text: len(list(tokenizer().span_tokenize(text))))
            n_quotes, _, ours = peak_rss(lambda text=text: len(quoteattr.extract(text)))
        except Exception as e:  # report the failure as a row, go on with the rest
            print(f"| one text, {size:.0f} MB | fails: {type(e).__name__}: "
                  f"{str(e).splitlines()[0][:70]} | | | |")
            continue
        finally:
            del text
        print(f"| one text, {size:.0f} MB, {n_quotes} quotes | {ours:.0f} | {ours / size:.1f} "
              f"| {ref:.0f} | {ours / max(ref, 1):.1f} |")
    print("\nThe same sizes as separate articles through extract_many (n_jobs=1), peak of the"
          " whole process:\n")
    print("| input | documents | peak MB | rise MB |")
    print("|---|---:|---:|---:|")
    for mb in (float(s) for s in args.sizes.split(",")):
        n = 0
        size = 0
        for text in itertools.cycle(texts):
            n += 1
            size += len(text)
            if size >= mb * 1e6:
                break

        def run(n: int = n) -> int:
            articles = (t for t, _ in zip(itertools.cycle(texts), range(n), strict=False))
            return sum(len(r) for r in quoteattr.extract_many(articles))
        _, peak, rise = peak_rss(run)
        print(f"| {mb:g} MB of articles | {n:,} | {peak:.1f} | {rise:.1f} |")
    pool = paragraphs(texts)
    counts = [int(s) for s in args.docs.split(",")]
    print("\nPeak resident memory of the whole process (interpreter, corpus and all):\n")
    print("| extract_many | documents | quotes | peak MB | rise MB | peak / first row "
          "| largest worker so far, MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for jobs in (int(s) for s in args.jobs.split(",")):
        first = None
        for n in counts:
            def run(n: int = n, jobs: int = jobs) -> int:
                return sum(len(r) for r in quoteattr.extract_many(documents(pool, n),
                                                                  n_jobs=jobs))
            n_quotes, peak, rise = peak_rss(run)
            first = first or peak
            worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"| n_jobs={jobs} | {n:,} | {n_quotes:,} | {peak:.1f} | {rise:.1f} "
                  f"| {peak / first:.3f} | {worker:.1f} |")
    print("\n(peak and rise: this process; the last column is the largest peak of any worker\n"
          "process that has ended so far, a running maximum that cannot be reset.)")


if __name__ == "__main__":
    main()
