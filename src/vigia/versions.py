"""Two language versions of one document, compared: their paragraphs, what anchors each paragraph
(figures, dates, document codes, countries, organisations, list numbering), how the paragraphs
align and where the versions differ.

    comparison = compare_versions(first_text, second_text)
    for difference in comparison.differences:
        difference.kind, difference.first, difference.second, difference.only_first

Shared by :mod:`vigia.extract.versions`, which compares, and the command line and web pages that
show a comparison, like :mod:`vigia.cases`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class AnchorKind(StrEnum):
    """What an anchor is; the kinds that are compared together share a :data:`GROUPS` entry."""

    NUMBER = "number"
    YEAR = "year"
    DATE = "date"
    MONTH = "month"
    CODE = "code"
    COUNTRY = "country"
    ORGANISATION = "organisation"


#: Anchors whose differences are reported together, and the difference's kind.
GROUPS = {
    AnchorKind.NUMBER: "figures",
    AnchorKind.YEAR: "dates",
    AnchorKind.DATE: "dates",
    AnchorKind.MONTH: "dates",
    AnchorKind.CODE: "codes",
    AnchorKind.COUNTRY: "names",
    AnchorKind.ORGANISATION: "names",
}


@dataclass(frozen=True)
class Anchor:
    """Something a faithful translation keeps: ``key`` is the same in every language ("COL",
    "number:25", "month:3"); ``text`` is how this version writes it."""

    kind: AnchorKind
    key: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph or list item of one version: its place in the text and what anchors it."""

    index: int
    start: int
    end: int
    text: str
    #: The list item's number or letter ("3", "2.1", "b"); "-" for a bullet; None for a paragraph.
    marker: str | None = None
    anchors: tuple[Anchor, ...] = ()
    #: Folded word stems that tend to survive translation between Romance languages and English
    #: ("coord", "protoc", "victim"): the aligner's measure of likeness besides the anchors.
    stems: frozenset[str] = frozenset()

    @cached_property
    def keys(self) -> Counter[str]:
        return Counter(anchor.key for anchor in self.anchors)


class DifferenceKind(StrEnum):
    ONLY_IN_FIRST = "only_in_first"
    ONLY_IN_SECOND = "only_in_second"
    FIGURES = "figures"
    DATES = "dates"
    CODES = "codes"
    NAMES = "names"
    NUMBERING = "numbering"
    MOVED = "moved"
    SHORTER_IN_FIRST = "shorter_in_first"
    SHORTER_IN_SECOND = "shorter_in_second"


@dataclass(frozen=True)
class Difference:
    """One place where the versions disagree, with both passages (one is None where a paragraph is
    in one version only) and the anchors each has that the other lacks."""

    kind: DifferenceKind
    first: tuple[Paragraph, ...]
    second: tuple[Paragraph, ...]
    only_first: tuple[str, ...] = ()
    only_second: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """Paragraphs of the first version and of the second that say the same thing (either may be
    empty: a paragraph with no counterpart)."""

    first: tuple[int, ...]
    second: tuple[int, ...]


@dataclass(frozen=True)
class VersionComparison:
    first_language: str
    second_language: str
    first: tuple[Paragraph, ...]
    second: tuple[Paragraph, ...]
    links: tuple[Link, ...]
    differences: tuple[Difference, ...] = field(default=())
