"""Word lists shipped as plain text under ``quoteattr/data/``, loaded once, read-only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType


def read_rows(name: str) -> list[list[str]]:
    """Rows of a data file: comment and blank lines dropped, columns split on TAB."""
    text = resources.files("quoteattr").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def column(name: str, slot: str | None = None) -> list[str]:
    """The first column of a data file's rows, in file order; with ``slot``, only the rows
    whose second column is ``slot``."""
    return [r[0] for r in read_rows(name) if slot is None or (len(r) > 1 and r[1] == slot)]


@cache
def word_set(name: str, slot: str | None = None) -> frozenset[str]:
    """:func:`column` as a set, read once per file and slot (read-only)."""
    return frozenset(column(name, slot))


def _column_map(name: str, col: int = 1, default: str = "-") -> Mapping[str, str]:
    return MappingProxyType(
        {r[0]: (r[col] if len(r) > col else default) for r in read_rows(name)}
    )


def _grouped(name: str) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for r in read_rows(name):
        groups.setdefault(r[0].lower(), set()).add(" ".join(r[1].lower().split()))
    return {k: frozenset(v) for k, v in groups.items()}


@dataclass(frozen=True)
class Lexicon:
    """Every word list the rules use (all read-only)."""

    verb_lemma: Mapping[str, str]  # inflected speech verb -> lemma
    speech_phrases: frozenset[str]
    addressee_verbs: frozenset[str]  # lemmas taking the hearer as object
    addressee_preps: Mapping[str, frozenset[str]]  # lemma -> prepositions introducing the hearer
    titles: Mapping[str, tuple[str, str]]  # title -> (gender, class)
    role_nouns: Mapping[str, str]  # role noun (lower case) -> gender
    kin_nouns: frozenset[str]  # "husband", "sister": a relative of someone
    determiners: frozenset[str]  # "the", "his", "my": opening a description, not a name
    speaker_heads: tuple[str, ...]  # "group", "statement": non-person heads of a speaker
    utterance_nouns: frozenset[str]  # "comment", "look": "Marilla's only comment was, ..."
    org_words: frozenset[str]
    pronouns: Mapping[str, tuple[str, str, str]]  # pronoun -> (gender, number, case)
    first_names: Mapping[str, str]  # given name -> gender
    abbreviations: frozenset[str]
    elisions: frozenset[str]
    non_speech_cues: Mapping[str, str]  # phrase -> kind
    non_names: frozenset[str]
    speaker_stopwords: frozenset[str]
    ad_lines: frozenset[str]  # page furniture lines (ads, prompts), lower case

    def title(self, word: str) -> tuple[str, str] | None:
        """(gender, class) of a title, written with or without its period; None if none."""
        return self.titles.get(word) or self.titles.get(word.rstrip("."))

    def title_gender(self, word: str) -> str:
        """'m', 'f' or '-' for a title (with or without its period)."""
        hit = self.title(word)
        return hit[0] if hit else "-"


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read every word list once (cached; the result is immutable)."""
    verb_lemma: dict[str, str] = {}
    for row in read_rows("speech_verbs.txt"):
        forms = row[0].split()
        for form in forms:
            verb_lemma.setdefault(form.lower(), forms[0].lower())
    titles = {r[0]: (r[1] if len(r) > 1 else "-", r[2] if len(r) > 2 else "office")
              for r in read_rows("titles.txt")}
    pronouns = {r[0].lower(): (r[1], r[2], r[3]) for r in read_rows("pronouns.txt")}
    return Lexicon(
        verb_lemma=MappingProxyType(verb_lemma),
        speech_phrases=frozenset(r[0].lower() for r in read_rows("speech_phrases.txt")),
        addressee_verbs=frozenset(r[0].lower() for r in read_rows("addressee_verbs.txt")),
        addressee_preps=MappingProxyType(_grouped("addressee_prepositions.txt")),
        titles=MappingProxyType(titles),
        role_nouns=MappingProxyType({r[0].lower(): (r[1] if len(r) > 1 else "-")
                                     for r in read_rows("role_nouns.txt")}),
        kin_nouns=frozenset(r[0].lower() for r in read_rows("kin_nouns.txt")),
        determiners=frozenset(r[0].lower() for r in read_rows("determiners.txt")),
        speaker_heads=tuple(r[0] for r in read_rows("speaker_heads.txt")),
        utterance_nouns=frozenset(r[0].lower() for r in read_rows("utterance_nouns.txt")),
        org_words=frozenset(r[0] for r in read_rows("organisation_words.txt")),
        pronouns=MappingProxyType(pronouns),
        first_names=_column_map("first_names.txt"),
        abbreviations=frozenset(r[0].lower() for r in read_rows("abbreviations.txt")),
        elisions=frozenset(r[0].lower().replace("’", "'") for r in read_rows("elisions.txt")),
        non_speech_cues=MappingProxyType({r[0].lower(): (r[1] if len(r) > 1 else "scare")
                                          for r in read_rows("non_speech_cues.txt")}),
        non_names=frozenset(r[0] for r in read_rows("capitalised_non_names.txt")),
        speaker_stopwords=frozenset(r[0].lower() for r in read_rows("speaker_stopwords.txt")),
        ad_lines=frozenset(r[0].lower() for r in read_rows("ad_lines.txt")),
    )
