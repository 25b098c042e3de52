"""Result records: plain, immutable, picklable values."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
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
    speaker_id: int | None = None  # the :class:`Speaker` record (``Speaker.id``) of the speaker
    addressee_id: int | None = None  # and of the addressee, within the document

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


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
_SLOTS = tuple(Quote.__dict__[name] for name in _QUOTE_FIELDS)  # the fields' slot descriptors
_SLOT_OF = dict(zip(_QUOTE_FIELDS, _SLOTS, strict=True))
_values = attrgetter(*_QUOTE_FIELDS)
_new = object.__new__


def with_fields(q: Quote, **changes: Any) -> Quote:
    """``dataclasses.replace(q, **changes)`` for a :class:`Quote`, without its checks:
    a text can hold a million quotations, each copied on its way out. The fields are
    written through their slots, as the frozen class's ``__init__`` does."""
    new = _new(Quote)
    for slot, value in zip(_SLOTS, _values(q), strict=True):
        slot.__set__(new, value)
    for name, value in changes.items():
        slot = _SLOT_OF.get(name)
        if slot is None:
            raise TypeError(f"Quote has no field {name!r}")
        slot.__set__(new, value)
    return new


def replace(obj: Any, **changes: Any) -> Any:
    """``dataclasses.replace``, by :func:`with_fields` for a :class:`Quote`."""
    if type(obj) is Quote:
        return with_fields(obj, **changes)
    return dataclasses.replace(obj, **changes)


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person (or organisation, group, unnamed description) who speaks, is spoken to or
    is named in a text, as :mod:`quoteattr.speakers` builds it from the attributed quotes.

    ``id`` numbers the records of one document in order of the person's first mention
    (the earliest of their aliases, quote or addressee mentions); each :class:`Quote`
    points at its records by ``speaker_id`` / ``addressee_id``. ``name`` is the canonical
    name (the ``speaker`` of their quotes). ``aliases``: the forms the text uses for them,
    each with the (start, end) of its mentions. ``roles`` and ``affiliations``: as the text
    gives them ("UK Defence Secretary"; "the ministry" of "a spokesman for the ministry").
    ``kind``: "person", "organisation", "group" or "description". ``gender``: "m" or "f"
    only where the text states it (``gender_evidence`` says how), else None. ``quotes``:
    ids of the quotations they speak; ``addressed``: those spoken to them; ``mentions``:
    the speaker mentions of their quotes.
    """

    name: str
    quotes: tuple[int, ...] = ()
    mentions: tuple[Span, ...] = ()
    id: int = 0
    aliases: tuple[tuple[str, tuple[Span, ...]], ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    kind: str = "person"
    gender: str | None = None
    gender_evidence: tuple[str, ...] = ()
    addressed: tuple[int, ...] = ()

    @property
    def n_quotes(self) -> int:
        """The number of quotations they speak (pieces of one quotation count once)."""
        return len(self.quotes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict of every field (tuples as lists), with ``n_quotes``."""
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "aliases": [[form, [list(sp) for sp in spans]] for form, spans in self.aliases],
                "roles": list(self.roles), "affiliations": list(self.affiliations),
                "gender": self.gender, "gender_evidence": list(self.gender_evidence),
                "quotes": list(self.quotes), "n_quotes": self.n_quotes,
                "addressed": list(self.addressed), "mentions": [list(m) for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        """Rebuild a Speaker from :meth:`to_dict` output."""
        return cls(d["name"], tuple(d.get("quotes") or ()),
                   tuple(tuple(m) for m in d.get("mentions") or ()),
                   d.get("id", 0),
                   tuple((form, tuple(tuple(sp) for sp in spans))
                         for form, spans in d.get("aliases") or ()),
                   tuple(d.get("roles") or ()), tuple(d.get("affiliations") or ()),
                   d.get("kind", "person"), d.get("gender"),
                   tuple(d.get("gender_evidence") or ()), tuple(d.get("addressed") or ()))


class Extraction(Sequence[Quote]):
    """The quotes of one text, in document order, with the text they index.

    Behaves as a read-only sequence of :class:`Quote`; displays as highlighted HTML in
    Jupyter; ``to_dict()`` gives plain JSON-ready data.
    """

    __slots__ = ("_quotes", "_speakers", "text")

    def __init__(self, text: str, quotes: Sequence[Quote],
                 speakers: Sequence[Speaker] | None = None) -> None:
        self.text = text
        self._quotes = tuple(quotes)
        self._speakers = tuple(speakers) if speakers is not None else None

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

    def __getstate__(self) -> tuple[str, tuple[Quote, ...], tuple[Speaker, ...] | None]:
        return self.text, self._quotes, self._speakers

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.text, self._quotes = state[0], state[1]
        self._speakers = state[2] if len(state) > 2 else None

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """One record per person who speaks, is spoken to or is named, in order of ``id`` (see
        :class:`Speaker`); built by :func:`quoteattr.speakers.build` from the quotes."""
        if self._speakers is None:
            from .speakers import build

            self._speakers = build(self.text, self._quotes)[1]
        return self._speakers

    def speaker(self, speaker_id: int | None) -> Speaker | None:
        """The record with this id (a quote's ``speaker_id`` or ``addressee_id``), or None."""
        if speaker_id is None:
            return None
        found = self.speakers
        if 0 <= speaker_id < len(found) and found[speaker_id].id == speaker_id:
            return found[speaker_id]
        return next((s for s in found if s.id == speaker_id), None)

    def speakers_frame(self) -> Any:
        """The speakers as a pandas DataFrame, one row per record (needs ``pandas``); see
        :func:`quoteattr.frame.speakers_frame`."""
        from .frame import speakers_frame

        return speakers_frame([self])

    def to_dict(self) -> dict[str, Any]:
        """``{"text": ..., "quotes": [...], "speakers": [...]}``, all plain dicts."""
        return {"text": self.text, "quotes": [q.to_dict() for q in self._quotes],
                "speakers": [s.to_dict() for s in self.speakers]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Extraction:
        """Rebuild an Extraction from :meth:`to_dict` output."""
        speakers = d.get("speakers")
        return cls(d["text"], [Quote.from_dict(q) for q in d.get("quotes") or ()],
                   None if speakers is None else [Speaker.from_dict(s) for s in speakers])

    def _repr_html_(self) -> str:
        from .display import to_html

        return to_html(self)

