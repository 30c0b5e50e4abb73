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


@dataclass(frozen=True)
class Provenance:
    component: str
    version: str


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


@dataclass
class Fact:
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
    facts: list[Fact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    cooperation: list[CooperationLink] = field(default_factory=list)
    requests: list[HelpRequest] = field(default_factory=list)
    meeting: MeetingRecord = field(default_factory=MeetingRecord)
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
