"""Import a Work Plan from the text of an uploaded document.

The secretariat uploads a plan as text, docx or pdf; the caller passes its text. The reader walks
the lines: headings (roman numerals, numbered lines in capitals, lines in capitals, lettered
subsections, lines such as "OBJECTIVES" or "The OBJECTIVES are:") open a section, and numbered,
lettered or bulleted items under them become objectives and activities. An item with sub-items
is an objective and its sub-items are its activities; a single item is an objective in an
objectives section and an activity elsewhere. Sections about principles or background are
skipped. Each objective and activity goes to one of the eight areas by keywords
(``data/lexicons/plan_import.json``); when none fits, to the section's area, else to
``coordination``. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from vigia.domain import LANGUAGES
from vigia.plans import AREAS, area_codes, area_labels
from vigia.plans.model import (
    GENERAL_SECRETARIAT,
    MEMBER_STATES,
    PlanActivity,
    PlanArea,
    PlanObjective,
    WorkPlan,
)
from vigia.reference import lexicon
from vigia.text import fold

#: ``WorkPlan.source`` of a plan read from a document.
IMPORTED = "imported"
#: Longest title kept for an objective or activity.
TITLE_LENGTH = 120
#: Where an item goes when no keyword tells its area.
FALLBACK_AREA = "coordination"

SECTION, SUBSECTION, LEAD_IN = 1, 2, 3
OBJECTIVES, ACTIVITIES, SKIPPED = "objectives", "activities", "skipped"


class WorkPlanParseError(ValueError):
    """The text holds nothing that reads as a plan's objectives or activities."""


# --- Cues ---------------------------------------------------------------------------------------

Patterns = tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class ImportCues:
    """The keyword patterns of one language, over folded text (see :func:`fold`)."""

    areas: tuple[tuple[str, Patterns], ...]
    headings: tuple[tuple[str, Patterns], ...]
    secretariat: Patterns
    plan: Patterns


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A whole-word pattern for a keyword; a trailing ``*`` allows any ending."""
    stem = fold(keyword)
    open_ending = stem.endswith("*")
    body = r"\s+".join(re.escape(word) for word in stem.rstrip("*").split())
    return re.compile(r"(?<!\w)" + body + ("" if open_ending else r"(?!\w)"))


def _patterns(keywords: Iterable[str]) -> Patterns:
    return tuple(keyword_pattern(keyword) for keyword in keywords)


@cache
def import_cues(language: str) -> ImportCues:
    """The cues of ``language`` from ``lexicons/plan_import.json``."""
    entry = lexicon("plan_import")[language]
    return ImportCues(
        areas=tuple((area, _patterns(entry["areas"][area])) for area in AREAS),
        headings=tuple((kind, _patterns(words)) for kind, words in entry["headings"].items()),
        secretariat=_patterns(entry["general_secretariat"]),
        plan=_patterns(entry["plan"]),
    )


def _first_position(patterns: Patterns, folded: str) -> int | None:
    positions = [match.start() for pattern in patterns if (match := pattern.search(folded))]
    return min(positions, default=None)


def classify_area(text: str, cues: ImportCues) -> str | None:
    """The area with most distinct keywords in ``text`` (ties: the earliest), or None."""
    folded = fold(text)
    best: tuple[tuple[int, int], str] | None = None
    for area, patterns in cues.areas:
        positions = [match.start() for pattern in patterns if (match := pattern.search(folded))]
        if positions:
            key = (len(positions), -min(positions))
            if best is None or key > best[0]:
                best = (key, area)
    return best[1] if best else None


def heading_kind(text: str, cues: ImportCues) -> str | None:
    """``objectives``, ``activities`` or ``skipped`` by the earliest heading word, else None."""
    folded = fold(text)
    found = [
        (position, kind)
        for kind, patterns in cues.headings
        if (position := _first_position(patterns, folded)) is not None
    ]
    return min(found)[1] if found else None


def names_secretariat(text: str, cues: ImportCues) -> bool:
    """Whether ``text`` names the General Secretariat."""
    return _first_position(cues.secretariat, fold(text)) is not None


# --- Lines --------------------------------------------------------------------------------------

ROMAN_HEADING = re.compile(r"^(?P<marker>[IVX]{1,6})[.)]\s+(?P<text>\S.*)$")
LETTER_HEADING = re.compile(r"^(?P<marker>[A-H])\.\s+(?P<text>\S.*)$")
ITEM_MARKERS = (
    ("decimal", re.compile(r"^(?P<marker>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<text>\S.*)$")),
    ("number", re.compile(r"^\(?(?P<marker>\d{1,2})[.)]\s+(?P<text>\S.*)$")),
    ("letter", re.compile(r"^\(?(?P<marker>[a-z])[.)]\s+(?P<text>\S.*)$")),
    ("upper_letter", re.compile(r"^\(?(?P<marker>[A-Z])\)\s+(?P<text>\S.*)$")),
    ("bullet", re.compile(r"^(?P<marker>[•◦▪‣·*\-–—\uf0b7\uf0a7])\s*(?P<text>\S.*)$")),
)
CAPITAL_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ÿ)]{2}[.!?])|(?<=;))\s+")
TRAILING_JOINS = re.compile(r"(?:[\s;,:.]+(?:and|or|y|o|e|et|ou))?[\s;,:.]+$", re.IGNORECASE)
HEADING_LENGTH = 150


def in_capitals(text: str) -> bool:
    """Whether the letters of ``text`` (at least three) are nearly all capitals."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


def readable_heading(text: str) -> str:
    """A heading without its closing colon, in sentence case when written in capitals."""
    text = text.strip().rstrip(":").strip()
    return text.capitalize() if in_capitals(text) else text


def item_marker(line: str) -> tuple[str, str] | None:
    """``(style, text)`` when the line opens a list item; decimal styles carry their depth."""
    for style, pattern in ITEM_MARKERS:
        match = pattern.match(line)
        if match:
            marker = match["marker"]
            depth = f"{style}{marker.count('.') + 1}" if style == "decimal" else style
            return depth, match["text"].strip()
    return None


def _reads_as_heading(text: str) -> bool:
    return len(text) <= HEADING_LENGTH and not text.rstrip().endswith((";", ","))


def heading_level(line: str, cues: ImportCues) -> tuple[int, str] | None:
    """``(level, text)`` when the line is a heading: a section, a subsection or a lead-in."""
    roman = ROMAN_HEADING.match(line)
    if roman and _reads_as_heading(roman["text"]):
        return SECTION, roman["text"]
    letter = LETTER_HEADING.match(line)
    if letter and _reads_as_heading(letter["text"]) and not letter["text"].endswith("."):
        return SUBSECTION, letter["text"]
    marked = item_marker(line)
    if marked:
        style, text = marked
        if in_capitals(text) and _reads_as_heading(text) and style in ("number", "decimal2"):
            return (SECTION if style == "number" else SUBSECTION), text
        return None
    return _plain_heading_level(line, cues)


def _plain_heading_level(line: str, cues: ImportCues) -> tuple[int, str] | None:
    if in_capitals(line) and _reads_as_heading(line):
        return SECTION, line
    capital_words = " ".join(word for word in CAPITAL_WORD.findall(line) if word.isupper())
    if capital_words and heading_kind(capital_words, cues):
        return SECTION, line
    if line.endswith(":") and len(line) <= 2 * HEADING_LENGTH:
        return LEAD_IN, line
    return None


# --- Reading the document -----------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading or lead-in line and what it says about the items under it."""

    level: int
    text: str
    line: int
    kind: str | None = None
    area: str | None = None
    secretariat: bool = False

    @property
    def title(self) -> str:
        return readable_heading(self.text)


@dataclass
class ListItem:
    """A numbered, lettered or bulleted item with the headings it sits under."""

    text: str
    context: tuple[Heading, ...]
    children: list[ListItem] = field(default_factory=list)

    def kind(self) -> str | None:
        """The kind of the deepest heading that has one."""
        return next((item.kind for item in reversed(self.context) if item.kind), None)

    def area_hint(self) -> str | None:
        return next((item.area for item in reversed(self.context) if item.area), None)

    def under_secretariat(self) -> bool:
        return any(item.secretariat for item in self.context)

    def relevance(self) -> int:
        """2: in a plan section; 1: under no telling heading; 0: in a skipped section."""
        kind = self.kind()
        if kind == SKIPPED:
            return 0
        if kind or self.area_hint() or self.under_secretariat():
            return 2
        return 1

    def section(self) -> Heading | None:
        """The deepest section or subsection heading above the item."""
        return next((item for item in reversed(self.context) if item.level < LEAD_IN), None)


class PlanReader:
    """Walks the lines of a document and gathers its top-level items."""

    def __init__(self, cues: ImportCues) -> None:
        self.cues = cues
        self.headings: dict[int, Heading] = {}
        self.styles: list[str] = []
        self.items: list[ListItem] = []
        self.current: ListItem | None = None
        self.lead_in_level: int | None = None
        self.title_lines: list[str] = []

    def read(self, text: str) -> list[ListItem]:
        for number, raw in enumerate(text.splitlines()):
            line = raw.strip()
            if line.startswith("#"):
                continue
            if not line:
                self.current = None
                continue
            self.read_line(line, number)
        return self.items

    def read_line(self, line: str, number: int) -> None:
        heading = heading_level(line, self.cues)
        if heading:
            self.open_heading(*heading, number)
            return
        marked = item_marker(line)
        if marked:
            self.add_item(*marked)
        elif self.current is not None:
            self.current.text = f"{self.current.text} {line}"
        elif not self.items:
            self.title_lines.append(line)

    def open_heading(self, level: int, text: str, number: int) -> None:
        """Start a section; a heading that names the plan itself (its title) tells no area."""
        if not self.items:
            self.title_lines.append(text)
        kind = heading_kind(text, self.cues)
        names_plan = _first_position(self.cues.plan, fold(text)) is not None
        self.headings = {key: value for key, value in self.headings.items() if key < level}
        self.headings[level] = Heading(
            level=level,
            text=text,
            line=number,
            kind=kind,
            area=None if names_plan and kind is None else classify_area(text, self.cues),
            secretariat=names_secretariat(text, self.cues),
        )
        if level < LEAD_IN:
            self.styles = []
        self.lead_in_level = None
        self.current = None

    def add_item(self, style: str, text: str) -> None:
        if style not in self.styles:
            self.styles.append(style)
        level = self.styles.index(style)
        self.close_lead_in(level)
        context = tuple(self.headings[key] for key in sorted(self.headings))
        item = ListItem(text=text, context=context)
        parent = self.items[-1] if self.items else None
        if level > 0 and parent is not None:
            parent.children.append(item)
        else:
            self.items.append(item)
        self.current = item

    def close_lead_in(self, level: int) -> None:
        """A lead-in line governs the items after it until a shallower item comes."""
        if LEAD_IN not in self.headings:
            return
        if self.lead_in_level is None:
            self.lead_in_level = level
        elif level < self.lead_in_level:
            del self.headings[LEAD_IN]
            self.lead_in_level = None

    def plan_title(self) -> str | None:
        """The first line before the items that names a plan."""
        return next(
            (
                line
                for line in self.title_lines
                if _first_position(self.cues.plan, fold(line)) is not None
            ),
            None,
        )


def relevant_items(items: Sequence[ListItem]) -> list[ListItem]:
    """Items in plan sections; items under no telling heading only when there are none."""
    best = max((item.relevance() for item in items), default=0)
    return [item for item in items if best > 0 and item.relevance() == best]


# --- Building the plan --------------------------------------------------------------------------


def short_title(text: str) -> str:
    """The first sentence of ``text``, without closing punctuation, cut to ``TITLE_LENGTH``."""
    sentence = SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    sentence = TRAILING_JOINS.sub("", sentence).strip()
    if len(sentence) > TITLE_LENGTH:
        sentence = sentence[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return sentence[:1].upper() + sentence[1:]


@dataclass
class DraftObjective:
    area: str
    title: str
    activities: list[tuple[str, str]] = field(default_factory=list)


class PlanBuilder:
    """Turns relevant top-level items into objectives and activities, by area."""

    def __init__(self, cues: ImportCues, language: str) -> None:
        self.cues = cues
        self.language = language
        self.objectives: list[DraftObjective] = []
        self.groups: dict[tuple[int, str], DraftObjective] = {}

    def add(self, item: ListItem) -> None:
        if item.children:
            self.add_objective(item)
        elif item.kind() == OBJECTIVES:
            area = self.item_area(item.text, item)
            self.objectives.append(DraftObjective(area, short_title(item.text)))
        else:
            self.add_grouped_activity(item)

    def item_area(self, text: str, item: ListItem) -> str:
        return classify_area(text, self.cues) or item.area_hint() or FALLBACK_AREA

    def responsible(self, text: str, item: ListItem) -> str:
        named = names_secretariat(text, self.cues) or names_secretariat(item.text, self.cues)
        return GENERAL_SECRETARIAT if named or item.under_secretariat() else MEMBER_STATES

    def add_objective(self, item: ListItem) -> None:
        whole = " ".join([item.text, *(child.text for child in item.children)])
        area = classify_area(item.text, self.cues) or self.item_area(whole, item)
        activities = [
            (short_title(child.text), self.responsible(child.text, item)) for child in item.children
        ]
        self.objectives.append(DraftObjective(area, short_title(item.text), activities))

    def add_grouped_activity(self, item: ListItem) -> None:
        area = self.item_area(item.text, item)
        section = item.section()
        key = (section.line if section else -1, area)
        if key not in self.groups:
            self.groups[key] = DraftObjective(area, self.group_title(section, area))
            self.objectives.append(self.groups[key])
        activity = (short_title(item.text), self.responsible(item.text, item))
        self.groups[key].activities.append(activity)

    def group_title(self, section: Heading | None, area: str) -> str:
        label = area_labels()[area][self.language]
        if section is None:
            return label
        return section.title if section.area == area else f"{section.title} – {label}"

    def areas(self, code: str) -> tuple[PlanArea, ...]:
        return tuple(
            self.plan_area(code, area)
            for area in AREAS
            if any(objective.area == area for objective in self.objectives)
        )

    def plan_area(self, code: str, area: str) -> PlanArea:
        drafts = [objective for objective in self.objectives if objective.area == area]
        prefix = f"{code}.{area_codes()[area]}"
        objectives = tuple(
            self.plan_objective(f"{prefix}.{number}", draft)
            for number, draft in enumerate(drafts, start=1)
        )
        return PlanArea(area, {self.language: area_labels()[area][self.language]}, objectives)

    def plan_objective(self, code: str, draft: DraftObjective) -> PlanObjective:
        activities = tuple(
            PlanActivity(f"{code}.{number}", {self.language: title}, responsible)
            for number, (title, responsible) in enumerate(draft.activities, start=1)
        )
        return PlanObjective(code, {self.language: draft.title}, activities)


def _check_arguments(code: str, starts: int, ends: int, language: str) -> None:
    if language not in LANGUAGES:
        raise WorkPlanParseError(f"unsupported language {language!r}: use one of {LANGUAGES}")
    if not code.strip():
        raise WorkPlanParseError("the plan needs a code, such as 'WP-2030'")
    if starts > ends:
        raise WorkPlanParseError(f"the plan cannot start ({starts}) after it ends ({ends})")


def parse_work_plan(text: str, code: str, starts: int, ends: int, language: str) -> WorkPlan:
    """Read a Work Plan from a document's text written in ``language``.

    Raises :class:`WorkPlanParseError` when no objective or activity is found.
    """
    _check_arguments(code, starts, ends, language)
    cues = import_cues(language)
    reader = PlanReader(cues)
    items = relevant_items(reader.read(text))
    if not items:
        raise WorkPlanParseError(
            "no objectives or activities found: the plan should list numbered, lettered or "
            "bulleted items under headings such as 'I. PREVENTION', 'OBJECTIVES' or 'ACTIVITIES'"
        )
    builder = PlanBuilder(cues, language)
    for item in items:
        builder.add(item)
    title = short_title(reader.plan_title() or f"{code} {starts}–{ends}")
    return WorkPlan(
        code=code,
        titles={language: readable_heading(title)},
        starts=starts,
        ends=ends,
        areas=builder.areas(code),
        source=IMPORTED,
    )
