"""The regional progress report of a meeting: the state × area matrix, findings per area,
hemispheric totals and a profile of each state, built from the store.

A public report shows published facts and confirmed ratings only: an area the secretariat has not
confirmed is *withheld* (:mod:`vigia.evaluate.visibility`). A draft, for the secretariat, shows
every fact not rejected and every proposed rating, each marked as a draft. Every figure carries a
footnote: the code (or title) of the document it came from and the sentence quoted.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, joinedload

from vigia.domain import STATISTICS_FORM, MeetingEvaluation, Rating
from vigia.evaluate.meetings import (
    meeting_documents,
    meeting_order,
    meeting_year,
    stored_meetings,
)
from vigia.evaluate.plan_store import find_plan
from vigia.evaluate.scorecard import core_indicators, evaluate_meeting
from vigia.evaluate.statistics_facts import approved_form_documents, counted_years
from vigia.evaluate.statistics_reports import regional_completeness
from vigia.evaluate.visibility import as_seen_by
from vigia.publish.advice import add_observations, add_recommendations
from vigia.publish.model import (
    Cell,
    Event,
    Figure,
    Finding,
    Footnote,
    FormStatus,
    Link,
    Profile,
    Report,
    Total,
)
from vigia.store.figures import current_values
from vigia.store.models import (
    CooperationLinkRow,
    DocumentRow,
    EventRow,
    EvidenceRow,
    FactRow,
    RoleRow,
)
from vigia.vocabulary import PUBLISHED, REJECTED

#: Indicators whose figures are not added up across states: they count different things.
NOT_COMPARABLE = frozenset({"other_count", "budget"})


def build_report(
    session: Session, meeting: str, *, draft: bool = False, country: str | None = None
) -> Report:
    """The report of ``meeting`` (UnknownMeeting if none is stored); of one state only when
    ``country`` is given. ``draft`` shows what is not yet published or confirmed."""
    full = evaluate_meeting(session, meeting)
    evaluation = full if draft else as_seen_by(full, lambda _country: False)
    report = Report(
        meeting=evaluation.meeting,
        plan=evaluation.plan,
        draft=draft,
        made_on=date.today(),
        areas=[area.area for area in evaluation.states[0].areas] if evaluation.states else [],
        profiles=_profiles(evaluation, country),
        findings=[],
        totals=[],
        footnotes=[],
    )
    report.meetings = [
        code
        for code in stored_meetings(session)
        if meeting_order(code) < meeting_order(report.meeting)
    ] + [report.meeting]
    year = meeting_year(session, report.meeting, meeting_documents(session, report.meeting))
    forms = [form.document_id for form in approved_form_documents(session, year)]
    _add_figures(session, report, [report.meeting], draft, forms)
    _add_figures(session, report, report.meetings[:-1], draft)
    if evaluation.plan is not None:
        report.core_indicators = core_indicators(find_plan(session, evaluation.plan))
    for profile in report.profiles:  # as the report shows them (a public one: published figures)
        shown = {figure.indicator for figure in profile.figures}
        profile.indicators_missing = [name for name in report.core_indicators if name not in shown]
    _add_events_and_roles(session, report)
    _add_cooperation(session, report)
    add_recommendations(session, report, full)
    add_observations(session, report)
    report.findings = _findings(report)
    report.totals = _totals(report)
    report.statistics = _statistics(session, report, year)
    return report


def _statistics(session: Session, report: Report, year: int | None) -> list[FormStatus]:
    """Completeness of the yearly statistics of the years the meeting counts (public: it says how
    far each form is, not what it holds); none when no state started a form for those years."""
    reported = {profile.country for profile in report.profiles}
    rows = [
        FormStatus(
            row.country, row.year, row.status, row.questions_answered, row.questions, row.on_time
        )
        for counted in counted_years(year)
        for row in regional_completeness(session, counted)
        if row.country in reported or row.status is not None
    ]
    return rows if any(row.status is not None for row in rows) else []


def _profiles(evaluation: MeetingEvaluation, country: str | None) -> list[Profile]:
    return [
        Profile(
            country=state.country,
            cells=[
                Cell(area.area, area.rating.value, area.confirmed, area.withheld)
                for area in state.areas
            ],
        )
        for state in evaluation.states
        if country is None or state.country == country
    ]


def _note(
    report: Report,
    document: DocumentRow,
    quote: str,
    fact_id: int | None,
    section_code: str | None = None,
) -> int:
    """A new footnote; the source named by the code of the state's presentation if it has one
    (``RTP-III/INF. 22/12``), else by the document's code, title or file name."""
    name = (
        section_code or document.code or document.title or document.original_name or document.path
    )
    report.footnotes.append(Footnote(len(report.footnotes) + 1, name, quote, fact_id))
    return len(report.footnotes)


def _add_figures(
    session: Session,
    report: Report,
    meetings: list[str],
    draft: bool,
    forms: list[int] | None = None,
) -> None:
    """The figures the documents of ``meetings`` give the report's states: this meeting's to
    each profile's ``figures``, earlier ones' to its ``earlier`` when they compare rounds (their
    indicator reported in two meetings or more), each with its footnote. The documents of the
    approved statistics ``forms`` the meeting counts give this meeting's figures too."""
    if not meetings:
        return
    sources: ColumnElement[bool] = DocumentRow.meeting_code.in_(meetings)
    if forms:
        sources = or_(sources, DocumentRow.id.in_(forms))
    profiles = {profile.country: profile for profile in report.profiles}
    wanted = FactRow.status != REJECTED if draft else FactRow.status == PUBLISHED
    statement = (
        select(FactRow)
        .join(DocumentRow, FactRow.document_id == DocumentRow.id)
        .where(sources, wanted)
        .where(FactRow.country.in_(list(profiles)))
        .options(
            joinedload(FactRow.evidence), joinedload(FactRow.document), joinedload(FactRow.section)
        )
        .order_by(FactRow.country, FactRow.indicator, FactRow.id)
    )
    facts = [(fact, current_values(fact)) for fact in session.scalars(statement).unique()]
    rounds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for profile in report.profiles:
        for figure in profile.figures:
            rounds[(profile.country, figure.indicator)].add(report.meeting)
    for fact, values in facts:
        rounds[(fact.country or "", values.indicator)].add(fact.document.meeting_code or "")
    for fact, values in facts:
        profile = profiles[fact.country or ""]
        meeting = fact.document.meeting_code or report.meeting
        if meeting != report.meeting and len(rounds[(profile.country, values.indicator)]) < 2:
            continue  # an earlier round's figure is shown, and cited, only to compare rounds
        code = fact.section.code if fact.section is not None else None
        number = _note(report, fact.document, fact.evidence.text, fact.id, code)
        kept = profile.figures if meeting == report.meeting else profile.earlier
        kept.append(
            Figure(
                country=profile.country,
                indicator=values.indicator,
                value=values.value,
                value_min=values.value_min,
                qualifier=values.qualifier,
                year=values.year,
                unit=fact.unit,
                footnote=number,
                draft=fact.status != PUBLISHED,
                meeting=meeting,
                official=fact.component == STATISTICS_FORM.component,
            )
        )


def _add_events_and_roles(session: Session, report: Report) -> None:
    """Laws, plans and institutions (with their footnotes) and roles, from the meeting's
    documents, as the country pages show them."""
    profiles = {profile.country: profile for profile in report.profiles}
    events = (
        select(EventRow, EvidenceRow, DocumentRow)
        .join(EvidenceRow, EventRow.evidence_id == EvidenceRow.id)
        .join(DocumentRow, EventRow.document_id == DocumentRow.id)
        .where(DocumentRow.meeting_code == report.meeting, EventRow.country.in_(list(profiles)))
        .order_by(EventRow.year.is_(None), EventRow.year, EventRow.id)
    )
    for event, evidence, document in session.execute(events):
        number = _note(report, document, evidence.text, None)
        profiles[event.country or ""].events.append(Event(event.kind, event.year, number))
    roles = (
        select(RoleRow.country, RoleRow.role)
        .join(DocumentRow, RoleRow.document_id == DocumentRow.id)
        .where(DocumentRow.meeting_code == report.meeting, RoleRow.country.in_(list(profiles)))
        .distinct()
    )
    for country, role in session.execute(roles):
        profiles[country].roles.append(role)
    for profile in report.profiles:
        profile.roles.sort()


def _add_cooperation(session: Session, report: Report) -> None:
    """The cooperation the meeting's documents name, with its footnote, on the profile of each
    state of the report it links (the one that gives and the one that receives)."""
    profiles = {profile.country: profile for profile in report.profiles}
    link = CooperationLinkRow
    statement = (
        select(link, EvidenceRow, DocumentRow)
        .join(EvidenceRow, link.evidence_id == EvidenceRow.id)
        .join(DocumentRow, link.document_id == DocumentRow.id)
        .where(DocumentRow.meeting_code == report.meeting)
        .where(or_(link.source.in_(list(profiles)), link.target.in_(list(profiles))))
        .order_by(link.id)
    )
    for row, evidence, document in session.execute(statement):
        number = _note(report, document, evidence.text, None)
        if row.source in profiles and row.target:
            profiles[row.source].cooperation.append(Link(row.kind, row.target, "to", number))
        if row.target in profiles and row.source:
            profiles[row.target].cooperation.append(Link(row.kind, row.source, "from", number))


def _findings(report: Report) -> list[Finding]:
    findings = []
    for area in report.areas:
        cells = [(profile.country, _cell(profile, area)) for profile in report.profiles]
        findings.append(
            Finding(
                area=area,
                substantial=[c for c, cell in cells if cell.rating == Rating.SUBSTANTIAL_EVIDENCE],
                without=[
                    c
                    for c, cell in cells
                    if cell.rating == Rating.NO_INFORMATION and not cell.withheld
                ],
            )
        )
    return findings


def _cell(profile: Profile, area: str) -> Cell:
    return next(cell for cell in profile.cells if cell.area == area)


def _totals(report: Report) -> list[Total]:
    """Per indicator and year, the sum over the states that gave one exact figure for it, or whose
    approved yearly statistics give one (it is the state's own, checked and comparable)."""
    by_key: dict[tuple[str, int | None], dict[str, list[Figure]]] = defaultdict(dict)
    for profile in report.profiles:
        for figure in profile.figures:
            if _addable(figure):
                key = (figure.indicator, figure.year)
                by_key[key].setdefault(profile.country, []).append(figure)
    totals = []
    for (indicator, year), states in sorted(by_key.items(), key=lambda item: str(item[0])):
        chosen = {country: figure_to_add(figures) for country, figures in states.items()}
        single = {country: figure for country, figure in chosen.items() if figure is not None}
        if len(single) >= 2:
            totals.append(
                Total(
                    indicator,
                    year,
                    sum(figure.value for figure in single.values()),
                    sorted(single),
                )
            )
    return totals


def figure_to_add(figures: list[Figure]) -> Figure | None:
    """The state's figure to add: its only one, else its approved statistics' one, else none."""
    official = [figure for figure in figures if figure.official]
    if len(official) == 1:
        return official[0]
    return figures[0] if len(figures) == 1 else None


def _addable(figure: Figure) -> bool:
    """An exact count of a catalogued indicator for a given year."""
    return (
        figure.indicator not in NOT_COMPARABLE and figure.qualifier == "exact" and bool(figure.year)
    )
