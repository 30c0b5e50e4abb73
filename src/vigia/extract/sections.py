"""Cut a report into sections: one per country presentation, one per organisation's
contribution, and general sections for the rest (opening, debates, conclusions).

A country section opens with a list item or a heading that names a country ("4. Nicaragua;",
"ARGENTINA", "Trinidad and Tobago:") and runs, over paragraphs and line breaks, until the next
section or part heading (a heading alone on its line, "HONDURAS: Tier 2", runs over its own
subheadings, "PROSECUTION", until a part the lexicon names, "Conclusions"); when it carries its
national report's code ("(RTP-III/INF. 22/12)"), it ends with that code. An organisation's
contribution is a paragraph that names the organisation presenting. A document without such
structure (a press article, a ministry page) becomes one section for the country it is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from vigia.domain import LANGUAGES, Document, PlaceMention, Section
from vigia.extract.codes import is_meeting_document, is_national_report
from vigia.extract.gazetteer import country_code
from vigia.extract.language import detect_language
from vigia.extract.pipeline import component
from vigia.reference import countries, lexicon

_ITEM = re.compile(
    r"^[ \t]*(?:(?P<number>\d{1,2})\s*[.)\-–]\s*)?"
    r"(?P<name>[^\W\d][^\n;:,.()]{1,70}?)[ \t]*(?P<end>[;:,.]|\s[\-–]\s|\(|$)",
    re.MULTILINE,
)
_BULLET_LINE = re.compile(r"^[ \t]*(?:[•·▪◦●*\-–.]|[a-zA-Z][.)])?[ \t]*$")
_DATELINE_REACH = 400
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\n|[•·▪◦●]|\d{1,2}\s*[.)]\s)")


@dataclass
class _Opening:
    start: int
    kind: str
    country: str | None = None
    actor: str | None = None
    heading: str = ""
    #: A heading on a line of its own ("HONDURAS: Tier 2"), not an item of a list of states.
    alone: bool = False


@cache
def _heading_words() -> frozenset[str]:
    words = lexicon("sections")
    return frozenset(word for language in LANGUAGES for word in words[language]["headings"])


@cache
def _presentation_pattern() -> re.Pattern[str]:
    words = lexicon("sections")
    verbs = sorted(
        {verb for language in LANGUAGES for verb in words[language]["presentation"]},
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(?:" + "|".join(re.escape(verb) for verb in verbs) + r")\b", re.I)


def is_part_heading(line: str) -> bool:
    """A short line that opens a part of the report ("DEUXIÈME PARTIE", "Conclusions")."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or stripped.endswith((".", ";", ",")):
        return False
    letters = [character for character in stripped if character.isalpha()]
    if len(letters) >= 4 and all(character.isupper() for character in letters):
        return True
    first_word = stripped.split()[0].lower().strip(":")
    return first_word in _heading_words() and stripped[0].isupper()


def _line_at(text: str, offset: int) -> str:
    end = text.find("\n", offset)
    return text[offset : end if end >= 0 else len(text)]


def _country_openings(text: str) -> Iterator[_Opening]:
    for match in _ITEM.finditer(text):
        line = _line_at(text, match.start())
        is_heading_alone = match.group("end") in ("", ":") and len(line.strip()) <= 80
        if not (match.group("number") or is_heading_alone):
            continue
        country = country_code(match.group("name"))
        if country:
            heading = text[match.start() : match.end("name")].strip()
            yield _Opening(
                match.start() + len(line) - len(line.lstrip()),
                "country",
                country,
                heading=heading,
                alone=not match.group("number"),
            )


def _paragraph_starts(text: str) -> Iterator[int]:
    yield 0
    for match in re.finditer(r"\n", text):
        previous_line = _line_at(text, text.rfind("\n", 0, match.start()) + 1)
        if not previous_line.strip() or _BULLET_LINE.match(previous_line):
            yield match.end()


def _actor_openings(document: Document) -> Iterator[_Opening]:
    text = document.text
    presentation = _presentation_pattern()
    for start in _paragraph_starts(text):
        first = document.sentence_at(start) or document.sentence_at(_skip_space(text, start))
        if first is None or first.start < start:
            continue
        actors = [place for place in _places_in(document, first.start, first.end) if place.actor]
        if actors and presentation.search(first.text):
            yield _Opening(first.start, "actor", actor=actors[0].actor, heading=actors[0].text)


def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def _places_in(document: Document, start: int, end: int) -> list[PlaceMention]:
    return [place for place in document.places if start <= place.start < end]


def _heading_offsets(text: str, named_parts_only: bool = False) -> list[int]:
    """Where part headings start; with ``named_parts_only``, only those a word of the lexicon
    opens ("TERCERA PARTE", "Conclusions"), not a country's own subheadings ("PROSECUTION")."""
    offsets = []
    position = 0
    for line in text.split("\n"):
        if is_part_heading(line) and (not named_parts_only or _names_a_part(line)):
            offsets.append(position)
        position += len(line) + 1
    return offsets


def _names_a_part(line: str) -> bool:
    words = line.lower().replace(":", " ").split()
    return bool(words) and (words[0] in _heading_words() or words[-1] in _heading_words())


def _section_end(document: Document, opening: _Opening, limit: int) -> int:
    """Where a section ends: at ``limit``, or at its national report code when it has one.

    An organisation's contribution also ends with its paragraph.
    """
    if opening.kind == "actor":
        paragraph_break = _PARAGRAPH_BREAK.search(document.text, opening.start, limit)
        limit = paragraph_break.start() if paragraph_break else limit
    for code in document.codes:
        if opening.start <= code.start < limit and is_national_report(code.code):
            closing = document.text.find(")", code.end, limit)
            return closing + 1 if 0 <= closing - code.end <= 2 else code.end
    return limit


def _section_code(document: Document, start: int, end: int, kind: str) -> str | None:
    codes = [code.code for code in document.codes if start <= code.start < end]
    national = [code for code in codes if is_national_report(code)]
    if national:
        return national[0]
    meeting_documents = [code for code in codes if is_meeting_document(code)]
    return meeting_documents[0] if meeting_documents and kind == "actor" else None


def _structured_sections(document: Document) -> list[Section]:
    openings = sorted(
        [*_country_openings(document.text), *_actor_openings(document)],
        key=lambda opening: opening.start,
    )
    starts = {opening.start for opening in openings} | {len(document.text)}
    boundaries = sorted(starts | set(_heading_offsets(document.text)))
    # a country's heading on its own line runs over its subheadings, to the next named part
    named = sorted(starts | set(_heading_offsets(document.text, named_parts_only=True)))
    sections = []
    for opening in openings:
        ends = named if opening.alone else boundaries
        limit = next(boundary for boundary in ends if boundary > opening.start)
        end = _section_end(document, opening, limit)
        sections.append(
            Section(
                opening.start,
                end,
                opening.kind,
                opening.country,
                opening.actor,
                _section_code(document, opening.start, end, opening.kind),
                heading=opening.heading,
            )
        )
    return sections


@cache
def _dateline() -> re.Pattern[str]:
    """A city opening a line near the start of a text: "Lima, 23 de septiembre", "Tapachula,
    Chis.-"."""
    cities = sorted(_city_countries(), key=len, reverse=True)
    return re.compile(
        r"^[ \t]*(?P<city>" + "|".join(map(re.escape, cities)) + r")\s*[,(—–-]", re.M | re.I
    )


@cache
def _city_countries() -> dict[str, str]:
    """Capitals and other large cities of OAS member states, lower case, with their country."""
    return {
        city.lower(): country.iso3
        for country in countries().values()
        for city in (*country.capitals, *country.cities)
    }


@cache
def _origin_words() -> re.Pattern[str]:
    words = [word for language in LANGUAGES for word in lexicon("sections")[language]["origin"]]
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\s*$", re.I)


@cache
def _authority_words() -> re.Pattern[str]:
    words = [
        word for language in LANGUAGES for word in lexicon("sections")[language]["authorities"]
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.I)


def main_country(document: Document) -> str | None:
    """The country a single-country text is about: the one that outweighs all others together,
    a dateline and the country's own authorities ("el Ministerio del Interior del Perú") weighing
    more than a mere mention, and where people come from ("originarios de Guatemala") nothing."""
    weights: Counter[str] = Counter()
    for place in document.places:
        if place.country:
            before = document.text[max(0, place.start - 60) : place.start]
            if _origin_words().search(before):
                continue
            weights[place.country] += 3 if _authority_words().search(before) else 1
    dateline = _dateline().search(document.text, 0, _DATELINE_REACH)
    if dateline:
        city = dateline.group("city").lower()
        weights[_city_countries()[city]] += 3
    if not weights:
        return None
    country, weight = weights.most_common(1)[0]
    return country if weight > sum(weights.values()) - weight else None


def _fill_gaps(text: str, sections: list[Section]) -> list[Section]:
    """Add general sections for the text between structured ones."""
    filled: list[Section] = []
    position = 0
    for section in [*sections, Section(len(text), len(text), "end")]:
        if text[position : section.start].strip():
            filled.append(Section(position, section.start, "general"))
        if section.kind != "end":
            filled.append(section)
        position = max(position, section.end)
    return filled


def segment(document: Document) -> list[Section]:
    sections = _structured_sections(document)
    if not sections:
        country = main_country(document)
        if country:
            sections = [Section(0, len(document.text), "country", country)]
    sections = _fill_gaps(document.text, sections)
    order = 0
    for section in sections:
        if section.kind == "country":
            order += 1
            section.order = order
        section.language = detect_language(document.text[section.start : section.end])
        section.language = section.language or document.language
    return sections


@component(
    "sections",
    version="2",
    needs=["text", "sentences", "places", "codes", "language"],
    adds=["sections"],
)
def add_sections(document: Document) -> Document:
    document.sections = segment(document)
    return document
