"""find_numbers in Spanish, English, French and Portuguese, from one case table per language
(tests/extract/number_cases.py), and on the French meeting report of the shared corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.extract.number_cases import CASES, NumberCases
from vigia.domain import FIGURE_KINDS, NumberKind, NumberMention, Qualifier
from vigia.extract.numbers import find_numbers

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REPORT = SHARED / "corpus" / "rtp3-rapporteur-report.fr.txt"
GOLD = SHARED / "gold" / "rtp3-rapporteur-report.gold.json"


def cases(table: str) -> list[Any]:
    """Every language's cases of one field of :class:`NumberCases`, as ``(language, *case)``."""
    return [
        pytest.param(
            language, *(case if isinstance(case, tuple) else (case,)), id=f"{language}-{n}"
        )
        for language, language_cases in CASES.items()
        for n, case in enumerate(getattr(language_cases, table))
    ]


def mention(sentence: str, fragment: str, language: str) -> NumberMention:
    """The mention whose text is ``fragment``, after checking every mention's offsets."""
    mentions = find_numbers(sentence, language)
    assert all(sentence[m.start : m.end] == m.text for m in mentions)
    found = [m for m in mentions if m.text == fragment]
    assert found, f"{fragment!r} not among {[m.text for m in mentions]}"
    place = re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", sentence)
    assert found[0].start == (place.start() if place else sentence.index(fragment))
    return found[0]


def described(found: NumberMention) -> tuple[object, ...]:
    return (found.kind, found.value, found.qualifier, found.value_min, found.unit)


def test_every_language_has_a_case_table() -> None:
    assert set(CASES) == {"es", "en", "fr", "pt"}
    assert all(isinstance(table, NumberCases) and table.digits for table in CASES.values())


@pytest.mark.parametrize(("language", "sentence", "fragment", "value"), cases("digits"))
def test_find_numbers_reads_digits(
    language: str, sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment, language)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(("language", "sentence", "fragment", "value"), cases("words"))
def test_find_numbers_reads_number_words_and_scales(
    language: str, sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment, language)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(("language", "sentence", "fragment", "value"), cases("collectives"))
def test_find_numbers_reads_collectives_as_approximate(
    language: str, sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment, language)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, None, None)


@pytest.mark.parametrize(("language", "sentence"), cases("articles"))
def test_find_numbers_skips_articles_and_vague_plurals(language: str, sentence: str) -> None:
    assert find_numbers(sentence, language) == []


@pytest.mark.parametrize(("language", "sentence", "fragment"), cases("numerals"))
def test_find_numbers_keeps_one_when_it_is_a_numeral(
    language: str, sentence: str, fragment: str
) -> None:
    found = mention(sentence, fragment, language)
    assert (found.kind, found.value) == (NumberKind.COUNT, 1)


@pytest.mark.parametrize(
    ("language", "sentence", "fragment", "value", "qualifier"), cases("qualifiers")
)
def test_find_numbers_reads_qualifiers(
    language: str, sentence: str, fragment: str, value: float, qualifier: Qualifier
) -> None:
    found = mention(sentence, fragment, language)
    assert described(found) == (NumberKind.COUNT, value, qualifier, None, None)


@pytest.mark.parametrize(
    ("language", "sentence", "fragment", "value", "value_min"), cases("ranges")
)
def test_find_numbers_reads_ranges(
    language: str, sentence: str, fragment: str, value: float, value_min: float
) -> None:
    found = mention(sentence, fragment, language)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, value_min, None)


@pytest.mark.parametrize(("language", "sentence", "fragment", "value", "unit"), cases("money"))
def test_find_numbers_reads_money(
    language: str, sentence: str, fragment: str, value: float, unit: str | None
) -> None:
    found = mention(sentence, fragment, language)
    assert described(found) == (NumberKind.MONEY, value, Qualifier.EXACT, None, unit)


@pytest.mark.parametrize(("language", "sentence", "fragment", "expected"), cases("described"))
def test_find_numbers_reads_the_described_cases(
    language: str, sentence: str, fragment: str, expected: tuple[object, ...]
) -> None:
    assert described(mention(sentence, fragment, language)) == expected


@pytest.mark.parametrize(
    ("language", "sentence", "fragment", "kind", "value"), cases("non_figures")
)
def test_find_numbers_classifies_non_figures(
    language: str, sentence: str, fragment: str, kind: NumberKind, value: float
) -> None:
    found = mention(sentence, fragment, language)
    assert (found.kind, found.value) == (kind, value)


@pytest.mark.parametrize(("language", "sentence", "expected"), cases("sequences"))
def test_find_numbers_reads_every_number_of_a_sentence_in_order(
    language: str, sentence: str, expected: list[tuple[str, NumberKind]]
) -> None:
    assert [(m.text, m.kind) for m in find_numbers(sentence, language)] == expected


@pytest.mark.parametrize(
    ("language", "sentence", "fragment", "value", "value_min"), cases("age_ranges")
)
def test_find_numbers_reads_an_age_range(
    language: str, sentence: str, fragment: str, value: float, value_min: float
) -> None:
    found = mention(sentence, fragment, language)
    assert (found.kind, found.value, found.value_min) == (NumberKind.AGE, value, value_min)


@pytest.mark.parametrize("language", sorted(CASES))
def test_find_numbers_keeps_only_true_counts_in_a_paragraph(language: str) -> None:
    paragraph, expected = CASES[language].paragraph
    figures = [
        (m.text, m.value, m.qualifier)
        for m in find_numbers(paragraph, language)
        if m.kind in FIGURE_KINDS
    ]
    assert figures == expected


def _report_and_gold_facts() -> tuple[str, list[dict[str, Any]]]:
    if not (REPORT.exists() and GOLD.exists()):
        pytest.skip(f"the shared corpus is not at {SHARED} (it lives beside the repository)")
    facts: list[dict[str, Any]] = json.loads(GOLD.read_text(encoding="utf-8"))["facts"]
    return REPORT.read_text(encoding="utf-8"), facts


def _line_numbers(report: str, position: int) -> list[NumberMention]:
    line_start = report.rfind("\n", 0, position) + 1
    line_end = report.find("\n", position)
    line_end = len(report) if line_end < 0 else line_end
    return find_numbers(report[line_start:line_end], "fr", offset=line_start)


def test_find_numbers_finds_every_gold_figure_of_the_french_report() -> None:
    report, facts = _report_and_gold_facts()
    missing = []
    for fact in facts:
        if fact["value"] == 1:
            continue  # "possède un foyer": an article that the facts component counts itself
        evidence = fact["evidence_fr"]
        position = report.find(evidence)
        assert position >= 0, evidence
        figures = {
            (mention.value, mention.qualifier.value)
            for mention in _line_numbers(report, position)
            if mention.kind in FIGURE_KINDS and position <= mention.start < position + len(evidence)
        }
        if (float(fact["value"]), fact["qualifier"]) not in figures:
            missing.append((evidence, fact["value"], fact["qualifier"], figures))
    assert missing == []


def test_find_numbers_finds_mostly_gold_figures_in_the_french_report() -> None:
    """At least 80% of the counts found back a gold fact (the gold leaves out a few true counts
    of organisations); durations, dates, codes and parts of plans are never counts."""
    report, facts = _report_and_gold_facts()
    evidence_spans = []
    for fact in facts:
        start = report.find(fact["evidence_fr"])
        evidence_spans.append((start, start + len(fact["evidence_fr"])))
    mentions = [
        mention
        for line_start in [0, *(m.end() for m in re.finditer("\n", report))]
        for mention in _line_numbers(report, line_start)
        if mention.kind in FIGURE_KINDS
    ]
    in_evidence = [m for m in mentions if any(a <= m.start < b for a, b in evidence_spans)]
    assert len(mentions) >= len(facts) - 1
    assert len(in_evidence) / len(mentions) >= 0.8
