"""Patterns compiled with only the list entries a text holds (patterns.Lexical) against
the patterns compiled with every entry: the same matches, group for group, at windows of
generated texts (titles, role nouns in odd case, organisation words, capitalised
non-names, function words, determiners, non-speech cues, names, verbs and marks)."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
import regex

from quoteattr import patterns

TEXTS = 16  # generated texts
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear" / "dev.jsonl"


def _lexicals() -> dict[str, patterns.Lexical]:
    """Every pattern written from the word lists, by name (a role-checked one twice)."""
    out = {"name_colon": patterns._name_colon_pattern()}
    for name, build in patterns._BUILDERS.items():
        built = build()
        if isinstance(built, patterns.Lexical):
            out[name] = built
        elif isinstance(built, patterns.RoleChecked):
            out[name + ".lean"] = built.lean
            out[name + ".full"] = built.full
    return out


_ODD_CASE = [str.upper, str.title, lambda w: w.replace("s", "ſ", 1),
             lambda w: w.replace("k", "\u212a", 1), lambda w: w.replace("ss", "ß"),
             lambda w: w.replace("fi", "ﬁ"), lambda w: w.upper().replace("I", "İ", 1)]
_PIECES = ["Ann Lee", "J. R. Smith-Jones", "O'Neill", "Moze", "said", "told", "says",
           "according to", "quoted", "as saying", "asked", "burly", "little", "45-year-old",
           "83", ",", ":", ".", "\"", "“", "”", "—", "(D-Mo.)", "of the", "for", "to",
           "on Friday", "Institute", "Party", "The", "\n", "reporters", "him", "quietly",
           "quoted the burly Moze as saying", "quoted Mr. Hale, the aide, as saying"]


def _texts(n: int, seed: int) -> list[str]:
    """Texts of random pieces: entries of every list (those matched case-blind in odd
    case too) among names, verbs and marks."""
    rnd = random.Random(seed)
    lists = patterns._lists()
    out = []
    for _ in range(n):
        words = []
        for _k in range(rnd.randint(6, 14)):
            if rnd.random() < 0.45:
                kind = rnd.choice(list(lists))
                entries, blind = lists[kind]
                w = rnd.choice(entries)
                if blind and rnd.random() < 0.5:
                    w = rnd.choice(_ODD_CASE)(w)
                words.append(w)
            else:
                words.append(rnd.choice(_PIECES))
        out.append(" ".join(words).replace(" ,", ","))
    return out


def _spans(m: regex.Match[str] | None, names: list[str]) -> object:
    return None if m is None else [m.span()] + [m.span(g) for g in names]


def _compare(name: str, variant: regex.Pattern[str], full: regex.Pattern[str], text: str,
             rnd: random.Random) -> int:
    """The two patterns at windows of ``text``: every start and end, and random windows;
    the number of matches found."""
    names = list(full.groupindex)
    n = len(text)
    windows = [(s, n) for s in range(n + 1)] + [(0, e) for e in range(n + 1)]
    windows += [tuple(sorted((rnd.randint(0, n), rnd.randint(0, n)))) for _ in range(40)]
    found = 0
    for s, e in windows:
        for how in ("match", "search", "fullmatch") if name == "adj_name" else ("match", "search"):
            want = getattr(full, how)(text, s, e)
            got = getattr(variant, how)(text, s, e)
            assert _spans(got, names) == _spans(want, names), (name, how, text, s, e)
            found += want is not None
    if name == "name":
        assert [m.span() for m in variant.finditer(text)] == \
            [m.span() for m in full.finditer(text)], text
    return found


def test_the_patterns_of_a_texts_words_match_as_the_full_ones() -> None:
    rnd = random.Random(16)
    found = dict.fromkeys(_lexicals(), 0)
    smaller = 0
    for text in _texts(TEXTS, seed=15):
        for name, lex in _lexicals().items():
            variant, full = lex.variant(lex.words(text)), lex.full()
            smaller += len(variant.pattern) < len(full.pattern) / 2
            found[name] += _compare(name, variant, full, text, rnd)
    assert smaller > 0.9 * TEXTS * len(found)  # the variants leave most entries out
    assert all(found.values()), found  # every pattern found something to compare


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared corpora absent")
def test_on_news_articles() -> None:
    """Windows of polnear dev articles: around each speech verb, where the cue frames
    are matched."""
    import json

    rnd = random.Random(17)
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    p = patterns.compiled()
    checked = 0
    for line in rnd.sample(lines, 4):
        text = json.loads(line)["text"]
        lexicals = _lexicals()
        variants = {k: lex.variant(lex.words(text)) for k, lex in lexicals.items()}
        for v in list(p.verb.finditer(text))[:25]:
            piece_start = max(0, v.start() - 150)
            for name, lex in lexicals.items():
                full, variant = lex.full(), variants[name]
                names = list(full.groupindex)
                for s, e in ((piece_start, v.start()), (v.end(), v.end() + 150),
                             (v.end() - 1, v.end() + 150), (piece_start, v.start() + 1),
                             (rnd.randint(piece_start, v.start()), v.start())):
                    for how in ("match", "search"):
                        want = getattr(full, how)(text, s, e)
                        assert _spans(getattr(variant, how)(text, s, e), names) == \
                            _spans(want, names), (name, how, s, e)
                        checked += want is not None
    assert checked > 100


def test_a_short_text_compiles_its_words_then_the_full_pattern(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "VARIANTS", 3)

    def source(v: patterns.Vocab) -> str:
        return rf"\b(?:{patterns._fragments(False, vocab=v)['titles']})"

    lex = patterns._lexical(source, ("titles",))
    first = lex.pattern("Mr. Lee said so.")
    assert first.match("Mr. Lee") and not first.match("Senator Lee")  # its words only
    assert lex.pattern("Mr. Ode.") is first  # no new word: the same pattern
    seen = [first]
    for title in ["Senator", "Gov.", "Dr.", "Judge"][:patterns.VARIANTS - 1]:
        got = lex.pattern(f"{title} Lee said so.")
        assert got not in seen and got.match("Mr. Lee")  # the words seen so far, and its own
        assert got.match(f"{title} Lee") and not got.match("Rev. Lee")
        seen.append(got)
    assert lex.pattern("Rev. Ode") is lex.full()  # after VARIANTS, the full pattern
    assert lex.full().match("Rev. Lee")
    other = patterns._lexical(source, ("titles",))
    assert other.pattern("Mr. " * patterns.VOCAB_REACH) is other.full()  # a long text
    other = patterns._lexical(source, ("titles",))
    first = other.pattern("Mr. Lee")
    for k in range(patterns.LOOKUPS - 1):
        assert other.pattern(f"Mr. Lee {k}") is first  # no new word
    assert other.pattern("Mr. Ode") is other.full()  # the words of LOOKUPS texts looked up


def test_case_blind_entries_are_found_as_the_regex_module_folds() -> None:
    """A character the regex module matches case-blind to ASCII letters is folded to
    them by patterns._folded, for every character Python's tables know; one they do not
    know makes every entry count as present."""
    grams = sorted({w[i:i + k].lower() for kind in ("roles", "non_speech")
                    for e in patterns._lists()[kind][0] for w in e.split()
                    for k in (2, 3) for i in range(len(w) - k + 1) if w[i:i + k].isalpha()})
    one = regex.compile(r"(?i)[a-z]", regex.V1)
    more = regex.compile(r"(?i)\L<grams>", regex.V1, grams=grams)
    folded = 0
    for c in range(0x80, 0x30000):
        ch = chr(c)
        if 0xD800 <= c < 0xE000 or unicodedata.category(ch) == "Cn":
            continue
        if one.fullmatch(ch) or more.fullmatch(ch):
            got = patterns._folded(ch)
            assert got is not None and got.isascii() and one.fullmatch(got[0]), hex(c)
            assert (one if len(got) == 1 else more).fullmatch(got), hex(c)
            folded += 1
    assert folded > 5  # "ſ", "K" (Kelvin), "ß", "ﬁ", "İ", ...
    assert patterns._folded("a\U000e0fff") is None  # unassigned
    assert patterns.present("BOSS \U000e0fff", "roles") == frozenset(patterns._lists()["roles"][0])
