"""Consistency flags over the stored facts, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import (
    SPANISH_RTP4,
    Figure,
    People,
    StoreFigures,
    StoreReport,
    extracted_report,
)
from vigia.domain import LANGUAGES, Finding, Qualifier
from vigia.evaluate.consistency import (
    CODES,
    Inconsistency,
    consistency_rules,
    cue_pattern,
    find_inconsistencies,
    finding_message,
)
from vigia.reference import indicators
from vigia.services.review import correct_fact, reject_fact
from vigia.store.models import FactRow
from vigia.text import fold

IDENTIFIED_47 = Figure("victims_identified", 47, "The team identified 47 victims in 2013.", 2013)
IDENTIFIED_52 = Figure("victims_identified", 52, "Officials identified 52 victims in 2013.", 2013)


def _fact_id(session: Session, sentence: str) -> int:
    statement = select(FactRow.id).where(FactRow.evidence.has(text=sentence))
    return session.scalars(statement).one()


def test_find_inconsistencies_flags_documents_disagreeing_on_a_figure(
    session: Session, store_figures: StoreFigures
) -> None:
    store_figures("first", "CRI", [IDENTIFIED_47], meeting="RTP-IV")
    store_figures("second", "CRI", [IDENTIFIED_52])

    [finding] = find_inconsistencies(session)

    assert isinstance(finding, Inconsistency)
    assert (finding.code, finding.country, finding.indicator, finding.year) == (
        "figure_disagreement",
        "CRI",
        "victims_identified",
        2013,
    )
    assert finding.area == "protection"
    assert finding.evidence == (IDENTIFIED_47.sentence, IDENTIFIED_52.sentence)
    assert finding.documents == ("first.txt", "second.txt")
    assert finding.meetings == ("RTP-IV",)
    assert finding.values == "47, 52"
    assert finding.message.startswith("Costa Rica, 2013:") and "“Victims identified”" in (
        finding.message
    )


@pytest.mark.parametrize(
    "other",
    [
        Figure(
            "victims_identified",
            40,
            "At least 40 victims were identified in 2013.",
            2013,
            Qualifier.AT_LEAST,
        ),
        Figure(
            "victims_identified",
            50,
            "About 50 victims were identified in 2013.",
            2013,
            Qualifier.APPROXIMATELY,
        ),
        Figure(
            "victims_identified",
            50,
            "Between 45 and 50 victims were identified in 2013.",
            2013,
            value_min=45,
        ),
        Figure(
            "victims_identified",
            60,
            "Up to 60 victims may be identified in 2013.",
            2013,
            Qualifier.PLANNED,
        ),
        Figure("victims_identified", 52, "Officials identified 52 victims in 2014.", 2014),
        Figure("victims_identified", 52, "Officials identified 52 victims.", None),
        Figure("other_count", 3, "Three other things happened in 2013.", 2013),
    ],
)
def test_find_inconsistencies_accepts_figures_that_can_both_be_right(
    session: Session, store_figures: StoreFigures, other: Figure
) -> None:
    extra = Figure("other_count", 9, "Nine other things happened in 2013.", 2013)
    store_figures("first", "CRI", [IDENTIFIED_47, extra])
    store_figures("second", "CRI", [other])
    assert find_inconsistencies(session) == []


def test_find_inconsistencies_compares_documents_not_one_documents_own_figures(
    session: Session, store_figures: StoreFigures
) -> None:
    store_figures("only", "CRI", [IDENTIFIED_47, IDENTIFIED_52])
    assert find_inconsistencies(session) == []


def test_find_inconsistencies_reads_corrected_figures_and_skips_rejected_ones(
    session: Session, store_figures: StoreFigures, people: People
) -> None:
    store_figures("first", "CRI", [IDENTIFIED_47])
    store_figures("second", "CRI", [IDENTIFIED_52])
    third = Figure("victims_identified", 60, "A third source counted 60 victims in 2013.", 2013)
    store_figures("third", "CRI", [third])
    assert len(find_inconsistencies(session)) == 1

    correct_fact(session, people.secretariat, _fact_id(session, IDENTIFIED_52.sentence), 47)
    assert find_inconsistencies(session)[0].evidence == (
        IDENTIFIED_47.sentence,
        IDENTIFIED_52.sentence,
        third.sentence,
    )
    reject_fact(session, people.secretariat, _fact_id(session, third.sentence), "a typo")
    assert find_inconsistencies(session) == []


def test_find_inconsistencies_flags_more_victims_assisted_than_identified(
    session: Session, store_figures: StoreFigures
) -> None:
    identified = Figure("victims_identified", 23, "The police identified 23 victims in 2014.")
    assisted = Figure("victims_assisted", 112, "Shelters assisted 112 victims in 2014.")
    rescued = Figure("victims_rescued", 20, "Raids rescued 20 victims in 2014.")
    store_figures("national", "PAN", [identified, rescued])
    store_figures("ngo", "PAN", [assisted])

    [finding] = find_inconsistencies(session)

    assert (finding.code, finding.indicator, finding.year) == (
        "identified_vs_assisted",
        "victims_assisted",
        2014,
    )
    assert isinstance(finding, Inconsistency) and finding.values == "112 > 23"
    assert finding.evidence == (identified.sentence, assisted.sentence)
    assert "different definitions" in finding.message


def test_find_inconsistencies_flags_persons_prosecuted_against_cases_prosecuted(
    session: Session, store_figures: StoreFigures
) -> None:
    persons = Figure("persons_prosecuted", 21, "In 2014, 21 persons were charged.")
    cases = Figure("cases_prosecuted", 8, "In 2014 the courts heard 8 trafficking cases.")
    store_figures("police", "GUY", [persons])
    store_figures("courts", "GUY", [cases])

    [finding] = find_inconsistencies(session)

    assert (finding.code, finding.country, finding.indicator) == (
        "persons_vs_cases",
        "GUY",
        "persons_prosecuted",
    )
    assert isinstance(finding, Inconsistency) and finding.values == "21 / 8"


def test_find_inconsistencies_reads_how_convictions_are_counted_from_the_wording(
    session: Session, store_figures: StoreFigures
) -> None:
    persons = Figure("convictions", 3, "In 2014 at least 3 persons were convicted.")
    cases = Figure("convictions", 5, "En 2014 los tribunales dictaron 5 sentencias condenatorias.")
    store_figures("english", "JAM", [persons])
    store_figures("spanish", "JAM", [cases])

    findings = find_inconsistencies(session)

    assert [(item.code, item.indicator) for item in findings] == [
        ("figure_disagreement", "convictions"),
        ("persons_vs_cases", "convictions"),
    ]


def test_find_inconsistencies_leaves_neutral_wording_of_convictions_alone(
    session: Session, store_figures: StoreFigures
) -> None:
    neutral = Figure("convictions", 5, "In 2014 the prosecutors obtained 5 convictions.")
    cases = Figure("convictions", 5, "En 2014 los tribunales dictaron 5 sentencias condenatorias.")
    store_figures("english", "JAM", [neutral])
    store_figures("spanish", "JAM", [cases])
    assert find_inconsistencies(session) == []


def test_find_inconsistencies_of_one_country(session: Session, store_figures: StoreFigures) -> None:
    store_figures("first", "CRI", [IDENTIFIED_47])
    store_figures("second", "CRI", [IDENTIFIED_52])
    store_figures("third", "PAN", [IDENTIFIED_47])
    store_figures("fourth", "PAN", [IDENTIFIED_52])

    assert [item.country for item in find_inconsistencies(session)] == ["CRI", "PAN"]
    assert [item.country for item in find_inconsistencies(session, "PAN")] == ["PAN"]
    assert find_inconsistencies(session, "ARG") == []


def test_find_inconsistencies_quotes_the_sentences_of_a_stored_report(
    session: Session, store_report: StoreReport, store_figures: StoreFigures
) -> None:
    store_report(SPANISH_RTP4)
    repatriated = Figure("victims_repatriated", 45, "The ministry repatriated 45 victims in 2014.")
    store_figures("ministry", "PRY", [repatriated])

    [finding] = find_inconsistencies(session, "PRY")

    assert finding.code == "figure_disagreement" and finding.indicator == "victims_repatriated"
    assert isinstance(finding, Inconsistency) and finding.meetings == ("RTP-IV",)
    assert finding.evidence[0] in extracted_report(SPANISH_RTP4).text
    assert finding.evidence[1] == repatriated.sentence
    assert finding.values == "37, 45"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("es", ("Costa Rica, 2013", "«Víctimas identificadas»", "47, 52")),
        ("fr", ("Costa Rica, 2013", "« Victimes identifiées »", "47, 52")),
        ("pt", ("Costa Rica, 2013", "“Vítimas identificadas”", "47, 52")),
        ("de", ("Costa Rica, 2013", "“Victims identified”", "47, 52")),
    ],
)
def test_finding_message_speaks_the_readers_language(
    session: Session, store_figures: StoreFigures, language: str, words: tuple[str, ...]
) -> None:
    store_figures("first", "CRI", [IDENTIFIED_47])
    store_figures("second", "CRI", [IDENTIFIED_52])
    message = finding_message(find_inconsistencies(session)[0], language)
    assert all(word in message for word in words), message


def test_finding_message_keeps_the_message_of_other_findings() -> None:
    finding = Finding(code="area_without_evidence", message="Nothing on prevention.")
    assert finding_message(finding, "fr") == "Nothing on prevention."


def test_consistency_rules_have_a_message_per_rule_and_language() -> None:
    messages = consistency_rules().messages
    assert set(messages) == set(CODES)
    for code in CODES:
        assert set(messages[code]) == set(LANGUAGES)
        for template in messages[code].values():
            filled = template.format(country="X", indicator="Y", year=2014, values="1, 2")
            assert "{" not in filled and "1, 2" in filled


def test_consistency_rules_name_known_indicators() -> None:
    rules = consistency_rules()
    named = {rules.identified, *rules.counted, *rules.excluded_indicators}
    named |= {name for pair in rules.indicator_pairs for name in pair}
    named |= {rule.indicator for rule in rules.wording}
    assert named <= set(indicators())


@pytest.mark.parametrize(
    ("cue", "text", "matches"),
    [
        ("convictions in # cases", "convictions in 1.400 cases", True),
        ("convictions in # cases", "convictions in 2014", False),
        ("sentencias condenatorias", "Sentencias Condenatorias", True),
        ("condenados", "condenatorias", False),
    ],
)
def test_cue_pattern_matches_whole_words_and_numbers(cue: str, text: str, matches: bool) -> None:
    assert bool(cue_pattern(cue).search(fold(text))) is matches
