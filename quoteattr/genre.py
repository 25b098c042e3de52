"""Does a text read as a news report? Signs a story seldom has, counted per character.

A short report of quick exchanges with few numbers can look like a story's dialogue to
:func:`quoteattr.fiction.looks_like_fiction`; offices before full names ("Defence
Secretary John Healey"), weekdays as dates ("on Wednesday") and the press ("told
reporters") say otherwise. On the dev corpora, novels' chapters have at most 0.3 such signs
per 1000 characters; the news reports read as stories had 0.7 to 2.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice
from math import ceil

import regex

from .lexicon import column
from .patterns import alternation

NEWS_DENSITY = 0.5  # news signs per 1000 characters that make a text a report
NEWS_SIGNS = 2  # and never fewer than this many


@lru_cache(maxsize=1)
def _signs() -> regex.Pattern[str]:
    offices = alternation(column("news_offices.txt"))
    phrases = alternation(column("news_phrases.txt"))
    return regex.compile(
        rf"\b(?:(?:{offices})\s+\p{{Lu}}[\p{{Ll}}\p{{M}}'’\-]+\s+\p{{Lu}}|(?:{phrases})\b)")


def reads_as_news(text: str) -> bool:
    """Are there at least ``NEWS_DENSITY`` signs of news per 1000 characters (and at least
    ``NEWS_SIGNS``)?"""
    need = max(NEWS_SIGNS, ceil(NEWS_DENSITY * len(text) / 1000))
    return sum(1 for _ in islice(_signs().finditer(text), need)) >= need
