#!/usr/bin/env python3
"""Speaker identity across the chunks of one novel, on every pdnc dev novel.

Each pdnc dev document is a chapter of a novel (cut at paragraph boundaries, 6-26 KB): the
chapters of one novel are extracted one by one and added to one :class:`quoteattr.Speakers`.
Of the gold lines each chapter attributes correctly (the scorer's rule, ../shared/eval/
score.py), two lines of one character in different chapters should get one corpus id
(``same``: the share that do), and two lines in different chapters given one id should be of
one character (``pure``: the share that are). ``names`` gives the same two figures for the
speaker name strings alone, the identity before quoteattr.Speakers.

A gold speaker name is read as the novel's character it names (the character list of
the document: its name, else the one character whose aliases hold it), so that gold lines
given as "Henry" and as "Mr. Wilcox" are one character's; ``--gold-names`` takes the gold
name strings as they are instead.

Usage: python tools/chunk_identity.py [--json] [--gold-names] [PDNC_DEV_JSONL]
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
DEFAULT = os.path.join(HERE, "..", "..", "shared", "corpora", "pdnc", "dev.jsonl")


def _pairs_across(lines: Iterable[tuple[Hashable, Hashable]]) -> int:
    """Pairs of lines in different chunks, of lines given as (group, chunk) with one group."""
    per_chunk: Counter[Hashable] = Counter(chunk for _, chunk in lines)
    n = sum(per_chunk.values())
    return (n * n - sum(c * c for c in per_chunk.values())) // 2


def _figures(lines: list[tuple[str, Hashable, Hashable]]) -> dict[str, float | int]:
    """``lines``: (gold character, predicted identity, chunk) of correctly attributed lines.
    ``same``: of the pairs of a character's lines in different chunks, the share with one
    identity; ``pure``: of the pairs in different chunks with one identity, the share of
    one character."""
    by_char: dict[str, list[tuple[str, Hashable]]] = defaultdict(list)
    by_id: dict[Hashable, list[tuple[str, Hashable]]] = defaultdict(list)
    by_both: dict[tuple[str, Hashable], list[tuple[str, Hashable]]] = defaultdict(list)
    for char, ident, chunk in lines:
        by_char[char].append((char, chunk))
        by_id[ident].append((char, chunk))
        by_both[(char, ident)].append((char, chunk))
    char_pairs = sum(_pairs_across(v) for v in by_char.values())
    id_pairs = sum(_pairs_across(v) for v in by_id.values())
    both = sum(_pairs_across(v) for v in by_both.values())
    return {"same": both / char_pairs if char_pairs else 1.0,
            "pure": both / id_pairs if id_pairs else 1.0,
            "char_pairs": char_pairs, "id_pairs": id_pairs}


def character(name: str, doc: dict[str, Any]) -> str:
    """The character of the document's character list that a gold speaker name names (its
    name), else ``name`` itself."""
    chars = (doc.get("meta") or {}).get("characters") or []
    if any(c.get("name") == name for c in chars):
        return name
    hits = {c.get("name") for c in chars if name in (c.get("aliases") or ())}
    return hits.pop() if len(hits) == 1 else name


def measure(docs: list[dict[str, Any]], gold_names: bool = False) -> dict[str, Any]:
    """The figures per novel and over all novels (pairs summed), with and without
    :class:`quoteattr.Speakers` (``gold_names``: gold speaker strings as characters)."""
    sys.path.insert(0, EVAL)
    from score import alias_table, match, speaker_right  # type: ignore[import-not-found]

    import quoteattr

    novels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        novels[d["id"].rsplit(":", 1)[0]].append(d)
    out: dict[str, Any] = {"novels": {}}
    every: dict[str, list[tuple[str, Hashable, Hashable]]] = {"speakers": [], "names": []}
    for novel, chapters in sorted(novels.items()):
        people = quoteattr.Speakers(quotes=False)
        found: list[tuple[str, str, str]] = []  # (gold character, chapter, predicted name)
        for d in chapters:
            result = quoteattr.extract(d["text"])
            people.add(result, d["id"])
            preds = [{"start": q.start, "end": q.end, "speaker": q.speaker,
                      "speaker_span": list(q.speaker_span) if q.speaker_span else None}
                     for q in result]
            chars = alias_table(d)
            for gi, pi, _ in match(d["quotes"], preds, d["text"]):
                g, p = d["quotes"][gi], preds[pi]
                if g.get("speaker") and p["speaker"] and speaker_right(p, g, chars):
                    who = g["speaker"] if gold_names else character(g["speaker"], d)
                    found.append((who, d["id"], p["speaker"]))
        lines = {"speakers": [(c, people.id_of(ch, n), ch) for c, ch, n in found],
                 "names": [(c, n, ch) for c, ch, n in found]}
        out["novels"][novel] = {k: _figures(v) for k, v in lines.items()}
        out["novels"][novel]["lines"] = len(found)
        out["novels"][novel]["persons"] = len(people)
        for k, v in lines.items():
            every[k].extend((c, (novel, i), (novel, ch)) for c, i, ch in v)
    out["all"] = {k: _figures(v) for k, v in every.items()}
    return out


def main(argv: list[str]) -> int:
    path = next((a for a in argv[1:] if not a.startswith("--")), DEFAULT)
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    res = measure(docs, "--gold-names" in argv)
    if "--json" in argv:
        print(json.dumps(res, indent=1))
        return 0
    print(f"{'novel':32} {'lines':>6} {'persons':>7}  same  pure | names: same  pure")
    for novel, r in res["novels"].items():
        s, n = r["speakers"], r["names"]
        print(f"{novel:32} {r['lines']:6d} {r['persons']:7d} {s['same']:5.3f} {s['pure']:5.3f}"
              f" |        {n['same']:5.3f} {n['pure']:5.3f}")
    s, n = res["all"]["speakers"], res["all"]["names"]
    print(f"{'all (pairs summed)':32} {'':6} {'':7} {s['same']:5.3f} {s['pure']:5.3f}"
          f" |        {n['same']:5.3f} {n['pure']:5.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
