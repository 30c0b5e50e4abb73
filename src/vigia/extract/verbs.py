"""The verb that governs a number: "convicting 21 traffickers", "se identificaron 668 víctimas",
"a condamné 12 trafiquants", "resgatou 33 vítimas".

A verb right before a number (a few words such as "a total of", "más de" or the Spanish personal
"a" may stand between) says what the number counts, more surely than a cue anywhere in the
sentence: in "The government reported investigating 112 trafficking cases", *reported* makes
"cases" complaints, *investigating* makes them investigations. The lexicon of facts gives, per
language, verbs (``governing_verbs``) with the indicators each may give, in order: the first whose
nouns name one of the words after the number wins; else, when one of those words counts people
(``person_nouns``: "traffickers", "personas"), the first. Otherwise the verb says nothing and the
noun decides as usual.

After a number, a verb of state and what the number is in say it too: "1,137 seguían en
investigación", "45 remained under investigation" (``state_predicates``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple

from vigia.reference import lexicon

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: How many words may stand between the verb and its number.
_BETWEEN = 4
#: What may stand between a number and what it is in: a verb of state and an adverb, at most.
_UP_TO_TWO_WORDS = r"\s*(?:[^\W\d][\w'’-]*\s+){0,2}?"
#: How far before a number its verb is looked for.
_WINDOW = 60


@cache
def _verbs(language: str) -> tuple[Governing, ...]:
    cues: dict[str, Any] = lexicon("facts")[language]
    return tuple(
        Governing(
            tuple(entry["indicators"]),
            frozenset(entry.get("nouns", [])),
            re.compile(r"(?:" + "|".join(entry["verbs"]) + r")", re.IGNORECASE),
        )
        for entry in cues.get("governing_verbs", [])
    )


@cache
def _between(language: str) -> frozenset[str]:
    return frozenset(lexicon("facts")[language].get("between_verb_and_number", []))


@cache
def _people(language: str) -> frozenset[str]:
    return frozenset(lexicon("facts")[language].get("person_nouns", []))


def governing_verb(before: str, language: str) -> tuple[str, ...]:
    """The indicators the verb right before a number may give, in order (none when no such verb
    stands there): ``before`` is the text of the sentence up to the number."""
    return _governing(before, language).indicators


class Governing(NamedTuple):
    """A governing verb's indicators, the nouns it counts whatever the catalogue says ("met 6
    times"), and the verb itself (a pattern); as found before a number, the words between them."""

    indicators: tuple[str, ...]
    nouns: frozenset[str]
    verb: re.Pattern[str]
    between: frozenset[str] = frozenset()


_NONE = Governing((), frozenset(), re.compile(r"(?!)"))


def _governing(before: str, language: str) -> Governing:
    """The verb that governs the number at the end of ``before``, if one does."""
    words = list(_WORD.finditer(before[-_WINDOW:]))
    tail = before[-_WINDOW:]
    between: set[str] = set()
    for index in range(len(words) - 1, max(-1, len(words) - 2 - _BETWEEN), -1):
        word = words[index]
        if re.search(r"[,;:.()]", tail[word.end() :]):
            return _NONE  # a clause break between the word and the number
        for entry in _verbs(language):
            if entry.verb and (
                entry.verb.fullmatch(word.group(0)) or _spans(entry.verb, tail, word)
            ):
                return entry._replace(between=frozenset(between))
        if word.group(0).lower() not in _between(language):
            return _NONE
        between.add(word.group(0).lower())
    return _NONE


def governed_from(text: str, start: int, end: int, language: str) -> int:
    """Where the clause of the number at ``end`` begins, governed by its verb: after the last
    comma or conjunction between ``start`` (the figure before) and it, else ``end``."""
    conjunctions = _conjunctions(language)
    stretch = text[start:end]
    cut = stretch.rfind(",")
    for word in _WORD.finditer(stretch):
        if word.group(0).lower() in conjunctions and word.start() > cut:
            cut = word.start()
    return start + cut if cut >= 0 else end


@cache
def _conjunctions(language: str) -> frozenset[str]:
    return frozenset(lexicon("facts")[language]["conjunctions"])


def _spans(verb: re.Pattern[str], tail: str, word: re.Match[str]) -> bool:
    """Whether a verb of several words ("pris en charge") ends with ``word``."""
    found = verb.search(tail, max(0, word.end() - 30), word.end())
    return found is not None and found.end() == word.end() and " " in found.group(0)


def governed_indicator(
    before: str, words: list[str], language: str, names: Callable[[str, str], bool]
) -> str | None:
    """The indicator the governing verb gives the number, if any: the first of the verb's whose
    nouns (``names(indicator, word)``) name one of ``words`` (those after the number), else the
    first when one of them counts people (or the personal "a" of Spanish marks the object as
    people: "capacitó a 2 800 efectivos") or when a preposition follows the number at once."""
    governing = _governing(before, language)
    indicators = governing.indicators
    if not indicators:
        return None
    for indicator in indicators:
        if any(names(indicator, word) for word in words):
            return indicator
    if words and words[0] in governing.nouns:
        return indicators[0]  # "met 6 times"
    if any(word in _people(language) for word in words) or governing.between & _personal(language):
        return indicators[0]
    if words and words[0] in _prepositions(language):
        return indicators[0]  # no noun of its own: "referred 12 to NGO shelters"
    return None


@cache
def _personal(language: str) -> frozenset[str]:
    return frozenset(lexicon("facts")[language].get("personal_object", []))


@cache
def _prepositions(language: str) -> frozenset[str]:
    return frozenset(lexicon("facts")[language]["prepositions"])


@cache
def _states(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    states: dict[str, list[str]] = lexicon("facts")[language].get("state_predicates", {})
    return tuple(
        (
            re.compile(
                r"\s*(?:[^\W\d][\w'’-]*\s+){0,2}?(?:" + "|".join(phrases) + r")(?!\w)", re.I
            ),
            indicator,
        )
        for indicator, phrases in states.items()
    )


def state_indicator(after: str, language: str) -> str | None:
    """The indicator a number is in after it ("seguían en investigación"): ``after`` is the
    rest of its clause."""
    return next((name for pattern, name in _states(language) if pattern.match(after)), None)
