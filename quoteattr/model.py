"""Result records: plain, immutable, picklable values."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, overload

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted passage and its attribution.

    ``text == source[start:end]``: offsets are of the quoted words, inside the marks.
    Pieces of one quotation (interrupted by its attribution, or running over several
    paragraphs) share ``id``.
    """

    id: int
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    addressee: str | None = None
    addressee_span: Span | None = None
    kind: str = "speech"
    paragraph: int = 0
    confidence: float = 0.0
    rule: str | None = None
    mention: str | None = None
    evidence: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict of every field (spans as lists)."""
        d = asdict(self)
        for key in ("speaker_span", "cue_span", "addressee_span"):
            if d[key] is not None:
                d[key] = list(d[key])
        d["evidence"] = list(self.evidence)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        """Rebuild a Quote from :meth:`to_dict` output."""
        d = dict(d)
        for key in ("speaker_span", "cue_span", "addressee_span"):
            if d.get(key) is not None:
                d[key] = tuple(d[key])
        d["evidence"] = tuple(d.get("evidence") or ())
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A canonical speaker and the ids of the quotes attributed to them."""

    name: str
    quotes: tuple[int, ...]
    mentions: tuple[Span, ...]


class Extraction(Sequence[Quote]):
    """The quotes of one text, in document order, with the text they index.

    Behaves as a read-only sequence of :class:`Quote`; displays as highlighted HTML in
    Jupyter; ``to_dict()`` gives plain JSON-ready data.
    """

    __slots__ = ("_quotes", "text")

    def __init__(self, text: str, quotes: Sequence[Quote]) -> None:
        self.text = text
        self._quotes = tuple(quotes)

    @overload
    def __getitem__(self, i: int) -> Quote: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Quote, ...]: ...
    def __getitem__(self, i: int | slice) -> Quote | tuple[Quote, ...]:
        return self._quotes[i]

    def __len__(self) -> int:
        return len(self._quotes)

    def __iter__(self) -> Iterator[Quote]:
        return iter(self._quotes)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Extraction):
            return self.text == other.text and self._quotes == other._quotes
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.text, self._quotes))

    def __repr__(self) -> str:
        return f"Extraction({len(self._quotes)} quotes, {len(self.text)} chars)"

    def __getstate__(self) -> tuple[str, tuple[Quote, ...]]:
        return self.text, self._quotes

    def __setstate__(self, state: tuple[str, tuple[Quote, ...]]) -> None:
        self.text, self._quotes = state

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """Canonical speakers, most quoted first, each with its quote ids and mentions."""
        by_name: dict[str, tuple[list[int], list[Span]]] = {}
        for q in self._quotes:
            if q.speaker is None:
                continue
            ids, spans = by_name.setdefault(q.speaker, ([], []))
            if q.id not in ids:
                ids.append(q.id)
            if q.speaker_span is not None and q.speaker_span not in spans:
                spans.append(q.speaker_span)
        ranked = sorted(by_name.items(), key=lambda kv: (-len(kv[1][0]), kv[0]))
        return tuple(Speaker(n, tuple(ids), tuple(sp)) for n, (ids, sp) in ranked)

    def to_dict(self) -> dict[str, Any]:
        """``{"text": ..., "quotes": [...]}`` with every quote as a plain dict."""
        return {"text": self.text, "quotes": [q.to_dict() for q in self._quotes]}

    def _repr_html_(self) -> str:
        from .display import to_html

        return to_html(self)

