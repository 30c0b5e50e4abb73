"""A fact's confidence: how often a figure read for the same reasons is right."""

from __future__ import annotations

from vigia.domain import Reason
from vigia.extract.confidence import confidence_of, reasons
from vigia.publish.contract import fact_data

from .conftest import Analyse

INDICATOR_REASONS = {
    "money",
    "verb_before",
    "noun_after",
    "predicate",
    "state_after",
    "elided_head",
    "named_before",
    "repeated",
    "counted",
    "bare_count",
    "article",
    "learned",
    "row_header",
    "column_header",
    "table_title",
}
OWNER_REASONS = {
    "country_section",
    "actor_section",
    "clause_region",
    "clause_actor",
    "sentence_place",
    "sentence_places",
    "sentence_country",
    "sentence_region",
    "sentence_actor",
    "row_country",
    "column_country",
}


def test_every_reason_has_a_confidence_between_zero_and_one() -> None:
    assert reasons() == (frozenset(INDICATOR_REASONS), frozenset(OWNER_REASONS))
    for indicator in INDICATOR_REASONS:
        for owner in OWNER_REASONS:
            assert 0 < confidence_of(Reason(indicator, owner)) < 1


def test_a_fact_is_no_surer_than_its_weakest_reading() -> None:
    surest = confidence_of(Reason("noun_after", "country_section"))
    assert confidence_of(Reason("counted", "country_section")) < surest
    assert confidence_of(Reason("noun_after", "clause_region")) < surest
    assert confidence_of(Reason("counted", "clause_region")) == min(
        confidence_of(Reason("counted", "country_section")),
        confidence_of(Reason("noun_after", "clause_region")),
    )


def test_each_fact_says_why_it_was_read_so_and_how_sure_that_is(analyse: Analyse) -> None:
    text = (
        "1. The Bahamas; in 2014 the authorities identified 12 victims and trained 300 officers;"
        " 45 remained pending.\n"
    )
    facts = {fact.value: fact for fact in analyse(text).facts}
    victims, pending = facts[12], facts[45]
    assert victims.reason == Reason("verb_before", "country_section")
    assert pending.indicator == "other_count"
    assert pending.reason is not None and pending.reason.indicator in {"counted", "bare_count"}
    assert victims.confidence == confidence_of(victims.reason)
    assert pending.confidence is not None and pending.confidence < victims.confidence
    data = fact_data(victims)
    assert data["confidence"] == victims.confidence
    assert data["reason"] == {"indicator": "verb_before", "owner": "country_section"}


def test_a_region_in_the_clause_of_a_country_section_is_said(analyse: Analyse) -> None:
    text = "1. Guatemala; la trata afecta a más de 1,2 millones de niños de América Latina.\n"
    [fact] = analyse(text).facts
    assert fact.country is None and fact.region is not None
    assert fact.reason == Reason("noun_after", "clause_region")
