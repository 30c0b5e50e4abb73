"""Regions whose digits are identifiers: document codes and addresses, law numbers, numeric dates,
phone numbers, times of day, fractions and year pairs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from vigia.domain import NumberKind
from vigia.extract.codes import find_codes
from vigia.extract.numbers.parse import identifier_value
from vigia.extract.numbers.patterns import (
    ADDRESS,
    CLOCK_TIME,
    DIGIT_RUN,
    FRACTION,
    GENERIC_CODE,
    LAW_NUMBER,
    NUMERIC_DATE,
    PHONE_SHAPES,
    YEAR_PAIR,
    YEAR_SHAPE,
)
from vigia.extract.numbers.sentence import Occupancy, Region, SentenceText

# ---------------------------------------------------------------------------------------------
# Regions


def _split_region(kind: NumberKind, start: int, end: int, text: str) -> Region:
    """A region each of whose digit runs is a number of its own."""
    pieces = tuple(match.span() for match in DIGIT_RUN.finditer(text, start, end))
    return Region(start, end, kind, pieces)


def _document_code_regions(sentence: SentenceText) -> Iterator[Region]:
    text = sentence.text
    spans = [(code.start, code.end) for code in find_codes(text)]
    spans += [match.span() for match in GENERIC_CODE.finditer(text) if "/" in match.group(0)]
    spans += [match.span() for match in ADDRESS.finditer(text)]
    for start, end in spans:
        yield _split_region(NumberKind.DOCUMENT_CODE, start, end, text)


def _law_number_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in sentence.lexicon.pattern("law_region").finditer(sentence.lowered):
        start, end = match.span("numbers")
        pieces = tuple(
            (start + piece.start(), start + piece.end())
            for piece in LAW_NUMBER.finditer(sentence.lowered[start:end])
        )
        yield Region(match.start(), end, NumberKind.LAW_NUMBER, pieces)


def _numeric_date_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in NUMERIC_DATE.finditer(sentence.text):
        numbers = [int(part) for part in re.split(r"[/.-]", match.group(0))]
        day, month = (numbers[2], numbers[1]) if numbers[0] > 31 else (numbers[0], numbers[1])
        plausible = (month <= 12 and day <= 31) or (day <= 12 and month <= 31)
        if min(day, month) >= 1 and plausible:
            yield Region(*match.span(), NumberKind.DATE, (match.span(),))


def _phone_regions(sentence: SentenceText) -> Iterator[Region]:
    for shape in PHONE_SHAPES:
        for match in shape.finditer(sentence.text):
            groups = DIGIT_RUN.findall(match.group(0))
            if len(groups) == 2 and all(YEAR_SHAPE.fullmatch(group) for group in groups):
                continue  # "2010-2012" is a span of years
            yield Region(*match.span(), NumberKind.PHONE, (match.span(),))
    for match in sentence.lexicon.pattern("phone_region").finditer(sentence.lowered):
        yield Region(*match.span("number"), NumberKind.PHONE, (match.span("number"),))


def _clock_time_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in CLOCK_TIME.finditer(sentence.text):
        yield Region(*match.span(), NumberKind.DATE, (match.span(),))


def _fraction_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in FRACTION.finditer(sentence.text):
        yield Region(*match.span(), NumberKind.RATIO, (match.span(),))


def _year_pair_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in YEAR_PAIR.finditer(sentence.text):
        yield _split_region(NumberKind.YEAR, *match.span(), sentence.text)


#: Regions in order of precedence: an earlier region wins over a later one that overlaps it.
REGION_DETECTORS: tuple[Callable[[SentenceText], Iterator[Region]], ...] = (
    _document_code_regions,  # "RTP-III/INF. 22/12", "AG/RES. 2551 (XL-O/10)", URLs
    _law_number_regions,  # "Ley N° 985", "Public Law 106-386", "artículos 145 y 146"
    _numeric_date_regions,  # "16/10/2012", "2012-10-16"
    _clock_time_regions,  # "10:30", "9:15 a.m.": times of day are dates
    _phone_regions,  # "1-888-373-7888", "*4848", "800-10-TRATA", "línea 145", "call 911"
    _fraction_regions,  # "1/3", "24/7"
    _year_pair_regions,  # "2011/12"
)


def find_regions(sentence: SentenceText, occupancy: Occupancy) -> list[Region]:
    regions = []
    for detector in REGION_DETECTORS:
        for region in detector(sentence):
            if region.pieces and occupancy.free(region.start, region.end):
                occupancy.take(region.start, region.end)
                regions.append(region)
    return regions


def region_mentions(sentence: SentenceText, region: Region) -> Iterator[tuple[int, int, Decimal]]:
    for start, end in region.pieces:
        piece = sentence.text[start:end]
        if region.kind is NumberKind.PHONE:
            yield start, end, Decimal("".join(DIGIT_RUN.findall(piece)) or "0")
        else:
            yield start, end, identifier_value(piece)
