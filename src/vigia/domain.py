"""Domain types that every stage of Vigía speaks.

A :class:`Document` travels through the extraction pipeline the way a spaCy ``Doc`` does: each
component reads the fields it needs and fills the fields it provides. Everything extracted carries
its :class:`Evidence` (offsets into ``Document.text``, page, sentence) and its :class:`Provenance`
(the component and its version).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum

LANGUAGES = ("es", "en", "fr", "pt")


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    APPROXIMATELY = "approximately"
    PLANNED = "planned"


class NumberKind(StrEnum):
    """What a number in a text is. Only ``COUNT`` and ``MONEY`` can become indicator values."""

    COUNT = "count"
    MONEY = "money"
    YEAR = "year"
    DATE = "date"
    DURATION = "duration"
    PERCENTAGE = "percentage"
    RATIO = "ratio"
    PHONE = "phone"
    DOCUMENT_CODE = "document_code"
    LAW_NUMBER = "law_number"
    STRUCTURAL = "structural"
    ORDINAL = "ordinal"
    LIST_MARKER = "list_marker"
    AGE = "age"


FIGURE_KINDS = frozenset({NumberKind.COUNT, NumberKind.MONEY})


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    names: dict[str, str]
    oas_member: bool
    long_forms: dict[str, list[str]] = field(default_factory=dict)
    capitals: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actor:
    """An organisation (UNODC, IOM, CRM…): its figures belong to no country."""

    code: str
    names: dict[str, list[str]]
    kind: str = "organisation"


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: str
    core: bool
    labels: dict[str, str]
    synonyms: dict[str, list[str]]
    description: str = ""
    area: str | None = None


@dataclass(frozen=True)
class Provenance:
    component: str
    version: str


#: The component mapping sentences to the Work Plan's areas (``vigia.extract.plan_areas``): its
#: identity is domain knowledge because the store records which documents it has mapped.
AREA_MAPPER = Provenance("plan_areas", "1")

#: What records an approved yearly statistics form as facts (``vigia.evaluate.statistics_facts``):
#: the consistency checks and the pre-fill tell the form's own figures from the reports' by it.
STATISTICS_FORM = Provenance("statistics_form", "1")


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str
    page: int | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PlaceMention:
    """A country or an organisation named in the text."""

    start: int
    end: int
    text: str
    country: str | None = None
    actor: str | None = None


@dataclass(frozen=True)
class DocumentCode:
    start: int
    end: int
    code: str


@dataclass
class Section:
    start: int
    end: int
    kind: str  # "country", "actor" or "general"
    country: str | None = None
    actor: str | None = None
    code: str | None = None
    language: str | None = None
    heading: str = ""
    order: int = 0


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float
    kind: NumberKind
    qualifier: Qualifier = Qualifier.EXACT
    value_min: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Header:
    """A table's header cell: its text and where it starts in the document."""

    start: int
    text: str


@dataclass(frozen=True)
class TableCell:
    """A cell of a table holding a figure, with the headers of its row and column."""

    start: int
    end: int
    row: Header | None
    column: Header | None


@dataclass
class Table:
    """Lines whose cells line up (pipes, tabs or aligned columns; HTML and DOCX tables read as
    pipes): the cells that hold figures, and the line just before the table, its title."""

    start: int
    end: int
    cells: list[TableCell]
    title: Header | None = None

    def cell_at(self, offset: int) -> TableCell | None:
        return next((cell for cell in self.cells if cell.start <= offset < cell.end), None)


@dataclass(frozen=True)
class Reason:
    """Why the extractor read a figure as it did: how it found the indicator (``"noun_after"``:
    the counted noun follows the number) and the owner (``"country_section"``: the section is
    the country's). The codes are those of ``vigia.extract.confidence``."""

    indicator: str
    owner: str


@dataclass
class Fact:
    """A figure. ``confidence`` (0 to 1) is how often a figure read for the same ``reason`` is
    right on annotated documents; facts not made by the extractor have neither."""

    indicator: str
    value: float
    qualifier: Qualifier
    evidence: Evidence
    provenance: Provenance
    country: str | None = None
    actor: str | None = None
    region: str | None = None
    year: int | None = None
    unit: str = "count"
    value_min: float | None = None
    confidence: float | None = None
    reason: Reason | None = None


@dataclass
class Event:
    kind: str
    evidence: Evidence
    provenance: Provenance
    country: str | None = None
    year: int | None = None


@dataclass
class Role:
    country: str
    role: str
    evidence: Evidence
    provenance: Provenance


@dataclass
class CooperationLink:
    source: str
    target: str
    kind: str
    evidence: Evidence
    provenance: Provenance


@dataclass
class HelpRequest:
    country: str
    topic: str
    evidence: Evidence
    provenance: Provenance


@dataclass
class Officer:
    role: str
    name: str
    country: str | None
    nominated_by: str | None
    evidence: Evidence | None = None


@dataclass
class Decision:
    what: str
    proposed_by: list[str]
    supported_by: list[str]
    evidence: Evidence | None = None


@dataclass
class MeetingRecord:
    code: str | None = None
    officers: list[Officer] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


# --- The Work Plan and what the reports say about it (issue 4) -----------------------------------


@dataclass(frozen=True)
class AreaMapping:
    """A sentence of a country's section giving evidence for one area of the plan."""

    area: str
    confidence: float
    evidence: Evidence
    provenance: Provenance
    country: str | None = None
    cues: tuple[str, ...] = ()


@dataclass
class Document:
    """One file's text and everything extracted from it."""

    path: str
    text: str
    sha256: str
    media_type: str = "text/plain"
    page_starts: list[int] = field(default_factory=list)
    title: str | None = None
    language: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    codes: list[DocumentCode] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    cooperation: list[CooperationLink] = field(default_factory=list)
    requests: list[HelpRequest] = field(default_factory=list)
    meeting: MeetingRecord = field(default_factory=MeetingRecord)
    mappings: list[AreaMapping] = field(default_factory=list)
    done: list[str] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``, or None for a document without pages."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect.bisect_right(self.sentences, offset, key=lambda item: item.start) - 1
        if index >= 0 and self.sentences[index].end > offset:
            return self.sentences[index]
        return None

    def table_at(self, offset: int) -> Table | None:
        return next((table for table in self.tables if table.start <= offset < table.end), None)

    def section_at(self, offset: int) -> Section | None:
        index = bisect.bisect_right(self.sections, offset, key=lambda item: item.start) - 1
        if index >= 0 and self.sections[index].end > offset:
            return self.sections[index]
        return None

    def language_at(self, offset: int) -> str:
        """The language of the section holding ``offset``, else the document's, else English."""
        section = self.section_at(offset)
        language = (section.language if section else None) or self.language
        return language if language in LANGUAGES else "en"

    def evidence_for(self, sentence: Sentence) -> Evidence:
        return Evidence(sentence.start, sentence.end, sentence.text, self.page_at(sentence.start))

    def countries(self) -> list[str]:
        """Countries that have a section, in order of first appearance."""
        seen: dict[str, None] = {}
        for section in self.sections:
            if section.country:
                seen.setdefault(section.country, None)
        return list(seen)


# --- Evaluation against the Work Plan (issue 4) -------------------------------------------------


class Rating(StrEnum):
    """The published rubric's ratings of a state in an area, strongest first."""

    SUBSTANTIAL_EVIDENCE = "substantial_evidence"
    SOME_EVIDENCE = "some_evidence"
    MENTIONED_ONLY = "mentioned_only"
    NO_INFORMATION = "no_information"

    @property
    def strength(self) -> int:
        """3 for substantial evidence down to 0 for no information."""
        return len(Rating) - 1 - list(Rating).index(self)


class FollowUpStatus(StrEnum):
    """What became of an adopted recommendation by a later meeting."""

    IMPLEMENTED = "implemented"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    NO_INFORMATION = "no_information"


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence behind a rating: which document, where, and how sure the mapping is."""

    document: str
    text: str
    start: int
    end: int
    confidence: float
    page: int | None = None
    mapping_id: int | None = None
    status: str = "proposed"


@dataclass(frozen=True)
class FigureEvidence:
    """A figure behind a rating: an indicator's value and the sentence it came from."""

    document: str
    indicator: str
    value: float
    text: str
    year: int | None = None
    fact_id: int | None = None


@dataclass
class AreaEvaluation:
    """A state's rating in one area, the rules' proposal, and what justifies it."""

    area: str
    rating: Rating
    proposed_rating: Rating
    evidence: list[EvidenceSentence] = field(default_factory=list)
    figures: list[FigureEvidence] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    confirmed_by: str | None = None
    note: str | None = None
    #: Not shown to this caller: an unconfirmed rating (a draft) of a state they may not review.
    withheld: bool = False

    @property
    def confirmed(self) -> bool:
        return self.confirmed_by is not None


@dataclass
class StateEvaluation:
    country: str
    areas: list[AreaEvaluation]
    indicators_reported: list[str] = field(default_factory=list)
    indicators_missing: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def area(self, area: str) -> AreaEvaluation | None:
        return next((item for item in self.areas if item.area == area), None)


@dataclass
class MeetingEvaluation:
    """Every state that reported to a meeting (a round), rated in every area of the plan."""

    meeting: str
    plan: str | None
    states: list[StateEvaluation]

    def state(self, country: str) -> StateEvaluation | None:
        return next((item for item in self.states if item.country == country), None)


@dataclass(frozen=True)
class Finding:
    """What a rule found: a stable ``code``, a message for people, and what it is about."""

    code: str
    message: str
    country: str | None = None
    area: str | None = None
    indicator: str | None = None
    year: int | None = None
    evidence: tuple[str, ...] = ()
