"""From a speaker mention to a canonical name: names, pronouns, descriptions."""

from __future__ import annotations

from bisect import bisect_right

import regex

from .lexicon import column, load
from .mentions import Mention
from .patterns import TIMEOUT, compiled
from .people import NameMention, People
from .sentences import Sentences

PRONOUN_REACH = 2500  # characters back a pronoun may look for its antecedent
PRONOUN_TRIED = 120  # name mentions looked at, at most, nearest first
SUBJECT_WORDS = 20  # a sentence's first name within this many words of its start is its subject
HONORIFICS = tuple(column("honorifics.txt"))  # "Mr", "Dr", without a period
NOMINAL_REACH = 6000  # characters back a description may look for the person it describes
NOMINAL_TRIED = 60  # name mentions tried, nearest first
_APPOSITION = regex.compile(r",\s+(?:the|a|an)\s+([^,.;:\"“”\n]{1,60})[,.]")
_SUBJECT_PRONOUNS = frozenset(column("subject_pronouns.txt"))  # lower case, as the files
_SUBORDINATORS = frozenset(column("subordinators.txt"))
_PREPOSITIONS = frozenset(column("subject_prepositions.txt"))
_AGE = regex.compile(r",\s+(\d{1,3}),")
_FAR = 1 << 62  # beyond any offset


class Resolver:
    """Names the speakers of one text, quotation by quotation, in document order."""

    def __init__(self, text: str, people: People, sentences: Sentences) -> None:
        self.text = text
        self.people = people
        self.sentences = sentences
        self._said: dict[int, tuple[str | None, Mention | None]] = {}
        self._opens: dict[int, int] = {}
        self._speakers: set[str] = set()  # names that have spoken so far
        self._last: tuple[int, str] | None = None  # (offset, name) of the latest named speaker
        # genders the text showed through a pronoun tag resolved to a sentence's subject
        # ("Christie ... “...,” he said"): a later "she" does not mean Christie
        self._shown: dict[str, str] = {}
        self._subjects: dict[int, str] = {}  # _subject() memo, by the mention's start
        self.how = ""  # how the latest call to name() decided, for Quote.evidence

    def record(self, i: int, pos: int, speaker: str | None, mention: Mention | None) -> None:
        """Remember who said quotation ``i``, which opens at ``pos``."""
        self._said[i] = (speaker, mention)
        self._opens[i] = pos
        if speaker is not None and mention is not None and mention.kind in ("name", "pronoun"):
            self._speakers.add(speaker)
            self._last = (pos, speaker)
            if mention.kind == "pronoun" and mention.gender in ("m", "f") \
                    and self.people.gender_of(speaker) == "-":
                self._shown.setdefault(speaker, mention.gender)

    def start_of(self, i: int) -> int:
        """Where quotation ``i`` opens."""
        return self._opens.get(i, -1)

    def speaker_of(self, i: int) -> tuple[str | None, Mention | None]:
        """Who said quotation ``i`` (as recorded)."""
        return self._said.get(i, (None, None))

    def name(self, m: Mention, pos: int, exclude: str | None = None) -> str | None:
        """The canonical name ``m`` refers to at ``pos`` (None when it cannot be named)."""
        if m.kind == "name":
            hon = m.text.split()[0] if len(m.text.split()) > 1 else ""
            name = self.people.canonical(m.core, m.gender, m.start, _honorific(hon))
            self.how = f"name {m.text!r} -> {name!r} (the fullest name the text gives)"
            return name
        if m.kind == "pronoun":
            self.how = f"pronoun {m.text!r}: no compatible person before it"
            return self._antecedent(m, pos, exclude)
        self.how = f"description {m.text!r}: nobody was introduced so earlier"
        return self._nominal(m, pos) or " ".join(m.text.split())

    def _nominal(self, m: Mention, pos: int) -> str | None:
        """``the Rotherham MP`` -> the person the text introduced with that description
        (``Rawmarsh and Conisbrough MP John Healey``, ``Healey, the defence secretary,``,
        ``Smith, 34,`` for ``the 34-year-old``); None when nobody was."""
        if m.text.split()[0].lower() not in ("the", "this", "that"):
            return None  # "a spokesman", "one aide": an indefinite description is someone new
        words = [w.lower().strip(".,'’") for w in m.text.split()[1:]]
        if not words:
            return None
        head = words[-1]
        proper = {w.lower().strip(".,'’") for w in m.text.split()[1:-1] if w[:1].isupper()}
        age = regex.fullmatch(r"(\d{1,3})-year-old", head)
        found: dict[str, tuple[int, bool, NameMention]] = {}  # name -> (rank, proper, mention)
        for k, nm in enumerate(self.people.before(min(pos, m.start), NOMINAL_REACH)):
            if k == NOMINAL_TRIED:
                break
            if age is not None:
                aged = _AGE.match(self.text, nm.end, nm.end + 8)
                hit, agrees = aged is not None and aged.group(1) == age.group(1), True
            else:
                described = self._description_words(nm)
                hit, agrees = head in described, proper <= described
            if hit and len(nm.core.split()) > 1:
                name = self.people.canonical(nm.core, nm.gender, nm.start, nm.honorific)
                if name not in found and self._person(name):
                    found[name] = (k, agrees, nm)
        if not found:
            return None
        # one person described so decides; among several, one whose description also has
        # the description's proper words ("the Senate Democratic leader"), nearest first
        cands = sorted(found.items(), key=lambda kv: kv[1][0])
        if len(cands) > 1:
            cands = [c for c in cands if c[1][1]]
            if not cands:
                return None
        name, (_, _, nm) = cands[0]
        self.how = f"description {m.text!r} -> {name!r}, described so at {nm.start}-{nm.end}"
        return name

    def _description_words(self, nm: NameMention) -> set[str]:
        """Words that describe the person where the text names them: the words just before
        the name ("defence secretary John Healey") and an apposition after it."""
        lead = self.text[max(0, nm.start - 60):nm.start].split()[-4:]
        words = {w.lower().strip(".,'’") for w in lead}
        words |= {w.lower().strip(".,") for w in self.text[nm.start:nm.end].split()}
        appos = _APPOSITION.match(self.text, nm.end, nm.end + 80)
        if appos is not None:
            words |= {w.lower().strip(".,'’") for w in appos.group(1).split()}
        return words

    def _antecedent(self, m: Mention, pos: int, exclude: str | None) -> str | None:
        """he/she -> the nearest compatible person who is the subject of a recent sentence;
        the latest speaker when nobody else compatible stands between; else the nearest."""
        if m.core not in ("he", "she", "him", "her"):
            return None
        at = min(pos, m.start)
        nearest: str | None = None
        near_at = (0, 0)
        rejected: set[int] = set()  # forms of mentions that cannot be it
        near, forms = self.people.nearest(at, PRONOUN_REACH, PRONOUN_TRIED)
        distinct = len(set(forms))
        for nm, form in zip(near, forms, strict=True):
            if form in rejected:
                continue
            name = self._candidate(nm, m.gender, exclude)
            if name is None:
                rejected.add(form)
                if len(rejected) == distinct:
                    break  # every mention left has a form rejected already
                continue
            kind = self._subject(nm)
            if kind == "clause":
                # "Reed did not sound confident when Lowe asked": the sentence's own
                # subject, when it could be meant, comes before the subject of a clause
                first = self._first_in_sentence(nm)
                if first is not None and self._outranks(first, nm):
                    main = self._candidate(first, m.gender, exclude)
                    if main is not None:
                        name, nm = main, first
            if kind:
                self.how = (f"pronoun {m.text!r} -> {name!r}, subject of its sentence at "
                            f"{nm.start}-{nm.end}")
                return name
            if nearest is None:
                nearest = name
                near_at = (nm.start, nm.end)
        last = self._last
        if last is not None and last[1] != exclude and at - last[0] < PRONOUN_REACH \
                and self._compatible(last[1], m.gender):
            self.how = f"pronoun {m.text!r} -> {last[1]!r}, the latest speaker"
            return last[1]
        if nearest is not None:
            self.how = (f"pronoun {m.text!r} -> {nearest!r}, the nearest compatible person, at "
                        f"{near_at[0]}-{near_at[1]}")
        return nearest

    def _compatible(self, name: str, gender: str) -> bool:
        return self._gender(name) in ("-", gender)

    def _gender(self, name: str) -> str:
        """The gender of a canonical name: from titles and given names, else as a pronoun
        tag resolved to them showed it."""
        g = self.people.gender_of(name)
        return self._shown.get(name, "-") if g == "-" else g

    def _candidate(self, nm: NameMention, gender: str, exclude: str | None) -> str | None:
        """The person mention ``nm`` names, if a pronoun of ``gender`` can mean them."""
        name = self.people.canonical(nm.core, nm.gender, nm.start, nm.honorific)
        g = nm.gender if nm.gender != "-" else self._gender(name)
        if g not in ("-", gender) and nm.gender == "-":
            # "Grant" where the text names two Grants: "she" means the woman
            other = self.people.canonical(nm.core, gender, nm.start, nm.honorific)
            if other not in (nm.core, name):
                name, g = other, self._gender(other)
        if name == exclude or g not in ("-", gender) or not (
                self._person(name) or (nm.titled and len(name.split()) > 1)):
            return None
        return name

    def _outranks(self, first: NameMention, nm: NameMention) -> bool:
        """Is ``first``, its sentence's first name, the subject over ``nm``, the subject of
        a clause later in the sentence: ``nm``'s clause is subordinate ("when Lowe asked",
        "because Mr. Lowe agreed", "said Lowe had agreed"), or ``nm`` stands in ``first``'s
        apposition, both reaching the same speech verb ("Reed, an aide to Lowe, said")?"""
        if self._subject(first) != "sentence":
            return False
        words = self.text[max(0, nm.start - 20):nm.start].split()
        if words and (words[-1].lower() in _SUBORDINATORS
                      or words[-1].lower() in load().verb_lemma):
            return True
        lead = self.text[max(0, first.start - 20):first.start].split()
        if self._after_preposition(first, lead):
            return False  # "Of Reed, Lowe, who knows him, said": Lowe is the subject
        p = compiled()
        own = p.verb_next.match(self.text, nm.end, nm.end + 160, timeout=TIMEOUT)
        via = p.verb_next.match(self.text, first.end, first.end + 160, timeout=TIMEOUT)
        return own is not None and via is not None and own.end() == via.end()

    def _after_preposition(self, nm: NameMention, lead: list[str]) -> bool:
        """Does a preposition govern the mention ("Like Reed, Lowe ...", "Of Reed, ...")?
        ``lead``: the words of its sentence before it."""
        words = lead[-1:] + self.text[nm.start:nm.end].split()[:1]  # "Of Reed" is one match
        return any(w.lower() in _PREPOSITIONS for w in words)

    def _first_in_sentence(self, nm: NameMention) -> NameMention | None:
        """The first name mention of ``nm``'s sentence, when that is not ``nm`` itself."""
        return self.people.first_from(self.sentences.start_of(nm.start), nm)

    def _subject(self, nm: NameMention) -> str:
        """Is the mention a subject: "sentence" when it is its sentence's first name (within
        a few words of its start, no pronoun subject before it); "clause" when a speech verb
        follows it ("Feinstein said") or an inverted cue names it ("said James Henson");
        else "" (a pronoun asks again about the mentions before it: remembered)."""
        kind = self._subjects.get(nm.start)
        if kind is None:
            kind = self._subjects[nm.start] = self._subject_kind(nm)
        return kind

    def _subject_kind(self, nm: NameMention) -> str:
        if self.text[nm.end:nm.end + 2] in ("'s", "’s"):
            return ""  # "Trump's logic": a possessor, not the subject
        prior = self.people.previous(nm)
        start = self._sentence_start(nm, prior)
        if (prior is None or prior.end <= start) and \
                len(words := self.text[start:nm.start].split()) <= SUBJECT_WORDS and \
                not any(w.lower() in _SUBJECT_PRONOUNS for w in words):
            return "sentence"
        p = compiled()
        if p.verb_next.match(self.text, nm.end, nm.end + 160, timeout=TIMEOUT):
            return "clause"
        lead = self.text[max(start, nm.start - 30):nm.start]
        v = p.verb_ending.search(lead)
        if v is None or v.group().rstrip().endswith("ing"):
            return ""  # ", thanking Peter Lowe": a participle's object
        before = lead[:v.start()].rstrip()
        return "clause" if not before or before[-1] in ",;:—–\"”’" else ""  # ', said X'

    def _sentence_start(self, nm: NameMention, prior: NameMention | None) -> int:
        """Where ``nm``'s sentence starts, as far as :meth:`_subject_kind` reads it: exact
        when it starts after ``lo``, else ``lo``, a point before which every test there
        comes out as it would at the true start (the previous name is not after it, more
        than SUBJECT_WORDS words lie between it and the name, and it is 30 characters or
        more back). Punkt need not split a paragraph for a name deep in a sentence."""
        k = bisect_right(self.sentences.paragraphs, (nm.start, _FAR)) - 1
        if k < 0:
            return self.sentences.start_of(nm.start)
        ps = self.sentences.paragraphs[k][0]
        lo = nm.start - 30
        if prior is not None and prior.end > ps:
            lo = min(lo, prior.end - 1)
        parts = self.text[ps:nm.start].rsplit(None, SUBJECT_WORDS + 1)
        lo = min(lo, ps + len(parts[0]) if len(parts) > SUBJECT_WORDS + 1 else ps)
        return self.sentences.start_after(max(ps, lo), nm.start)

    def _person(self, name: str) -> bool:
        """Is ``name`` a person (not a place or an organisation) as far as we can tell?"""
        if name in self._speakers:
            return True
        words = name.split()
        return (words[0] in HONORIFICS or words[0] in self.people.given_names
                or self._gender(name) != "-" or self.people.described_as_person(name))


def _honorific(word: str) -> str:
    """The honorific as written ("Mr." or "Mr"), or "" when the word is none."""
    return word if word.rstrip(".") in HONORIFICS else ""
