"""Every regular expression the rules use, built in one place from the word lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import load, read_rows

TIMEOUT = 1.0  # seconds: a last guard for any one match on hostile input


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in uniq)


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns (read-only)."""

    after: regex.Pattern[str]  # "Q," X said / "Q," said X   (anchored at the quote's end)
    before: regex.Pattern[str]  # X said: "Q" / according to X, "Q"   (anchored at its start)
    name: regex.Pattern[str]  # capitalised name sequences, with titles
    prefix_words: frozenset[str]
    non_speech: regex.Pattern[str]  # so-called "..." (anchored at the quote's start)


@lru_cache(maxsize=1)
def compiled() -> Patterns:
    """Build the patterns once (cached, immutable)."""
    lex = load()
    verbs = alternation(list(lex.verb_lemma) + list(lex.speech_phrases))
    titles = alternation(t for t in lex.titles if t[:1].isupper())
    roles = alternation(lex.role_nouns)
    cap = r"(?:\p{Lu}\.(?:\s?\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*\.?)"
    particle = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|el|ter|St\.?)"
    sp = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"  # white space within one paragraph
    name = rf"(?:(?:{titles}){sp}){{0,3}}{cap}(?:{sp}(?:{particle}{sp})?{cap}){{0,4}}"
    det = r"(?:the|a|an|one|another|his|her|their|its|our|The|A|An|One|Another|His|Her|Their|Its)"
    desc = (rf"{det}\s+(?:[\p{{L}}\p{{N}}'’\-\.]+\s+){{0,5}}?(?i:{roles})s?\b"
            rf"(?:\s+(?:for|of|at|with|from|to)\s+(?:the\s+)?{cap}(?:\s+(?:of\s+)?{cap}){{0,5}})?")
    pron = r"(?:he|she|they|I|we|He|She|They|We)"
    speaker = rf"(?:{name}|{desc}|{pron})"
    obj = rf"(?:{name}|{desc}|him|her|them|me|us|you|reporters|journalists)"
    appos = r"(?:,\s+(?:\d{1,3}|(?:the|a|an|who|whose|which|now|then|also)\b[^,\"“”\n]{1,90}),)"
    adv = r"(?:\p{Ll}+ly\s+)"
    aux = r"(?:(?:also|then|later|again|once|had|has|have|was|is|would|will|has\s+also)\s+)"
    verb = rf"(?i:{verbs})"
    after = (
        rf"[\s,—–\-]*(?:"
        rf"(?P<sp>{speaker}){appos}?\s+{aux}?{adv}?(?P<v>{verb})\b(?:\s+(?P<ad>{obj})\b)?"
        rf"|{adv}?(?P<v2>{verb})\s+(?P<sp2>{speaker})\b"
        rf")"
    )
    before = (
        rf"(?:(?P<sp>{speaker}){appos}?\s+{aux}?{adv}?(?P<v>{verb})\b(?:\s+(?P<ad>{obj})\b)?"
        rf"|(?i:according\s+to)\s+(?P<sp2>{speaker}){appos}?)"
        rf"(?P<tail>(?:\s+[^\s:\"“”]+){{0,10}}?)\s*[:,—–]?\s*\Z"
    )
    cues = {r[0]: r[1] if len(r) > 1 else "scare" for r in read_rows("non_speech_cues.txt")}
    non_speech = rf"(?i:(?:{alternation(cues)}))\s*[,:]?\s*\Z"
    prefix = frozenset(r[0] for r in read_rows("name_prefix_words.txt"))
    return Patterns(
        after=regex.compile(after, regex.V1),
        before=regex.compile(before, regex.V1),
        name=regex.compile(name, regex.V1),
        prefix_words=prefix,
        non_speech=regex.compile(non_speech, regex.V1),
    )
