"""Read the digits of a number written with the conventions of its language ("22 000", "3,715",
"13.500", "1,2")."""

from __future__ import annotations

import re
from decimal import Decimal

# ---------------------------------------------------------------------------------------------
# Digits

_SPACE_SEPARATORS = " \u00a0\u202f\u2009"
_NUMBER_SHAPE = re.compile(r"\d+(?:[ \u00a0\u202f\u2009.,]\d+)*")
_SEPARATOR = re.compile(r"[ \u00a0\u202f\u2009.,]")


def parse_number(text: str, language: str) -> float | None:
    """The value of a number written in digits, read with the conventions of ``language``.

    Spaces (also no-break and narrow no-break spaces) group thousands. A lone "." or "," followed
    by exactly three digits groups thousands ("13.500", "3,715"), except the English "." which is a
    decimal point ("26.364" is 26364 in Spanish, 26.364 in English); otherwise it is a decimal mark
    ("1,2", "9.9"). With both marks, the last one is the decimal mark ("1.234,5", "1,234.5").
    """
    value = parse_decimal(text, language)
    return None if value is None else float(value)


def parse_decimal(text: str, language: str) -> Decimal | None:
    candidate = text.strip()
    if not _NUMBER_SHAPE.fullmatch(candidate):
        return None
    groups = _SEPARATOR.split(candidate)
    separators = _SEPARATOR.findall(candidate)
    if not separators:
        return Decimal(candidate)
    decimal_index = _decimal_mark_index(groups, separators, language)
    if decimal_index is not None and decimal_index != len(separators) - 1:
        return None
    whole_groups = groups if decimal_index is None else groups[:-1]
    grouping = separators if decimal_index is None else separators[:-1]
    if grouping and not _groups_thousands(whole_groups, grouping):
        return None
    whole = "".join(whole_groups)
    return Decimal(whole if decimal_index is None else f"{whole}.{groups[-1]}")


def _decimal_mark_index(groups: list[str], separators: list[str], language: str) -> int | None:
    """Which separator is the decimal mark, if any."""
    marks = [index for index, separator in enumerate(separators) if separator in ".,"]
    if not marks:
        return None
    last = marks[-1]
    if len({separators[index] for index in marks}) == 2:
        return last  # "1.234,5", "1,234.5": the last mark is the decimal one
    if len(marks) > 1:
        return None  # "1.234.567": a repeated mark groups thousands
    if last > 0:
        return last  # "22 000,5": spaces group the thousands, so the mark is decimal
    head, tail = groups[0], groups[1]
    looks_grouped = len(tail) == 3 and len(head) <= 3 and head != "0"
    english_point = language == "en" and separators[last] == "."
    return None if looks_grouped and not english_point else last


def _groups_thousands(groups: list[str], separators: list[str]) -> bool:
    marks = {separator for separator in separators if separator in ".,"}
    return (
        len(marks) <= 1
        and 1 <= len(groups[0]) <= 3
        and all(len(group) == 3 for group in groups[1:])
    )


def identifier_value(text: str) -> Decimal:
    """The first digit group of an identifier ("26.364" → 26364, "2011-123" → 2011)."""
    match = _IDENTIFIER_GROUP.search(text)
    digits = re.sub(r"\D", "", match.group(0)) if match else "0"
    return Decimal(digits)


_IDENTIFIER_GROUP = re.compile(r"\d+(?:[.,]\d{3}(?!\d))*")
