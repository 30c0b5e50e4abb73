"""Counted nouns left out: a number whose noun is the one an earlier number of the sentence
counted ("236 sentencias; de estas, 142 fueron condenatorias y 94 absolutorias", "of the 3,715
complaints, 1,610 were archived").

The elided head is the plural word right after the nearest earlier number of the sentence. A later
number without a noun of its own is read with that head: with a word that follows it as the
head's modifier ("[sentencias] condenatorias" → convictions), or else as a part of what the head
counts (``other_count``). A number joined by a conjunction to the figure before it, with only a
preposition after it, repeats that figure's measure ("575 víctimas en 2018 y 668 en 2019").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

_NUMBER_THEN_WORD = re.compile(r"\d(?:[\d.,\u00a0\u202f ]*\d)?\s+([^\W\d_][\w-]*)")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_WORDS_AFTER = 3
Rule = TypeVar("Rule")


def elided_head(
    before: str, not_counted: frozenset[str], plural_endings: tuple[str, ...]
) -> str | None:
    """The plural word after the last number of ``before`` (the sentence up to a number)."""
    head = None
    for match in _NUMBER_THEN_WORD.finditer(before):
        word = match.group(1).lower()
        if word not in not_counted and word.endswith(plural_endings):
            head = word
    return head


def clause_after(sentence: str, position: int) -> str:
    """What follows ``position`` up to the end of its clause (at most 80 characters)."""
    after = sentence[position : position + 80]
    clause_end = re.search(r"[;:.]\s|,", after)
    return after[: clause_end.start()] if clause_end else after


def words_after(sentence: str, position: int) -> list[str]:
    """The first words after ``position``, up to the end of the clause."""
    after = clause_after(sentence, position)
    return [match.group(0).lower() for match in _WORD.finditer(after)][:_WORDS_AFTER]


def with_head(
    head: str,
    words: list[str],
    matches: Callable[[str], Rule | None],
    adjacent_alone: bool = False,
) -> Rule | None:
    """The first rule that ``head`` followed by one of ``words`` names ("sentencias
    condenatorias"). With ``adjacent_alone``, the first word may also name it alone: the
    adjective right after a noun ("niños desaparecidos" → missing persons)."""
    for index, word in enumerate(words):
        found = matches(f"{head} {word}")
        if found is None and adjacent_alone and index == 0:
            found = matches(word)
        if found is not None:
            return found
    return None


def repeats_measure(
    between: str, after: list[str], conjunctions: frozenset[str], prepositions: frozenset[str]
) -> bool:
    """Whether a number repeats the measure of the figure before it: ``between`` them (the text
    from the end of that figure's number) is one clause with a conjunction, and the words
    ``after`` the number start with a preposition, or there are none."""
    if re.search(r"[;:()]|,(?!\d)", between):
        return False
    words = {match.group(0).lower() for match in _WORD.finditer(between)}
    if not words & conjunctions:
        return False
    return not after or after[0] in prepositions
