"""A figure that repeats the measure of the figure before it in its sentence.

"575 víctimas en 2018 y 668 en 2019": after a conjunction, a number with a preposition (or
nothing) after it counts what the figure before it counts. So does a number compared with it
("187 victims in 2022, an increase from 152 in 2021"), and one whose first word is the earlier
figure's, in parallel: "45 cases (33 for sex trafficking …), compared with 54 cases in 2022",
"131 were women and girls and 28 were Nicaraguan nationals". A part in brackets is skipped: what
follows it is compared with the figure before the brackets.
"""

from __future__ import annotations

import re
from functools import cache

from vigia.domain import Fact, NumberMention, Sentence
from vigia.extract.heads import repeats_measure, words_after
from vigia.reference import lexicon

#: How long the text between two figures may be for the second to repeat the first's measure.
_REACH = 80
_BRACKETS = re.compile(r"\([^()]*\)")


@cache
def _cues(language: str) -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    cues = lexicon("facts")[language]
    return (
        frozenset(cues["conjunctions"]),
        frozenset(cues["prepositions"]),
        re.compile(_alternation(cues["comparisons"]) + r"\s*$", re.I),
    )


@cache
def _phrases(language: str, key: str) -> re.Pattern[str]:
    return re.compile(_alternation(lexicon("facts")[language].get(key, [])), re.I)


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True) or ["(?!)"]
    return (
        r"(?<!\w)(?:" + "|".join(re.escape(p) if p != "(?!)" else p for p in ordered) + r")(?!\w)"
    )


def inserted(
    sentence: Sentence, earlier: NumberMention, later: NumberMention, language: str
) -> bool:
    """Whether ``later`` stands in a part inserted after ``earlier`` between commas, opened by a
    word of insertion ("Fourteen women, including eight Venezuelan nationals, were rescued")."""
    between = sentence.text[earlier.end - sentence.start : later.start - sentence.start]
    comma = between.rfind(",")
    if comma < 0:
        return False
    opening = _phrases(language, "insertions").match(between[comma + 1 :].lstrip())
    rest = sentence.text[later.end - sentence.start :]
    return opening is not None and "," in rest.split(".")[0]


def in_brackets(sentence: Sentence, mention: NumberMention) -> bool:
    """Whether a number stands inside brackets opened before it in its sentence."""
    local = mention.start - sentence.start
    return sentence.text.rfind("(", 0, local) > sentence.text.rfind(")", 0, local)


def _between(sentence: Sentence, earlier: NumberMention, mention: NumberMention) -> str:
    text = sentence.text[earlier.end - sentence.start : mention.start - sentence.start]
    return _BRACKETS.sub("", text)


def _first_word(sentence: Sentence, mention: NumberMention) -> str | None:
    words = words_after(sentence.text, mention.end - sentence.start)
    return words[0] if words else None


def compared(
    previous: tuple[NumberMention, Fact],
    mention: NumberMention,
    sentence: Sentence,
    words: list[str],
    language: str,
) -> bool:
    """Whether a number is compared with the figure before it and counts the same: it has no noun
    of its own, or the earlier figure's ("45 cases …, compared with 54 cases")."""
    earlier, fact = previous
    if fact.indicator in ("other_count", "budget"):
        return False
    between = _between(sentence, earlier, mention)
    _, prepositions, comparisons = _cues(language)
    if len(between) > _REACH or re.search(r"[;:()]", between) or not comparisons.search(between):
        return False
    if not words or words[0] in prepositions or words[0] == _first_word(sentence, earlier):
        return True
    after = sentence.text[mention.end - sentence.start :].lstrip()
    return _phrases(language, "time_after").match(after) is not None  # "62 the year before"


def repeats(
    previous: tuple[NumberMention, Fact],
    mention: NumberMention,
    sentence: Sentence,
    words: list[str],
    language: str,
) -> bool:
    """Whether a number repeats the measure of the figure before it: compared with it, after a
    conjunction with a preposition or nothing after it, or in parallel with it."""
    earlier, fact = previous
    if fact.indicator in ("other_count", "budget"):
        return False
    if compared(previous, mention, sentence, words, language):
        return True
    between = _between(sentence, earlier, mention)
    conjunctions, prepositions, _ = _cues(language)
    if repeats_measure(between, words, conjunctions, prepositions):
        return True
    return _parallel(between, words, _first_word(sentence, earlier), conjunctions)


def _parallel(
    between: str, words: list[str], earlier: str | None, conjunctions: frozenset[str]
) -> bool:
    """ "131 were women and 28 were nationals": after a conjunction, the same first word."""
    if not words or words[0] != earlier or len(between) > _REACH or re.search(r"[;:()]", between):
        return False
    last = between.split()[-1].lower() if between.split() else ""
    return last in conjunctions
