"""Word lists of the dialogue pass (data files), read once: words marking a name as
acted upon, the openers of description tags, kin tags and the words that open a call."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import read_rows


@lru_cache(maxsize=1)
def object_markers() -> tuple[frozenset[str], frozenset[str]]:
    """Words after which a name is acted upon (data/object_markers.txt), and those of
    them that join two names (``and``, ``or``, ``nor``)."""
    rows = read_rows("object_markers.txt")
    return (frozenset(r[0] for r in rows),
            frozenset(r[0] for r in rows if r[1:2] == ["joining"]))


@lru_cache(maxsize=1)
def description_openers() -> tuple[frozenset[str], frozenset[str]]:
    """First words of a description tag: those bringing in someone new (``a``,
    ``another``), and those naming someone known (``the``, ``his``)."""
    rows = read_rows("description_openers.txt")
    return (frozenset(r[0] for r in rows if r[1] == "new"),
            frozenset(r[0] for r in rows if r[1] == "known"))


@lru_cache(maxsize=1)
def kin_titles() -> dict[str, str]:
    """Kin noun -> the title of the relative it names (``wife``: ``Mrs.``)."""
    return {r[0]: r[1] for r in read_rows("kin_titles.txt")}


@lru_cache(maxsize=2)
def vocative_openers(any_call: bool = False) -> tuple[str, ...]:
    """Words that may open a call by name (with ``any_call``, only those that also open
    a call by ``sir`` or ``papa``), longest first for a regex alternation."""
    rows = read_rows("vocative_openers.txt")
    words = [r[0] for r in rows if not any_call or r[1] == "any"]
    return tuple(sorted(words, key=len, reverse=True))
