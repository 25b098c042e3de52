"""Sentence spans with NLTK Punkt, its parameters built from word lists shipped here.

Nothing is downloaded and no pickle is read: the splitter behaves the same on every
machine, whatever ``nltk_data`` holds.
"""

from __future__ import annotations

from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicon import load


@lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    """The Punkt tokenizer with our abbreviations (built once)."""
    params = PunktParameters()
    params.abbrev_types = set(load().abbreviations)
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets into ``text`` of the sentences of ``text[start:end]``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    return [(start + s, start + e) for s, e in tokenizer().span_tokenize(chunk)]
