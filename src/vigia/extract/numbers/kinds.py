"""The kind of a number: the first detector of ``KIND_DETECTORS`` that holds, else COUNT."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from vigia.domain import NumberKind, Qualifier
from vigia.extract.numbers.patterns import (
    INLINE_LIST_MARK,
    LIST_MARK_AFTER,
    NEXT_WORD,
    YEAR_JOINED_BEFORE,
)
from vigia.extract.numbers.qualifiers import qualifier_before
from vigia.extract.numbers.sentence import Candidate, SentenceText

# ---------------------------------------------------------------------------------------------
# Kinds, in order of precedence


KindDetector = Callable[[Candidate, SentenceText], bool]


def _is_document_code(candidate: Candidate, sentence: SentenceText) -> bool:
    """Glued to letters ("G20", "COVID-19") or after a numbering sign ("N° 12")."""
    return candidate.glued or bool(sentence.ends_with("numbering_sign_before", candidate.start, 12))


def _is_list_marker(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "1. Guatemala;" at a line start, "axes principaux 1- Recherche" inside a line."""
    if candidate.origin != "digits" or candidate.value > 99 or not _is_whole(candidate.value):
        return False
    text = sentence.text
    line_start = text.rfind("\n", 0, candidate.start) + 1
    lead = text[line_start : candidate.start].strip()
    if lead in ("", "(") and LIST_MARK_AFTER.match(text, candidate.end):
        return True
    return bool(INLINE_LIST_MARK.match(text, candidate.end)) and not candidate.parts


def _is_percentage(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "45%", "45 %", "45 por ciento", "45 pour cent", "45 per cent"."""
    return bool(sentence.starts_with("percent_after", candidate.end))


def _is_ratio(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "4 de cada 100" (both numbers), "por cada 100 000 habitantes", "per 100,000"."""
    return bool(
        sentence.ends_with("ratio_before", candidate.start)
        or sentence.starts_with("ratio_after", candidate.end)
    )


def _is_whole(value: Decimal) -> bool:
    # value % 1 raises InvalidOperation once the integer part has more digits than the precision.
    return value == value.to_integral_value()


def _is_money(candidate: Candidate, sentence: SentenceText) -> bool:
    return candidate.money


def _is_day(candidate: Candidate) -> bool:
    values = [candidate.value] + ([candidate.value_min] if candidate.value_min is not None else [])
    return all(1 <= value <= 31 and _is_whole(value) for value in values)


def _is_date(candidate: Candidate, sentence: SentenceText) -> bool:
    """The day of "6 septembre", "15 et 16 octobre", "30 de julio", "October 15, 2012"."""
    if candidate.origin == "collective" or not _is_day(candidate):
        return False
    if sentence.starts_with("date_after", candidate.end):
        return True
    month_first = sentence.ends_with("month_before", candidate.start, 20)
    return bool(month_first) and (
        sentence.lexicon.language == "en"
        or bool(sentence.starts_with("year_after_comma", candidate.end))
    )


def _is_ordinal(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "1er", "2º", "3rd", "XXe", "primera"."""
    return candidate.origin == "ordinal"


def _is_year(candidate: Candidate, sentence: SentenceText) -> bool:
    """A four-digit 1900–2099 number, unless qualified or counting something; "los años 90"."""
    if not candidate.year_shaped:
        decade = candidate.value in range(10, 100, 10) and candidate.origin == "digits"
        return decade and bool(sentence.ends_with("decade_cue_before", candidate.start))
    if _is_quantity(candidate, sentence):
        return False
    if sentence.ends_with("year_cue_before", candidate.start):
        return True
    if YEAR_JOINED_BEFORE.search(sentence.text, 0, candidate.start):
        return True  # "the 2006 and 2007 budgets": a year joined to a year is one
    return not _counts_next_word(candidate, sentence)


def _is_quantity(candidate: Candidate, sentence: SentenceText) -> bool:
    """Whether a quantity qualifier comes before the number ("más de", "about"; not "hasta")."""
    qualifier, phrase = qualifier_before(candidate, sentence)
    if qualifier in (Qualifier.AT_LEAST, Qualifier.APPROXIMATELY):
        return True
    return qualifier is Qualifier.AT_MOST and phrase not in sentence.lexicon.until_words


def _counts_next_word(candidate: Candidate, sentence: SentenceText) -> bool:
    """Whether the next word is a counted noun: a known one, or a plural that is not a function
    word ("2000 personas", "1998 officers"; not "2008 les", "2012 has")."""
    match = NEXT_WORD.match(sentence.lowered, candidate.end)
    if not match:
        return False
    word = match.group(1)
    lexicon_ = sentence.lexicon
    if word in lexicon_.counted_nouns:
        return True
    ordinary = word not in lexicon_.not_counted and word not in lexicon_.words
    return len(word) > 3 and word.endswith("s") and ordinary and word not in lexicon_.months


def _is_age(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "menores de 18 años", "aged 12 to 17", "moins de 18 ans", "children under 18"."""
    start, end = candidate.start, candidate.end
    if sentence.ends_with("age_before", start) or sentence.starts_with("age_marker_after", end):
        return True
    weak = bool(sentence.ends_with("age_before_weak", start)) and not sentence.ends_with(
        "duration_before_weak", start
    )
    if sentence.starts_with("year_unit_after", end):
        return weak or bool(sentence.ends_with("age_noun_before", start))
    adult_age = 10 <= candidate.value <= 21 and _is_whole(candidate.value)
    return weak and adult_age and not _counts_next_word(candidate, sentence)


def _is_duration(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "depuis 4 ans", "for 4 years", "les 3 dernières années", "48 horas", "six months"."""
    return bool(sentence.starts_with("duration_after", candidate.end))


def _is_structural(candidate: Candidate, sentence: SentenceText) -> bool:
    """Parts of a plan or document: "three axes", "cinco pilares", "16 formas de explotación",
    "annexe 1"; not "20 points focaux"."""
    if sentence.ends_with("reference_before", candidate.start, 20):
        return True
    return bool(sentence.starts_with("structural_after", candidate.end)) and not (
        sentence.starts_with("structural_exception_after", candidate.end)
    )


#: The order of precedence of kinds: the first detector that holds decides; else COUNT.
KIND_DETECTORS: tuple[tuple[NumberKind, KindDetector], ...] = (
    (NumberKind.DOCUMENT_CODE, _is_document_code),
    (NumberKind.LIST_MARKER, _is_list_marker),
    (NumberKind.PERCENTAGE, _is_percentage),
    (NumberKind.RATIO, _is_ratio),
    (NumberKind.MONEY, _is_money),
    (NumberKind.DATE, _is_date),
    (NumberKind.ORDINAL, _is_ordinal),
    (NumberKind.YEAR, _is_year),
    (NumberKind.AGE, _is_age),
    (NumberKind.DURATION, _is_duration),
    (NumberKind.STRUCTURAL, _is_structural),
)


def classify(candidate: Candidate, sentence: SentenceText) -> NumberKind:
    """The kind of a number: the first kind of ``KIND_DETECTORS`` that holds, else COUNT."""
    if candidate.forced_kind is not None:
        return candidate.forced_kind
    for kind, detector in KIND_DETECTORS:
        if detector(candidate, sentence):
            return kind
    return NumberKind.COUNT
