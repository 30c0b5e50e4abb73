"""Approved statistics become published facts with the form as source, and feed the evaluation."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import Figure, People, StoreFigures
from vigia.domain import STATISTICS_FORM, Rating
from vigia.evaluate.consistency import STATISTICS_VS_REPORTS, list_inconsistencies
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.evaluate.statistics_facts import FORM_MEDIA_TYPE, approved_form_documents
from vigia.evaluate.statistics_forms import approve_form, save_values, submit_form, unlock_form
from vigia.evaluate.statistics_prefill import report_figures
from vigia.statistics import Cell
from vigia.store.models import DocumentRow, FactRow, StatisticsFormRow
from vigia.vocabulary import PUBLISHED

TOTALS = {
    Cell("persons_convicted"): 43,
    Cell("persons_investigated"): 80,  # no indicator in the catalogue: a sentence, no fact
    Cell("offences_recorded"): 61,
}


def _approve(session: Session, people: People, year: int = 2013) -> None:
    save_values(session, people.focal_point_cri, "CRI", year, TOTALS)
    submit_form(session, people.focal_point_cri, "CRI", year)
    approve_form(session, people.secretariat, "CRI", year)


def _form_facts(session: Session) -> list[FactRow]:
    statement = select(FactRow).where(FactRow.component == STATISTICS_FORM.component)
    return list(session.scalars(statement.order_by(FactRow.indicator)))


def test_an_approved_form_becomes_published_facts_each_with_its_sentence(
    session: Session, people: People
) -> None:
    _approve(session, people)

    facts = _form_facts(session)
    document = session.scalars(select(DocumentRow)).one()

    assert [(fact.indicator, fact.value, fact.year, fact.country) for fact in facts] == [
        ("convictions", 43, 2013, "CRI"),
        ("investigations", 61, 2013, "CRI"),
    ]
    assert {fact.status for fact in facts} == {PUBLISHED}
    assert all(fact.published_at is not None and fact.published_by for fact in facts)
    assert facts[0].evidence.text == "Persons convicted in 2013: 43."
    assert document.text[facts[0].evidence.start : facts[0].evidence.end] == facts[0].evidence.text
    assert document.media_type == FORM_MEDIA_TYPE
    assert document.path == "statistics/CRI-2013-tip-annual-v1"
    assert "Persons investigated in 2013: 80." in document.text
    assert document.text.startswith("Yearly statistics of Costa Rica for 2013.")
    form = session.scalars(select(StatisticsFormRow)).one()
    assert form.document_id == document.id


def test_unlocking_withdraws_the_facts_and_a_new_approval_writes_the_new_values(
    session: Session, people: People
) -> None:
    _approve(session, people)
    unlock_form(session, people.secretariat, "CRI", 2013, "Court figures revised")

    assert _form_facts(session) == []
    assert session.scalar(select(func.count()).select_from(DocumentRow)) == 0

    save_values(session, people.focal_point_cri, "CRI", 2013, {Cell("persons_convicted"): 44})
    submit_form(session, people.focal_point_cri, "CRI", 2013)
    approve_form(session, people.secretariat, "CRI", 2013)

    assert [(fact.indicator, fact.value) for fact in _form_facts(session)] == [
        ("convictions", 44),
        ("investigations", 61),
    ]


def test_a_meeting_counts_the_forms_of_its_years_in_the_information_area(
    session: Session, people: People, store_figures: StoreFigures
) -> None:
    report = [Figure("victims_identified", 12, "In 2013 the police identified 12 victims.", 2013)]
    store_figures("report", "CRI", report, meeting="RTP-X")
    before = evaluate_meeting(session, "RTP-X").state("CRI")
    _approve(session, people, 2013)
    _approve(session, people, 2009)  # too long before the meeting (2013)

    after = evaluate_meeting(session, "RTP-X").state("CRI")

    assert before is not None and after is not None
    assert before.area("information") is not None and after.area("information") is not None
    assert before.area("information").rating == Rating.NO_INFORMATION  # type: ignore[union-attr]
    information = after.area("information")
    assert information is not None and information.rating != Rating.NO_INFORMATION
    assert [item.text[:58] for item in information.evidence] == [
        "Yearly statistics on trafficking in persons, version 1, ap"
    ]
    assert "statistics/CRI-2013-tip-annual-v1" in after.documents
    assert "statistics/CRI-2009-tip-annual-v1" not in after.documents
    figures = [figure for area in after.areas for figure in area.figures]
    assert ("convictions", 43.0, 2013) in {(f.indicator, f.value, f.year) for f in figures}
    assert all(figure.year != 2009 for figure in figures)
    assert [form.year for form in approved_form_documents(session, 2013)] == [2013]
    assert approved_form_documents(session, None) == []


def test_the_forms_own_facts_are_neither_offered_back_nor_compared_with_themselves(
    session: Session, people: People, store_figures: StoreFigures
) -> None:
    store_figures("report", "CRI", [Figure("convictions", 52, "52 were convicted in 2013.", 2013)])
    _approve(session, people)

    offers = report_figures(session, "CRI", 2013)
    flags = list_inconsistencies(session, "CRI")

    assert [offer.value for offer in offers["persons_convicted"]] == [52]
    assert [flag.code for flag in flags] == [STATISTICS_VS_REPORTS]
