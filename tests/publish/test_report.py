"""The regional report of a meeting: vigia.publish.report and its HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    RTP4_ENGLISH,
    RTP4_SPANISH,
    RTP5_PORTUGUESE,
    Reviewers,
    StoreReports,
)
from vigia.domain import Rating
from vigia.evaluate.follow_up import set_follow_up
from vigia.evaluate.observations import answer_observation, submit_observation
from vigia.evaluate.plan_store import find_plan
from vigia.evaluate.ratings import confirm_rating
from vigia.evaluate.recommendations import adopt_recommendation, draft_recommendations
from vigia.evaluate.scorecard import evaluate_meeting, has_evidence
from vigia.languages import format_day
from vigia.publish.html import render_html
from vigia.publish.model import Advice, Link
from vigia.publish.report import build_report
from vigia.store.models import DocumentRow, FactRow


def _publish(session: Session, *fact_ids: int) -> None:
    session.execute(update(FactRow).where(FactRow.id.in_(fact_ids)).values(status="published"))
    session.commit()


def _facts(session: Session, country: str) -> list[FactRow]:
    statement = select(FactRow).where(FactRow.country == country).order_by(FactRow.id)
    return list(session.scalars(statement))


@pytest.fixture
def rtp4(evaluation_session: Session, store_reports: StoreReports) -> Session:
    """Both RTP-IV reports stored; two of Guatemala's facts and one of Mexico's published."""
    store_reports(RTP4_SPANISH, RTP4_ENGLISH)
    guatemala = _facts(evaluation_session, "GTM")
    _publish(
        evaluation_session,
        guatemala[0].id,
        guatemala[1].id,
        _facts(evaluation_session, "MEX")[0].id,
    )
    return evaluation_session


def test_public_report_shows_published_facts_only(rtp4: Session) -> None:
    report = build_report(rtp4, "RTP-IV")
    published = set(rtp4.scalars(select(FactRow.id).where(FactRow.status == "published")))
    shown = {report.footnote(figure.footnote).fact_id for figure in report.figures}
    assert shown == published
    assert not any(figure.draft for figure in report.figures)


def test_draft_report_shows_every_fact_not_rejected_marked_as_draft(rtp4: Session) -> None:
    rejected = _facts(rtp4, "GTM")[2]
    rtp4.execute(update(FactRow).where(FactRow.id == rejected.id).values(status="rejected"))
    rtp4.commit()
    report = build_report(rtp4, "RTP-IV", draft=True)
    shown = {report.footnote(figure.footnote).fact_id for figure in report.figures}
    states = [profile.country for profile in report.profiles]
    wanted = set(
        rtp4.scalars(
            select(FactRow.id)
            .join(DocumentRow, FactRow.document_id == DocumentRow.id)
            .where(FactRow.status != "rejected", FactRow.country.in_(states))
            .where(DocumentRow.meeting_code == "RTP-IV")
        )
    )
    assert rejected.id not in shown and shown == wanted
    assert sum(figure.draft for figure in report.figures) == len(wanted) - 3


def test_every_figure_is_footnoted_with_its_document_and_sentence(rtp4: Session) -> None:
    report = build_report(rtp4, "RTP-IV", draft=True)
    for figure in report.figures:
        footnote = report.footnote(figure.footnote)
        fact = rtp4.get(FactRow, footnote.fact_id)
        assert fact is not None and fact.country == figure.country
        assert footnote.quote == fact.evidence.text
        section = fact.section.code if fact.section is not None else None
        assert footnote.document == (section or fact.document.code or fact.document.title)


def test_public_report_withholds_ratings_until_confirmed(
    rtp4: Session, reviewers: Reviewers
) -> None:
    state = evaluate_meeting(rtp4, "RTP-IV").state("CRI")
    assert state is not None
    area = next(area for area in state.areas if has_evidence(area))
    confirm_rating(rtp4, reviewers.secretariat, "RTP-IV", "CRI", area.area)
    public = build_report(rtp4, "RTP-IV").profile("CRI")
    draft = build_report(rtp4, "RTP-IV", draft=True).profile("CRI")
    assert public is not None and draft is not None
    confirmed = [cell for cell in public.cells if cell.confirmed]
    assert [cell.area for cell in confirmed] == [area.area]
    assert confirmed[0].rating == area.rating.value
    assert all(cell.withheld for cell in public.cells if cell.area != area.area)
    assert not any(cell.withheld for cell in draft.cells)


def test_findings_name_the_states_with_substantial_evidence(rtp4: Session) -> None:
    report = build_report(rtp4, "RTP-IV", draft=True)
    for finding in report.findings:
        for country in finding.substantial:
            profile = report.profile(country)
            assert profile is not None
            cell = next(cell for cell in profile.cells if cell.area == finding.area)
            assert cell.rating == Rating.SUBSTANTIAL_EVIDENCE


def test_totals_add_one_exact_figure_per_state(rtp4: Session) -> None:
    report = build_report(rtp4, "RTP-IV", draft=True)
    assert report.totals
    for total in report.totals:
        figures = [
            figure
            for figure in report.figures
            if (figure.indicator, figure.year) == (total.indicator, total.year)
            and figure.country in total.states
            and figure.qualifier == "exact"
        ]
        assert len(total.states) >= 2 and len(figures) == len(total.states)
        assert sum(figure.value for figure in figures) == total.value


def test_one_states_profile(rtp4: Session) -> None:
    report = build_report(rtp4, "RTP-IV", draft=True, country="GTM")
    assert [profile.country for profile in report.profiles] == ["GTM"]
    assert {figure.country for figure in report.figures} == {"GTM"}


@pytest.mark.parametrize(
    ("language", "heading", "state"),
    [
        ("es", "Informe regional de avance del Plan de Trabajo", "Guatemala"),
        ("en", "Regional progress report on the Work Plan", "Mexico"),
        ("fr", "Rapport régional d’avancement du Plan de travail", "Mexique"),
        ("pt", "Relatório regional de progresso do Plano de Trabalho", "México"),
    ],
)
def test_html_report_speaks_the_language_asked(
    rtp4: Session, language: str, heading: str, state: str
) -> None:
    page = render_html(build_report(rtp4, "RTP-IV"), language)
    assert f"<h1>{heading}</h1>" in page
    assert f'<html lang="{language}">' in page
    assert f">{state}</a></th>" in page


def test_html_report_links_each_figure_to_its_quoted_source(rtp4: Session) -> None:
    report = build_report(rtp4, "RTP-IV")
    page = render_html(report, "en")
    for footnote in report.footnotes:
        assert f'<a href="#note-{footnote.number}">{footnote.number}</a>' in page
        assert f'<li id="note-{footnote.number}">' in page
    assert "Draft:" not in page
    assert "Draft:" in render_html(build_report(rtp4, "RTP-IV", draft=True), "en")


def test_report_of_the_french_rtp3_report(
    evaluation_session: Session, store_reports: StoreReports, shared_corpus: Path
) -> None:
    """The real RTP-III rapporteur's report: every state with a section, its figures quoted in
    French, and the report in French."""
    store_reports(shared_corpus / "rtp3-rapporteur-report.fr.txt")
    report = build_report(evaluation_session, "RTP-III", draft=True)
    assert len(report.profiles) >= 15
    assert report.figures and all(report.footnote(f.footnote).quote for f in report.figures)
    assert all(note.document.startswith("RTP-III/") for note in report.footnotes if note.fact_id)
    page = render_html(report, "fr")
    assert "<h1>Rapport régional d’avancement du Plan de travail</h1>" in page
    assert "Réunion RTP-III" in page


@pytest.fixture
def two_rounds(evaluation_session: Session, store_reports: StoreReports) -> Session:
    """RTP-IV (both reports) and RTP-V stored."""
    store_reports(RTP4_SPANISH, RTP4_ENGLISH, RTP5_PORTUGUESE)
    return evaluation_session


def test_figures_over_the_rounds_come_from_each_meeting_with_their_sources(
    two_rounds: Session,
) -> None:
    report = build_report(two_rounds, "RTP-V", draft=True)
    assert report.meetings == ["RTP-IV", "RTP-V"]
    compared = 0
    for profile in report.profiles:
        rounds = profile.rounds(report.meetings)
        for row in rounds.rows:
            assert sum(1 for cell in row.cells if cell) >= 2  # reported in both rounds
            for meeting, cell in zip(rounds.meetings, row.cells, strict=True):
                for figure in cell:
                    fact = two_rounds.get(FactRow, report.footnote(figure.footnote).fact_id)
                    assert fact is not None and fact.document.meeting_code == meeting
                    assert (fact.country, fact.indicator) == (profile.country, row.indicator)
                    compared += 1
        assert all(figure.meeting == "RTP-IV" for figure in profile.earlier)
    assert compared >= 10
    assert all(figure.meeting == "RTP-V" for figure in report.figures)  # totals use this round only
    assert build_report(two_rounds, "RTP-IV", draft=True).meetings == ["RTP-IV"]  # none later


def test_public_figures_over_the_rounds_are_published_ones(two_rounds: Session) -> None:
    draft = build_report(two_rounds, "RTP-V", draft=True)
    profile = next(item for item in draft.profiles if item.rounds(draft.meetings).rows)
    row = profile.rounds(draft.meetings).rows[0]
    before = build_report(two_rounds, "RTP-V").profile(profile.country)
    assert before is not None and not before.rounds(draft.meetings).rows  # nothing published yet
    ids = [draft.footnote(cell[0].footnote).fact_id for cell in row.cells]
    _publish(two_rounds, *[fact_id for fact_id in ids if fact_id is not None])
    public = build_report(two_rounds, "RTP-V")
    shown = public.profile(profile.country)
    assert shown is not None
    rows = shown.rounds(public.meetings).rows
    assert [item.indicator for item in rows] == [row.indicator]
    assert [[figure.value for figure in cell] for cell in rows[0].cells] == [
        [cell[0].value] for cell in row.cells
    ]
    html = render_html(public, "en")
    assert "Figures over the rounds" in html and "RTP-IV" in html


def test_cooperation_is_on_both_states_profiles_with_one_source(rtp4: Session) -> None:
    report = build_report(rtp4, "RTP-IV")
    links = [(profile, link) for profile in report.profiles for link in profile.cooperation]
    assert len(links) >= 10
    for profile, link in links:
        assert link.direction in ("to", "from")
        assert report.footnote(link.footnote).fact_id is None  # a sentence, not a figure
        partner = report.profile(link.partner)
        if partner is not None:
            mirror = Link(
                link.kind, profile.country, ("from", "to")[link.direction == "from"], link.footnote
            )
            assert mirror in partner.cooperation
    html = render_html(report, "en")
    assert "<h3>Cooperation</h3>" in html


def test_profiles_show_recommendations_and_their_follow_up(
    two_rounds: Session, reviewers: Reviewers
) -> None:
    drafts = draft_recommendations(two_rounds, reviewers.secretariat, "RTP-IV")
    argentina = [draft for draft in drafts if draft.country == "ARG"]
    assert len(argentina) >= 2
    adopted = adopt_recommendation(two_rounds, reviewers.secretariat, argentina[0].id)

    def advice(meeting: str, draft: bool = False) -> list[Advice]:
        profile = build_report(two_rounds, meeting, draft=draft).profile("ARG")
        assert profile is not None
        return profile.recommendations

    assert [(item.text, item.status) for item in advice("RTP-IV")] == [(adopted.text, None)]
    in_draft = advice("RTP-IV", draft=True)
    assert (
        len(in_draft) == len(argentina)
        and sum(item.draft for item in in_draft) == len(argentina) - 1
    )
    later = advice("RTP-V")
    assert [(item.meeting, item.text, item.confirmed) for item in later] == [
        ("RTP-IV", adopted.text, False)
    ]
    assert "Follow-up: Not yet confirmed" in render_html(build_report(two_rounds, "RTP-V"), "en")
    set_follow_up(two_rounds, reviewers.secretariat, adopted.id, "RTP-V", "in_progress")
    assert [(item.status, item.confirmed) for item in advice("RTP-V")] == [("in_progress", True)]
    assert "Follow-up: In progress" in render_html(build_report(two_rounds, "RTP-V"), "en")


def test_every_footnote_of_a_report_is_cited_once_or_by_both_ends_of_a_link(
    two_rounds: Session,
) -> None:
    report = build_report(two_rounds, "RTP-V", draft=True)
    cited = [
        note
        for profile in report.profiles
        for note in (
            *(figure.footnote for figure in (*profile.figures, *profile.earlier)),
            *(event.footnote for event in profile.events),
            *{link.footnote for link in profile.cooperation},
        )
    ]
    assert sorted(set(cited)) == list(range(1, len(report.footnotes) + 1))
    shown = {
        figure.footnote
        for profile in report.profiles
        for row in profile.rounds(report.meetings).rows
        for cell in row.cells
        for figure in cell
    }
    assert {figure.footnote for profile in report.profiles for figure in profile.earlier} <= shown


def test_draft_profiles_show_the_states_observations_and_whether_answered(
    rtp4: Session, reviewers: Reviewers
) -> None:
    plan = build_report(rtp4, "RTP-IV").plan
    assert plan is not None
    _area, _objective, activity = find_plan(rtp4, plan).activities()[0]
    sent = submit_observation(rtp4, reviewers.focal_point_arg, plan, activity.code, "Too broad.")
    submit_observation(rtp4, reviewers.focal_point_arg, plan, activity.code, "Another point.")
    answer_observation(rtp4, reviewers.secretariat, sent.id, "Noted, thank you.")
    draft = build_report(rtp4, "RTP-IV", draft=True)
    argentina = draft.profile("ARG")
    assert argentina is not None
    assert [(item.text, item.answers) for item in argentina.observations] == [
        ("Too broad.", 1),
        ("Another point.", 0),
    ]
    assert all(not profile.observations for profile in draft.profiles if profile.country != "ARG")
    html = render_html(draft, "en")
    assert "Too broad. (answered)" in html and "Another point. (not answered yet)" in html
    public = build_report(rtp4, "RTP-IV").profile("ARG")
    assert public is not None and public.observations == []  # read by signed-in people only


def test_the_reports_date_is_written_in_its_language(rtp4: Session) -> None:
    report = build_report(rtp4, "RTP-IV")
    french = render_html(report, "fr")
    assert f" · {format_day(report.made_on, 'fr')}</p>" in french
    assert report.made_on.isoformat() not in french
