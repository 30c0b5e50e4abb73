"""A report as a Word document (python-docx) that the secretariat can edit: real headings, tables
and footnotes, each figure, event and cooperation link followed by the footnote of its source
(:mod:`vigia.publish.word_notes`).

The texts are the HTML templates' messages, translated by the same catalogues.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx import Document as new_document
from docx.document import Document
from docx.shared import Inches, Pt

from vigia.languages import country_name, format_day, format_number, indicator_name, translations
from vigia.publish.charts import chart_png, report_charts
from vigia.publish.labels import label
from vigia.publish.maps import report_maps
from vigia.publish.model import Profile, Report, Rounds
from vigia.publish.vocabulary import Vocabulary, figure_value, vocabulary
from vigia.publish.word_notes import Footnotes

DRAFT_NOTICE = (
    "Draft: it shows figures not yet published and ratings not yet confirmed, marked with an"
    " asterisk (*)."
)
TABLE_STYLE = "Table Grid"


@dataclass(frozen=True)
class Wording:
    """What the document is written with: the language, its catalogue's gettext, and the names of
    areas and ratings."""

    language: str
    _: Callable[[str], str]
    words: Vocabulary
    #: The document's footnotes, where each figure, event and link cites its source.
    notes: Footnotes
    #: Whether the report is a draft, which marks what is not yet confirmed.
    draft: bool = False

    def names(self, countries: list[str]) -> str:
        """Countries' names joined, or "none"."""
        named = (country_name(country, self.language) for country in countries)
        return ", ".join(named) or self._("none")


def _table(document: Document, headings: list[str]) -> Any:
    """A grid with one row of ``headings``."""
    table = document.add_table(rows=1, cols=len(headings), style=TABLE_STYLE)
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    return table


def render_docx(report: Report, language: str) -> bytes:
    """``report`` in ``language`` as the bytes of a DOCX file."""
    _ = translations(language).gettext
    texts = {note.number: f"{note.document}: “{note.quote}”" for note in report.footnotes}
    wording = Wording(language, _, vocabulary(language), Footnotes(texts), report.draft)
    document = new_document()
    document.core_properties.title = f"{_('Regional progress report')} · {report.meeting}"
    document.core_properties.language = language
    document.add_heading(_("Regional progress report on the Work Plan"), level=0)
    meeting = _("Meeting %(meeting)s") % {"meeting": report.meeting}
    plan = f" · {_('Work Plan %(plan)s') % {'plan': report.plan}}" if report.plan else ""
    document.add_paragraph(f"{meeting}{plan} · {format_day(report.made_on, language)}")
    if report.draft:
        document.add_paragraph(_(DRAFT_NOTICE), style="Intense Quote")
    document.add_heading(_("Summary"), level=1)
    summary = _(
        "States that reported to this meeting: %(states)s. Figures cited from their reports:"
        " %(figures)s."
    )
    document.add_paragraph(
        summary % {"states": len(report.profiles), "figures": len(report.figures)}
    )
    _matrix(document, report, wording)
    for heading, charts in (
        (_("Charts"), report_charts(report, language)),
        (_("Maps"), report_maps(report, language)),
    ):
        document.add_heading(heading, level=1)
        for chart in charts:
            document.add_picture(io.BytesIO(chart_png(chart)), width=Inches(6))
            document.add_paragraph(chart.title, style="Caption")
    _findings(document, report, wording)
    _totals(document, report, wording)
    _statistics(document, report, wording)
    for profile in report.profiles:
        _profile(document, profile, report.meetings, wording)
    wording.notes.attach(document)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _matrix(document: Document, report: Report, wording: Wording) -> None:
    _, words, language = wording._, wording.words, wording.language
    document.add_heading(_("Ratings by state and area"), level=1)
    table = _table(document, [_("State"), *(words.area(area) for area in report.areas)])
    for profile in report.profiles:
        row = table.add_row().cells
        row[0].text = country_name(profile.country, language)
        for cell, rating in zip(row[1:], profile.cells, strict=True):
            if rating.withheld:
                cell.text = _("Not yet confirmed")
            else:
                draft = " *" if report.draft and not rating.confirmed else ""
                cell.text = words.rating(rating.rating) + draft
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)


def _findings(document: Document, report: Report, wording: Wording) -> None:
    _ = wording._
    document.add_heading(_("Findings by area"), level=1)
    for finding in report.findings:
        document.add_heading(wording.words.area(finding.area), level=2)
        document.add_paragraph(
            f"{_('Substantial evidence:')} {wording.names(finding.substantial)}."
            f" {_('No information:')} {wording.names(finding.without)}."
        )


def _totals(document: Document, report: Report, wording: Wording) -> None:
    if not report.totals:
        return
    _, language = wording._, wording.language
    document.add_heading(_("Hemispheric totals"), level=1)
    table = _table(document, [_("Indicator"), _("Year"), _("Total"), _("States")])
    for total in report.totals:
        row = table.add_row().cells
        row[0].text = indicator_name(total.indicator, language)
        row[1].text = str(total.year or "")
        row[2].text = format_number(total.value, language)
        row[3].text = wording.names(total.states)


def _statistics(document: Document, report: Report, wording: Wording) -> None:
    if not report.statistics:
        return
    _ = wording._
    status = {
        "approved": _("Approved"),
        "submitted": _("Submitted"),
        "draft": _("Being filled"),
        None: _("Not started"),
    }
    document.add_heading(_("Yearly statistics: completeness"), level=1)
    headings = [_("State"), _("Year"), _("Status"), _("Questions answered"), _("On time")]
    table = _table(document, headings)
    for form in report.statistics:
        row = table.add_row().cells
        row[0].text = wording.names([form.country])
        row[1].text = str(form.year)
        row[2].text = status.get(form.status, form.status or "")
        row[3].text = f"{form.questions_answered} / {form.questions}"
        row[4].text = "—" if form.on_time is None else _("Yes") if form.on_time else _("No")


def _profile(document: Document, profile: Profile, meetings: list[str], wording: Wording) -> None:
    _, language = wording._, wording.language
    document.add_heading(country_name(profile.country, language), level=1)
    if profile.figures:
        document.add_heading(_("Figures reported"), level=2)
        table = _table(document, [_("Indicator"), _("Year"), _("Value")])
        for figure in profile.figures:
            row = table.add_row().cells
            row[0].text = indicator_name(figure.indicator, language)
            row[1].text = str(figure.year or "")
            value = row[2].paragraphs[0]
            value.add_run(figure_value(figure, language) + (" *" if figure.draft else ""))
            wording.notes.cite(value, figure.footnote)
    else:
        document.add_paragraph(_("No published figure."))
    _rounds(document, profile.rounds(meetings), wording)
    if profile.events:
        document.add_heading(_("Laws, institutions and plans"), level=2)
        for event in profile.events:
            item = document.add_paragraph(style="List Bullet")
            year = f"{event.year}: " if event.year else ""
            item.add_run(year + label("event", event.kind, _))
            wording.notes.cite(item, event.footnote)
    _cooperation(document, profile, wording)
    _recommendations(document, profile, wording)
    _observations(document, profile, wording)
    if profile.roles:
        roles = ", ".join(label("role", role, _) for role in profile.roles)
        document.add_paragraph(f"{_('Roles:')} {roles}.")


def _rounds(document: Document, rounds: Rounds, wording: Wording) -> None:
    """The indicators the state reported in two rounds or more, a column per round."""
    if not rounds.rows:
        return
    _, language = wording._, wording.language
    document.add_heading(_("Figures over the rounds"), level=2)
    table = _table(document, [_("Indicator"), *rounds.meetings])
    for item in rounds.rows:
        row = table.add_row().cells
        row[0].text = indicator_name(item.indicator, language)
        for cell, figures in zip(row[1:], item.cells, strict=True):
            paragraph = cell.paragraphs[0]
            for position, figure in enumerate(figures):
                year = f" ({figure.year})" if figure.year else ""
                draft = " *" if figure.draft else ""
                lead = "; " if position else ""
                paragraph.add_run(lead + figure_value(figure, language) + year + draft)
                wording.notes.cite(paragraph, figure.footnote)


def _cooperation(document: Document, profile: Profile, wording: Wording) -> None:
    if not profile.cooperation:
        return
    _, language = wording._, wording.language
    document.add_heading(_("Cooperation"), level=2)
    for link in profile.cooperation:
        giver, receiver = (country_name(code, language) for code in link.ends(profile.country))
        item = document.add_paragraph(style="List Bullet")
        item.add_run(f"{label('cooperation', link.kind, _)}: {giver} → {receiver}")
        wording.notes.cite(item, link.footnote)


def _recommendations(document: Document, profile: Profile, wording: Wording) -> None:
    if not profile.recommendations:
        return
    _, words = wording._, wording.words
    document.add_heading(_("Recommendations"), level=2)
    for advice in profile.recommendations:
        area = f", {words.area(advice.area)}" if advice.area else ""
        text = f"{advice.text}{' *' if advice.draft else ''} ({advice.meeting}{area})"
        if advice.status:
            status = label("follow_up", advice.status, _)
            if not advice.confirmed:
                status = f"{status} *" if wording.draft else _("Not yet confirmed")
            text += f". {_('Follow-up:')} {status}"
        document.add_paragraph(text, style="List Bullet")


def _observations(document: Document, profile: Profile, wording: Wording) -> None:
    if not profile.observations:
        return
    _ = wording._
    document.add_heading(_("Observations on the Work Plan"), level=2)
    for remark in profile.observations:
        activity = _("Activity %(activity)s") % {"activity": remark.activity}
        answered = _("answered") if remark.answers else _("not answered yet")
        day = format_day(remark.sent_on, wording.language)
        text = f"{activity}, {day}: {remark.text} ({answered})"
        document.add_paragraph(text, style="List Bullet")
