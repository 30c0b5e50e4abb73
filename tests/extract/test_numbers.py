"""Numbers in any language: parse_number, offsets, the pipeline component, speed.

The per-language behaviour of find_numbers is tested in test_numbers_by_language.py, from the case
tables of number_cases.py.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vigia.domain import Document, NumberKind, Section, Sentence
from vigia.extract import CATALOGUE
from vigia.extract.numbers import add_numbers, find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("22 000", "fr", 22000.0),
        ("22\u00a0000", "fr", 22000.0),
        ("22\u202f000", "fr", 22000.0),
        ("40 270", "es", 40270.0),
        ("1 000 000", "pt", 1_000_000.0),
        ("3,715", "en", 3715.0),
        ("13.500", "es", 13500.0),
        ("13.500", "pt", 13500.0),
        ("13,500", "fr", 13500.0),
        ("1,2", "es", 1.2),
        ("1,2", "fr", 1.2),
        ("1,2", "pt", 1.2),
        ("9.9", "en", 9.9),
        ("9.9", "es", 9.9),
        ("26.364", "es", 26364.0),
        ("26.364", "en", 26.364),
        ("1.234.567", "es", 1_234_567.0),
        ("1,234,567", "en", 1_234_567.0),
        ("1.234,5", "pt", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("22 000,5", "fr", 22000.5),
        ("0,500", "es", 0.5),
        ("2012", "en", 2012.0),
    ],
)
def test_parse_number_reads_each_convention(text: str, language: str, expected: float) -> None:
    assert parse_number(text, language) == expected


@pytest.mark.parametrize("text", ["", "abc", "12 34", "1.234.5", "1,23,45", "--", "12a", "1..2"])
def test_parse_number_refuses_what_is_not_a_number(text: str) -> None:
    assert parse_number(text, "es") is None


def test_find_numbers_adds_the_offset_to_positions() -> None:
    sentence = "Se rescataron 82 víctimas."
    [mention] = find_numbers(sentence, "es", offset=1000)
    assert (mention.start, mention.end, mention.text) == (1014, 1016, "82")


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Entre 10 y 12 personas, US$16 mil millones y 45 % en 2012 (RTP-III/INF. 22/12).", "es"),
        ("Over 6,000 people, $9.9 billion (US$49.3 M), call 911 on 15-16 October 2012.", "en"),
        ("Plus de 22\u202f000 personnes, une vingtaine d’instances, depuis 4 ans.", "fr"),
        ("R$ 2 milhões, um em cada quatro, Lei nº 13.344, vinte e cinco abrigos.", "pt"),
    ],
)
def test_find_numbers_text_is_the_exact_source_substring(sentence: str, language: str) -> None:
    mentions = find_numbers(sentence, language, offset=7)
    assert mentions
    assert all(sentence[m.start - 7 : m.end - 7] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_find_numbers_falls_back_to_english_for_an_unknown_language() -> None:
    [mention] = find_numbers("It trained 3,715 officers.", "de")
    assert (mention.kind, mention.value) == (NumberKind.COUNT, 3715.0)


def test_find_numbers_finds_nothing_in_a_sentence_without_numbers() -> None:
    assert find_numbers("La traite des personnes est un délit grave.", "fr") == []


def _document(text: str, sentences: list[tuple[int, int]], sections: list[Section]) -> Document:
    return Document(
        path="report.txt",
        text=text,
        sha256="0" * 64,
        language="en",
        sentences=[Sentence(start, end, text[start:end]) for start, end in sentences],
        sections=sections,
    )


def test_add_numbers_reads_each_sentence_in_its_section_language() -> None:
    english = "It assisted 13.500 victims."
    spanish = "Se rescataron 13.500 víctimas."
    text = f"{english} {spanish}"
    second = len(english) + 1
    document = _document(
        text,
        [(0, len(english)), (second, len(text))],
        [Section(second, len(text), "country", country="ARG", language="es")],
    )
    numbers = add_numbers(document).numbers
    assert [(m.text, m.value) for m in numbers] == [("13.500", 13.5), ("13.500", 13500.0)]
    assert text[numbers[1].start : numbers[1].end] == "13.500"


def test_add_numbers_falls_back_to_english_without_any_language() -> None:
    text = "It assisted 13.500 victims."
    document = _document(text, [(0, len(text))], [])
    document.language = None
    assert [m.value for m in add_numbers(document).numbers] == [13.5]


def test_numbers_component_is_in_the_catalogue_with_its_needs() -> None:
    numbers = CATALOGUE["numbers"]
    assert numbers.version == "1"
    assert set(numbers.needs) == {"sentences", "language", "sections"}
    assert numbers.adds == ("numbers",)


def test_find_numbers_is_fast_enough_for_thousands_of_documents() -> None:
    sentences = [
        "En 2011 la Comisión, creada por el Decreto 1069, reportó 3.715 denuncias y más de"
        " 1.250 víctimas, el 45% de ellas menores de 18 años (RTP-III/INF. 7/12).",
        "Le pays possèdera deux foyers et plus de 22 000 personnes ont été formées depuis 4 ans.",
    ] * 500
    started = time.perf_counter()
    for sentence in sentences:
        find_numbers(sentence, "es")
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("language", ["es", "en", "fr", "pt"])
def test_find_numbers_reads_numbers_longer_than_the_decimal_precision(language: str) -> None:
    digits = "12345678901234567890123456789"
    found = find_numbers(f"Hay {digits} casos y 1.{digits} otros, el día {digits}.", language)
    assert any(number.text == digits for number in found)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789 .,%-/:$€() \u00a0\u202fkmdeilnosu\nMD")),
        max_size=200,
    ),
    language=st.sampled_from(["es", "en", "fr", "pt"]),
)
def test_find_numbers_never_fails_and_keeps_its_offsets(text: str, language: str) -> None:
    for number in find_numbers(text, language):
        assert 0 <= number.start < number.end <= len(text)
        assert text[number.start : number.end] == number.text


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300), language=st.sampled_from(["es", "en", "fr", "pt"]))
def test_find_numbers_never_fails_on_any_text(text: str, language: str) -> None:
    assert isinstance(find_numbers(text, language), list)
