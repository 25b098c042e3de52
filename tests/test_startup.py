"""Import builds none of the word-list patterns; each is built when first used (issue 15)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import regex
sizes = []
real = regex.compile
def counting(pattern, flags=0, *args, **kwargs):
    sizes.append(len(pattern) if isinstance(pattern, str) else 0)
    return real(pattern, flags, *args, **kwargs)
regex.compile = counting
import quoteattr
from quoteattr import patterns
print(max(sizes, default=0), sum(f.cache_info().currsize for f in patterns._BUILDERS.values()))
quoteattr.extract('"Fine," said Ann Lee.')
built = [n for n, f in patterns._BUILDERS.items() if f.cache_info().currsize]
print(len(built), len(patterns._BUILDERS))
"""


def test_import_compiles_no_word_list_pattern_and_extract_builds_only_some() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    largest, built_at_import = map(int, out[0].split())
    assert largest < 2_000  # the word-list patterns are tens of KB of source
    assert built_at_import == 0
    built, total = map(int, out[1].split())
    assert 0 < built < total  # a short text pays only for the patterns it needs


def test_build_all_compiles_every_pattern_once() -> None:
    """A process about to fork workers builds every pattern, so that none is compiled
    again in a worker (each builder is cached: a second call builds nothing)."""
    from quoteattr import patterns

    patterns.build_all()
    builders = patterns._BUILDERS.values()
    assert builders and all(b.cache_info().currsize == 1 for b in builders)  # type: ignore[attr-defined]


# The patterns share their word lists instead of repeating them (patterns._shared_tail,
# one pattern for two calls told apart by where they start or end); each sharing must
# find what the patterns written out in full found.

def _spans(m: object) -> object:
    return None if m is None else (m.span(), m.span("all"))  # type: ignore[attr-defined]


def test_shared_tail_matches_as_the_alternation_written_out() -> None:
    """An alternation whose alternatives end in one shared part, written with the part
    once, matches the same text the same way as the alternation written out, forward and
    right to left: random heads, tails and strings made to backtrack."""
    import random

    import regex

    from quoteattr import patterns

    rnd = random.Random(15)
    pieces = ["a", "b", "a*", "(?:ab|a)", "b?", "", "(?:a|b)+?", "a{0,2}"]
    name = rf"a(?:-a*){patterns._ANY}(?:\s+b(?:-b){patterns._ANY}){{0,2}}"
    looks = ["", "(?!b)", "(?= )", "(?!-)"]
    strings = ["".join(rnd.choice("ab- ") for _ in range(rnd.randint(0, 9))) for _ in range(150)]
    checked = 0
    for _ in range(60):
        alts = []
        for _k in range(rnd.randint(1, 5)):
            head = rnd.choice(pieces) + rnd.choice(pieces)
            tail: tuple[str, ...] = () if rnd.random() < 0.3 else (
                rnd.choice(looks), *rnd.sample(["b", "a-", " b"], rnd.randint(0, 2)))
            alts.append((head, tail))
        plain = "|".join(
            h + ("(?:" + "|".join([name + t[0], *t[1:]]) + ")" if t else "") for h, t in alts)
        for reverse in (False, True):
            shared = patterns._shared_tail("t", alts, name, reverse)
            flags = regex.V1 | (regex.REVERSE if reverse else 0)
            for ends in ("{}", r"{}\Z", r"\b{}(?= |\Z)"):
                a = regex.compile("(?P<all>" + ends.format(f"(?:{plain})") + ")", flags)
                b = regex.compile("(?P<all>" + ends.format(shared) + ")", flags)
                for s in strings:
                    assert _spans(a.search(s)) == _spans(b.search(s)), (alts, reverse, ends, s)
                    if not reverse:
                        assert _spans(a.match(s)) == _spans(b.match(s)), (alts, ends, s)
                    checked += 1
    assert checked > 10_000


_WRITTEN = [  # texts written for these tests
    "The mayor, now 81 and retired in Cambridge, Mass., said the plan was late.",
    "Mr. Daniloff, who is 81, said nothing; Ann Lee (D-Mo.) told reporters on Friday:",
    "Yesterday a spokesman for the council, Terry Noon, said that it would open.",
    "the burly Moze said to Mrs. Hale, quietly, that the O'Brien children had gone.",
    "According to Dr. J. R. Smith-Jones of the Harbour Trust, officials told him so.",
]


def test_one_pattern_for_both_sides_of_a_verb() -> None:
    """speaker_at (the gap before a verb, the speaker after it), speaker_ending (with
    the shortest and, ending WIDE into the verb, the longest apposition) and
    addressee_next (the hearer; from TAIL before the verb's end, the frame's tail) find
    what the separate patterns they replace found, at every verb of the texts."""
    import regex

    from quoteattr import patterns

    f, r = patterns._fragments(False), patterns._fragments(True)
    p = patterns.compiled()
    gap = regex.compile(rf"(?P<sp>{f['speaker']})(?:(?P<ap>{f['appos']}|{f['open_appos']}),?|,)?"
                        rf"\s+{f['aux']}?{f['adv']}?", regex.V1)
    after = regex.compile(rf"(?:,\s+(?:\p{{Ll}}+\s+)?\p{{Ll}}+ly,)?\s+(?P<sp>{f['speaker']})\b",
                          regex.V1)
    wide = regex.compile(rf"\b(?P<sp>{r['named']})(?P<ap>,\s+[^\"“”\n]{{1,120}},)\s+"
                         rf"{r['aux']}?{r['adv']}?\Z", regex.V1 | regex.REVERSE)
    tail = regex.compile(rf"(?:\s+(?P<ad>{f['obj']})\b)?(?P<tail>(?:\s+[^\s:\"“”]+){{0,10}}?)"
                         rf"\s*[:,—–.]?\s*\Z", regex.V1)

    def same(a: regex.Match[str] | None, b: regex.Match[str] | None, *groups: str) -> bool:
        return (a is None) == (b is None) and (
            a is None or [a.span(g) for g in groups] == [b.span(g) for g in groups])  # type: ignore[union-attr]

    found = 0
    for text in _WRITTEN:
        for v in p.verb.finditer(text):
            for s in range(0, v.start()):
                if p.lead.match(text, s).end() != s:  # cues.after reads past the lead
                    continue
                assert same(gap.fullmatch(text, s, v.start()),
                            p.speaker_at.match(text, s, v.start()), "sp", "ap"), (text, s)
                assert same(wide.search(text, s, v.start()),
                            p.speaker_ending.search(text, s, v.start() + patterns.WIDE),
                            "sp", "ap"), (text, s)
            for e in range(v.end(), len(text) + 1):
                m = after.match(text, v.end(), e)
                found += m is not None
                assert same(m, p.speaker_at.match(text, v.end(), e), "sp"), (text, e)
                assert same(tail.match(text, v.end(), e),
                            p.addressee_next.match(text, v.end() - patterns.TAIL, e),
                            "ad", "tail"), (text, e)
    assert found > 10
