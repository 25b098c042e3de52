"""Hostile inputs: texts built to make a rule-based quote finder slow or wrong.

Each generator takes a size in characters and returns a deterministic ``str`` of that
length (give or take a few dozen characters, never shorter), so the tests and the
benchmark see the same inputs. ``KINDS`` maps a name to its generator.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Generator = Callable[[int], str]

_NAMES = ("Alice Moreno", "Bo Chen", "Dr Ruth Okafor", "Sir Ian Blake", "Mrs. Patel")
_VERBS = ("said", "told reporters", "added", "insisted", "warned")


def _fill(unit: Callable[[random.Random], str], size: int, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    n = 0
    while n < size:
        piece = unit(rng)
        parts.append(piece)
        n += len(piece)
    return "".join(parts)[:size]


def quote_runs(size: int) -> str:
    """Long runs of every kind of quote mark, with a few words between the runs."""
    marks = "\"'“”‘’«»„‚`"
    return _fill(lambda r: "".join(r.choice(marks) for _ in range(r.randint(50, 400)))
                 + r.choice((" said Ann ", " x ", "\n", "")), size, 1)


def capitalised(size: int) -> str:
    """Runs of capitalised words (a never-ending name), with quotations inside."""
    words = ("Alpha", "Beta", "Gamma", "O'Neil", "Van", "de", "J.", "St.", "Smith-Jones")
    return _fill(lambda r: " ".join(r.choice(words) for _ in range(r.randint(200, 2000)))
                 + r.choice((' said: "Yes." ', ', "No," said ', " ")), size, 2)


def titles(size: int) -> str:
    """Runs of titles and honorifics, each run ending at a quotation and a cue."""
    words = ("Mr", "Mrs.", "Dr", "Sir", "President", "General", "Lord", "Prof.", "Judge")
    return _fill(lambda r: '"Fine," said ' + " ".join(r.choice(words)
                 for _ in range(r.randint(100, 1000))) + ". ", size, 3)


def colons_commas(size: int) -> str:
    """Colons, commas and dashes around quotations, the cue rules' separators."""
    seps = (":", ",", ", ", " : ", "—", " ,", ";")
    return _fill(lambda r: "".join(r.choice(seps) for _ in range(r.randint(100, 800)))
                 + r.choice(('"Q"', ' he said ', ' "Q," said Ann', ' Ann said')), size, 4)


def no_spaces(size: int) -> str:
    """Text with no white space at all: words glued by punctuation and marks."""
    bits = ("word", "Said", "Ann", ".", ",", '"', "Mr.", "x", "’", ":")
    return _fill(lambda r: r.choice(bits), size, 5)


def giant_quote(size: int) -> str:
    """One quotation the size of the text, with sentences and names inside it."""
    body = _fill(lambda r: f"{r.choice(_NAMES)} {r.choice(_VERBS)} it was fine. ", size, 6)
    return f'Ann said: "{body}" she added.'


def deep_nesting(size: int) -> str:
    """Quotations nested thousands deep, alternating double and single marks."""
    pairs = size // 22 + 1  # each pair adds two levels and 22 characters
    return "“she said ‘" * pairs + "’ he said” " * pairs


def unbalanced(size: int) -> str:
    """Thousands of unpaired marks in one paragraph, openers and closers at random,
    each near a speech cue."""
    forms = ('said "yes ', 'no" said', "said 'maybe ", "it’s", '“so ', "” he said, ")
    return _fill(lambda r: f"{r.choice(_NAMES)} {r.choice(forms)} ", size, 7)


def dialogue(size: int) -> str:
    """Ordinary dense dialogue: the baseline workload, many attributed quotations."""
    def unit(r: random.Random) -> str:
        name, verb = r.choice(_NAMES), r.choice(_VERBS)
        if r.random() < 0.5:
            return f'"We will go on {r.randint(1, 99)} fronts," {name} {verb}.\n\n'
        return f'{name} {verb}: "It is {r.choice(("late", "early"))}, and I know."\n\n'
    return _fill(unit, size, 8)


def blank_lines(size: int) -> str:
    """Thousands of tiny paragraphs: marks and blank lines, CRLF and bare CR mixed."""
    return _fill(lambda r: r.choice(('"\r\n\r\n', "'\n\n", "“x\n \n", "\r\r", "\u2029")),
                 size, 9)


def short_lines(size: int) -> str:
    """Hundreds of thousands of short lines and no blank line: one paragraph per line, or
    one hard-wrapped paragraph, to be decided from every line end."""
    return _fill(lambda r: r.choice(('Ann said "x\n', "and so on\n", "Yes.\n", '"No," he said.\n')),
                 size, 10)


# -- long runs of dialogue (issue 16, finding 4) ----------------------------------------

_GIVEN = ("Ann", "Bob", "Cora", "Dan", "Eve", "Finn", "Gus", "Hal", "Ida", "Joe", "Kit",
          "Lou", "Max", "Ned", "Ola", "Pat", "Rex", "Sam", "Tess", "Uma")
_SURNAMES = ("Lee", "Hart", "Moss", "Vane", "Reed")
_SYLLABLES = ("ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri",
              "so", "tu", "va", "we", "xi", "yo", "ze")


def _coined(k: int, syllables: int = 3) -> str:
    """The ``k``-th made-up capitalised name (thousands of distinct ones)."""
    parts = []
    for _ in range(syllables):
        k, r = divmod(k, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
    return "".join(parts).capitalize()


def _story() -> str:
    """A few lines that make any text read as a story (tags of novels)."""
    return ('"Come in," cried Ann Lee.\n\n"I will," returned Bob Hart.\n\n'
            "Ann Lee looked at him. She smiled.\n\n")


def pronoun_run(size: int) -> str:
    """One run of dialogue as long as the text, every line tagged ``he said`` (so the
    turns never alternate)."""
    head = _story()
    return head + _fill(lambda r: f'"{r.choice(("Yes", "No", "Perhaps"))}," he said.\n\n',
                        size - len(head), 11)


def untagged_run(size: int) -> str:
    """One run of dialogue as long as the text, no line tagged: turn-taking only."""
    head = _story()
    return head + _fill(lambda r: f'"{r.choice(("Yes", "No", "Well", "Why not"))}'
                        f'{r.choice(("?", ".", "!"))}"\n\n', size - len(head), 12)


def two_names(size: int) -> str:
    """One run of dialogue between two people named by turns, with untagged lines."""
    def unit(r: random.Random) -> str:
        return ('"Is it late?" asked Ann.\n\n"It is," said Bob.\n\n"Then go."\n\n'
                f'"{r.choice(("Soon", "Now", "Never"))}."\n\n')
    return _fill(unit, size, 13)


def hundred_speakers(size: int) -> str:
    """One run of dialogue among a hundred people, tagged by name, pronoun or nothing."""
    people = [f"{g} {s}" for g in _GIVEN for s in _SURNAMES]

    def unit(r: random.Random) -> str:
        who = r.choice(people)
        form = r.randint(0, 3)
        return (f'"Yes," said {who}.\n\n', f'{who} smiled. "No."\n\n',
                f'"Why, {who.split()[0]}?" she asked.\n\n', '"Because."\n\n')[form]
    return _fill(unit, size, 14)


# -- dense quotations (the fixed cost per quotation; finding 7) ---------------------------

def dense(size: int) -> str:
    """A short quotation every 25-40 characters in one paragraph, tagged by names."""
    return _fill(lambda r: f'"{r.choice(("Go", "Stop", "Wait"))}," said '
                           f'{r.choice(_GIVEN)}. ', size, 15)


def dense_odd(size: int) -> str:
    """Quotations every 25-40 characters with CRLF, right-to-left names and control
    characters between them."""
    names = ("Ann", "שרה", "أحمد", "Bo\u200bChen", "\u202eEve", "Lee\x00")
    seps = ("\r\n", "\r\n\r\n", " ", "\x0b", "\x1b ", "\u2029")
    return _fill(lambda r: f'"{r.choice(("Go", "Stop", "Yes"))}," said {r.choice(names)}.'
                           f'{r.choice(seps)}', size, 16)


# -- the findings of issue 16 -----------------------------------------------------------

def one_surname(size: int) -> str:
    """Thousands of given names sharing one surname, each speaking, named in full or
    titled (``Mr. Cobafo Smith``, which the cast's index of full names lacks: finding 3)."""
    def unit(r: random.Random) -> str:
        return f'"Yes," said {r.choice(("", "Mr. "))}{_coined(r.randrange(8000))} Smith.\n\n'
    return _fill(unit, size, 17)


def many_names(size: int) -> str:
    """Thousands of distinct full names, each speaking (finding 3)."""
    def unit(r: random.Random) -> str:
        return (f'"No," said {_coined(r.randrange(8000))} '
                f'{_coined(r.randrange(8000), 2)}.\n\n')
    return _fill(unit, size, 18)


def collapsed_page(size: int) -> str:
    """Page text with its white space collapsed: one giant paragraph of narration and
    lines tagged by pronouns (finding 5)."""
    def unit(r: random.Random) -> str:
        who = f"{r.choice(_GIVEN)} {r.choice(_SURNAMES)}"
        return (f'{who} walked in and sat down. "Fine," {r.choice(("he", "she"))} said. '
                f'"{r.choice(("Yes", "No"))}," she answered. ')
    return _fill(unit, size, 19)


def hard_wrapped(size: int) -> str:
    """Hard-wrapped prose with no blank line (one paragraph), its quotations closed,
    and a stray unpaired mark now and then (finding 6)."""
    def unit(r: random.Random) -> str:
        line = r.choice(('"We shall see," said Ann Lee, and she\n',
                         "walked to the door of the house where\n",
                         'the old man lived. "Come in," he said;\n',
                         'and there was a stray " mark in the\n',
                         "letter he had written to his brother\n"))
        return line
    return _fill(unit, size, 20)


def verb_tags(size: int) -> str:
    """One paragraph of ``Name Surname verbs "word," he said,`` (finding 7)."""
    verbs = ("nods", "smiles", "waits", "turns", "laughs")
    return _fill(lambda r: f'{r.choice(_GIVEN)} {r.choice(_SURNAMES)} {r.choice(verbs)} '
                           f'"{r.choice(("word", "yes", "no"))}," he said, ', size, 21)


def transcript(size: int) -> str:
    """A Q:/A: transcript, one short question and answer after another (finding 7)."""
    answers = ("At home.", "No.", 'I said "no."')
    return _fill(lambda r: f"Q: {r.choice(('Where were you', 'Did you see him'))}?\n"
                           f"A: {r.choice(answers)}\n", size, 22)


def nested_many(size: int) -> str:
    """One quotation holding thousands of nested ones (finding 7)."""
    body = _fill(lambda r: f"he said '{r.choice(('yes', 'no', 'go'))}' and ", size - 18, 23)
    return f'Ann said: "{body}so on."'


def mr_chains(size: int) -> str:
    """Chains of titled names, ``Mr. Ann Lee``, before quotations (finding 7)."""
    def unit(r: random.Random) -> str:
        chain = " and ".join(f"{r.choice(('Mr.', 'Mrs.', 'Dr.'))} {r.choice(_GIVEN)} "
                             f"{r.choice(_SURNAMES)}" for _ in range(r.randint(2, 6)))
        return f'{chain} came. "Hello," said Mr. {r.choice(_GIVEN)} {r.choice(_SURNAMES)}. '
    return _fill(unit, size, 24)


KINDS: dict[str, Generator] = {
    "quote_runs": quote_runs,
    "capitalised": capitalised,
    "titles": titles,
    "colons_commas": colons_commas,
    "no_spaces": no_spaces,
    "giant_quote": giant_quote,
    "deep_nesting": deep_nesting,
    "unbalanced": unbalanced,
    "blank_lines": blank_lines,
    "short_lines": short_lines,
    "dialogue": dialogue,
    "pronoun_run": pronoun_run,
    "untagged_run": untagged_run,
    "two_names": two_names,
    "hundred_speakers": hundred_speakers,
    "dense": dense,
    "dense_odd": dense_odd,
    "one_surname": one_surname,
    "many_names": many_names,
    "collapsed_page": collapsed_page,
    "hard_wrapped": hard_wrapped,
    "verb_tags": verb_tags,
    "transcript": transcript,
    "nested_many": nested_many,
    "mr_chains": mr_chains,
}
