"""One identity per person across many documents: :class:`Speakers`.

Each document's results name a person by the fullest name that document gives ("John
Healey" in one article, "Healey" or "Mr Healey" in another, "Tony" in one chapter and
"Tony Last" in the next). :class:`Speakers` collects the speaker records of many results and
gives each person one corpus-wide id:

- full names (two words or more) are one person across documents when they are the same
  name once titles, honorifics, a chapter heading before them, an epithet ("Poor
  Marilla", data/name_epithets.txt) and a middle initial ("Randolph C. Miller"; kept where
  the documents give one name with two initials: "George W. Bush", "George H. W. Bush")
  are set aside; "Mr. John Knightley" and "Mrs. John Knightley" (titles of two genders)
  are two;
- a one-word name ("Tony", "Healey", "Mr Healey") joins the one full name it can be: its
  given name or surname, no gender stated against it ("Mrs Healey" is not John Healey),
  the one such full name, or one named in :data:`DOMINANT` times as many documents as any
  other, or else the one whose cues some document calls by that word ("Jane said" of Jane
  Andrews, where the documents also name a Flora Jane). An honorific goes with a surname
  ("Mr. Tony" is no Tony Last), except those that go with a given name as well ("Miss
  Rose", "Sir Ernest", "Lord Henry": data/given_name_titles.txt). A surname with an
  honorific must not be used on its own in many more documents than the full name is
  (:data:`DOMINANT` times: "Mr. Wilcox" of a novel whose son alone is named in full),
  unless the honorific is "Miss" or "Ms" (data/own_titles.txt); one with a family title
  ("Mrs", "Lady": data/family_titles.txt) joins only a full name whose cues some document
  calls so ("Mrs Tate said" of Jane Tate). A familiar form ("Harry", "Meg":
  data/nicknames.txt) without honorific, that is no word of a full name, is read as its
  formal name when exactly one of those occurs ("Harry" joins Lord Henry); a formal given
  name that is no word of a full name joins the one full name given with a familiar form
  of it ("Louisa" joins "Loo Bounderby"). Otherwise
  one-word names alike (same word, same honorific; a bare word takes the one honorific
  the documents give it) are one person;
- descriptions ("a spokesman") are a person of their own document only, except a story's
  capitalised ones ("the General"); organisations and groups are one per name.

The ids depend only on the records added and the order of their documents, not on how the
run was split: ``a.merge(b)`` equals adding ``a``'s documents then ``b``'s to one
collection, so Dask partitions can be collected separately and merged. Ids number persons
in order of their first document (then name).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

import regex

from .lexicon import load, read_rows, word_set
from .model import Extraction, Quote, Speaker

if TYPE_CHECKING:
    import pandas as pd

_HEADING = regex.compile(r"\p{Lu}{4,}\.?|[IVXLC]+\.")  # "CHAPTER", "V."
_SUFFIX = regex.compile(r"(?<=\p{L}{2})-\p{Ll}+$")
_DESCRIBED = regex.compile(r"[Tt]he\s+(\S.*)", regex.S)  # "the Jew", "the old gentleman"
_LONGEST = 60  # a speaker mention longer than this is no description

#: Columns of :meth:`Speakers.persons_frame` (one row per person).
PERSON_COLUMNS = ("person", "name", "kind", "gender", "quotes", "addressed", "documents",
                  "roles", "aliases")


@dataclass(frozen=True, slots=True)
class _Entry:
    """One document's record of one person, as much as identity needs."""

    doc: Hashable
    local: int  # the record's id in its document
    name: str
    kind: str
    gender: str | None  # stated in the document (title, pronoun, kin), else None
    forms: tuple[str, ...]
    said: tuple[str, ...]  # forms naming them as the speaker of a quote ("Mrs. Maylie said")
    described: tuple[str, ...]  # descriptions tagging their quotes ("jew" of "said the Jew"),
    # once per quote
    roles: tuple[str, ...]
    quotes: int
    addressed: int


@dataclass(frozen=True, slots=True)
class _Row:
    """One quote, as the corpus quotes table needs it."""

    doc: Hashable
    quote: int
    start: int
    end: int
    speaker: str | None
    speaker_local: int | None
    addressee: str | None
    addressee_local: int | None
    kind: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Person:
    """One person of the corpus: ``id``, the name most used, kind, gender (when the
    documents state one and none states another), and counts of quotes, of quotes addressed
    to them, per document and per role."""

    id: int
    name: str
    kind: str
    gender: str | None
    quotes: int
    addressed: int
    documents: dict[Hashable, int]  # document -> quotes there (0: spoken to or named)
    roles: dict[str, int]  # role -> documents giving it
    aliases: tuple[str, ...]


class Speakers:
    """The people of many results, one corpus-wide id each.

    >>> import quoteattr
    >>> people = quoteattr.Speakers()
    >>> people.add(quoteattr.extract('"Yes," John Healey said.'), "a")
    >>> people.add(quoteattr.extract('"No," Mr Healey said.'), "b")
    >>> people.id_of("a", "John Healey") == people.id_of("b", "Mr Healey")
    True
    """

    __slots__ = ("_cache", "_docs", "_entries", "_keep_quotes", "_local", "_rows")

    def __init__(self, results: Iterable[Extraction] | None = None, *,
                 quotes: bool = True) -> None:
        """``results``: optional results to add now (document ids 0, 1, ...). ``quotes``:
        keep one small row per quote for :meth:`quotes_frame` (False keeps only the
        people, for the smallest memory)."""
        self._entries: list[_Entry] = []
        self._rows: list[_Row] = []
        self._docs: dict[Hashable, int] = {}  # document id -> order added
        self._keep_quotes = quotes
        self._cache: dict[tuple[Hashable, str], int] | None = None
        self._local: dict[tuple[Hashable, int], str] | None = None  # (doc, local id) -> name
        if results is not None:
            for k, result in enumerate(results):
                self.add(result, k)

    def add(self, result: Extraction, doc_id: Hashable | None = None) -> None:
        """Add one document's result (``doc_id`` defaults to the number of documents so far;
        adding a document id again adds to that document)."""
        if not isinstance(result, Extraction):
            raise TypeError(f"add() needs an Extraction, got {type(result).__name__}")
        self._add(result, doc_id, result.speakers, result)

    def _add(self, result: Extraction, doc_id: Hashable | None, records: Iterable[Speaker],
             quotes: Iterable[Quote]) -> None:
        doc = len(self._docs) if doc_id is None else doc_id
        self._docs.setdefault(doc, len(self._docs))
        self._cache = self._local = None
        for s in records:
            self._entries.append(_entry(doc, s, result.text))
        if self._keep_quotes:
            for q in quotes:
                self._rows.append(_row(doc, q))

    def add_frame(self, frame: pd.DataFrame, id_col: str = "id") -> None:
        """Add the quotes of a DataFrame as :func:`quoteattr.extract_frame` makes it (the
        ``speaker`` and ``addressee`` columns; one document per value of ``id_col``). Where
        the frame has the ``speaker_id`` and ``addressee_id`` columns, each person keeps the
        document-local id the frame gives them (see :meth:`person_of`)."""
        local = "speaker_id" in frame.columns and "addressee_id" in frame.columns
        for doc, part in frame.groupby(id_col, sort=False):
            quotes = [Quote(int(r.quote_id), "", int(r.start), int(r.end),
                            _opt(r.speaker), None, None, None, _opt(r.addressee),
                            kind=str(r.kind), confidence=float(r.confidence),
                            speaker_id=_local(r.speaker_id) if local else None,
                            addressee_id=_local(r.addressee_id) if local else None)
                      for r in part.itertuples(index=False)]
            result = Extraction("", quotes)
            if local:
                given = {q.speaker: q.speaker_id for q in quotes if q.speaker_id is not None}
                given.update((q.addressee, q.addressee_id) for q in quotes
                             if q.addressee_id is not None and q.addressee not in given)
                self._add(result, doc, [replace(s, id=given.get(s.name, s.id))
                                        for s in result.speakers], quotes)
            else:
                self.add(result, doc)

    def merge(self, other: Speakers) -> Speakers:
        """A new collection: this one's documents, then ``other``'s."""
        out = Speakers(quotes=self._keep_quotes or other._keep_quotes)
        for part in (self, other):
            for doc in part._docs:
                out._docs.setdefault(doc, len(out._docs))
            out._entries.extend(part._entries)
            out._rows.extend(part._rows)
        return out

    def __len__(self) -> int:
        return len(set(self._ids().values()))

    def __repr__(self) -> str:
        return f"Speakers({len(self)} persons, {len(self._docs)} documents)"

    def __getstate__(self) -> dict[str, Any]:
        return {"entries": self._entries, "rows": self._rows, "docs": self._docs,
                "quotes": self._keep_quotes}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._entries, self._rows = state["entries"], state["rows"]
        self._docs, self._keep_quotes = state["docs"], state["quotes"]
        self._cache = self._local = None

    def id_of(self, doc_id: Hashable, name: str) -> int | None:
        """The corpus id of the person a document calls ``name`` (its canonical speaker
        name), or None when that document has no such person."""
        return self._ids().get((doc_id, name))

    def person_of(self, doc_id: Hashable, speaker_id: int) -> int | None:
        """The corpus id of a document's speaker record by its document-local id (a
        quote's ``speaker_id`` or ``addressee_id``, or those columns of
        :func:`quoteattr.extract_frame`), or None when the document has no such record."""
        if self._local is None:
            self._local = {(e.doc, e.local): e.name for e in self._entries}
        name = self._local.get((doc_id, speaker_id))
        return None if name is None else self._ids().get((doc_id, name))

    def persons(self) -> list[Person]:
        """Every person, in id order."""
        ids = self._ids()
        groups: dict[int, list[_Entry]] = {}
        for e in self._entries:
            groups.setdefault(ids[(e.doc, e.name)], []).append(e)
        return [_person(pid, groups[pid]) for pid in sorted(groups)]

    def __iter__(self) -> Iterator[Person]:
        return iter(self.persons())

    def persons_frame(self, by: str | None = None) -> pd.DataFrame:
        """The persons as a pandas DataFrame (needs ``pandas``).

        ``by=None``: one row per person, columns :data:`PERSON_COLUMNS` (``roles`` and
        ``documents`` as dicts of counts); ``by="role"``: one row per person and role, with
        ``documents`` (how many documents give them the role); ``by="document"``: one row per
        person and document, with ``quotes`` (spoken there) and ``addressed``."""
        pd = _pandas()
        persons = self.persons()
        if by is None:
            return pd.DataFrame([{"person": p.id, "name": p.name, "kind": p.kind,
                                  "gender": p.gender, "quotes": p.quotes,
                                  "addressed": p.addressed, "documents": dict(p.documents),
                                  "roles": dict(p.roles), "aliases": list(p.aliases)}
                                 for p in persons], columns=list(PERSON_COLUMNS))
        if by == "role":
            return pd.DataFrame([{"person": p.id, "name": p.name, "role": role,
                                  "documents": n}
                                 for p in persons for role, n in p.roles.items()],
                                columns=["person", "name", "role", "documents"])
        if by == "document":
            ids = self._ids()
            counts: Counter[tuple[int, Hashable]] = Counter()
            heard: Counter[tuple[int, Hashable]] = Counter()
            for e in self._entries:
                counts[(ids[(e.doc, e.name)], e.doc)] += e.quotes
                heard[(ids[(e.doc, e.name)], e.doc)] += e.addressed
            names = {p.id: p.name for p in persons}
            return pd.DataFrame([{"person": pid, "name": names[pid], "document": doc,
                                  "quotes": n, "addressed": heard[(pid, doc)]}
                                 for (pid, doc), n in counts.items()],
                                columns=["person", "name", "document", "quotes", "addressed"])
        raise ValueError(f"by must be None, 'role' or 'document', got {by!r}")

    def quotes_frame(self, frame: pd.DataFrame | None = None, id_col: str = "id"
                     ) -> pd.DataFrame:
        """The quotes with the corpus ids of their speaker and addressee (``person``,
        ``addressee_person``; missing where nobody is named).

        ``frame``: a DataFrame of quotes (:func:`quoteattr.extract_frame`) to add the two
        columns to (a copy); without it, the quotes added, one row each (document,
        quote_id, start, end, speaker, addressee, kind, confidence)."""
        pd = _pandas()
        ids = self._ids()
        if frame is not None:
            out = frame.copy()
            out["person"] = pd.Series(
                [ids.get((d, s)) if isinstance(s, str) else None
                 for d, s in zip(frame[id_col], frame["speaker"], strict=True)],
                index=frame.index, dtype="Int64")
            out["addressee_person"] = pd.Series(
                [ids.get((d, s)) if isinstance(s, str) else None
                 for d, s in zip(frame[id_col], frame["addressee"], strict=True)],
                index=frame.index, dtype="Int64")
            return out
        if not self._keep_quotes:
            raise ValueError("this collection keeps no quotes (Speakers(quotes=False)): "
                             "pass the frame of quotes")
        cols = ["document", "quote_id", "start", "end", "speaker", "person", "addressee",
                "addressee_person", "kind", "confidence"]
        data = [(r.doc, r.quote, r.start, r.end, r.speaker,
                 ids.get((r.doc, r.speaker)) if r.speaker else None, r.addressee,
                 ids.get((r.doc, r.addressee)) if r.addressee else None, r.kind,
                 r.confidence) for r in self._rows]
        out = pd.DataFrame(data, columns=cols)
        for c in ("person", "addressee_person"):
            out[c] = out[c].astype("Int64")
        for c in ("speaker", "addressee", "kind"):
            out[c] = out[c].astype("string")
        return out

    def _ids(self) -> dict[tuple[Hashable, str], int]:
        if self._cache is None:
            self._cache = _resolve(self._entries, self._docs)
        return self._cache


def _opt(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _local(value: Any) -> int | None:
    """A document-local id from a frame's nullable column (``<NA>``: None)."""
    return None if _pandas().isna(value) else int(value)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("Speakers tables need pandas: pip install 'quoteattr[pandas]'"
                          ) from e
    return pd


def _entry(doc: Hashable, s: Speaker, text: str = "") -> _Entry:
    mentions = sorted(s.mentions)
    reach = list(accumulate((me for _, me in mentions), max))  # furthest end so far
    said = tuple(f for f, spans in s.aliases if any(_inside(mentions, reach, a, b)
                                                    for a, b in spans))
    described = [" ".join(m.group(1).lower().split()) for a, b in mentions if b - a < _LONGEST
                 and (m := _DESCRIBED.fullmatch(text, a, b)) is not None]
    return _Entry(doc, s.id, s.name, s.kind, s.gender, tuple(f for f, _ in s.aliases), said,
                  tuple(sorted(described)), s.roles, len(s.quotes), len(s.addressed))


def _own_description(e: _Entry) -> str | None:
    """The description an entry is named by ("jew" of "Jew" whose lines say "said the
    Jew"; "stranger" of "the stranger"), else None."""
    words = e.name.split()
    form = " ".join(words[1:] if words[0].lower() == "the" else words).lower()
    return form if form in e.described else None


def _join_descriptions(entries: list[_Entry], keys: dict[tuple[Hashable, str], tuple[Any, ...]]
                       ) -> None:
    """Give a document's person known only by a description ("Jew", "the stranger") the
    key of the named person whose lines other documents tag with it ("said the Jew" of
    Fagin), in place: where :data:`JOIN_DOCUMENTS` documents or more give the description
    one name (:data:`DOMINANT` times as many as give it any other), and the document itself
    gives it no other name."""
    votes: dict[str, Counter[tuple[Any, ...]]] = {}  # documents giving the form a name
    by_doc: dict[tuple[Hashable, str], set[tuple[Any, ...]]] = {}
    for e in entries:
        key = keys[(e.doc, e.name)]
        if key[0] not in ("full", "word"):
            continue
        own = _own_description(e)
        for form in set(e.described):
            if form != own:
                votes.setdefault(form, Counter())[key] += 1
                by_doc.setdefault((e.doc, form), set()).add(key)
    joined: dict[str, tuple[Any, ...]] = {}
    for form, count in votes.items():
        (top, n), *rest = count.most_common()
        if n >= JOIN_DOCUMENTS and all(n >= DOMINANT * m for _, m in rest):
            joined[form] = top
    for e in entries:
        own = _own_description(e)
        to = joined.get(own) if own is not None else None
        if to is None or not by_doc.get((e.doc, own or ""), {to}) <= {to}:
            continue  # "said the Jew" is someone else in this document
        if e.gender and to[0] == "full" and to[2] and to[2] != e.gender:
            continue
        keys[(e.doc, e.name)] = to


def _inside(mentions: list[tuple[int, int]], reach: list[int], a: int, b: int) -> bool:
    """Does one of the sorted ``mentions`` hold ``[a, b)`` (``reach``: the furthest end of
    the mentions up to each one)? One bisection, not a scan of them all."""
    k = bisect_right(mentions, (a, 1 << 62)) - 1  # the last mention starting at or before a
    return k >= 0 and reach[k] >= b


def _row(doc: Hashable, q: Quote) -> _Row:
    return _Row(doc, q.id, q.start, q.end, q.speaker, q.speaker_id, q.addressee,
                q.addressee_id, q.kind, q.confidence)


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, tuple[str, ...]]:
    """Familiar form -> its formal given names (data/nicknames.txt)."""
    return {r[0]: tuple(r[1].split()) for r in read_rows("nicknames.txt") if len(r) > 1}


@lru_cache(maxsize=1)
def _familiar() -> dict[str, tuple[str, ...]]:
    """Formal given name -> its familiar forms (data/nicknames.txt read the other way)."""
    out: dict[str, list[str]] = {}
    for familiar, formal in _nicknames().items():
        for f in formal:
            out.setdefault(f, []).append(familiar)
    return {f: tuple(v) for f, v in out.items()}


_INITIAL = regex.compile(r"\p{Lu}\.?")


def _drop_initials(parsed: dict[Any, tuple[str, str | None, str | None]]) -> None:
    """"Randolph C. Miller" is "Randolph Miller" (in place), unless the documents give
    that name with two different middle initials ("George W. Bush", "George H. W. Bush")."""
    bare: dict[str, set[str]] = {}
    for core, _, _ in parsed.values():
        words = core.split()
        if len(words) > 2 and any(_INITIAL.fullmatch(w) for w in words[1:-1]):
            kept = [words[0]] + [w for w in words[1:-1] if not _INITIAL.fullmatch(w)] + [words[-1]]
            bare.setdefault(" ".join(kept), set()).add(core)
    one = {next(iter(v)): k for k, v in bare.items() if len(v) == 1}
    for k, (core, hon, g) in parsed.items():
        if core in one:
            parsed[k] = (one[core], hon, g)


def _core(name: str) -> tuple[str, str | None, str | None]:
    """A name without its honorifics and titles, the honorific (without its period) and
    the gender the titles state: "Mr. Healey" -> ("Healey", "Mr", "m"), "UK Defence
    Secretary John Healey" -> ("John Healey", None, None)."""
    lex = load()
    words = name.replace("’", "'").split()
    gender: str | None = None
    hon: str | None = None
    while len(words) > 1:
        hit = lex.title(words[0])
        if hit is None and words[0].lower() not in lex.role_nouns:
            break
        if hit is not None and hit[1] == "honorific":
            hon = words[0].rstrip(".")
        if hit is not None and hit[0] in ("m", "f"):
            gender = hit[0]
        words = words[1:]
    family = word_set("family_titles.txt")
    while len(words) > 1 and (_HEADING.fullmatch(words[0]) or words[-1].rstrip(".") in family
                              or lex.title(words[-1]) is not None):
        # "CHAPTER V. Anne", "Anne Mrs": a heading before a name, a title run on after it
        words = words[1:] if _HEADING.fullmatch(words[0]) else words[:-1]
    if words and _SUFFIX.search(words[-1]):
        words[-1] = _SUFFIX.sub("", words[-1])  # "Emma Woodhouse-ing": a word run on
    return " ".join(w.rstrip(",") for w in words), hon, gender


#: a full name mentioned this many times more often (in documents) than every other full
#: name a one-word name could be is the one meant ("Emma" -> "Emma Woodhouse")
DOMINANT = 4
#: documents that must give a description ("said the Jew") the same person's name before
#: the description joins that person in the other documents
JOIN_DOCUMENTS = 2


def _resolve(entries: list[_Entry], docs: dict[Hashable, int]
             ) -> dict[tuple[Hashable, str], int]:
    """(document, name) -> corpus id, by the rules of the module's docstring."""
    lex = load()
    keys: dict[tuple[Hashable, str], tuple[Any, ...]] = {}
    parsed: dict[tuple[Hashable, str], tuple[str, str | None, str | None]] = {}
    for e in entries:
        k = (e.doc, e.name)
        if k in keys or k in parsed:
            continue
        if e.kind == "description" or e.name[:1].islower():
            words = e.name.split()
            # "the General", "the Invisible Man": a story's character known by a role
            keys[k] = ("role", e.name) if len(words) > 1 and words[0] == "the" and \
                all(w[:1].isupper() for w in words[1:]) else ("doc", e.doc, e.name)
        elif e.kind in ("organisation", "group"):
            keys[k] = ("org", e.name)
        else:
            core, hon, g = _core(e.name)
            words = core.split()
            if len(words) > 1 and words[0].lower() in word_set("name_epithets.txt"):
                core = " ".join(words[1:])  # "Poor Marilla": Marilla
            if len(words) == 1 and hon is None:
                # "Margaret" whose document calls her "Margaret Schlegel" as well
                longer = {c for c in (_core(f)[0] for f in e.forms)
                          if " " in c and c.split()[0] == core}
                core = longer.pop() if len(longer) == 1 else core
            parsed[k] = (core, hon, g)
    _drop_initials(parsed)
    # people who speak or are spoken to in a document, and those only named there
    speaking = {(e.doc, e.name) for e in entries if e.quotes or e.addressed}
    full: dict[str, Counter[str | None]] = {}  # full name -> genders its titles state
    full_docs: dict[str, set[Hashable]] = {}  # of the full names of speaking people
    named_docs: dict[str, set[Hashable]] = {}  # of the full names only ever named
    hons_of_word: dict[str, set[str]] = {}
    for k, (core, hon, g) in parsed.items():
        if " " in core:
            full.setdefault(core, Counter())[g] += 1
            (full_docs if k in speaking else named_docs).setdefault(core, set()).add(k[0])
        elif hon and k in speaking:
            hons_of_word.setdefault(core, set()).add(hon)
    for core in full_docs:
        named_docs.pop(core, None)
    # a full name is one person per gender its titles state ("Mr. John Knightley", "Mrs.
    # John Knightley"); without a title, the given name's gender or the one title seen
    gender_of: dict[str, str | None] = {}
    for core, gs in full.items():
        given = lex.first_names.get(core.split()[0], "-")
        seen = [g for g in gs if g]
        gender_of[core] = given if given in ("m", "f") else (seen[0] if len(seen) == 1 else None)
    by_word, by_word_named = _by_word(full_docs), _by_word(named_docs)
    # one-word forms: "Healey" where the texts say "Mr Healey" (one honorific) is that form
    forms: dict[tuple[Hashable, str], tuple[str, str | None, str | None]] = {}
    single = {core for k, (core, _, _) in parsed.items() if " " not in core and k in speaking}
    for k, (core, hon, g) in parsed.items():
        if " " in core:
            keys[k] = ("full", core, g or gender_of[core])
            continue
        if hon is None and core not in by_word and core not in hons_of_word:
            # "Harry" of a chapter, "Lord Henry" of the others: a familiar form
            formal = [f for f in _nicknames().get(core, ()) if f in by_word or f in single]
            core = formal[0] if len(formal) == 1 else core
            # "Louisa" of a chapter, "Loo Bounderby" of another: the full name goes by
            # a familiar form of the given name
            familiar = {c for f in _familiar().get(core, ()) for c in by_word.get(f, ())
                        if c.split()[0] == f and (g is None or gender_of[c] in (None, g))}
            if core not in by_word and len(familiar) == 1:
                full_name = familiar.pop()
                keys[k] = ("full", full_name, g or gender_of[full_name])
                continue
        if hon is None and len(hons := hons_of_word.get(core, set())) == 1:
            hon = next(iter(hons))
            g = lex.title_gender(hon)
            g = g if g in ("m", "f") else None
        forms[k] = (core, hon, g)
    # (one-word form, full name) -> documents whose cues call the full name so
    said_in: Counter[tuple[str, str]] = Counter()
    for e in entries:
        key = keys.get((e.doc, e.name))
        if key is not None and key[0] == "full":
            for f in set(e.said):
                core, hon, _ = _core(f)
                if " " not in core:
                    said_in[(f"={hon or ''} {core}", key[1])] += 1
    own: Counter[str] = Counter(f"={hon or ''} {core}" for k, (core, hon, _) in forms.items()
                                if k in speaking)
    decided: dict[str, tuple[Any, ...]] = {}
    for k, (core, hon, g) in forms.items():
        form = f"={hon or ''} {core}"
        if form not in decided:
            # the full names of people who speak first; else those only ever named
            # ("Frederick" of Frederick Wentworth, named in the narration of a chapter)
            decided[form] = _link(form, core, hon, g, by_word, gender_of, full_docs,
                                  said_in, own)
            if decided[form][0] == "word":
                decided[form] = _link(form, core, hon, g, by_word_named, gender_of,
                                      named_docs, said_in, own)
        keys[k] = decided[form]
    _join_descriptions(entries, keys)
    # number the persons by their first document, then name
    first: dict[tuple[Any, ...], tuple[int, str]] = {}
    for e in entries:
        key = keys[(e.doc, e.name)]
        rank = (docs.get(e.doc, len(docs)), e.name)
        if key not in first or rank < first[key]:
            first[key] = rank
    number = {key: n for n, key in enumerate(sorted(first, key=lambda k: (first[k], repr(k))))}
    return {k: number[key] for k, key in keys.items()}


def _by_word(fulls: Iterable[str]) -> dict[str, list[str]]:
    """Given name or surname -> the full names it is the first or last word of."""
    out: dict[str, list[str]] = {}
    for core in fulls:
        words = core.split()
        for w in {words[0], words[-1]}:
            out.setdefault(w, []).append(core)
    return out


def _link(form: str, core: str, hon: str | None, g: str | None,
          by_word: dict[str, list[str]], gender_of: dict[str, str | None],
          full_docs: dict[str, set[Hashable]], said_in: Counter[tuple[str, str]],
          own: Counter[str]) -> tuple[Any, ...]:
    """The key of a one-word form: the one full name it can be, else its own."""
    given_titles = word_set("given_name_titles.txt")
    cands = [c for c in by_word.get(core, ())
             if (g is None or gender_of[c] in (None, g))
             and (hon is None or core == c.split()[-1]  # "Mr. Tony" is no surname,
                  or (hon in given_titles and core == c.split()[0]))]  # "Miss Rose" is
    if hon in word_set("family_titles.txt"):
        # "Mrs. Maylie" is Rose Maylie where a text calls her so
        cands = [c for c in cands if said_in[(form, c)]]
    if hon is not None and hon not in word_set("own_titles.txt"):
        # "Mr. Wilcox", named so on their own
        # far more than the full name is ("Miss Woodhouse" is let through)
        cands = [c for c in cands if core == c.split()[0]  # "Lord Henry": a given name
                 or own[form] <= DOMINANT * max(len(full_docs[c]), said_in[(form, c)])]
    pick = _one(cands, full_docs, [said_in[(form, c)] for c in cands])
    if pick is not None:
        return ("full", pick, g or gender_of[pick])
    return ("word", core, hon)


def _one(cands: list[str], full_docs: dict[str, set[Hashable]], said: list[int]
         ) -> str | None:
    """The one candidate; else the one named in :data:`DOMINANT` times as many documents as
    any other; else the one some document's cue calls by the form (``said``, per candidate)
    when no document's cue calls another so; else None."""
    if len(cands) <= 1:
        return cands[0] if cands else None
    ranked = sorted(cands, key=lambda c: (-len(full_docs[c]), c))
    if len(full_docs[ranked[0]]) >= DOMINANT * len(full_docs[ranked[1]]):
        return ranked[0]
    called = [c for c, n in zip(cands, said, strict=True) if n]
    return called[0] if len(called) == 1 else None


def _person(pid: int, entries: list[_Entry]) -> Person:
    names = Counter(e.name for e in entries)
    full = [n for n in names if len(_core(n)[0].split()) > 1]
    pool = Counter({n: names[n] for n in full}) if full else names
    name = min(pool, key=lambda n: (-pool[n], -len(n), n))
    genders = {e.gender for e in entries if e.gender}
    docs: dict[Hashable, int] = {}
    roles: Counter[str] = Counter()
    for e in entries:
        docs[e.doc] = docs.get(e.doc, 0) + e.quotes
        for r in set(e.roles):
            roles[r] += 1
    aliases = sorted({a for e in entries for a in (e.name, *e.forms)})
    return Person(pid, name, Counter(e.kind for e in entries).most_common(1)[0][0],
                  genders.pop() if len(genders) == 1 else None,
                  sum(e.quotes for e in entries), sum(e.addressed for e in entries),
                  docs, dict(roles.most_common()), tuple(aliases))
