"""Figures that do not fit together: consistency flags over the stored facts.

Every fact not rejected, about a country and with a year, is read with its *effective* figure
(the reviewers' correction if there is one, :func:`vigia.services.fact_views.current_values`). Three
rules, kept in ``data/consistency.json``, compare them:

- ``figure_disagreement``: two documents give figures for the same country, indicator and year
  whose ranges do not meet (an exact 47 and an exact 52; not "at least 40" and 47).
- ``identified_vs_assisted``: more victims assisted (or rescued) than identified, for one country
  and year: the figures probably follow different definitions of a victim.
- ``persons_vs_cases``: for one country and year, one document counts persons and another counts
  cases (persons prosecuted and cases prosecuted; convictions worded as persons convicted in one
  and as judgments in another).

Each flag is an :class:`Inconsistency`, a :class:`~vigia.domain.Finding` that also names the
documents and meetings involved and the figures in question; its ``message`` is in English and
:func:`finding_message` gives it in another language.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from vigia.domain import LANGUAGES, STATISTICS_FORM, Finding, Qualifier
from vigia.evaluate.statistics_reports import ApprovedTotal, approved_totals
from vigia.reference import countries, indicators, load_data_file
from vigia.store.figures import current_values
from vigia.store.models import DocumentRow, FactRow
from vigia.text import fold
from vigia.vocabulary import REJECTED

FIGURE_DISAGREEMENT = "figure_disagreement"
IDENTIFIED_VS_ASSISTED = "identified_vs_assisted"
PERSONS_VS_CASES = "persons_vs_cases"
STATISTICS_VS_REPORTS = "statistics_vs_reports"
CODES = (FIGURE_DISAGREEMENT, IDENTIFIED_VS_ASSISTED, PERSONS_VS_CASES, STATISTICS_VS_REPORTS)
PERSONS = "persons"
CASES = "cases"
#: What ``#`` stands for in a wording cue: a number written in digits.
NUMBER = r"\d[\d.,\u00a0 ]*"


@dataclass(frozen=True)
class Inconsistency(Finding):
    """A consistency flag: a finding with the figures (``values``) and where they come from.

    ``sources`` pairs each sentence of ``evidence`` with the path of its document.
    """

    values: str = ""
    documents: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class StoredFigure:
    """A stored fact as it stands now, with the sentence and document it came from."""

    fact_id: int
    document_id: int
    document: str
    meeting: str | None
    country: str
    indicator: str
    value: float
    value_min: float | None
    qualifier: str
    year: int
    unit: str
    sentence: str
    start: int

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.document_id, self.start, self.fact_id)


# --- The rules, as data/consistency.json keeps them ---------------------------------------------


@dataclass(frozen=True)
class WordingRule:
    """An indicator whose figures count persons or cases depending on how the sentence puts it."""

    indicator: str
    persons: tuple[re.Pattern[str], ...]
    cases: tuple[re.Pattern[str], ...]

    def counts(self, sentence: str) -> str | None:
        """``persons``, ``cases``, or None when the wording says neither (or both)."""
        folded = fold(sentence)
        persons = any(pattern.search(folded) for pattern in self.persons)
        cases = any(pattern.search(folded) for pattern in self.cases)
        if persons == cases:
            return None
        return PERSONS if persons else CASES


@dataclass(frozen=True)
class ConsistencyRules:
    approximate_tolerance: float
    ignored_qualifiers: frozenset[str]
    excluded_indicators: frozenset[str]
    identified: str
    counted: tuple[str, ...]
    indicator_pairs: tuple[tuple[str, str], ...]
    wording: tuple[WordingRule, ...]
    messages: dict[str, dict[str, str]]


@cache
def consistency_rules() -> ConsistencyRules:
    """The rules and messages of ``data/consistency.json``."""
    data = load_data_file("consistency.json")
    persons_vs_cases = data["persons_vs_cases"]
    return ConsistencyRules(
        approximate_tolerance=float(data["approximate_tolerance"]),
        ignored_qualifiers=frozenset(data["ignored_qualifiers"]),
        excluded_indicators=frozenset(data["excluded_indicators"]),
        identified=data["identified_vs_assisted"]["identified"],
        counted=tuple(data["identified_vs_assisted"]["counted"]),
        indicator_pairs=tuple(
            (pair[PERSONS], pair[CASES]) for pair in persons_vs_cases["indicator_pairs"]
        ),
        wording=tuple(_wording_rule(entry) for entry in persons_vs_cases["counted_by_wording"]),
        messages={code: dict(texts) for code, texts in data["messages"].items()},
    )


def _wording_rule(entry: Mapping[str, Any]) -> WordingRule:
    return WordingRule(
        indicator=entry["indicator"],
        persons=_cue_patterns(entry[PERSONS]),
        cases=_cue_patterns(entry[CASES]),
    )


def _cue_patterns(cues: Mapping[str, list[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(cue_pattern(cue) for language in LANGUAGES for cue in cues.get(language, ()))


def cue_pattern(cue: str) -> re.Pattern[str]:
    """A whole-word pattern over folded text; ``#`` in the cue stands for a number."""
    words = [NUMBER if word == "#" else re.escape(word) for word in fold(cue).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


# --- Finding inconsistencies --------------------------------------------------------------------


def find_inconsistencies(session: Session, country: str | None = None) -> list[Finding]:
    """Every consistency flag over the stored facts (of one ``country``, ISO alpha-3, if given).

    The findings are :class:`Inconsistency` objects, by country, year, rule and indicator.
    """
    return list(list_inconsistencies(session, country))


def list_inconsistencies(session: Session, country: str | None = None) -> list[Inconsistency]:
    """:func:`find_inconsistencies` with its precise type."""
    figures = stored_figures(session, country)
    found = [
        *_figure_disagreements(figures),
        *_identified_vs_assisted(figures),
        *_persons_vs_cases(figures),
        *_statistics_vs_reports(approved_totals(session, country), figures),
    ]
    return sorted(found, key=_finding_order)


def _finding_order(finding: Inconsistency) -> tuple[str, int, int, str]:
    return (
        finding.country or "",
        finding.year or 0,
        CODES.index(finding.code),
        finding.indicator or "",
    )


def stored_figures(session: Session, country: str | None = None) -> list[StoredFigure]:
    """Facts not rejected, with a country and an effective year, in document and text order.

    The facts of approved statistics forms are left out: ``statistics_vs_reports`` compares the
    forms' values with these."""
    statement = (
        select(FactRow, DocumentRow.path, DocumentRow.meeting_code)
        .join(DocumentRow, FactRow.document_id == DocumentRow.id)
        .options(joinedload(FactRow.evidence))
        .where(FactRow.status != REJECTED, FactRow.country.is_not(None))
        .where(FactRow.component != STATISTICS_FORM.component)
        .execution_options(populate_existing=True)
    )
    if country is not None:
        statement = statement.where(FactRow.country == country)
    figures = [
        figure
        for fact, path, meeting in session.execute(statement)
        if (figure := _figure(fact, path, meeting)) is not None
    ]
    return sorted(figures, key=lambda figure: figure.order)


def _figure(fact: FactRow, path: str, meeting: str | None) -> StoredFigure | None:
    values = current_values(fact)
    if values.year is None or fact.country is None:
        return None
    return StoredFigure(
        fact_id=fact.id,
        document_id=fact.document_id,
        document=path,
        meeting=meeting,
        country=fact.country,
        indicator=values.indicator,
        value=float(values.value),
        value_min=None if values.value_min is None else float(values.value_min),
        qualifier=values.qualifier,
        year=values.year,
        unit=fact.unit,
        sentence=fact.evidence.text,
        start=fact.evidence.start,
    )


def figure_range(figure: StoredFigure) -> tuple[float, float]:
    """The lowest and highest number a figure allows (see ``data/consistency.json``)."""
    value, low = figure.value, figure.value_min
    if figure.qualifier == Qualifier.AT_LEAST:
        return (low if low is not None else value, math.inf)
    if figure.qualifier == Qualifier.AT_MOST:
        return (0.0, value)
    if figure.qualifier == Qualifier.APPROXIMATELY and low is None:
        tolerance = consistency_rules().approximate_tolerance
        return (value * (1 - tolerance), value * (1 + tolerance))
    return (low if low is not None else value, value)


def _disagree(first: StoredFigure, second: StoredFigure) -> bool:
    first_low, first_high = figure_range(first)
    second_low, second_high = figure_range(second)
    return first_high < second_low or second_high < first_low


def _comparable(figure: StoredFigure) -> bool:
    rules = consistency_rules()
    return (
        figure.qualifier not in rules.ignored_qualifiers
        and figure.indicator not in rules.excluded_indicators
    )


def _figure_disagreements(figures: list[StoredFigure]) -> Iterator[Inconsistency]:
    groups: dict[tuple[str, str, int, str], list[StoredFigure]] = defaultdict(list)
    for figure in filter(_comparable, figures):
        groups[(figure.country, figure.indicator, figure.year, figure.unit)].append(figure)
    for (country, indicator, year, _), group in groups.items():
        involved = _involved(
            pair
            for pair in combinations(group, 2)
            if pair[0].document_id != pair[1].document_id and _disagree(*pair)
        )
        if involved:
            values = ", ".join(dict.fromkeys(shown_figure(figure) for figure in involved))
            yield _inconsistency(FIGURE_DISAGREEMENT, country, indicator, year, values, involved)


def _statistics_vs_reports(
    totals: list[ApprovedTotal], figures: list[StoredFigure]
) -> Iterator[Inconsistency]:
    """An approved total of the yearly statistics that a report's figure of the same state,
    indicator and year does not allow (the form's 43 convictions, a report's 52)."""
    groups: dict[tuple[str, str, int], list[StoredFigure]] = defaultdict(list)
    for figure in filter(_comparable, figures):
        groups[(figure.country, figure.indicator, figure.year)].append(figure)
    for total in totals:
        against = [
            figure
            for figure in groups.get((total.country, total.indicator, total.year), [])
            if not figure_range(figure)[0] <= total.value <= figure_range(figure)[1]
        ]
        if against:
            shown = ", ".join(dict.fromkeys(shown_figure(figure) for figure in against))
            values = f"{_number(total.value)} / {shown}"
            yield _inconsistency(
                STATISTICS_VS_REPORTS, total.country, total.indicator, total.year, values, against
            )


def _identified_vs_assisted(figures: list[StoredFigure]) -> Iterator[Inconsistency]:
    rules = consistency_rules()
    for (country, year), group in _by_country_year(filter(_comparable, figures)).items():
        identified = [figure for figure in group if figure.indicator == rules.identified]
        for indicator in rules.counted:
            counted = [figure for figure in group if figure.indicator == indicator]
            pairs = [
                (more, fewer)
                for more in counted
                for fewer in identified
                if figure_range(more)[0] > figure_range(fewer)[1]
            ]
            if pairs:
                values = ", ".join(
                    dict.fromkeys(
                        f"{shown_figure(more)} > {shown_figure(fewer)}" for more, fewer in pairs
                    )
                )
                yield _inconsistency(
                    IDENTIFIED_VS_ASSISTED, country, indicator, year, values, _involved(pairs)
                )


def _persons_vs_cases(figures: list[StoredFigure]) -> Iterator[Inconsistency]:
    rules = consistency_rules()
    for (country, year), group in _by_country_year(filter(_comparable, figures)).items():
        for persons_indicator, cases_indicator in rules.indicator_pairs:
            persons = [figure for figure in group if figure.indicator == persons_indicator]
            cases = [figure for figure in group if figure.indicator == cases_indicator]
            found = _counted_both_ways(country, year, persons_indicator, persons, cases)
            if found is not None:
                yield found
        for rule in rules.wording:
            worded = [figure for figure in group if figure.indicator == rule.indicator]
            persons = [figure for figure in worded if rule.counts(figure.sentence) == PERSONS]
            cases = [figure for figure in worded if rule.counts(figure.sentence) == CASES]
            found = _counted_both_ways(country, year, rule.indicator, persons, cases)
            if found is not None:
                yield found


def _counted_both_ways(
    country: str,
    year: int,
    indicator: str,
    persons: list[StoredFigure],
    cases: list[StoredFigure],
) -> Inconsistency | None:
    pairs = [
        (person, case)
        for person in persons
        for case in cases
        if person.document_id != case.document_id
    ]
    if not pairs:
        return None
    values = ", ".join(
        dict.fromkeys(f"{shown_figure(person)} / {shown_figure(case)}" for person, case in pairs)
    )
    return _inconsistency(PERSONS_VS_CASES, country, indicator, year, values, _involved(pairs))


def _by_country_year(figures: Iterable[StoredFigure]) -> dict[tuple[str, int], list[StoredFigure]]:
    groups: dict[tuple[str, int], list[StoredFigure]] = defaultdict(list)
    for figure in figures:
        groups[(figure.country, figure.year)].append(figure)
    return groups


def _involved(pairs: Iterable[tuple[StoredFigure, StoredFigure]]) -> list[StoredFigure]:
    """The figures of ``pairs``, each once, in document and text order."""
    unique = {figure.fact_id: figure for pair in pairs for figure in pair}
    return sorted(unique.values(), key=lambda figure: figure.order)


def _inconsistency(
    code: str,
    country: str,
    indicator: str,
    year: int,
    values: str,
    figures: list[StoredFigure],
) -> Inconsistency:
    return Inconsistency(
        code=code,
        message=_message(code, "en", country, indicator, year, values),
        country=country,
        area=_area_of(indicator),
        indicator=indicator,
        year=year,
        evidence=tuple(dict.fromkeys(figure.sentence for figure in figures)),
        values=values,
        documents=tuple(dict.fromkeys(figure.document for figure in figures)),
        meetings=tuple(dict.fromkeys(figure.meeting for figure in figures if figure.meeting)),
        sources=tuple(dict.fromkeys((figure.document, figure.sentence) for figure in figures)),
    )


def _area_of(indicator: str) -> str | None:
    known = indicators().get(indicator)
    return None if known is None else known.area


def shown_figure(figure: StoredFigure) -> str:
    """A figure as the messages show it, the same in every language: ``47``, ``≥ 90``, ``10–12``."""
    value = _number(figure.value)
    if figure.qualifier == Qualifier.AT_LEAST:
        return f"≥ {value}"
    if figure.qualifier == Qualifier.AT_MOST:
        return f"≤ {value}"
    if figure.value_min is not None:
        return f"{_number(figure.value_min)}–{value}"
    if figure.qualifier == Qualifier.APPROXIMATELY:
        return f"~{value}"
    return value


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- Messages -----------------------------------------------------------------------------------


def finding_message(finding: Finding, language: str) -> str:
    """The finding's message in ``language`` (es, en, fr, pt; others fall back to English).

    Findings of other rules than this module's keep their own message.
    """
    texts = consistency_rules().messages.get(finding.code)
    if texts is None:
        return finding.message
    values = finding.values if isinstance(finding, Inconsistency) else ""
    return _message(
        finding.code, language, finding.country, finding.indicator, finding.year, values
    )


def _message(
    code: str,
    language: str,
    country: str | None,
    indicator: str | None,
    year: int | None,
    values: str,
) -> str:
    language = language if language in LANGUAGES else "en"
    template = consistency_rules().messages[code][language]
    return template.format(
        country=country_name(country, language),
        indicator=indicator_label(indicator, language),
        year="" if year is None else year,
        values=values,
    )


def country_name(country: str | None, language: str) -> str:
    """A country's name in ``language``, else its code."""
    if country is None:
        return ""
    known = countries().get(country)
    return country if known is None else known.names.get(language, country)


def indicator_label(indicator: str | None, language: str) -> str:
    """An indicator's label in ``language``, else its name."""
    if indicator is None:
        return ""
    known = indicators().get(indicator)
    return indicator if known is None else known.labels.get(language, indicator)
