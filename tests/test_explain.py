"""explain() and Quote.evidence: the reasons behind each speaker."""

from __future__ import annotations

import quoteattr


def test_pronoun_chain_is_shown() -> None:
    text = "Pete Hegseth toured the plant. “You have something special,” he told Healey."
    res = quoteattr.extract(text)
    (q,) = res
    assert q.speaker == "Pete Hegseth" and q.addressee == "Healey"
    assert q.evidence[0] == "rule cue_after"
    assert any("pronoun 'he' -> 'Pete Hegseth'" in e for e in q.evidence)
    out = quoteattr.explain(res)
    assert out.splitlines()[0] == f'[{q.start}-{q.end}] "You have something special,"'
    assert "to 'Healey'" in out


def test_unattributed_and_continuation_say_so() -> None:
    text = '"First," Ann Lee said. "Second."\n\n"Nobody claims this."'
    res = quoteattr.extract(text)
    assert [q.rule for q in res] == ["cue_after", "previous_sentence", "continuation"]
    assert "continues the speaker" in res[2].evidence[0]
    (alone,) = quoteattr.extract('Nothing here is "closed for the whole of the winter season".')
    assert alone.speaker is None and alone.rule is None
    assert alone.evidence == ("no cue frame, and no quotation before it to continue",)


def test_explain_one_quote_shortens() -> None:
    q = quoteattr.extract('"' + "word " * 40 + '," Ann Lee said.')[0]
    line = quoteattr.explain(q, width=20).splitlines()[0]
    assert line.endswith('..."') and len(line.split('"')[1]) == 20
