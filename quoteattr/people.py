"""The people of one text: canonical names, genders, and who is salient where."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping
from typing import NamedTuple

import regex

from .lexicon import load
from .mentions import name_core
from .patterns import compiled

# "Jordan Tate, who set up her business": a relative clause about the person
_NEXT_PRONOUN = regex.compile(r",\s+who\b[^.!?,;\"“”]{0,60}?\b(his|her|himself|herself)\b")

# "Tolu Varga, 34," / "Orla Quaid, a shopkeeper on the high street" / "Orla Quaid is a
# shopkeeper": the words after a name
_AGE_NEXT = regex.compile(r",\s+\d{1,3},")
_APPOS_NEXT = regex.compile(
    r"(?:,|\s+(?:is|was)(?=\s+(?:a|an|the)\s))\s+(?:(?:a|an|the)\s+)?((?:[^,;:.!?\"“”()\n]|\.(?=\S)|(?<=\b\p{Lu})\.){1,80})")
_CLAUSE_END = regex.compile(r"\s(?:who|whom|whose|that|which|where|when)\b")
APPOS_WORDS = 8  # a role noun this early in an apposition describes the person
FULL_NAMES = 64  # distinct full names kept per surname: bounds the work per quotation
# what a match of the name pattern names (People._read): core, gender, honorific, titled,
# the core's words, the form (core, gender, honorific, titled), whether the core is a title
_Read = tuple[str, str, str, bool, tuple[str, ...], tuple[str, str, str, bool], bool]


class NameMention(NamedTuple):
    """A name mention of the text (a tuple: made by the ten thousand)."""

    start: int
    end: int
    core: str
    gender: str
    honorific: str  # "Mr", "Mrs", ... when the mention has one, else ""
    titled: bool = False  # a title or role stood before the name ("Councillor Ken Platt")


class People:
    """Index of the name mentions of a text, for canonical names and pronoun antecedents.

    ``quoted`` holds the (start, end) of the quotations, in order: names inside them count
    for canonical names but are never pronoun antecedents.
    """

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self.text = text
        lex = load()
        self.mentions: list[NameMention] = []
        self.spans: list[tuple[int, int]] = []  # every match of the name pattern, in order
        # last word -> full (multi-word) core -> starts of its mentions, in document order
        self._by_last: dict[str, dict[str, list[int]]] = {}
        # (first word, last word) -> the same full cores and lists as _by_last holds
        self._by_pair: dict[tuple[str, str], dict[str, list[int]]] = {}
        self._by_first: dict[str, set[str]] = {}
        self._gender: dict[str, str] = {}
        self._titled: dict[str, set[str]] = {}  # surname -> genders of its titles (Mr, Ms)
        self._canonical: dict[tuple[str, str, int, str], str] = {}  # canonical() memo
        self._person: dict[str, bool] = {}  # described_as_person() memo
        self._bare_names: Counter[str] | None = None  # _bare() memo
        self._of_core: dict[str, list[NameMention]] | None = None  # core -> its mentions
        # the form of each mention outside quotations, numbered: (core, gender, honorific,
        # titled) alike, number alike
        self._forms: list[int] = []
        self._cores: dict[str, tuple[str, str]] = {}  # core() memo: raw -> (core, gender)
        forms: dict[tuple[str, str, str, bool], int] = {}
        titles = lex.titles
        non_names = lex.non_names
        # raw match -> what it names (None: no name), worked out once per text: core,
        # gender, honorific, titled, the core's words, its form (those four), whether the
        # core is a bare title (then the words after the match decide, each time)
        reads: dict[str, _Read | None] = {}
        mentions, spans, starts, numbers = self.mentions, self.spans, [], self._forms
        by_last, by_pair = self._by_last, self._by_pair
        q = 0  # index of the first quotation not ending before the mention
        n_quoted = len(quoted)
        for m in compiled().name.finditer(text):
            raw = m.group()
            start, end = span = m.span()
            spans.append(span)
            if raw in reads:
                read = reads[raw]
            else:
                read = reads[raw] = self._read(raw, titles, non_names)
                if read is not None and not read[6]:
                    self._learn(read)  # what every mention of it says, said once
            if read is None:
                continue  # the writer's "I"
            if read[6]:
                if text[end:end + 1] == ".":
                    continue  # "But Mr" of "But Mr. Lowe": the name follows
                self._learn(read)
            core, gender, hon, titled, words, form = read[:6]
            while q < n_quoted and quoted[q][1] <= start:
                q += 1
            if q == n_quoted or start < quoted[q][0]:
                mentions.append(NameMention(start, end, core, gender, hon, titled))
                starts.append(start)
                number = forms.get(form)
                if number is None:
                    number = forms[form] = len(forms)
                numbers.append(number)
            if len(words) > 1:
                fulls = by_last.get(words[-1])
                if fulls is None:
                    fulls = by_last[words[-1]] = {}
                if core in fulls:
                    fulls[core].append(start)
                elif len(fulls) < FULL_NAMES:
                    fulls[core] = [start]
                    by_pair.setdefault((words[0], words[-1]), {})[core] = fulls[core]
        self._starts = starts

    def _read(self, raw: str, titles: Mapping[str, tuple[str, str]],
              non_names: frozenset[str]) -> _Read | None:
        """What the name pattern's match ``raw`` names (None: no name)."""
        core, gender = self._cores[raw] = name_core(raw)
        if not core or core in non_names or core == "I":
            return None  # the writer's "I"
        lead = raw.split(None, 1)[0]
        first = lead.rstrip(".")
        hon = first if titles.get(first, ("", ""))[1] == "honorific" else ""
        titled = lead in titles  # "Councillor Ken Platt"
        words = tuple(core.split())
        return core, gender, hon, titled, words, (core, gender, hon, titled), core in titles

    def _learn(self, read: _Read) -> None:
        """Note what a mention says whatever its place: the given name of a full name,
        the gender of a name or of its title and surname."""
        core, gender, hon, _, words = read[:5]
        if len(words) > 1:
            self._by_first.setdefault(words[0], set()).add(core)
        if gender != "-":
            key = core if len(words) > 1 else (hon + " " + core).strip()
            self._gender.setdefault(key, gender)
            if hon:
                self._titled.setdefault(words[-1], set()).add(gender)

    def core(self, raw: str) -> tuple[str, str]:
        """:func:`quoteattr.mentions.name_core` of ``raw``, worked out once per text (the
        name scan has worked it out for each of its matches already)."""
        hit = self._cores.get(raw)
        if hit is None:
            hit = self._cores[raw] = name_core(raw)
        return hit

    def canonical(self, core: str, gender: str = "-", pos: int = 0, honorific: str = "") -> str:
        """The fullest name the text gives the person called ``core`` near ``pos``."""
        key = (core, gender, pos, honorific)  # pronouns ask again for the same mentions
        name = self._canonical.get(key)
        if name is None:
            name = self._canonical[key] = self._fullest(core, gender, pos, honorific)
        return name

    def _fullest(self, core: str, gender: str, pos: int, honorific: str) -> str:
        words = core.split()
        # work on distinct full names, not on every mention: linear in the text overall
        cands = self._by_pair.get((words[0], words[-1]), {}) if len(words) > 1 \
            else self._by_last.get(words[-1], {})
        cands = {c: st for c, st in cands.items() if _compatible(gender, self.gender_of(c))}
        if not cands and len(words) == 1:
            fulls = self._by_first.get(core, set())
            if len(fulls) == 1:
                return next(iter(fulls))
        if not cands:
            return f"{honorific} {core}" if honorific and len(words) == 1 else core
        if len(words) == 1 and len(cands) > 1:
            # "Clinton and her husband, Bill Clinton": a relative introduced so is named in
            # full afterwards; the bare surname means the other
            own = {c: st for c, st in cands.items() if not self._relative(c, st[0])}
            cands = own or cands
        if honorific and len(words) == 1 and len(cands) > 1:
            # "Mr. Trump" where the text calls his brother "Freddy": the one the text calls
            # least by the given name alone is the one it calls by title and surname
            bare = self._bare()
            least = min(bare[c.split()[0]] for c in cands)
            cands = {c: st for c, st in cands.items() if bare[c.split()[0]] == least}
        # the candidate mentioned last at or before pos, else the first mentioned
        last_before = {c: st[k - 1] for c, st in cands.items() if (k := bisect_right(st, pos))}
        if last_before:
            pick = max(last_before, key=last_before.__getitem__)
        else:
            pick = min(cands, key=lambda c: cands[c][0])
        first = pick.split()[0]
        return max((c for c in cands if c.split()[0] == first),
                   key=lambda c: (len(c.split()), len(c)))

    def _bare(self) -> Counter[str]:
        """How often the text uses each one-word name outside quotations ("Freddy")."""
        if self._bare_names is None:
            self._bare_names = Counter(nm.core for nm in self.mentions if " " not in nm.core)
        return self._bare_names

    def _relative(self, name: str, start: int) -> bool:
        """Is the mention of ``name`` at ``start`` introduced as someone's relative ("her
        husband, former President X", "his brother X")?"""
        words = [w.strip(",").lower() for w in self.text[max(0, start - 40):start].split()[-3:]]
        kin = load().kin_nouns
        return any(w in kin for w in words)

    @property
    def given_names(self) -> Mapping[str, str]:
        """Given names known to the word lists, with their gender."""
        return load().first_names

    def gender_of(self, name: str) -> str:
        """'m', 'f' or '-' for a canonical name, from titles and given names."""
        g = self._gender.get(name)
        if g:
            return g
        words = name.split()
        g = load().first_names.get(words[0], "-")
        if g in ("m", "f"):
            return g
        titled = self._titled.get(words[-1], ())
        if len(titled) == 1:
            return next(iter(titled))
        return self._pronoun_gender(name)

    def _pronoun_gender(self, name: str) -> str:
        """Gender from the words around the name's first mention, when titles and given
        names are silent: a gendered role noun just before it ("her husband, Ilkka Sorvali")
        or a pronoun after it in its clause ("Jordan Tate, who set up her business")."""
        starts = self._by_last.get(name.split()[-1], {}).get(name)
        if not starts:
            return "-"
        start = starts[0]
        before = self.text[max(0, start - 30):start].split()
        if before and before[-1][:1].islower():
            g = load().role_nouns.get(before[-1].rstrip(","), "-")
            if g in ("m", "f"):
                return g
        m = _NEXT_PRONOUN.match(self.text, start + len(name), start + len(name) + 80)
        if m is None:
            return "-"
        return "f" if m.group(1).lower() in ("she", "her", "hers", "herself") else "m"

    def described_as_person(self, name: str) -> bool:
        """Does the text present the full name ``name`` as a person somewhere: with a title
        ("Senator Ada Lind"), an age ("Tolu Varga, 34,"), a role noun before it ("professor
        Ada Lind") or in an apposition after it ("Orla Quaid, executive director of ..."),
        or as the subject of a speech verb ("Ilkka Sorvali told"; not an organisation, nor a
        name after "the" or "of")?"""
        hit = self._person.get(name)
        if hit is None:
            if self._of_core is None:
                self._of_core = {}
                for nm in self.mentions:
                    self._of_core.setdefault(nm.core, []).append(nm)
            words = name.split()
            bare = self._of_core.get(words[-1], []) \
                if len(self._by_last.get(words[-1], {})) == 1 else []  # "Varga, 34," too
            hit = self._person[name] = len(words) > 1 and (
                any(self._presented(nm) for nm in self._of_core.get(name, ()))
                or any(self._presented(nm) for nm in bare))
        return hit

    def _presented(self, nm: NameMention, speech: bool = True) -> bool:
        """Is this mention of a name one that presents its bearer as a person (``speech``:
        counting a speech verb after it)?"""
        lex = load()
        if nm.titled:
            return True
        before = self.text[max(0, nm.start - 40):nm.start].split()
        if set(nm.core.split()) & lex.org_words or (
                before and before[-1].lower() in ("of", "in", "from", "at", "for", "the", "a")):
            return False  # "Freedom Partners said", "Ann Lee of Essex, an aide, said"
        if _AGE_NEXT.match(self.text, nm.end):
            return True
        if before and before[-1].rstrip(",").lower() in lex.role_nouns \
                and before[-1][:1].islower():
            return True
        appos = _APPOS_NEXT.match(self.text, nm.end)
        if appos is not None:
            clause = appos.group(1)
            end = _CLAUSE_END.search(clause)
            words = clause[:end.start() if end else len(clause)].split()[:APPOS_WORDS]
            if any(w.lower() in lex.role_nouns and w[:1].islower() for w in words):
                return True
        return speech and compiled().verb_next.match(self.text, nm.end, nm.end + 160) is not None

    def previous(self, nm: NameMention) -> NameMention | None:
        """The name mention outside quotations just before ``nm`` (or None)."""
        i = bisect_left(self._starts, nm.start)
        return self.mentions[i - 1] if i > 0 else None

    def first_from(self, start: int, nm: NameMention) -> NameMention | None:
        """The first name mention outside quotations in ``[start, nm.start)`` (or None)."""
        j = bisect_left(self._starts, start)
        return self.mentions[j] if j < bisect_left(self._starts, nm.start) else None

    def nearest(self, pos: int, limit: int, most: int) -> tuple[list[NameMention], list[int]]:
        """The ``most`` name mentions outside quotations in ``[pos - limit, pos)`` nearest
        ``pos``, nearest first, and the number of each one's form: mentions alike in core,
        gender, honorific and title have the same number."""
        i = bisect_left(self._starts, pos)
        j = max(bisect_left(self._starts, pos - limit), i - most)
        return self.mentions[j:i][::-1], self._forms[j:i][::-1]

    def before(self, pos: int, limit: int) -> list[NameMention]:
        """Name mentions outside quotations in ``[pos - limit, pos)``, nearest first."""
        i = bisect_left(self._starts, pos)
        j = bisect_left(self._starts, pos - limit)
        return self.mentions[j:i][::-1]


def _compatible(a: str, b: str) -> bool:
    return a == "-" or b == "-" or a == b
