"""Roles and affiliations a text gives a person, read around the mentions of their name.

- a title or role before the name: "UK Defence Secretary and Rotherham MP John Healey"
  gives "UK Defence Secretary" and "Rotherham MP"; "plant manager Sandra Okoro";
- an apposition after it: "Hegseth, the US Defense Secretary, said"; "Ann Lee, a
  spokeswoman for the council," gives the role "spokeswoman" and the affiliation "the
  council";
- a possessive before it: "Labour's Jane Doe" gives the affiliation "Labour";
- a description that names them: "the Rotherham MP said" gives "Rotherham MP".

A phrase is a role when its head is a role noun (data/role_nouns.txt) or a title that is no
honorific (data/titles.txt); joiners (data/role_joiners.txt) separate a role from its
affiliation.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import column, load

# the words just before a name: letters, hyphens, apostrophes, a title's period
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\-'’]*\.?")
_BOUNDARY = regex.compile(r"[,;:!?\"“”‘’()\[\]\n—–]\s|\n")
_STOP = regex.compile(r"(\S+)\.\s")  # a sentence's end, unless the word is a title ("Gov.")
_BEFORE_REACH = 120  # characters looked at before a name
_RUN_WORDS = 8  # at most this many words before a name make its titles
# ", the US Defense Secretary," / ", a spokesman for the ministry." after a name
_APPOSITION = regex.compile(
    r",[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?(?P<phrase>[^,;:.!?\"“”()\[\]\n]{2,80}?)"
    r"(?=[,;:.!?)]|[^\S\n]+(?:said|says|told|added|explained)\b)")
_CLAUSE = regex.compile(r"\b(?:who|whom|whose|which|that|where|when|and\s+(?:a|an|the))\b")
_APPOS_WORDS = 8
_POSSESSIVE = ("'s", "’s")


@lru_cache(maxsize=1)
def joiners() -> frozenset[str]:
    """The words joining a role to an affiliation (data/role_joiners.txt)."""
    return frozenset(column("role_joiners.txt"))


@lru_cache(maxsize=8192)
def is_role_word(word: str) -> bool:
    """Does ``word`` head a role: a role noun ("secretary", "MP", "spokesman") or a title
    that is no honorific ("Councillor", "Senator"; not "Mr")?"""
    lex = load()
    bare = word.rstrip(".,")
    hit = lex.title(bare)
    if hit is not None:
        return hit[1] != "honorific"
    return bare.lower() in lex.role_nouns


def before(text: str, start: int) -> tuple[list[str], list[str]]:
    """Roles and affiliations written just before the name at ``start``: the titles and
    roles of "UK Defence Secretary and Rotherham MP John Healey", the owner of "Labour's
    Jane Doe"."""
    if text[start - 2:start] == ", ":
        return _apposed_before(text, start - 2)
    if start < 2 or text[start - 1] not in " \t\xa0" or text[start - 2].isspace():
        return [], []
    space = text.rfind(" ", max(0, start - 40), start - 1)
    if not _may_lead(text[space + 1:start - 1]):
        return [], []  # "said John Healey", "and Healey": the common case, decided at once
    window = text[max(0, start - _BEFORE_REACH):start]
    window = _BOUNDARY.split(window)[-1]  # the words since the last punctuation
    lex = load()
    cut = [m for m in _STOP.finditer(window)
           if lex.title(m.group(1)) is None and lex.title(m.group(1) + ".") is None]
    if cut:
        window = window[cut[-1].end():]  # the words since the sentence's end
    words = [m.group() for m in _WORD.finditer(window)]
    if not words:
        return [], []  # punctuation between: "said, John Healey"
    run: list[str] = []
    owner = ""
    for w in reversed(words[-_RUN_WORDS:]):
        if w.endswith(_POSSESSIVE):
            owner = w[:-2]
            break
        if w.lower() in ("and", "of", "for") and run:
            run.append(w.lower())
            continue
        if is_role_word(w) or (w[:1].isupper() and run):
            run.append(w)
            continue
        break
    run.reverse()
    # the run must read left to right to the word before the name without a gap: check
    # that its words are the last words of the window in order
    while run and (run[0] in ("and", "of", "for") or not _capital_or_role(run[0])):
        run.pop(0)
    roles = []
    for piece in " ".join(run).split(" and "):
        pw = piece.split()
        if pw and is_role_word(pw[-1]) and not _only_honorific(pw):
            roles.append(piece)
    affiliations = [owner] if owner and owner[:1].isupper() else []
    if owner and not roles and not affiliations:
        return [], []
    return roles, affiliations


def _apposed_before(text: str, comma: int) -> tuple[list[str], list[str]]:
    """The role of a description set before a name ("The company's chief executive, Ann
    Lee"; "her husband, Bill Reed"), whose last word heads a role; its owner, if any, is an
    affiliation."""
    window = text[max(0, comma - 80):comma]
    last = window.rsplit(None, 1)[-1:]  # the last word, as the words below end
    if not last or not last[0][:1].islower() or not is_role_word(last[0]):
        return [], []  # the common case ("said, John Healey"), decided without the split
    words = _BOUNDARY.split(window)[-1].split()[-_APPOS_WORDS:]
    if not words or not words[-1][:1].islower() or not is_role_word(words[-1]):
        return [], []
    lex = load()
    lead = max((k for k, w in enumerate(words)
                if w.lower() in lex.determiners or w.endswith(_POSSESSIVE)), default=-1)
    if lead < 0:
        return [], []  # no article or owner: "said Ann Lee, Bob Hart" is no description
    owner = ""
    if words[lead].endswith(_POSSESSIVE):
        first = max((k for k in range(lead) if words[k].lower() in lex.determiners),
                    default=lead)
        owner = " ".join(words[first:lead + 1])[:-2]
    role = " ".join(words[lead + 1:])
    return [role], [owner] if owner else []


@lru_cache(maxsize=8192)
def _may_lead(word: str) -> bool:
    """Can the word just before a name belong to a title, a role or an owner before it?"""
    return (word[:1].isupper() and word[-1:] not in ",;:!?\"”’)") \
        or word.endswith(_POSSESSIVE) or is_role_word(word)


def _capital_or_role(word: str) -> bool:
    return word[:1].isupper() or is_role_word(word)


def _only_honorific(words: list[str]) -> bool:
    hit = load().title(words[0])
    return len(words) == 1 and hit is not None and hit[1] == "honorific"


def after(text: str, end: int) -> tuple[list[str], list[str]]:
    """The role and affiliation of an apposition after the name ending at ``end``:
    ", the US Defense Secretary," or ", a spokesman for the ministry,"."""
    if text[end:end + 1] != ",":
        return [], []
    m = _APPOSITION.match(text, end, min(len(text), end + 120))
    if m is None:
        return [], []
    phrase = m.group("phrase")
    cut = _CLAUSE.search(phrase)
    if cut is not None:
        phrase = phrase[:cut.start()]
    return split_role(phrase.split()[:_APPOS_WORDS])


def of_description(description: str) -> tuple[list[str], list[str]]:
    """The role and affiliation of a description that names someone: "the Rotherham MP",
    "a spokesman for the ministry", "the ministry's spokesman"."""
    words = description.split()
    owner = ""
    for k, w in enumerate(words):
        if w.endswith(_POSSESSIVE) and k < len(words) - 1:
            owner = " ".join(words[:k + 1])[:-2]
            words = words[k + 1:]
            break
    if words and words[0].lower() in load().determiners:
        words = words[1:]
    roles, affiliations = split_role(words)
    if roles and owner:
        affiliations = [owner, *affiliations]
    return roles, affiliations


def split_role(words: list[str]) -> tuple[list[str], list[str]]:
    """``words`` of a phrase as a role up to its head and an affiliation after a joiner:
    ``spokesman for the ministry`` -> (["spokesman"], ["the ministry"]); no role when no
    word of the phrase heads one."""
    joined = joiners()
    words = [w.strip(",") for w in words if w.strip(",")]
    for k, w in enumerate(words):
        if w.lower() in joined and k > 0:
            head, rest = words[:k], words[k + 1:]
            break
    else:
        head, rest = words, []
    if not head or not is_role_word(head[-1]) or _only_honorific(head):
        return [], []
    if head[0].lower() in load().determiners:
        head = head[1:]
    affiliation = " ".join(rest).strip()
    return [" ".join(head)], [affiliation] if affiliation and len(rest) <= 6 else []
