"""The regional report's parts, as :mod:`vigia.publish.report` builds them from the store and the
writers (HTML, PDF, DOCX, charts, maps) read them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Footnote:
    """Where a figure comes from: its document and the sentence quoted."""

    number: int
    document: str
    quote: str
    #: The fact the footnote is for; None for an event's.
    fact_id: int | None


@dataclass(frozen=True)
class Figure:
    """A state's figure as it stands after review, with its footnote's number."""

    country: str
    indicator: str
    value: int | float
    value_min: int | float | None
    qualifier: str
    year: int | None
    unit: str
    footnote: int
    draft: bool
    #: The meeting whose documents gave the figure.
    meeting: str
    #: From the state's approved yearly statistics rather than a report.
    official: bool = False


@dataclass(frozen=True)
class RoundsRow:
    """An indicator's figures in each round, in the order of :attr:`Rounds.meetings`."""

    indicator: str
    cells: list[list[Figure]]


@dataclass(frozen=True)
class Rounds:
    """A state's figures over the rounds: the indicators it reported in two meetings or more."""

    meetings: list[str]
    rows: list[RoundsRow]


@dataclass(frozen=True)
class Link:
    """Cooperation the meeting's documents name between the state and another."""

    kind: str
    partner: str
    #: ``to`` when the state gives (trains, funds, shares a practice…), ``from`` when it receives.
    direction: str
    footnote: int

    def ends(self, state: str) -> tuple[str, str]:
        """The state that gives and the state that receives, ``state`` being the profile's."""
        return (state, self.partner) if self.direction == "to" else (self.partner, state)


@dataclass(frozen=True)
class Advice:
    """A recommendation made to the state: at this meeting, or at an earlier one with its
    follow-up status at this one."""

    meeting: str
    area: str | None
    text: str
    #: The follow-up status of an earlier meeting's recommendation; None for this meeting's.
    status: str | None
    #: Whether the secretariat set the status (else it is computed from the ratings).
    confirmed: bool
    #: A recommendation not yet adopted, shown in a draft only.
    draft: bool


@dataclass(frozen=True)
class Remark:
    """An observation the state sent on an activity of the report's Work Plan, and how many
    answers the secretariat gave it."""

    activity: str
    text: str
    sent_on: date
    answers: int


@dataclass(frozen=True)
class Cell:
    """A state's rating in an area; ``withheld`` when not confirmed in a public report."""

    area: str
    rating: str
    confirmed: bool
    withheld: bool


@dataclass(frozen=True)
class Event:
    kind: str
    year: int | None
    footnote: int


@dataclass
class Profile:
    """What the report says of one state."""

    country: str
    cells: list[Cell]
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    indicators_missing: list[str] = field(default_factory=list)
    #: The state's figures in the documents of earlier meetings.
    earlier: list[Figure] = field(default_factory=list)
    cooperation: list[Link] = field(default_factory=list)
    recommendations: list[Advice] = field(default_factory=list)
    #: The state's observations on the Work Plan: in a draft only, as only signed-in people read
    #: them on the site.
    observations: list[Remark] = field(default_factory=list)

    def rounds(self, meetings: list[str]) -> Rounds:
        """The figures of each indicator reported in two of ``meetings`` or more, per meeting."""
        by_indicator: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
        for figure in [*self.earlier, *self.figures]:
            by_indicator[figure.indicator][figure.meeting].append(figure)
        rows = [
            RoundsRow(indicator, [cells.get(meeting, []) for meeting in meetings])
            for indicator, cells in sorted(by_indicator.items())
            if len(cells) >= 2
        ]
        return Rounds(meetings if rows else [], rows)


@dataclass(frozen=True)
class Finding:
    """Which states show substantial evidence in an area, and which show none."""

    area: str
    substantial: list[str]
    without: list[str]


@dataclass(frozen=True)
class Total:
    """An indicator added up over the states that reported it for a year."""

    indicator: str
    year: int | None
    value: int | float
    states: list[str]


@dataclass(frozen=True)
class FormStatus:
    """How far a state's yearly statistics form is: ``status`` None when never started."""

    country: str
    year: int
    status: str | None
    questions_answered: int
    questions: int
    on_time: bool | None


@dataclass
class Report:
    meeting: str
    plan: str | None
    draft: bool
    made_on: date
    areas: list[str]
    profiles: list[Profile]
    findings: list[Finding]
    totals: list[Total]
    footnotes: list[Footnote]
    #: The rounds the report compares, oldest first: the earlier meetings, then this one.
    meetings: list[str] = field(default_factory=list)
    #: The core indicators the Work Plan names, which each state is expected to report.
    core_indicators: list[str] = field(default_factory=list)
    #: The yearly statistics forms of the years the meeting counts, by year and state: of the
    #: states in the report and of any other that started one.
    statistics: list[FormStatus] = field(default_factory=list)

    @property
    def figures(self) -> list[Figure]:
        return [figure for profile in self.profiles for figure in profile.figures]

    def profile(self, country: str) -> Profile | None:
        return next((item for item in self.profiles if item.country == country), None)

    def footnote(self, number: int) -> Footnote:
        return self.footnotes[number - 1]
