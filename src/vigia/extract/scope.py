"""Whose a figure is, from its own clause: a country's text quotes regional and world figures
("afecta a más de 1,2 millones de niños de América Latina"), which are not the country's.

The clause is the part of the sentence between commas (not those inside a number), semicolons,
colons and brackets, at most 400 characters either side of the figure. A place of
``scope_places`` in it (the lexicon of facts) makes the figure the region's or the world's, unless
the clause names a country too, or gives (``giving_stems``: what a country gives to a region stays
the country's figure).
"""

from __future__ import annotations

import re
from functools import cache

from vigia.domain import Document, Sentence
from vigia.reference import lexicon

#: The longest a clause is taken to run on either side of a figure.
_CLAUSE_WINDOW = 400
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()]")


def clause_around(sentence: Sentence, at: int) -> tuple[int, int]:
    """The document offsets of the clause of ``sentence`` that holds offset ``at``."""
    local = at - sentence.start
    text = sentence.text
    window = max(0, local - _CLAUSE_WINDOW)
    breaks = [match.end() for match in _CLAUSE_BREAK.finditer(text, window, local)]
    left = breaks[-1] if breaks else window
    right_match = _CLAUSE_BREAK.search(text, local, local + _CLAUSE_WINDOW)
    right = right_match.start() if right_match else min(len(text), local + _CLAUSE_WINDOW)
    return sentence.start + left, sentence.start + right


@cache
def _places(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    scopes: dict[str, list[str]] = lexicon("facts")[language]["scope_places"]
    return tuple(
        (region, re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I))
        for region, words in scopes.items()
    )


@cache
def _giving(language: str) -> re.Pattern[str]:
    stems: list[str] = lexicon("facts")[language]["giving_stems"]
    return re.compile(r"(?<!\w)(?:" + "|".join(stems) + r")\w*", re.I)


def scope_region(document: Document, sentence: Sentence, at: int, language: str) -> str | None:
    """The region or ``World`` whose figure the one at ``at`` is, if its clause says so."""
    start, end = clause_around(sentence, at)
    clause = document.text[start:end]
    region = next((name for name, pattern in _places(language) if pattern.search(clause)), None)
    if region is None:
        return None
    if any(place.country and start <= place.start < end for place in document.places):
        return None
    if _giving(language).search(clause):
        return None
    return region
