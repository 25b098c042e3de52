"""Addressees of a story's dialogue: whom each line is spoken to.

Decided once the speakers are, paragraph by paragraph, by the first of these signals
that answers (each a small function below); none when the evidence is weak:

- ``called``: the one the line calls by name or its tag names as hearer (``"My dear
  Emma, ..."``, ``said to Emma``), as the dialogue pass found them;
- ``faced``: the one the paragraph's narration has the speaker turn to or look at
  (``turning to Anne``; data/facing_phrases.txt);
- ``named_neighbour``: in a run of dialogue paragraphs, the speaker of the line just
  before (else just after) when a name tag of that line names them (``said Anne``):
  the line answers them, or is answered by them;
- ``exchange``: the one who speaks both the line before and the line after (two people
  taking turns);
- ``answered``: the one who spoke just before (else just after), when the line's own
  speaker is named by a tag;
- ``reply``: the speaker of the line before (else after) when that line called this
  line's speaker or faced them (``"Feel bad, Wren?"`` / ``"I thought you would come."``).

The addressee is never the line's own speaker.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from .cast import Placed
from .lexicon import column
from .model import Quote, replace  # fast for a Quote
from .patterns import listed


@dataclass(frozen=True, slots=True)
class Line:
    """One dialogue paragraph, as the addressee rules see it."""

    paragraph: int
    speaker: str | None
    named: bool = False  # a name tag of its own names the speaker ("said Anne")
    called: str | None = None  # the one it calls or a tag names as hearer
    faced: str | None = None  # the one its narration has the speaker turn to


Rule = Callable[[Line, "Line | None", "Line | None"], "str | None"]


def called(line: Line, before: Line | None, after: Line | None) -> str | None:
    """The one the line calls by name (``"Now, Emma, ..."``) or says it to."""
    return line.called


def faced(line: Line, before: Line | None, after: Line | None) -> str | None:
    """The one the narration has the speaker turn to or look at."""
    return line.faced


def named_neighbour(line: Line, before: Line | None, after: Line | None) -> str | None:
    """The speaker of the line before (else after) when a name tag names them."""
    for other in (before, after):
        if other is not None and other.named:
            return other.speaker
    return None


def exchange(line: Line, before: Line | None, after: Line | None) -> str | None:
    """The one who speaks both just before and just after: two people taking turns."""
    if before is not None and after is not None and before.speaker == after.speaker:
        return before.speaker
    return None


def answered(line: Line, before: Line | None, after: Line | None) -> str | None:
    """A line whose speaker a name tag gives: the one who spoke just before, else the
    one who answers it (not when a third person speaks before and after)."""
    if not line.named or (before is not None and after is not None):
        return None
    other = before or after
    return other.speaker if other is not None else None


def reply(line: Line, before: Line | None, after: Line | None) -> str | None:
    """The one whose line next to this one called or faced this line's speaker."""
    for other in (before, after):
        if other is not None and line.speaker in (other.called, other.faced):
            return other.speaker
    return None


RULES: tuple[Rule, ...] = (called, faced, named_neighbour, exchange, answered, reply)


def decide(lines: Sequence[Line]) -> dict[int, str]:
    """Paragraph number -> addressee for ``lines`` (document order): the first rule that
    answers, given the line and its neighbours in the run (the adjacent paragraphs, when
    they are dialogue spoken by someone else)."""
    at = {line.paragraph: line for line in lines}
    out: dict[int, str] = {}
    for line in lines:
        if line.speaker is None:
            continue
        before = _other(at.get(line.paragraph - 1), line)
        after = _other(at.get(line.paragraph + 1), line)
        for rule in RULES:
            who = rule(line, before, after)
            if who is not None and who != line.speaker:
                out[line.paragraph] = who
                break
    return out


def _other(line: Line | None, this: Line) -> Line | None:
    """``line`` when someone other than ``this`` line's speaker speaks it."""
    if line is None or line.speaker is None or line.speaker == this.speaker:
        return None
    return line


@lru_cache(maxsize=1)
def facing() -> regex.Pattern[str]:
    """``turning to`` and its kin at the end of a stretch of narration."""
    return regex.compile(rf"\b{listed(column('facing_phrases.txt'))}\s+\Z", regex.IGNORECASE)


def face(text: str, placed: Placed, start: int, end: int) -> str | None:
    """The one person the narration ``start..end`` has someone turn to or look at."""
    found = {ch.name for s, _e, ch in placed.find(start, end)
             if facing().search(text, max(start, s - 30), s)}
    return found.pop() if len(found) == 1 else None


def assign(text: str, paragraphs: Sequence[tuple[int, int]], quotes: list[Quote],
           placed: Placed, named: Collection[int]) -> list[Quote]:
    """``quotes`` (a story's speech, document order, speakers decided) with addressees;
    ``named`` are the quotes whose own tag names their speaker."""
    rows = [(q.paragraph, q.start, q.end, q.speaker, q.addressee) for q in quotes]
    out = list(quotes)
    for i, who in hearers(text, paragraphs, rows, placed, named).items():
        out[i] = replace(out[i], addressee=who, addressee_span=None)
    return out


Row = tuple[int, int, int, "str | None", "str | None"]  # paragraph, start, end, speaker, addressee


def hearers(text: str, paragraphs: Sequence[tuple[int, int]], rows: Sequence[Row],
            placed: Placed, named: Collection[int]) -> dict[int, str | None]:
    """Quote index -> its new addressee, for the quotes of ``rows`` (one per quotation of a
    story's speech, document order, speakers decided) whose addressee changes; ``named``
    are the quotes whose own tag names their speaker. No quotation is copied here."""
    by_para: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        by_para.setdefault(row[0], []).append(i)
    lines = [_line(text, paragraphs[p], rows, idx, placed, named)
             for p, idx in sorted(by_para.items())]
    found = decide(lines)
    out: dict[int, str | None] = {}
    for p, idx in by_para.items():
        who = found.get(p)
        for i in idx:
            _p, _s, _e, speaker, addressee = rows[i]
            if speaker is None:
                continue
            mine = who if who != speaker else None  # never one's own addressee
            if mine != addressee:
                out[i] = mine
    return out


def _line(text: str, para: tuple[int, int], rows: Sequence[Row], idx: list[int],
          placed: Placed, named: Collection[int]) -> Line:
    speaker = next((rows[i][3] for i in idx if rows[i][3]), None)
    hearer = next((rows[i][4] for i in idx
                   if rows[i][4] and rows[i][4] != speaker), None)
    facing = None
    at = para[0]
    for i in [*idx, -1]:
        stop = rows[i][1] if i >= 0 else para[1]
        facing = facing or face(text, placed, at, stop)
        if i >= 0:
            at = rows[i][2]
    return Line(rows[idx[0]][0], speaker,
                any(i in named and rows[i][3] == speaker for i in idx),
                hearer, facing if facing != speaker else None)
