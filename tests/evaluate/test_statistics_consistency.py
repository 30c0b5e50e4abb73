"""Approved yearly statistics against the reports' figures: a consistency flag of its own."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tests.evaluate.conftest import Figure, People, StoreFigures
from vigia.evaluate.consistency import STATISTICS_VS_REPORTS, finding_message, list_inconsistencies
from vigia.evaluate.statistics_forms import approve_form, save_values, submit_form
from vigia.evaluate.statistics_prefill import report_figures
from vigia.statistics import Cell

CONVICTED_52 = Figure("convictions", 52, "The courts convicted 52 traffickers in 2013.", 2013)
CONVICTED_43 = Figure("convictions", 43, "The courts convicted 43 traffickers in 2013.", 2013)


def _approve(session: Session, people: People, convicted: float, approve: bool = True) -> None:
    save_values(
        session, people.focal_point_cri, "CRI", 2013, {Cell("persons_convicted"): convicted}
    )
    if approve:
        submit_form(session, people.focal_point_cri, "CRI", 2013)
        approve_form(session, people.secretariat, "CRI", 2013)


def _flags(session: Session) -> list[str]:
    return [flag.code for flag in list_inconsistencies(session, "CRI")]


def test_an_approved_total_a_report_contradicts_is_flagged_with_the_sentence(
    session: Session, people: People, store_figures: StoreFigures
) -> None:
    store_figures("report", "CRI", [CONVICTED_52])
    _approve(session, people, 43)

    flags = [
        flag for flag in list_inconsistencies(session, "CRI") if flag.code == STATISTICS_VS_REPORTS
    ]

    assert len(flags) == 1
    assert (flags[0].year, flags[0].indicator, flags[0].values) == (2013, "convictions", "43 / 52")
    assert flags[0].evidence == (CONVICTED_52.sentence,)
    assert "approved yearly statistics" in finding_message(flags[0], "en")
    assert "estadísticas anuales aprobadas" in finding_message(flags[0], "es")


def test_agreement_or_a_form_not_yet_approved_raises_no_flag(
    session: Session, people: People, store_figures: StoreFigures
) -> None:
    store_figures("report", "CRI", [CONVICTED_43])
    _approve(session, people, 52, approve=False)
    assert STATISTICS_VS_REPORTS not in _flags(session)

    save_values(session, people.focal_point_cri, "CRI", 2013, {Cell("persons_convicted"): 43})
    submit_form(session, people.focal_point_cri, "CRI", 2013)
    approve_form(session, people.secretariat, "CRI", 2013)
    assert STATISTICS_VS_REPORTS not in _flags(session)


def test_the_reports_figures_are_offered_for_the_form_with_their_sentence(
    session: Session, store_figures: StoreFigures
) -> None:
    store_figures(
        "report",
        "CRI",
        [CONVICTED_52, Figure("convictions", 9, "In 2014 nine were convicted.", 2014)],
    )

    offers = report_figures(session, "CRI", 2013)

    assert list(offers) == ["persons_convicted"]
    assert [(offer.value, offer.sentence) for offer in offers["persons_convicted"]] == [
        (52, CONVICTED_52.sentence)
    ]
    assert report_figures(session, "ARG", 2013) == {}
