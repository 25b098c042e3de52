"""The speech-verb finders (quoteattr.speechverbs) against the alternation patterns they
replace, written out here from the same word lists: the same matches at every position
and window end of texts written to exercise them (phrases, role nouns after a verb in
ASCII and not, adverbs, pre-verb words, the three kinds of apposition, odd white space)."""

from __future__ import annotations

import pytest
import regex

from quoteattr import patterns

TEXTS = [
    '"We will," Mr. Hale said quietly. "Soon," said the press secretary, then added that',
    "Ana Ruiz, 83, a former aide, has also said it. Lowe (D-Mo.) told reporters so.",
    "Reed of the American Enterprise Institute of Boston often quietly wrote in an op-ed:",
    "Smith, who said nothing, told\nthe BBC that  he   said\tit; said Spokesman Ode.",
    "the Protégé said, said Protégé Ruiz, said ſpokesman Ruiz, said \u212aing, saidé x",
    "He replied, reply said, unsaid. Then the co-founder said, said co-founder Amy Ng.",
    "O'Neill of the Trust (\u00a0R-Tex.\u00a0) had said, as she put it, \u201cno\u201d, she "
    "shot back",
    "Yesterday Mr. J. R. Smith-Jones, the defence secretary,\nsaid: \"Fine\" - asked Vice "
    "President Lowe",
]


@pytest.fixture(scope="module")
def written() -> dict[str, regex.Pattern[str]]:
    f = {**patterns._fragments(False),
         "verbs": patterns.alternation(patterns._verb_entries())}
    r = {"verbs": patterns.alternation(patterns._verb_entries(), reverse=True)}
    fwd, back = regex.V1, regex.V1 | regex.REVERSE
    return {
        "verb": regex.compile(rf"\b(?P<v>{f['verbs']})\b(?!\s+(?i:{f['roles']})\b)", fwd),
        "verb_at": regex.compile(rf"{f['adv']}?(?P<v>{f['verbs']})\b", fwd),
        "verb_next": regex.compile(
            rf"{f['appos']}?\s+{f['aux']}?{f['adv']}?(?:{f['verbs']})\b", fwd),
        "verb_ending": regex.compile(rf"\b(?:{r['verbs']})\s+\Z", back),
    }


def _spans(m: object, *groups: str) -> object:
    return None if m is None else [m.span(g) for g in (0, *groups)]  # type: ignore[attr-defined]


def test_finders_match_the_alternations(written: dict[str, regex.Pattern[str]]) -> None:
    p = patterns.compiled()
    found = dict.fromkeys(written, 0)
    for text in TEXTS:
        for s in range(len(text) + 1):
            for e in range(s, len(text) + 1):
                want = [_spans(m, "v") for m in written["verb"].finditer(text, s, e)]
                assert [_spans(m, "v") for m in p.verb.finditer(text, s, e)] == want, (text, s, e)
                found["verb"] += len(want)
                want1 = _spans(written["verb_at"].match(text, s, e), "v")
                assert _spans(p.verb_at.match(text, s, e), "v") == want1, (text, s, e)
                want2 = _spans(written["verb_next"].match(text, s, e))
                assert _spans(p.verb_next.match(text, s, e)) == want2, (text, s, e)
                want3 = _spans(written["verb_ending"].search(text[s:e]))
                assert _spans(p.verb_ending.search(text[s:e])) == want3, (text, s, e)
                for name, hit in (("verb_at", want1), ("verb_next", want2), ("verb_ending", want3)):
                    found[name] += hit is not None
    assert all(found.values()), found  # every finder found something to compare


def test_a_role_noun_after_the_verb_is_read_in_any_script() -> None:
    """"said Spokesman X" is no cue ("the spokesman said" is); case-blind, with full case
    folding where the text is not ASCII."""
    p = patterns.compiled()
    assert p.verb.search("said Spokesman Ode") is None
    assert p.verb.search("said ſpokesman Ode") is None  # long s folds to s
    assert p.verb.search("said Ode").span("v") == (0, 4)
    assert p.verb.search("the spokesman said.").group("v") == "said"


def test_longest_phrase_first() -> None:
    p = patterns.compiled()
    assert p.verb.search("He wrote in an op-ed that").group("v") == "wrote in an op-ed"
    assert p.verb.search("He wrote in an op-edit").group("v") == "wrote"
    assert p.verb_ending.search("as he  said \n").start() == 0  # a phrase
    assert p.verb_ending.search("Ana  said \n").start() == 5


def test_adj_name_whole() -> None:
    """adj_name, only matched whole, reads as the fragment with its role look-ahead."""
    f = patterns._fragments(False)
    written = regex.compile(f["adj_name"], regex.V1)
    p = patterns.compiled()
    for raw in ("the burly Moze", "the little Pooh", "a senior Trump aide", "the old Mr. Hale",
                "the tall Spokesman", "the burly Moze spokesman", "The quiet Anne Shirley"):
        assert (written.fullmatch(raw) is None) == (p.adj_name.fullmatch(raw) is None), raw
    assert p.adj_name.fullmatch("the burly Moze")


def test_name_colon_gated() -> None:
    """name_colon, compiled only for a window ending in a colon, finds what the pattern
    written out finds."""
    r = patterns._fragments(True)
    written = regex.compile(rf"\b(?P<sp>{r['name']})\s*:\s*\Z", regex.V1 | regex.REVERSE)
    p = patterns.compiled()
    text = "Pollsters agree - Carl Bialik: \nand Mr. Hale :  then Ana,"
    hits = 0
    for s in range(len(text) + 1):
        for e in range(s, len(text) + 1):
            want = written.search(text, s, e)
            got = p.name_colon.search(text, s, e)
            assert (None if want is None else want.span("sp")) == \
                (None if got is None else got.span("sp")), (s, e)
            hits += want is not None
    assert hits
