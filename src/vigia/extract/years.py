"""The year a figure refers to: a year of its sentence that is not the start of a period, the
closest in the figure's own clause first; and the year a document speaks from."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from vigia.domain import FIGURE_KINDS, Document, NumberKind, NumberMention, Sentence
from vigia.extract.scope import clause_around
from vigia.reference import lexicon

_DIGIT = re.compile(r"\d")


@cache
def _phrases(language: str, key: str) -> re.Pattern[str]:
    phrases = sorted(lexicon("facts")[language][key], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I)


def document_year(document: Document) -> int | None:
    """The year a document speaks from: its most frequent year, the latest on a tie."""
    years = Counter(int(m.value) for m in document.numbers if m.kind is NumberKind.YEAR)
    if not years:
        return None
    top = max(years.values())
    return max(year for year, count in years.items() if count == top)


def reference_year(document: Document, sentence: Sentence, language: str, near: int) -> int | None:
    """The year a sentence's figure at ``near`` refers to: a year in it that is not a start
    ("since 2008"), the closest in the figure's own clause, else in the sentence (but not the
    year of another figure it is compared with)."""
    since = _phrases(language, "since")
    candidates = []
    for mention in document.numbers:
        if mention.kind is NumberKind.YEAR and sentence.start <= mention.start < sentence.end:
            before = document.text[max(sentence.start, mention.start - 14) : mention.start]
            starts = [cue for cue in since.finditer(before) if not _DIGIT.search(before, cue.end())]
            if not starts:  # "since 2008" starts a period; "from 152 in 2021" does not
                candidates.append(mention)
    start, end = clause_around(sentence, near)
    own = [mention for mention in candidates if start <= mention.start < end]
    # a year in the figure's own clause comes first; else one that is not another figure's in
    # a comparison ("investigating 56 cases, compared with 41 investigations in 2021")
    comparing = _phrases(language, "comparisons").search(document.text, start, near)
    earlier = [year for year in candidates if year.start < near]
    if comparing and earlier and _the_year_before(document, near, language):
        return (
            int(max(earlier, key=lambda year: year.start).value) - 1
        )  # "up from 62 the year before"
    later = [year for year in candidates if year.start > near]
    if not own and comparing and later:  # "compared with 210 investigations, … in 2020"
        return int(min(later, key=lambda year: year.start).value)
    candidates = own or [
        year for year in candidates if not _compared(document, sentence, year, near, language)
    ]
    if candidates:
        # the closest; on a tie, the year after the figure ("575 en 2018 y 668 en 2019")
        closest = min(
            candidates, key=lambda mention: (abs(mention.start - near), mention.start < near)
        )
        return int(closest.value)
    if _phrases(language, "this_year").search(sentence.text):
        return document_year(document)
    return None


def _the_year_before(document: Document, near: int, language: str) -> bool:
    """Whether the figure at ``near`` is followed by a phrase for the year before ("the year
    before", "el año anterior")."""
    figure = next((mention for mention in document.numbers if mention.start == near), None)
    if figure is None:
        return False
    after = document.text[figure.end : figure.end + 40].lstrip()
    return _phrases(language, "time_after").match(after) is not None


def _compared(
    document: Document, sentence: Sentence, year: NumberMention, near: int, language: str
) -> bool:
    """Whether ``year`` is in a clause that compares another figure ("compared with 41 in
    2021", "frente a 380 en 2018")."""
    start, end = clause_around(sentence, year.start)
    if not _phrases(language, "comparisons").search(document.text, start, end):
        return False
    return any(
        mention.kind in FIGURE_KINDS and start <= mention.start < end and mention.start != near
        for mention in document.numbers
    )
