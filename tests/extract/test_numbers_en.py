"""find_numbers on English sentences."""

from __future__ import annotations

import re

import pytest

from vigia.domain import FIGURE_KINDS, NumberKind, NumberMention, Qualifier
from vigia.extract.numbers import find_numbers

LANGUAGE = "en"


def mention(sentence: str, fragment: str) -> NumberMention:
    """The mention whose text is ``fragment``, after checking every mention's offsets."""
    mentions = find_numbers(sentence, LANGUAGE)
    assert all(sentence[m.start : m.end] == m.text for m in mentions)
    found = [m for m in mentions if m.text == fragment]
    assert found, f"{fragment!r} not among {[m.text for m in mentions]}"
    place = re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", sentence)
    assert found[0].start == (place.start() if place else sentence.index(fragment))
    return found[0]


def described(found: NumberMention) -> tuple[object, ...]:
    return (found.kind, found.value, found.qualifier, found.value_min, found.unit)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("Prosecutors received 3,715 complaints.", "3,715", 3715),
        ("The census counted 1,250,000 migrants.", "1,250,000", 1_250_000),
        ("An average of 9.5 cases was reported.", "9.5", 9.5),
        ("The unit identified 82 victims.", "82", 82),
    ],
)
def test_find_numbers_reads_english_digits(sentence: str, fragment: str, value: float) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("The court convicted twelve traffickers.", "twelve", 12),
        ("It trained two hundred officers.", "two hundred", 200),
        ("It rescued twenty-two children.", "twenty-two", 22),
        ("It reached a thousand schools.", "a thousand", 1000),
        ("It screened 3.5 million travellers.", "3.5 million", 3_500_000),
        ("The campaign reached two million people.", "two million", 2_000_000),
    ],
)
def test_find_numbers_reads_english_number_words_and_scales(
    sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


def test_find_numbers_reads_an_english_dozen_as_approximate() -> None:
    found = mention("A dozen prosecutors joined the unit.", "A dozen")
    assert described(found) == (NumberKind.COUNT, 12, Qualifier.APPROXIMATELY, None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "A shelter and an office were opened for one of the groups.",
        "Dozens of families and hundreds of children received thousands of meals.",
        "No one was arrested; the victims helped one another.",
    ],
)
def test_find_numbers_skips_english_articles_and_vague_plurals(sentence: str) -> None:
    assert find_numbers(sentence, LANGUAGE) == []


def test_find_numbers_keeps_english_one_when_it_is_a_numeral() -> None:
    found = mention("Only one shelter is open.", "one")
    assert (found.kind, found.value) == (NumberKind.COUNT, 1)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "qualifier"),
    [
        ("It trained more than 6,000 officials.", "6,000", 6000, Qualifier.AT_LEAST),
        ("It registered at least 40 cases.", "40", 40, Qualifier.AT_LEAST),
        ("Checks run at over 150 border posts.", "150", 150, Qualifier.AT_LEAST),
        ("It received fewer than 30 complaints.", "30", 30, Qualifier.AT_MOST),
        ("The shelter hosts up to 25 women.", "25", 25, Qualifier.AT_MOST),
        ("Police detained about 200 people.", "200", 200, Qualifier.APPROXIMATELY),
        ("Some 30 projects are under way.", "30", 30, Qualifier.APPROXIMATELY),
        ("Nearly 90 families were helped.", "90", 90, Qualifier.APPROXIMATELY),
        ("The unit will have 50 members.", "50", 50, Qualifier.PLANNED),
        ("The ministry is expected to open four shelters.", "four", 4, Qualifier.PLANNED),
        ("It trained 300 or more officers.", "300", 300, Qualifier.AT_LEAST),
    ],
)
def test_find_numbers_reads_english_qualifiers(
    sentence: str, fragment: str, value: float, qualifier: Qualifier
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, qualifier, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "value_min"),
    [
        ("Between 10 and 12 people were arrested.", "10 and 12", 12, 10),
        ("It held 15 to 20 workshops.", "15 to 20", 20, 15),
        ("There were 10-12 raids.", "10-12", 12, 10),
        ("Between two and three thousand people attended.", "two and three thousand", 3000, 2000),
    ],
)
def test_find_numbers_reads_english_ranges(
    sentence: str, fragment: str, value: float, value_min: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, value_min, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "unit"),
    [
        ("It cost $9.9 billion (US$49.3 M) overall.", "$9.9 billion", 9.9e9, "USD"),
        ("It cost $9.9 billion (US$49.3 M) overall.", "US$49.3 M", 49.3e6, "USD"),
        ("The fund holds 3.5 million euros.", "3.5 million euros", 3.5e6, "EUR"),
        ("It gave 500 Canadian dollars.", "500 Canadian dollars", 500, "CAD"),
        ("It granted CAD 2,000 per family.", "CAD 2,000", 2000, "CAD"),
        ("It spent 40,000 Mexican pesos.", "40,000 Mexican pesos", 40_000, "MXN"),
        ("The fine was 500 pesos.", "500 pesos", 500, None),
        ("Brazil spent R$ 3 million.", "R$ 3 million", 3e6, "BRL"),
    ],
)
def test_find_numbers_reads_english_money(
    sentence: str, fragment: str, value: float, unit: str | None
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.MONEY, value, Qualifier.EXACT, None, unit)


@pytest.mark.parametrize(
    ("sentence", "fragment", "kind", "value"),
    [
        ("The law was passed in 2012.", "2012", NumberKind.YEAR, 2012),
        ("The target year 2017 was missed.", "2017", NumberKind.YEAR, 2017),
        ("Since 2008 the board has met.", "2008", NumberKind.YEAR, 2008),
        ("It assisted 1998 victims.", "1998", NumberKind.COUNT, 1998),
        ("It assisted over 2000 victims.", "2000", NumberKind.COUNT, 2000),
        ("The meeting opened on October 15, 2012.", "15", NumberKind.DATE, 15),
        ("The meeting opened on 16/10/2012.", "16/10/2012", NumberKind.DATE, 16),
        ("It has worked for 4 years.", "4", NumberKind.DURATION, 4),
        ("It changed in the last two years.", "two", NumberKind.DURATION, 2),
        ("The law was passed in less than 2 months.", "2", NumberKind.DURATION, 2),
        ("The pilot ran for six months.", "six", NumberKind.DURATION, 6),
        ("Women were 45% of the victims.", "45", NumberKind.PERCENTAGE, 45),
        ("Women were 45 per cent of the victims.", "45", NumberKind.PERCENTAGE, 45),
        ("Women were 45 percent of the victims.", "45", NumberKind.PERCENTAGE, 45),
        ("Call the hotline 1-888-373-7888 now.", "1-888-373-7888", NumberKind.PHONE, 18883737888),
        ("In an emergency call 911.", "911", NumberKind.PHONE, 911),
        ("Dial 2222-3333 for help.", "2222-3333", NumberKind.PHONE, 22223333),
        ("See document RTP-III/doc.7/12.", "7", NumberKind.DOCUMENT_CODE, 7),
        ("Resolution CP/RES. 1000 was adopted.", "1000", NumberKind.DOCUMENT_CODE, 1000),
        ("The G20 met.", "20", NumberKind.DOCUMENT_CODE, 20),
        ("Law 1257 protects women.", "1257", NumberKind.LAW_NUMBER, 1257),
        ("Public Law 106-386 was enacted.", "106-386", NumberKind.LAW_NUMBER, 106),
        ("Decree No. 15 set the rules.", "15", NumberKind.LAW_NUMBER, 15),
        ("Article 3 defines trafficking.", "3", NumberKind.LAW_NUMBER, 3),
        ("The plan has three axes.", "three", NumberKind.STRUCTURAL, 3),
        ("It rests on the three Ps.", "three", NumberKind.STRUCTURAL, 3),
        ("It lists 16 forms of exploitation.", "16", NumberKind.STRUCTURAL, 16),
        ("The report has 4 chapters.", "4", NumberKind.STRUCTURAL, 4),
        ("It has three components.", "three", NumberKind.STRUCTURAL, 3),
        ("This was the 3rd meeting.", "3rd", NumberKind.ORDINAL, 3),
        ("This was the first meeting.", "first", NumberKind.ORDINAL, 1),
        ("1. Guatemala; the country advanced.", "1", NumberKind.LIST_MARKER, 1),
        ("It protects children under 18.", "18", NumberKind.AGE, 18),
        ("It helped a 15-year-old girl.", "15", NumberKind.AGE, 15),
    ],
)
def test_find_numbers_classifies_english_non_figures(
    sentence: str, fragment: str, kind: NumberKind, value: float
) -> None:
    found = mention(sentence, fragment)
    assert (found.kind, found.value) == (kind, value)


def test_find_numbers_reads_both_numbers_of_an_english_ratio() -> None:
    sentence = "Four out of every 100 victims and one in five cases."
    kinds = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert kinds == [(text, NumberKind.RATIO) for text in ("Four", "100", "one", "five")]


def test_find_numbers_splits_english_year_and_date_ranges() -> None:
    sentence = "The plan (2010-2012) was approved on 15-16 October 2012."
    found = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert found == [
        ("2010", NumberKind.YEAR),
        ("2012", NumberKind.YEAR),
        ("15", NumberKind.DATE),
        ("16", NumberKind.DATE),
        ("2012", NumberKind.YEAR),
    ]


def test_find_numbers_reads_an_english_age_range() -> None:
    found = mention("It serves girls aged 12 to 17.", "12 to 17")
    assert (found.kind, found.value, found.value_min) == (NumberKind.AGE, 17, 12)


def test_find_numbers_keeps_only_true_counts_in_an_english_paragraph() -> None:
    paragraph = (
        "4. Jamaica; since 2011 the task force, created under Law 1257, has received 214"
        " reports and secured 9 convictions. In the last 3 years over 1,250 victims were"
        " assisted, 45% of them under 18. The hotline 888-7000 took about 2,000 calls on"
        " October 30. The plan, with three pillars and only one budget line, will fund 5"
        " shelters by 2015 with US$2 million (RTP-III/INF. 14/12)."
    )
    figures = [
        (m.text, m.value, m.qualifier)
        for m in find_numbers(paragraph, LANGUAGE)
        if m.kind in FIGURE_KINDS
    ]
    assert figures == [
        ("214", 214, Qualifier.EXACT),
        ("9", 9, Qualifier.EXACT),
        ("1,250", 1250, Qualifier.AT_LEAST),
        ("2,000", 2000, Qualifier.APPROXIMATELY),
        ("one", 1, Qualifier.EXACT),
        ("5", 5, Qualifier.PLANNED),
        ("US$2 million", 2e6, Qualifier.PLANNED),
    ]
