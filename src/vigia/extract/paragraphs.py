"""A version's paragraphs and list items, each with the anchors a translation keeps.

A text whose paragraphs are set apart by blank lines is cut at them (its other line breaks only
wrap lines); a text without blank lines has one paragraph a line. A line that opens with a list
marker ("3.", "2.1)", "b)", "(iv)", "•") starts an item of its own in both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from vigia.domain import NumberKind, NumberMention
from vigia.extract.codes import find_codes
from vigia.extract.gazetteer import default_gazetteer, fold
from vigia.extract.numbers import find_numbers
from vigia.reference import lexicon
from vigia.versions import Anchor, AnchorKind, Paragraph

_MARKER = re.compile(
    r"[ \t]*(?:(?P<number>\d{1,3}(?:\.\d{1,3})*)\.?\)|(?P<dotted>\d{1,3}(?:\.\d{1,3})*)\.(?=[ \t])"
    r"|(?P<letter>[A-Za-z]|[ivxlcIVXLC]{1,6})[.)]|\((?P<bracketed>[A-Za-z0-9]{1,5})\)"
    r"|(?P<bullet>[-•*–·▪]))[ \t]+(?=\S)"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]+")
_HAS_TEXT = re.compile(r"[^\W_]")
#: Numbers that translate unchanged. Ordinals ("the third meeting", "la III Reunión") and list
#: markers are written differently from one language to another; codes are read whole.
_FIGURES = frozenset(
    {
        NumberKind.COUNT,
        NumberKind.MONEY,
        NumberKind.PERCENTAGE,
        NumberKind.RATIO,
        NumberKind.DURATION,
        NumberKind.AGE,
    }
)
#: How far from a day or a year a month's name may be ("15 de marzo de 2012", "March 15, 2012").
_MONTH_REACH = 8
#: Paragraphs with blank lines between them, at least, for blank lines to be what cuts a text.
_BLANK_LINES_NEEDED = 3


@cache
def _lexicon() -> dict[str, object]:
    return lexicon("versions")


def split_paragraphs(text: str, language: str) -> list[Paragraph]:
    """The paragraphs and list items of ``text``, in order, each with its anchors and stems."""
    paragraphs: list[Paragraph] = []
    for start, end in _spans(text):
        chunk = text[start:end]
        if not _HAS_TEXT.search(chunk):
            continue
        marker = _MARKER.match(chunk)
        paragraphs.append(
            Paragraph(
                index=len(paragraphs),
                start=start,
                end=end,
                text=" ".join(chunk.split()),
                marker=_marker(marker) if marker else None,
                anchors=tuple(_anchors(chunk, language, marker.end() if marker else 0)),
                stems=stems(chunk),
            )
        )
    return paragraphs


def _spans(text: str) -> Iterator[tuple[int, int]]:
    blank_lines = len(_BLANK_LINE.findall(text))
    blocks = _blocks(text) if blank_lines >= _BLANK_LINES_NEEDED else _lines(text)
    for start, end in blocks:
        cut = start
        for line_start, _ in _lines(text, start, end):
            if line_start > cut and _MARKER.match(text, line_start):
                yield cut, line_start
                cut = line_start
        yield cut, end


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for blank in _BLANK_LINE.finditer(text):
        yield start, blank.start()
        start = blank.end()
    yield start, len(text)


def _lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    end = len(text) if end is None else end
    while start < end:
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        yield start, stop
        start = stop + 1


def _marker(match: re.Match[str]) -> str:
    if match["bullet"]:
        return "-"
    value = match["number"] or match["dotted"] or match["letter"] or match["bracketed"]
    return value.lower()


def stems(text: str) -> frozenset[str]:
    """The stems of ``text``'s long words (accents folded): what two versions' paragraphs share
    when they say the same thing in languages of one family, and names they both keep."""
    length = int(str(_lexicon()["stem_length"]))
    shortest = int(str(_lexicon()["min_word"]))
    return frozenset(fold(word)[:length] for word in _WORD.findall(text) if len(word) >= shortest)


def _anchors(text: str, language: str, skip: int) -> Iterator[Anchor]:
    body = text[skip:]
    numbers = find_numbers(body, language)
    for number in numbers:
        if number.kind in _FIGURES:
            yield Anchor(AnchorKind.NUMBER, f"number:{_value(number.value)}", number.text)
        elif number.kind is NumberKind.YEAR:
            yield Anchor(AnchorKind.YEAR, f"year:{_value(number.value)}", number.text)
        elif number.kind is NumberKind.DATE:
            yield Anchor(AnchorKind.DATE, f"day:{_value(number.value)}", number.text)
        elif number.kind is NumberKind.LAW_NUMBER:
            yield Anchor(AnchorKind.CODE, f"law:{_value(number.value)}", number.text)
    yield from _months(body, language, numbers)
    for code in find_codes(body):
        yield Anchor(AnchorKind.CODE, "code:" + "".join(code.code.upper().split()), code.code)
    for place in default_gazetteer().find_places(body):
        if place.country:
            yield Anchor(AnchorKind.COUNTRY, place.country, place.text)
        elif place.actor:
            yield Anchor(AnchorKind.ORGANISATION, place.actor, place.text)


def _months(text: str, language: str, numbers: list[NumberMention]) -> Iterator[Anchor]:
    entry = _lexicon().get(language)
    if not isinstance(entry, dict):
        return
    months: dict[str, int] = entry["months"]
    dated = [n for n in numbers if n.kind in (NumberKind.DATE, NumberKind.YEAR)]
    for word in _WORD.finditer(text):
        month = months.get(fold(word.group()))
        if month is None:
            continue
        near = any(
            -_MONTH_REACH <= n.start - word.end() <= _MONTH_REACH
            or -_MONTH_REACH <= word.start() - n.end <= _MONTH_REACH
            for n in dated
        )
        if near:
            yield Anchor(AnchorKind.MONTH, f"month:{month}", word.group())


def _value(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
