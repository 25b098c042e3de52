"""Dialogue attribution for fiction, paragraph by paragraph over the quotes of a story.

Most lines of a novel's dialogue carry no speech verb. After the cue-frame sieves have
run, this pass names every speaker through the story's :class:`~quoteattr.cast.Cast`:

- explicit tags (``said Elizabeth``, ``replied he``): names through the cast, pronouns
  to the person of that gender in the paragraph or the conversation (or to someone the
  narration only describes, :mod:`~quoteattr.unnamed`), kin (``cried his wife``) to the
  Mrs. of the speaker's surname, descriptions with ``a`` to someone new;
- action beats: a paragraph whose narration has a character acting
  (``Elizabeth smiled. "..."``) gives its quotes to that character;
- turn-taking: in a run of dialogue paragraphs, speakers alternate between the two
  people of the conversation; a paragraph of narration ends the run;
- vocatives: ``"My dear Mr. Bennet, ..."`` names the addressee, who is then not the
  speaker and is likely the next one.

The first-person narrator is named in :mod:`~quoteattr.narrator`; runs are settled
afterwards in :mod:`~quoteattr.turns`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice, pairwise
from typing import Any

import regex

from .addressees import facing, hearers
from .cast import Cast, Character, Placed, names, parse
from .decode import Step, decode, runs
from .descriptions import Ties
from .evidence import (
    Evidence,
    addressed,
    answers_call,
    answers_facing,
    called_back,
    calls_parent,
    description_tag,
    forward_guess,
    narration_subject,
    pronoun_tag,
)
from .evidence import vocative as ev_vocative
from .lexicon import column, load, read_rows
from .mentions import Mention, classify
from .model import Quote, replace, with_fields  # fast for a Quote
from .narrator import NARRATOR, Narrator, asks_name
from .paragraphs import paragraph_spans
from .patterns import listed
from .quoted import Quoted
from .turns import Line, alternate
from .unnamed import Unnamed, named_later

EXPLICIT = frozenset({"cue_after", "cue_before", "lead_in", "cue_in_sentence"})
_LEADS = frozenset({"cue_before", "lead_in"})  # tags before their quotation
_WEAK = frozenset({"continuation", "reported_before"})
_GUESSED = frozenset({"action_beat", "vocative"})  # untagged lines whose speaker a run keeps
# "..., my dear " before a name it calls (data/vocative_openers.txt; "any": also "sir")
_VOC_BEFORE = regex.compile(
    rf"(?:\A|[,;:!?—–\-])[\W_]*(?:{listed(column('vocative_openers.txt'))}[\W_]+)*\Z",
    regex.IGNORECASE)
_VOC_AFTER = regex.compile(r"\s*(?:[,!?;—–]|\.|\Z)")
# "Where you from?" / "Georgia.": a line that is one name said flatly answers, not calls
_QUESTION = regex.compile(r"\?\W*\Z")
_ANSWER = regex.compile(r"\W*\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*)*\.?\s*")
_LETTER = regex.compile(r"\p{L}")
_WORDS = regex.compile(r"\p{L}+\W+\p{L}+\W+\p{L}+\W+\p{L}+")  # narration, not a tag
_SENTENCE_END = regex.compile(r"""(?<!\b(?:Mr|Mrs|Ms|Dr|St|Mme|Mlle))[.!?]['"’”]?\s+(?=\p{Lu})""")
_CLAUSE_END = regex.compile(r";\s+")
_SUBJECT_WORD = regex.compile(r"\b(?:\p{Lu}[\p{L}'’\-]*|he|she)\b")
_LAST_WORD = regex.compile(r"[\p{L}']+(?=\W*\Z)")
# "looked at Anne", "told Emma": a name acted upon; "Anne and Diana": two joined
_OBJECT_AFTER = frozenset(column("object_markers.txt"))
_JOINING = frozenset(column("object_markers.txt", "joining"))
_HE = regex.compile(r"\b[Hh]e\b")
_SHE = regex.compile(r"\b[Ss]he\b")
_PLURAL = regex.compile(r"\bthe\s+\Z")  # "both the Mr. Knightleys": a family, not one man
_POSSESSIVE = regex.compile(r"\s?['’]s?\b")  # "Daisy's mother": the mother acts, not Daisy
# "Millie, her maid, ...": someone brought in beside the one the narration follows
_APPOSITION = regex.compile(r",\s+(?:his|her)\s+\p{L}+(?:\s+\p{L}+)?\s*,")
_NEXT_PRONOUN = regex.compile(r"[^.!?;\"“”]*?\b(he|him|his|himself|she|her|hers|herself)\b",
                              regex.IGNORECASE)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
# narration after a paragraph's last quotation: a sentence of four words or more that
# opens right after the closing mark or after the tag's full stop, not the tag itself
_TOLD_AFTER = regex.compile(
    r"(?:(?<=[\"“”’'])[^\S\n]*|[.!?]\s+)\p{Lu}\p{L}*(?:\W+\p{L}+){3}")
_NEXT_CLAUSE = regex.compile(r"[^.!?;\"“”]*?;\s+(he|she)\b")  # the subject after a ";"
PRONOUN_WINDOW = 4000  # characters before a pronoun tag in which its paragraph names it
PRONOUN_REACH = 160  # characters after a name in which its pronoun is looked for
GENDER_VOTES = 2  # pronouns after a name before it takes their gender
_KIN_TITLES = {r[0]: r[1] for r in read_rows("kin_titles.txt")}  # "wife": "Mrs."
_BY_BIRTH = frozenset(r[0] for r in read_rows("kin_titles.txt") if r[2] == "birth")
_KIN = regex.compile(rf"(his|her)\s+({listed(_KIN_TITLES)})", regex.IGNORECASE)
_PARENT_TITLE = {"f": _KIN_TITLES["mother"].rstrip("."),  # "the mother": the one Mrs.
                 "m": _KIN_TITLES["father"].rstrip(".")}
_ROLE = regex.compile(r"[Tt]he\s+(\p{L}+)")
_INDEFINITE = frozenset(column("description_openers.txt", "new"))  # "a young wife"
_DEFINITE = frozenset(column("description_openers.txt", "known"))  # "his companion"
# a description used as a name ("the Invisible Man"), not a possessive ("the Prince's sister")
_CAPITALISED = regex.compile(r"[Tt]he\s+\p{Lu}(?!.*['’]s\b)", regex.S)
_LEAD_PRONOUN = regex.compile(r"\W*(?:[\p{L}]+\W+){0,1}?(?P<p>he|she|He|She)\b")


@dataclass
class _Scene:
    """What the pass remembers while it walks the story: everything it keeps is bounded
    (the last ``RECENT_KEPT`` people on stage, the last turns of the run, and for each
    speaker of the run the last three turns they took), so that each line costs the same
    however long the story or the run of dialogue."""

    recent: dict[Character, None] = field(default_factory=dict)  # most recent last
    turns: list[tuple[Character | None, Character | None]] = field(default_factory=list)
    lead: Character | None = None  # who acts in the narration just before this paragraph
    leads: dict[str, Character] = field(default_factory=dict)  # ... the last of each gender
    due: Character | None = None  # the parent the last line called ("papa"): they answer
    talkers: frozenset[Character] = frozenset()  # the characters some tag names as speaking
    unnamed: Unnamed | None = None  # the people the narration describes without a name
    ties: Ties | None = None  # the descriptions the narration gives named people
    at: int = 0  # where the paragraph being read starts
    text: str = ""  # the story
    count: int = 0  # turns taken in this run of dialogue
    spoke: dict[Character, tuple[int, ...]] = field(default_factory=dict)  # last 3 turns each

    def saw(self, ch: Character | None) -> None:
        if ch is None:
            return
        self.recent.pop(ch, None)
        self.recent[ch] = None
        if len(self.recent) > RECENT_KEPT:
            del self.recent[next(iter(self.recent))]

    def latest(self, n: int | None = None) -> Iterator[Character]:
        """The people on stage, most recent first (the ``n`` most recent)."""
        return islice(reversed(self.recent), n)

    def took_turn(self, speaker: Character | None, addressee: Character | None) -> None:
        """A line of the run: ``speaker`` spoke (None: unknown) to ``addressee``."""
        self.turns.append((speaker, addressee))
        if len(self.turns) > 2 * TURNS_KEPT:
            del self.turns[:-TURNS_KEPT]
        if speaker is not None:
            self.spoke[speaker] = (*self.spoke.pop(speaker, ()), self.count)[-3:]
        self.count += 1

    def new_run(self) -> None:
        """Narration came between: the next line opens a new run of dialogue."""
        self.turns.clear()
        self.spoke.clear()
        self.count = 0

    def last_speaker(self) -> Character | None:
        return self.turns[-1][0] if self.turns else None

    def expected(self) -> Character | None:
        """Who speaks next if the turns alternate."""
        if not self.turns:
            return None
        last, addressee = self.turns[-1]
        if self.due is not None and self.due != last:
            return self.due  # "But, my dear papa, ...": papa answers
        if len(self.turns) >= 2:
            before = self.turns[-2][0]
            if before is not None and before != last:
                return before
        if addressee is not None and addressee != last:
            return addressee
        spoke_before = self._spoke_before(last)
        if spoke_before is not None:  # spoke twice: the one before
            return spoke_before
        found = self.other(last)
        if found is None and self.unnamed is not None and last is not None:
            # "'You are an American?' he asked. / 'Yes.'": the girl the narration described
            for gender in ("f", "m") if last.gender == "m" else ("m", "f"):
                described = self.unnamed.before(self.at, gender)
                if described is not None and described != last.name:
                    return Character(-1, described, gender)
        return found

    def _spoke_before(self, last: Character | None) -> Character | None:
        """The latest speaker but ``last`` of the run's turns before the last two. Each
        speaker's last three turns are kept, most recent speaker last: at most two
        speakers took the last two turns, so a few steps back find the answer."""
        limit = self.count - 3
        best: tuple[int, Character] | None = None
        for ch, taken in reversed(self.spoke.items()):
            if ch == last:
                continue
            if taken[-1] <= limit:  # every speaker further back spoke earlier than this
                return ch if best is None or taken[-1] > best[0] else best[1]
            earlier = [t for t in taken if t <= limit]
            if earlier and (best is None or earlier[-1] > best[0]):
                best = (earlier[-1], ch)
        return best[1] if best is not None else None

    def other(self, who: Character | None, gender: str = "-", loose: bool = False
              ) -> Character | None:
        """The most recent person but ``who`` (of ``gender``; with ``loose``, also of no
        known gender), preferring among the last few one the story shows speaking."""
        fits = (gender, "-") if loose else (gender,)
        first: Character | None = None
        seen = 0
        for ch in reversed(self.recent):  # at most RECENT_KEPT
            if ch == who or (gender != "-" and (ch.gender not in fits or ch == NARRATOR)):
                continue
            if ch in self.talkers:
                return ch
            first = first or ch
            seen += 1
            if seen == TALKER_REACH:
                break
        return first


RECENT_KEPT = 256  # people on stage the pass remembers, most recent first
TURNS_KEPT = 8  # turns of the run kept as they were (older ones live on in _Scene.spoke)
ADDRESS_REACH = 2  # the last people on stage, among whom a "sir" or "madam" calls one
TALKER_REACH = 3  # recent people among whom one seen speaking elsewhere is preferred
FICTION_SIGNS = 2  # tags of novels or exchanges of short lines that make a text a story
SIGNS_PER_DIGITS = 5  # a story with many signs may hold more numbers: MAX_DIGITS per 5
MAX_BONUS = 3  # ... up to three times as many, whatever its length
MAX_DIGITS = 0.5  # numbers per 1000 characters: news reports are full of them, novels not
SHORT_LINE = 250  # characters: a paragraph of quick dialogue
_INVERTED_PRONOUN = regex.compile(r"[,!?\u2014]['\"’”]\s+\p{Ll}+\s+(?:he|she)\b")
_DIGITS = regex.compile(r"\d+")
# "I" telling the story, not the numeral of "Chapter I." (data/heading_words.txt) or of
# a heading line "I."
_FIRST_PERSON = regex.compile(rf"(?<!(?i:\b{listed(column('heading_words.txt'))})\s+)"
                              r"\bI\b(?!(?<=^[^\S\n]*I)\.?[^\S\n]*$)", regex.M)
_LABEL = regex.compile(r"\p{Lu}[\p{Lu}.'’ -]+:")  # "WALLACE: ..." opens a line of a transcript


@lru_cache(maxsize=1)
def fiction_verbs() -> frozenset[str]:
    """Tag verbs of novels (data/fiction_verbs.txt)."""
    return frozenset(r[0].lower() for r in read_rows("fiction_verbs.txt"))


def looks_like_fiction(text: str, quotes: list[Quote],
                       paragraphs: list[tuple[int, int]] | None = None) -> bool:
    """Whether the quotes read as a story's dialogue rather than a news report's: tags
    with the verbs of novels (``cried``, ``returned``), ``said he``, exchanges of short
    paragraphs that open with a quotation; and few numbers in the text. Transcripts,
    whose lines open with their speaker's label (``WALLACE: ...``), are not stories."""
    paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    if sum(1 for q in quotes if _LABEL.match(text, q.start, q.end)) >= FICTION_SIGNS:
        return False  # a transcript: its lines name their speakers
    verbs = fiction_verbs()
    signs = sum(1 for q in quotes if q.cue and q.cue.lower() in verbs)
    signs += sum(1 for _ in islice(_INVERTED_PRONOUN.finditer(text), FICTION_SIGNS))
    first: dict[int, Quote] = {}
    for q in quotes:
        first.setdefault(q.paragraph, q)
    lines = sorted(p for p, q in first.items() if paragraphs[p][1] - paragraphs[p][0]
                   < SHORT_LINE and q.start - paragraphs[p][0] <= 2)
    signs += sum(1 for a, b in pairwise(lines) if b == a + 1)
    if signs < FICTION_SIGNS:
        return False
    cap = MAX_DIGITS * len(text) / 1000 * min(MAX_BONUS, max(1.0, signs / SIGNS_PER_DIGITS))
    return sum(1 for _ in islice(_DIGITS.finditer(text), int(cap) + 1)) <= cap


def attribute_dialogue(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote],
                       cast: Cast, mentions: list[tuple[int, int, str]]) -> list[Quote]:
    """Name the speakers of ``quotes`` (speech, document order) as dialogue of a story;
    ``mentions`` are the text's name mentions (:func:`quoteattr.cast.split_names`)."""
    placed = cast.place(mentions)
    genders = _genders(text, placed)
    if genders:
        cast = cast.with_genders(genders)
        placed = Placed([(s, e, cast.chars[ch.key]) for s, e, ch in placed.hits])
    # the pass's decisions, quote index -> the fields it changes: each Quote is built once,
    # at the end, with all of them
    edits: dict[int, dict[str, Any]] = {}
    tags_of = _tags(text, quotes)
    by_name = {i for i, m in tags_of.items() if m.kind == "name"}  # "said Poirot"
    quoted = Quoted((q.start, q.end) for q in quotes)
    scene = _Scene(talkers=_talkers(placed, quotes, by_name), unnamed=Unnamed(text, quoted),
                   ties=Ties(text, placed.hits, quoted, quotes, tags_of), text=text)
    by_para: dict[int, list[int]] = {}
    for i, q in enumerate(quotes):
        by_para.setdefault(q.paragraph, []).append(i)
    prev_para = -2
    narrator = Narrator()
    lines: list[Line[Character]] = []
    loose: dict[int, Character] = {}  # lines whose tag is a pronoun or a description
    own_tag: set[int] = set()  # quotes whose speaker a tag of their own names
    described: dict[str, str] = {}  # the speakers known by a description, and their genders
    steps: list[Step[Character]] = []  # the lines as the conversation decoder sees them
    prev_called: Character | None = None  # whom the line before called by name
    prev_faced: Character | None = None  # whom the line before was turned to
    for p in sorted(by_para):
        idx = by_para[p]
        ps, pe = paragraphs[p]
        lead = scene.lead = None
        scene.leads = {}
        scene.at = ps
        if p != prev_para + 1:
            _narration(text, placed, scene, paragraphs, prev_para + 1, p)
            scene.new_run()
            prev_called = prev_faced = None
            if p > 0:
                lead = _leads(text, placed, scene, *paragraphs[p - 1])
        else:  # a line the narration goes on after: the one it follows leads ("...,"
            # said Clara. Hester went to the window. / "...," she said: Hester)
            after = max(quotes[i].end for i in by_para[p - 1]) + 1
            if _TOLD_AFTER.search(text, after, paragraphs[p - 1][1]) is not None:
                lead = _leads(text, placed, scene, *paragraphs[p - 1])
        prev_para = p
        scene.lead = lead
        first = quotes[idx[0]]
        if first.rule == "multi_paragraph" and idx[0] > 0:
            same = idx[0] - 1
            speaker_before = _now(quotes, edits, same, "speaker")
            conf_before = _now(quotes, edits, same, "confidence")
            for i in idx:
                _put(edits, i, speaker=speaker_before, rule="multi_paragraph",
                     confidence=conf_before)
                if idx[0] - 1 in narrator.lines:
                    narrator.lines.append(i)
            continue
        qs = [quotes[i] for i in idx]  # the paragraph's quotations
        segments = _segments(ps, pe, qs)
        beat = [hit for s, e in segments for hit in placed.find(s, e)]
        speaker, rule, conf, mention = _explicit(text, cast, scene, quotes, idx, beat, tags_of)
        asked = idx[0] > 0 and _QUESTION.search(text, quotes[idx[0] - 1].start,
                                                quotes[idx[0] - 1].end) is not None
        named = asked and asks_name(text, quotes[idx[0] - 1].start, quotes[idx[0] - 1].end)
        called = _vocative(text, placed, qs, None, asked, named)
        speaker = _not_addressed(scene, mention, speaker, called, tags_of)
        addressee = called if called != speaker else \
            _vocative(text, placed, qs, speaker, asked, named)
        parent = False
        if addressee is None:
            gender, parent = _called_gender(text, qs)
            if gender != "-":
                addressee = _addressed(scene, gender, speaker, cast if parent else None)
        if speaker is None and parent and addressee is not None:
            child = cast.relative(addressee, "Miss")  # "But, my dear papa, ...": his daughter
            if child is not None and child != scene.last_speaker():
                speaker, rule, conf = child, "vocative", 0.6
        if speaker is None:
            speaker, rule, conf = _implicit(text, scene, segments, beat, addressee, lead)
            if speaker == NARRATOR and any(tags_of[i].gender in ("m", "f")
                                           for i in idx if i in tags_of):
                speaker = None  # '"A fire," he cried': whoever he is, not the one telling
            if speaker is not None and speaker == addressee:
                speaker, rule, conf = scene.other(addressee), "vocative", 0.55
        for _s, _e, ch in beat:
            if ch != speaker:
                scene.saw(ch)
        scene.saw(addressee)
        scene.saw(speaker)
        narrator.turn(p, addressee, (ch for i, ch in mention.items() if ch.key >= 0
                                     and ch not in narrator.tagged and i in by_name),
                      any(ch != NARRATOR for ch in mention.values()))
        scene.took_turn(speaker, addressee)
        scene.due = addressee if parent else None
        tags = {ch for i, ch in mention.items()
                if ch == NARRATOR or (ch.key >= 0 and i in by_name)}
        unnamed = {i: ch for i, ch in mention.items() if ch != NARRATOR and i not in by_name}
        guesses = {ch for ch in unnamed.values() if ch.key >= 0}
        if not mention and rule in _GUESSED and speaker is not None and speaker.key >= 0:
            guesses.add(speaker)  # "'Dear Miss Woodhouse!' was all that Harriet could say"
        faced = _faced(text, beat, segments, speaker if speaker in tags else None)
        step = _step(p, speaker, rule, lead, called, addressee, prev_called, mention, tags,
                     tags_of, {ch for _s, _e, ch in beat}, parent,
                     any(_WORDS.search(text, s, e) for s, e in segments), faced, prev_faced)
        if steps and steps[-1].paragraph == p - 1 and step.called is not None:
            steps[-1] = replace(steps[-1], evidence=(*steps[-1].evidence,
                                                     *called_back(step.called)))
        steps.append(step)
        if not DECODE:  # the lines as turns.alternate sees them
            lines.append(Line(p, tags.pop() if len(tags) == 1 else None,
                              guesses.pop() if len(guesses) == 1 else None,
                              called if called is not None and called.key >= 0 else None))
        prev_called = called if called is not None and called.key >= 0 else None
        prev_faced = faced
        loose.update(unnamed)
        own_tag.update(mention)
        for i in idx:
            q = quotes[i]
            own = mention.get(i)
            who = own if own is not None else speaker
            if own is None and who is not None and len(idx) > 1 \
                    and _vocative(text, placed, [q], None) == who:
                who = None  # "'...,' observed Fergus. 'Nonsense, Fergus! ...'": not his
            if who is None:
                if q.rule in _WEAK or speaker is not None:  # no news guess, nor the one it calls
                    _put(edits, i, speaker=None, confidence=0.0)
                continue
            if who == NARRATOR:
                _put(edits, i, speaker=None, rule=q.rule if i in mention else rule)
                narrator.lines.append(i)
                continue
            if _described(who):
                described[who.name] = who.gender
            _put(edits, i, speaker=who.name, rule=q.rule if i in mention else rule,
                 confidence=q.confidence if i in mention else conf,
                 addressee=addressee.name if addressee else q.addressee)
    if DECODE:
        for p, (who, rule, why) in _decided(steps).items():
            for i in by_para[p]:
                tagged = loose.get(i)
                if i in by_name or (tagged is not None and not _fits(tagged, who, scene.talkers)):
                    continue
                was = NARRATOR if i in narrator.lines else _now(quotes, edits, i, "speaker")
                if was is None or was == (who if who == NARRATOR else who.name):
                    continue  # the pass gave it nobody on purpose, or agrees
                if len(by_para[p]) > 1 and _vocative(text, placed, [quotes[i]], None) == who:
                    continue  # "Nonsense, Fergus!": not Fergus's
                new_rule = _now(quotes, edits, i, "rule") if tagged is not None else rule
                _put(edits, i, speaker=None if who == NARRATOR else who.name,
                     rule=new_rule, evidence=(f"rule {new_rule}", why))
                if who == NARRATOR:
                    narrator.lines.append(i)
                elif i in narrator.lines:
                    narrator.lines.remove(i)
    for p, who in ({} if DECODE else alternate(lines)).items():
        moved = [i for i in by_para[p] if i in loose and _fits(loose[i], who, scene.talkers)]
        for i in by_para[p]:
            tagged = loose.get(i)
            if tagged is not None and not _fits(tagged, who, scene.talkers):
                continue
            if _now(quotes, edits, i, "rule") != "turn_taking" and tagged is None \
                    and (i in own_tag or not moved):  # "Yes," said he. "I was ...": both move
                continue
            if who == NARRATOR and i not in narrator.lines:
                _put(edits, i, speaker=None)
                narrator.lines.append(i)
            elif who != NARRATOR and _now(quotes, edits, i, "speaker") != who.name:
                _put(edits, i, speaker=who.name)
                if i in narrator.lines:
                    narrator.lines.remove(i)
    name = narrator.name(placed, quotes, text, quoted)
    for i in narrator.lines:
        _put(edits, i, speaker=name)
    seen: dict[str, tuple[int, str]] = {}  # where each character is first mentioned
    for at, _e, ch in placed.hits:  # in text order
        seen.setdefault(ch.name, (at, ch.gender))
    lines_by = [(q.start, q.end, _now(quotes, edits, i, "speaker")) for i, q in enumerate(quotes)]
    for i, later in named_later(lines_by, seen, described).items():
        _put(edits, i, speaker=later)
    for i, changed in edits.items():  # a speaker chosen by the story, not by the line's own tag:
        q = quotes[i]
        span = changed.get("speaker_span", q.speaker_span)
        who = changed.get("speaker", q.speaker)
        if i not in own_tag and span is not None and who != q.speaker \
                and not set(text[slice(*span)].split()) & set((who or "").split()):
            changed["speaker_span"] = changed["mention"] = None  # the mention was another's
    rows = [(q.paragraph, q.start, q.end, _now(quotes, edits, i, "speaker"),
             _now(quotes, edits, i, "addressee")) for i, q in enumerate(quotes)]
    for i, hearer in hearers(text, paragraphs, rows, placed, by_name).items():
        _put(edits, i, addressee=hearer, addressee_span=None)
    return [with_fields(q, **edits[i]) if i in edits else q for i, q in enumerate(quotes)]


def _put(edits: dict[int, dict[str, Any]], i: int, **changes: Any) -> None:
    """Record that quote ``i`` takes the field values ``changes`` (later ones win)."""
    mine = edits.get(i)
    if mine is None:
        edits[i] = changes
    else:
        mine.update(changes)


def _now(quotes: list[Quote], edits: dict[int, dict[str, Any]], i: int, name: str) -> Any:
    """The field ``name`` of quote ``i`` as the pass has it so far."""
    mine = edits.get(i)
    if mine is not None and name in mine:
        return mine[name]
    return getattr(quotes[i], name)


DECODE = True  # settle the runs of dialogue with the conversation decoder (else turns.py)


def _step(p: int, speaker: Character | None, rule: str, lead: Character | None,
          called: Character | None, addressee: Character | None,
          prev_called: Character | None,
          mention: dict[int, Character], tags: set[Character], tags_of: dict[int, Mention],
          near: set[Character], parent: bool, narrated: bool,
          faced: Character | None = None, prev_faced: Character | None = None
          ) -> Step[Character]:
    """One dialogue paragraph as the conversation decoder sees it: a speaker its name tag
    (or a tag naming someone the cast lacks) fixes, else the evidence the pass found
    (``narrated``: the paragraph has narration of its own)."""
    if len(tags) == 1:
        return Step(p, fixed=next(iter(tags)), narrated=narrated)
    if tags:
        return Step(p, fixed=speaker if speaker in tags else next(iter(tags)),
                    narrated=narrated)
    items: list[Evidence[Character]] = []
    gender = "-"
    for i, ch in mention.items():
        if ch.key < 0:
            return Step(p, fixed=ch, narrated=narrated)  # "said a rough voice": the cast lacks
        m = tags_of.get(i)
        if m is not None and m.kind == "pronoun":
            items += pronoun_tag(ch, ch in near or ch == lead)
            gender = m.gender if m.gender in ("m", "f") else gender
        elif m is not None:
            items += description_tag(ch)
            gender = m.gender if m.gender in ("m", "f") else gender
    if not mention and speaker is not None and rule:
        items += calls_parent(speaker) if parent and rule == "vocative" \
            else forward_guess(speaker, rule)
    if lead is not None and lead.key >= 0:
        items += narration_subject(lead)
    if called is not None and called.key >= 0:
        items += ev_vocative(called)
    elif addressee is not None and addressee.key >= 0:
        items += addressed(addressee)
    if prev_called is not None:
        items += answers_call(prev_called)
    if prev_faced is not None and prev_faced != prev_called:
        items += answers_facing(prev_faced)
    return Step(p, tuple(items), gender=gender,
                called=called if called is not None and called.key >= 0 else None,
                narrated=narrated)


def _faced(text: str, beat: list[tuple[int, int, Character]],
           segments: list[tuple[int, int]], speaker: Character | None) -> Character | None:
    """The one person a paragraph's narration has someone turn to or look at
    (``turning to Anne``, :func:`quoteattr.addressees.facing`), not its tagged speaker."""
    pattern = facing()
    found = set()
    for a, b in segments:  # the names inside each narration segment, found by bisection
        for s, _e, ch in beat[bisect_left(beat, (a,)):bisect_left(beat, (b,))]:
            if ch.key >= 0 and ch != speaker and pattern.search(text, max(0, s - 30), s):
                found.add(ch)
    return found.pop() if len(found) == 1 else None


def _decided(steps: list[Step[Character]]) -> dict[int, tuple[Character, str, str]]:
    """Paragraph -> (speaker, rule, explanation) for the lines no name tag fixes, each
    conversation decoded as a whole (:mod:`quoteattr.decode`)."""
    out: dict[int, tuple[Character, str, str]] = {}
    for run in runs(steps):
        if len(run) < 2:
            continue
        for step, choice in zip(run, decode(run, _gender_of), strict=True):
            if step.fixed is None and choice.speaker is not None:
                runner = choice.runner_up.name if choice.runner_up is not None else "none"
                out[step.paragraph] = (
                    choice.speaker, choice.rule,
                    f"conversation: {choice.rule} for {choice.speaker.name or 'the narrator'}"
                    f" ({choice.score:+.1f}); runner-up {runner or 'the narrator'}")
    return out


def _gender_of(ch: Character) -> str:
    return ch.gender


def _described(ch: Character) -> bool:
    """Whether ``ch`` stands for someone known only by a description (``the old lady``)."""
    return ch.key < 0 and ch.name[:1].islower()


def _fits(tagged: Character, who: Character, talkers: frozenset[Character]) -> bool:
    """Whether a line a pronoun or description tag gave to ``tagged`` may be ``who``'s:
    one of that gender, or one of no known gender no name tag shows speaking."""
    return tagged.key >= 0 and (tagged.gender == who.gender
                                or (who.gender == "-" and who not in talkers))


def _genders(text: str, placed: Placed) -> dict[int, str]:
    """Genders of characters the cast could not tell (``Pooh``, ``Kemp``), from the
    pronoun that first follows their names in the same sentence (``Pooh ... he``)."""
    votes: dict[int, Counter[str]] = {}
    for _s, e, ch in placed.hits:
        if ch.gender != "-" or ch.key < 0:
            continue
        reach = min(len(text), e + PRONOUN_REACH)
        m = _NEXT_PRONOUN.match(text, e, reach)
        if m is None:  # "Winterbourne was silent; he ...": the clause after goes on
            m = _NEXT_CLAUSE.match(text, e, reach)
        if m is not None:
            votes.setdefault(ch.key, Counter())[_PRONOUN_GENDER[m.group(1).lower()]] += 1
    out = {}
    for key, c in votes.items():
        (g, n), *rest = c.most_common()
        if n >= GENDER_VOTES and (not rest or rest[0][1] * 3 <= n):
            out[key] = g
    return out


def _talkers(placed: Placed, quotes: list[Quote], by_name: set[int]) -> frozenset[Character]:
    """The characters a tag names as speaking somewhere in the story (``said Emma``):
    ``by_name`` are the quotations whose tag gives a name."""
    out: set[Character] = set()
    for i in by_name:
        span = quotes[i].speaker_span
        if span is not None:
            out.update(ch for _s, _e, ch in placed.find(*span))
    return frozenset(out)


def _object(text: str, at: int, floor: int = 0, joined: bool = True) -> bool:
    """Is the word at ``at`` the object of a verb or preposition (``looked at Anne``; with
    ``joined``, also the second of two joined by "and")? The word before it is looked
    for after ``floor`` (a sentence's start)."""
    before = _LAST_WORD.search(text, max(floor, at - 20), at)
    word = before.group().lower() if before is not None else ""
    return word in _OBJECT_AFTER and (joined or word not in _JOINING)


def _tags(text: str, quotes: list[Quote]) -> dict[int, Mention]:
    """The speaker mention of each quotation with a tag (``said Poirot``, ``said he``)."""
    out = {}
    for i, q in enumerate(quotes):
        if q.rule in EXPLICIT and q.speaker_span is not None:
            m = classify(text, *q.speaker_span)
            if m is not None and not (q.rule in _LEADS and _object(text, m.start, joined=False)):
                out[i] = m  # not "..., took no notice of Yegorushka, shouting: "Q""
    return out


def _segments(ps: int, pe: int, qs: list[Quote]) -> list[tuple[int, int]]:
    """The narration of a paragraph: the stretches between its quotations."""
    out, at = [], ps
    for q in qs:
        if q.start - 1 > at:
            out.append((at, q.start - 1))
        at = max(at, q.end + 1)
    if at < pe:
        out.append((at, pe))
    return out


def _narration(text: str, placed: Placed, scene: _Scene, paragraphs: list[tuple[int, int]],
               a: int, b: int) -> None:
    """Paragraphs ``a..b-1`` are narration: the people they name come on stage."""
    for k in range(max(a, b - 3, 0), b):
        hits = list(placed.find(*paragraphs[k]))
        first = [m.start() for m in _FIRST_PERSON.finditer(text, *paragraphs[k])]
        if first:
            hits.append((first[-1], first[-1] + 1, NARRATOR))
        for _s, _e, ch in sorted(hits, key=lambda hit: (not _object(text, hit[0]), hit[0])):
            scene.saw(ch)  # the people acted upon first: the ones acting stay in view


def _not_addressed(scene: _Scene, mention: dict[int, Character], speaker: Character | None,
                   called: Character | None, tags_of: dict[int, Mention]) -> Character | None:
    """``"Never marry, Dorian," he said``: the one a line calls by name (``called``) is not
    its ``he``; a pronoun tag that went to them goes to the other person of that gender on
    stage (``mention`` is updated to match)."""
    if speaker is None or called != speaker:
        return speaker
    other = scene.other(called, called.gender)
    if other is None:
        return speaker
    for i, ch in mention.items():
        m = tags_of.get(i) if ch == called else None
        if m is not None and m.kind == "pronoun":
            mention[i] = other
    return other if any(ch == other for ch in mention.values()) else speaker


def _explicit(text: str, cast: Cast, scene: _Scene, quotes: list[Quote], idx: list[int],
              beat: list[tuple[int, int, Character]], tags_of: dict[int, Mention]
              ) -> tuple[Character | None, str, float, dict[int, Character]]:
    """The speaker a tag of this paragraph names (``said she``, ``cried Mrs. Bennet``)."""
    named: dict[int, Character] = {}
    for i in idx:
        m = tags_of.get(i)
        if m is None:
            continue
        ch = _tagged(text, cast, scene, beat, m)
        if ch is not None:
            named[i] = ch
    if not named:
        return None, "", 0.0, named
    first = min(named)
    return named[first], quotes[first].rule or "", quotes[first].confidence, named


def _tagged(text: str, cast: Cast, scene: _Scene, beat: list[tuple[int, int, Character]],
            m: Mention) -> Character | None:
    """The character a tag's speaker mention refers to (a stand-in when the cast lacks it)."""
    span = (m.start, m.end)
    if m.kind == "pronoun" and m.core == "i":
        return NARRATOR
    if m.kind == "pronoun":
        return _pronoun(scene, beat, m.gender, span[0]) if m.gender in ("m", "f") else None
    if m.kind == "description":
        return _description(cast, scene, m)
    if m.text.startswith("the ") and scene.ties is not None:  # "said the Jew": Fagin
        tied = scene.ties.joined(m.text, m.gender)
        if tied is not None:
            return tied
    for s, e, placed in beat[bisect_left(beat, (span[0],)):]:
        if s >= span[1]:
            break
        if e <= span[1]:  # the paragraph's narration holds the tag: its names are placed
            return placed
    for _s, _e, raw in names(text, *span):
        known = cast.lookup(raw)
        return known if known is not None else Character(-1, " ".join(raw.split()), m.gender)
    return None


def _description(cast: Cast, scene: _Scene, m: Mention) -> Character | None:
    """The character a description tag refers to (``said the old gentleman``): the first of
    these that answers, else a stand-in named by the description."""
    words = m.text.split()
    det = words[0].lower()
    own = Character(-1, " ".join(words), m.gender)
    if det in _INDEFINITE or (det == "my" and len(words) == 2
                              and words[1].lower() in load().kin_nouns):
        return own  # "a young wife", "my mother": someone of their own
    kin = _KIN.fullmatch(m.text)
    found = _kin(cast, scene, kin) if kin is not None else None
    if found is not None:
        return found  # "cried his wife": the wife of the man just named or speaking
    if scene.ties is not None and det == "the":
        tied = scene.ties.tie(m.text, m.gender)
        if tied is not None:
            return tied  # "said the old gentleman": "Mr. Brownlow, an old gentleman"
    role = _ROLE.fullmatch(m.text)
    if role is not None:
        titled = cast.titled(role.group(1))
        if len(titled) == 1:
            return titled[0]  # "the doctor": the one Doctor of the story
    if _CAPITALISED.match(m.text):
        known = cast.lookup(m.text.split(None, 1)[1])  # "the Grandmother" of the cast
        return known or own  # "the Invisible Man"
    if det == "the" and words[-1].lower() in _address_words()[2] and m.gender in ("m", "f"):
        married = [ch for ch in scene.latest(TALKER_REACH * 2)
                   if ch.gender == m.gender and _title(ch) == _PARENT_TITLE[m.gender]]
        if len(married) == 1:
            return married[0]  # "cried the mother": the one Mrs. on stage (Mrs. Morel)
    exp = scene.expected()
    if m.gender in ("m", "f"):
        if exp is not None and exp.gender == m.gender and not _described(exp):
            return exp  # "said the old lady": the woman whose turn it is, if named
        same = _same_described(scene, m, exp) if det in _DEFINITE else None
        if same is not None:
            return same  # "'Wake up!' cried a rough voice. ... said the man": the same one
        found = scene.other(scene.last_speaker(), m.gender)
        if found is not None:
            return found
    if exp is not None and exp != NARRATOR and not _described(exp) and m.gender == "-" \
            and det in _DEFINITE:
        return exp  # "the doctor" in a conversation: the one whose turn it is
    if det == "my":
        return None  # "pursued my friend": the teller's companion, named elsewhere
    return own


def _same_described(scene: _Scene, m: Mention, exp: Character | None) -> Character | None:
    """The person a definite description tag (``said the man``) takes up from an
    indefinite one that spoke just before (``'Wake up!' said a rough voice``): the one
    whose turn it is, or else one of the last on stage, if described so."""
    for ch in [exp] if exp is not None else scene.latest(TALKER_REACH):
        if not _described(ch) or ch.gender not in (m.gender, "-"):
            continue
        opener = ch.name.split()[0].lower()
        if opener in _INDEFINITE and opener != "one":  # not "one of the magistrates"
            return ch
    return None


def _kin(cast: Cast, scene: _Scene, kin: regex.Match[str]) -> Character | None:
    """``his wife`` / ``her father``: the one character of that title and the surname of
    the man (woman) who just spoke, or else is most recently on stage."""
    owner_gender = "m" if kin.group(1).lower() == "his" else "f"
    last = scene.last_speaker()
    owner = last if last is not None and last.gender == owner_gender \
        else scene.other(None, owner_gender)
    if owner is None:
        return None
    noun = kin.group(2).lower()
    if noun in _BY_BIRTH and _title(owner) == _PARENT_TITLE["f"]:
        return None  # "said her father" of Mrs. John Knightley: not Mr. Knightley
    return cast.relative(owner, _KIN_TITLES[noun])


def _title(ch: Character) -> str:
    """The title a character's name carries, without its period ("Mrs"; "" if none)."""
    parsed = parse(ch.name)
    return parsed.title if parsed is not None else ""


def _pronoun(scene: _Scene, beat: list[tuple[int, int, Character]], gender: str,
             pos: int) -> Character | None:
    """``he`` / ``she`` in a tag: the nearest person of that gender acting before it in
    the paragraph (not one acted upon, nor a possessive: ``Tom's dog``; the one the
    paragraph's first ``she`` follows when others are named in passing; when nobody of
    that gender is named there, one acting there whose gender the story has not told),
    else the one the narration before followed (of any gender, then of this one), else the
    one a line just called, else the one whose turn it is, else the last of that gender to
    speak in the conversation, else the most recent of that gender (the last speaker too:
    ``"You are wet," said Miss Pym. / "Sit down," she went on``). The
    paragraph is read back no further than ``PRONOUN_WINDOW`` characters (a page whose
    white space was collapsed is one paragraph)."""
    near = beat[bisect_left(beat, (pos - PRONOUN_WINDOW,)):bisect_left(beat, (pos,))]
    here = [(s, e, ch) for s, e, ch in near if ch.gender == gender
            and not _APPOSITION.match(scene.text, e)]  # not "Millie, her maid,"
    if not here:  # "Winterbourne got up. '...,' he said": one the story gave no gender
        here = [(s, e, ch) for s, e, ch in near if ch.gender == "-" and ch.key >= 0
                and not _APPOSITION.match(scene.text, e) and not _object(scene.text, s)
                and not _POSSESSIVE.match(scene.text, e)]
    if here:
        acting = [(s, ch) for s, e, ch in here if not _object(scene.text, s)
                  and not _POSSESSIVE.match(scene.text, e)]
        said = _pronouns(scene.text, here[0][0], pos, gender)
        if said and acting and acting[-1][0] < said[-1]:
            before = [ch for s, ch in acting if s < said[0]]
            if before:  # "Mrs. Dale sat. She listened while Kate talked; now she ...": Mrs. Dale
                return before[-1]
        return acting[-1][1] if acting else here[-1][2]
    if scene.lead is not None and scene.lead.gender in (gender, "-") and scene.lead.key >= 0:
        return scene.lead  # "Anne sat down. 'Well,' said she": the one the narration followed
    lead = scene.leads.get(gender)
    if lead is not None and lead.key >= 0:
        return lead  # "Emma came in; Mr. Elton rose. 'Well,' said she": the last she acting
    called = scene.turns[-1][1] if scene.turns else None
    if called is not None and called.gender == gender and called != scene.last_speaker():
        return called  # "Feel sick, Thea?" he asked. / "No," she said: Thea answers
    exp = scene.expected()
    if exp is not None and exp.gender == gender:
        return exp
    for spoke, _to in reversed(scene.turns):
        if spoke is not None and spoke.gender == gender and spoke.key >= 0:
            return spoke  # the last of that gender to speak in this conversation
    found = scene.other(None, gender)
    if found is None:  # a named person whose gender the story has not told
        found = scene.other(scene.last_speaker(), gender, loose=True)
        found = found if found is not None and found.key >= 0 else None
    if found is None and scene.unnamed is not None:
        described = scene.unnamed.before(pos, gender)
        if described is not None:  # "a girl was dancing. ... 'Why?' she asked"
            return Character(-1, described, gender)
    return found or scene.other(scene.last_speaker(), gender, loose=True)


def _implicit(text: str, scene: _Scene, segments: list[tuple[int, int]],
              beat: list[tuple[int, int, Character]], addressee: Character | None,
              lead: Character | None = None) -> tuple[Character | None, str, float]:
    """An untagged paragraph: an action beat, else the subject of the narration just
    before it (``lead``), else the turn of the conversation."""
    actors = [ch for s, _e, ch in beat if ch != addressee and not _object(text, s)]
    if actors:
        return actors[0], "action_beat", 0.7
    for s, e in segments:
        m = _LEAD_PRONOUN.match(text, s, e)
        if m is not None:
            gender = "m" if m.group("p").lower() == "he" else "f"
            ch = _pronoun(scene, [], gender, s)
            last = scene.last_speaker()
            if ch is not None and ch not in scene.talkers and last is not None \
                    and last.gender == gender and last in scene.talkers:
                ch = last  # "She put on more coal": the one who spoke, not a silent bystander
            if ch is not None:
                return ch, "action_beat", 0.6
        break
    if lead is not None and lead != addressee:
        return lead, "narration_subject", 0.6
    other = scene.other(lead) if lead is not None else None
    if other is not None:  # the one the narration followed is called: the other speaks
        return other, "vocative", 0.55
    exp = scene.expected()
    if exp is not None:
        return exp, "turn_taking", 0.6
    return None, "", 0.0


def _leads(text: str, placed: Placed, scene: _Scene, start: int, end: int
           ) -> Character | None:
    """Who acts in the narration ``start..end`` just before a line (:func:`_subject`);
    the last to act of each gender are kept in ``scene.leads``."""
    for g in ("m", "f"):
        found = _subject(text, placed, scene, start, end, gender=g)
        if found is not None:
            scene.leads[g] = found
    return _subject(text, placed, scene, start, end)


def _subject(text: str, placed: Placed, scene: _Scene, start: int, end: int,
             gender: str = "-") -> Character | None:
    """Who acts in the last sentence of a narration paragraph (``Lawrence stammered.``,
    ``She paused, and said at last:``, ``I laughed.``): its first name or pronoun that is
    not the object of a verb or preposition, a name after a pronoun (``She was reading
    when Anne came in.``); when the paragraph leads into the speech (``..., Emma found an
    opportunity of saying,``), its last such word. With ``gender``, the last sentence
    where someone of that gender acts."""
    cuts = [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, max(start, end - 1))]
    if gender == "-":
        # "Emma had nothing more to say; and, after a pause, Mrs. Elton chose another
        # subject.": the last clause with someone acting leads
        clauses = [cuts[-1]] + [m.end() for m in _CLAUSE_END.finditer(text, cuts[-1], end)]
        for cut, stop in reversed(list(pairwise([*clauses, end]))):
            found = _acting(text, placed, scene, start, cut, stop)
            if found is not None:
                return found
        return None
    for cut, stop in reversed(list(pairwise([*cuts, end]))):
        found = _acting(text, placed, scene, start, cut, stop, gender)
        if found is not None:
            return found
    return None


def _acting(text: str, placed: Placed, scene: _Scene, start: int, cut: int, end: int,
            gender: str = "-") -> Character | None:
    """Who acts in the sentence ``cut..end`` of a paragraph from ``start`` (of ``gender``,
    if given); see :func:`_subject`. A pronoun is the one its paragraph follows
    (:func:`_chain`), else the person of its gender the conversation has in view."""
    hits = {s: ch for s, e, ch in placed.find(cut, end) if not _APPOSITION.match(text, e)}
    leads_in = text[cut:end].rstrip()[-1:] in (",", ":")
    found: Character | None = None
    for m in _SUBJECT_WORD.finditer(text, cut, end):
        if _object(text, m.start(), cut, joined=False):
            continue
        word = m.group()
        if m.start() in hits:
            who: Character | None = hits[m.start()]
        elif word == "I" and _FIRST_PERSON.match(text, m.start()):
            who = NARRATOR  # not the "I" of "Chapter I."
        elif word.lower() in ("he", "she"):
            pg = "m" if word.lower() == "he" else "f"
            who = _chain(text, placed, start, m.start(), pg) \
                or _pronoun(scene, [], pg, m.start())
        else:
            continue
        if who is not None and gender != "-" and who.gender != gender:
            continue
        if who is not None:
            found = who
            if not leads_in and (gender != "-" or m.start() in hits):
                break  # "She paused, when Anne came in": a name after a pronoun acts
    return found


def _pronouns(text: str, start: int, end: int, gender: str) -> list[int]:
    """Where the ``he`` / ``she`` of ``gender`` in ``start..end`` are."""
    return [m.start() for m in (_HE if gender == "m" else _SHE).finditer(text, start, end)]


def _chain(text: str, placed: Placed, start: int, end: int, gender: str) -> Character | None:
    """Whom a ``he`` / ``she`` at ``end`` refers to in narration from ``start``: the last
    person of that gender acting there (``Mrs. Rachel felt ... She thought``)."""
    hits = [(s, e, ch) for s, e, ch in placed.find(start, end) if ch.gender == gender]
    acting = [ch for s, e, ch in hits
              if not _object(text, s) and not _APPOSITION.match(text, e)
              and not _PLURAL.search(text, max(start, s - 5), s)]
    return acting[-1] if acting else None


@lru_cache(maxsize=1)
def _address_words() -> tuple[regex.Pattern[str], dict[str, str], frozenset[str]]:
    """Words calling a hearer of known gender (data/gendered_vocatives.txt), as a pattern
    that finds them used as a vocative (``"No, papa, ..."``, ``"Indeed, sir."``); and
    those that call a parent."""
    rows = read_rows("gendered_vocatives.txt")
    genders = {r[0].lower(): r[1] for r in rows}
    parents = frozenset(r[0].lower() for r in rows if r[2:3] == ["parent"])
    alts = "|".join(regex.escape(w) for w in sorted(genders, key=len, reverse=True))
    pattern = regex.compile(
        rf"(?:\A|[,;:!?—–]|\.\s)\W*(?:{listed(column('vocative_openers.txt', 'any'))}\s+)*"
        rf"(?P<w>{alts})(?=\s*(?:[,!?;—–.]|\Z))", regex.IGNORECASE)
    return pattern, genders, parents


def _called_gender(text: str, qs: list[Quote]) -> tuple[str, bool]:
    """The gender a paragraph's quotations give their hearer by calling them
    ``sir``, ``papa``, ``madam``... ("-" when none, or both), and whether the word
    calls a parent."""
    pattern, genders, parents = _address_words()
    words = {m.group("w").lower() for q in qs for m in pattern.finditer(text[q.start:q.end])}
    found = {genders[w] for w in words}
    return (found.pop(), bool(words & parents)) if len(found) == 1 else ("-", False)


def _addressed(scene: _Scene, gender: str, speaker: Character | None,
               cast: Cast | None = None) -> Character | None:
    """The hearer a line calls ``sir`` or ``madam``: the one person of that gender among
    the last few on stage (none when two could be meant). Called ``papa`` (with the
    ``cast``): the one man on stage with a daughter in the story (Mr. Woodhouse, for
    there is a Miss Woodhouse)."""
    if cast is not None:
        parents = [ch for ch in scene.latest() if ch.gender == gender
                   and ch.key >= 0 and ch != speaker and cast.relative(ch, "Miss") is not None]
        if len(parents) == 1:
            return parents[0]
    near = list(islice((ch for ch in scene.latest() if ch != NARRATOR), ADDRESS_REACH))
    fits = [ch for ch in near if ch.gender == gender and ch != speaker]
    return fits[0] if len(fits) == 1 and fits[0].key >= 0 else None


def _vocative(text: str, placed: Placed, qs: list[Quote], speaker: Character | None,
              asked: bool = False, named: bool = False) -> Character | None:
    """The person a paragraph's quotations address by name (``"My dear Mr. Bennet, ..."``;
    after a question (``asked``), a line that is one name said flatly answers it, and so
    does one opening with a name after a question asking for one (``named``: ``"What
    name?"`` / ``"Greyson, second floor."``))."""
    for q in qs:
        for s, e, ch in placed.find(q.start, q.end):
            if ch == speaker or (named and not _LETTER.search(text, q.start, s)):
                continue
            if _VOC_BEFORE.search(text[q.start:s]) and _VOC_AFTER.match(text, e, q.end) \
                    and not (asked and _ANSWER.fullmatch(text, q.start, q.end)):
                return ch
    return None
