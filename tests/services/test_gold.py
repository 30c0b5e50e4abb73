"""Comparing extraction output with a hand annotation: vigia.services.gold."""

from __future__ import annotations

from typing import Any

from vigia.services.gold import fact_matches, score_extraction


def _fact(value: float, indicator: str = "victims_identified", **extra: Any) -> dict[str, Any]:
    quote = extra.pop("quote", f"Se identificaron {value} víctimas en 2022.")
    return {
        "country": "GTM",
        "actor": None,
        "region": None,
        "indicator": indicator,
        "value": value,
        "qualifier": "exact",
        "evidence": {"text": quote},
        **extra,
    }


def _gold(value: float, indicator: str = "victims_identified", **extra: Any) -> dict[str, Any]:
    return {
        "country": "GTM",
        "indicator": indicator,
        "value": value,
        "qualifier": "exact",
        "tier": "core",
        **extra,
    }


def test_a_fact_matches_on_owner_value_indicator_qualifier_and_quote() -> None:
    gold = _gold(668, also_accept=["victims_rescued"], evidence_es="identificaron 668")
    assert fact_matches(_fact(668), gold)
    assert fact_matches(_fact(668, "victims_rescued"), gold)
    assert not fact_matches(_fact(668, "complaints"), gold)
    assert not fact_matches(_fact(669), gold)
    assert not fact_matches(_fact(668, country="HND"), gold)
    assert not fact_matches(_fact(668, qualifier="at_least"), gold)
    assert not fact_matches(_fact(668, quote="En 2022 hubo 668 víctimas."), gold)


def test_accepted_alternative_values_match() -> None:
    gold = _gold(9_900_000_000, "budget", also_values=[10_300_000_000])
    assert fact_matches(_fact(10_300_000_000, "budget"), gold)
    assert not fact_matches(_fact(10_000_000_000, "budget"), gold)


def test_recall_precision_and_traps_are_counted_apart() -> None:
    found = {
        "facts": [
            _fact(668),
            _fact(142, "judgments"),  # annotated as convictions: wrong, and a miss
            _fact(2022, "other_count"),  # a year taken: wrong and a trap
            _fact(1_200_000, region="world", country=None),  # no country: counted apart
        ]
    }
    gold = {
        "facts": [_gold(668), _gold(142, "convictions"), _gold(94, "acquittals", tier="extra")],
        "not_facts": [{"country": "GTM", "value": 2022, "why": "a year"}],
    }
    score = score_extraction(found, gold)
    assert (score.core.found, score.core.total) == (1, 2)
    assert (score.facts.found, score.facts.total) == (1, 3)
    assert (score.reported, score.correct, score.unowned) == (3, 1, 1)
    assert score.precision == 1 / 3
    assert [fact["value"] for fact in score.missed] == [142, 94]
    assert [fact["value"] for fact in score.wrong] == [142, 2022]
    assert [taken["trap"]["why"] for taken in score.traps] == ["a year"]
    assert score.indicators["convictions"] == {"annotated": 1}
    assert score.indicators["judgments"] == {"reported": 1}
    assert score.indicators["victims_identified"] == {
        "annotated": 1,
        "found": 1,
        "reported": 1,
        "correct": 1,
    }


def test_nothing_reported_has_no_precision() -> None:
    score = score_extraction({"facts": []}, {"facts": [_gold(5)]})
    assert score.precision is None
    assert (score.facts.found, score.facts.total) == (0, 1)


def test_sections_findings_and_the_meeting_are_tallied() -> None:
    found = {
        "sections": [{"country": "GTM", "code": "RTP-III/doc.5/12"}, {"country": None}],
        "facts": [],
        "events": [{"country": "GTM", "kind": "law_passed", "year": 2009}],
        "roles": [{"country": "GTM", "role": "origin"}],
        "cooperation": [{"from": "GTM", "to": "MEX"}],
        "requests": [],
        "meeting": {"officers": [], "decisions": []},
    }
    gold = {
        "sections": [{"order": 1, "country": "GTM", "code": "RTP-III/doc.5/12"}],
        "events": [
            {"country": "GTM", "kind": "law_passed", "year": 2009},
            {"country": "GTM", "kind": "plan_adopted", "year": 2010},
        ],
        "roles": {"GTM": ["origin", "transit"]},
        "cooperation": [{"from": "GTM", "to": "MEX"}],
        "requests_for_help": [{"country": "GTM"}],
    }
    score = score_extraction(found, gold)
    assert (score.sections.found, score.sections_with_code) == (1, 1)
    assert str(score.events) == "1/2" and str(score.roles) == "1/2"
    assert str(score.links) == "1/1" and str(score.requests) == "0/1"
    assert "events 1/2" in score.summary()


def test_a_true_figure_is_no_trap_even_with_a_trap_s_value() -> None:
    found = {"facts": [_fact(1, "convictions"), _fact(1, "other_count")]}
    gold = {
        "facts": [_gold(1, "convictions")],
        "not_facts": [{"country": "GTM", "value": 1, "why": "day one"}],
    }
    score = score_extraction(found, gold)
    assert [taken["fact"]["indicator"] for taken in score.traps] == ["other_count"]
