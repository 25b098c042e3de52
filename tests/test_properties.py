"""Property tests: invariants of ``extract`` over generated text.

Invariants, for every input: no exception; offsets index the input; quotes come in
document order and do not overlap; the same input gives the same output; the result
survives pickle and JSON round trips; speech quotes are among the ``kinds="all"`` ones.
"""

from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktSentenceTokenizer

import quoteattr
from quoteattr import marks, paragraphs, sentences
from quoteattr.lexicon import load

EXAMPLES = settings(max_examples=1000, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

MARKS = [*"\"'“”‘’«»‹›„‚‛‟`", "``", "''"]
APOSTROPHES = ["'", "’", "'s", "n't", "'90s", "rock 'n' roll", "o'clock", "players'"]
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\u2028", "\u2029", "\x85", "\n \n"]
PUNCT = [*".,;:!?—–-…()[]", ": ", ", ", ". "]
WORDS = ["said", "says", "told", "added", "according to", "he", "she", "they", "Mr.",
         "Dr", "Jane", "Smith", "the minister", "him", "her", "I", "we", "Sir", "Ann",
         "O'Neil", "Van", "de", "St.", "U.S.", "yes", "no", "won't", "It", "is", "fine"]
NAMES = ["Jane Smith", "Bo Chen", "Mr. Bennet", "Dr Ruth Okafor", "the spokeswoman",
         "Sir Ian Blake", "Ann", "a senior official", "he", "she", "Prof. Ana de Souza"]
VERBS = ["said", "says", "told reporters", "added", "warned", "insisted", "explained",
         "told him", "replied"]

any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=300)
pieces = st.lists(st.sampled_from(MARKS + APOSTROPHES + BREAKS + PUNCT + WORDS + [" "] * 6),
                  max_size=80).map("".join)
mixed = st.lists(st.one_of(pieces, any_text.map(lambda t: t[:20])), max_size=6).map("".join)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = " ".join(draw(st.lists(st.sampled_from(WORDS[-12:]), min_size=1, max_size=9)))
    name, verb = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS))
    o, c = draw(st.sampled_from([('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»")]))
    form = draw(st.integers(0, 6))
    return [f"{o}{words},{c} {name} {verb}.",
            f"{name} {verb}: {o}{words}.{c}",
            f"{o}{words},{c} {verb} {name}. {o}{words}.{c}",
            f"{o}{words},{c} {name} {verb}, {o}{words}.{c}",
            f"According to {name}, the plan was {o}{words}{c}.",
            f"{name.capitalize()} {verb} {words}.",
            f"{o}{words}"][form]


article = st.lists(st.lists(sentence(), min_size=1, max_size=4).map(" ".join),
                   min_size=1, max_size=8).flatmap(
    lambda paras: st.sampled_from(["\n\n", "\n", "\r\n\r\n"]).map(lambda sep: sep.join(paras)))
dialogue = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(VERBS),
                              st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)),
                    min_size=1, max_size=12).map(
    lambda turns: "\n\n".join(f'"{" ".join(ws)}," {n} {v}.' if k % 3 else f'"{" ".join(ws)}"'
                              for k, (n, v, ws) in enumerate(turns)))


def check(text: str) -> None:
    """Every invariant of one input."""
    result = quoteattr.extract(text)
    everything = quoteattr.extract(text, kinds="all")
    for res in (result, everything):
        assert res.text == text
        last_end = 0
        for q in res:
            assert 0 <= q.start <= q.end <= len(text)
            assert text[q.start:q.end] == q.text
            assert q.start >= last_end, "quotes overlap or are out of order"
            last_end = q.end
            for span in (q.speaker_span, q.cue_span, q.addressee_span):
                assert span is None or 0 <= span[0] < span[1] <= len(text)
            if q.speaker_span is not None and q.mention is not None:
                assert text[slice(*q.speaker_span)] == q.mention
            if q.cue_span is not None:
                assert text[slice(*q.cue_span)] == q.cue
            assert 0.0 <= q.confidence <= 1.0
    assert {(q.start, q.end) for q in result} <= {(q.start, q.end) for q in everything}
    assert quoteattr.extract("".join(list(text))) == result  # a fresh, equal string
    assert pickle.loads(pickle.dumps(everything)) == everything
    # ensure_ascii=False: escaped, a lone surrogate pair (never in a decoded file) would be
    # read back as one character ('\ud800\udc00' -> '\U00010000'), a JSON rule, not ours
    data = json.loads(json.dumps(everything.to_dict(), ensure_ascii=False))
    assert data["text"] == text
    assert tuple(quoteattr.Quote.from_dict(d) for d in data["quotes"]) == tuple(everything)


@EXAMPLES
@given(any_text)
def test_random_unicode(text: str) -> None:
    check(text)


def test_surrogate_pair_round_trip() -> None:
    check('\ud800\udc00 "Hi," she said. \udfff')


@EXAMPLES
@given(mixed)
def test_marks_apostrophes_breaks_punctuation(text: str) -> None:
    check(text)


@EXAMPLES
@given(article)
def test_generated_articles(text: str) -> None:
    check(text)


@EXAMPLES
@given(dialogue)
def test_generated_dialogues(text: str) -> None:
    check(text)
    assert len(quoteattr.extract(text)) >= 1


@EXAMPLES
@given(st.one_of(mixed, article))
def test_sentence_pieces_match_a_plain_punkt_pass(text: str) -> None:
    """The shortcut for text with no sentence end, and the pieces, change nothing."""
    assert sentences.sentence_spans(text) == list(sentences.tokenizer().span_tokenize(text))


@EXAMPLES
@given(st.one_of(mixed, article, dialogue))
def test_remembered_sentence_breaks_match_a_plain_punkt(text: str) -> None:
    """Punkt's decisions, remembered per context, are the decisions of a plain Punkt."""
    plain = PunktSentenceTokenizer(sentences.parameters())
    text = text + " " + text  # every context comes twice: the second time, remembered
    assert list(sentences.tokenizer().span_tokenize(text)) == list(plain.span_tokenize(text))


@EXAMPLES
@given(st.lists(st.sampled_from([*MARKS, *PUNCT, *WORDS[:12], " ", "a", "9", "n"]),
                max_size=6).map("".join))
def test_a_lone_mark_is_read_as_pairing_would(text: str) -> None:
    """The shortcut for a paragraph with one mark agrees with the full pairing."""
    elisions = load().elisions
    found = [m.start() for m in marks._ANY_MARK.finditer(text)]
    if len(found) == 1 and text.strip():
        assert marks._pair_paragraph(text, 0, len(text), elisions) == (
            [], marks._lone_mark(text, found[0], 0, len(text), elisions))


def _mid_sentence_lines(text: str) -> tuple[int, int]:
    """Reference: lines whose last visible character, closing marks stripped off the last
    two, ends no sentence; and all line ends."""
    mid = ends = 0
    for line in text.split("\n")[:-1]:
        ends += 1
        last = line.rstrip(" \t\r\f\v\u00a0\u2028")[-2:].rstrip("\"”’')]")[-1:]
        mid += bool(last) and not last.isspace() and last not in ".!?:…"
    return mid, ends


@EXAMPLES
@given(st.lists(st.sampled_from([*"ab.!?:…\"”’')] \t\r\n", "\n", "\u2028", "\u00a0", "x."]),
                max_size=40).map("".join))
def test_wrapped_counts_lines_that_end_mid_sentence(text: str) -> None:
    mid, ends = _mid_sentence_lines(text)
    assert paragraphs._wrapped(text) == (ends > 0 and mid * 2 >= ends)


@EXAMPLES
@given(st.one_of(mixed, article, dialogue), st.data())
def test_sentence_starts_known_without_punkt_are_punkts(text: str, data: st.DataObject
                                                        ) -> None:
    """``start_after`` and ``starts_at`` answer as ``start_of`` does, split or not."""
    spans = paragraphs.paragraph_spans(text)
    if not spans:
        return
    ps, pe = data.draw(st.sampled_from(spans))
    pos = data.draw(st.integers(ps, pe))
    lo = data.draw(st.integers(ps, pos))
    split = sentences.Sentences(text, spans)
    assert sentences.Sentences(text, spans).start_after(lo, pos) == max(lo, split.start_of(pos))
    assert sentences.Sentences(text, spans).starts_at(pos) == (split.start_of(pos) == pos)


# -- quotations are not lost as a text grows (issue 16, finding 6) ---------------------

LINE_PIECES = ['"I will come," said Ann,', '"if you wish it."', "He went out.", '"Where?"',
               '"When I was young', "we lived by the sea.", 'that was all."', "the boys’ game",
               "'Tis fine,", '"No--" he began.', 'a stray " mark', "and so", "she said", "‘Yes’",
               "“Go,” he said.", "”", "«Non»", "walked to the door"]
hard_lines = st.lists(st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=4)
                      .map(" ".join), min_size=8, max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hard_lines, hard_lines)
def test_appended_text_loses_no_quotation(before: list[str], after: list[str]) -> None:
    """Hard-wrapped text with no blank line: every quotation found in a text is still
    found when more lines are appended, except those within ``marks.PAIR_REACH`` of its
    end (a closing mark in the appended text may still belong to them). The reach and
    the lines that decide how such a text is cut are made small here, so that short
    texts test what megabytes would."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(marks, "PAIR_REACH", 300)
        mp.setattr(paragraphs, "WRAP_SAMPLE", 5)
        text = "\n".join(before)
        longer = text + "\n" + "\n".join(after)
        found = {(q.start, q.end) for q in quoteattr.extract(text, kinds="all")
                 if q.end < len(text) - 300}
        kept = {(q.start, q.end) for q in quoteattr.extract(longer, kinds="all")}
    # a quotation holding another may come back in pieces around it (the longer text
    # can read as a story, whose pass splits at nested quotations): pieces inside it
    # must then hold all its words (a longer span swallowing it does not count)
    lost = []
    for s, e in found - kept:
        covered = {k for ks, ke in kept if s <= ks and ke <= e for k in range(ks, ke)}
        if any(k not in covered and not longer[k].isspace() and longer[k] not in MARKS
               for k in range(s, e)):
            lost.append((s, e))
    assert not lost, lost
