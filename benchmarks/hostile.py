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
    "dialogue": dialogue,
}
