"""Checks of the values a reviewer gives: figures, qualifiers, years, indicators and notes.

Each returns the value to store, or raises :class:`~vigia.errors.InvalidValue` with a message
fit to show the reviewer.
"""

from __future__ import annotations

import math

from vigia.domain import Qualifier
from vigia.errors import InvalidValue
from vigia.reference import indicators

MAX_NOTE_LENGTH = 4000
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def amount(value: object, label: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidValue(f"{label} {value!r} is not a number")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number) or number < 0:
        raise InvalidValue(f"{label} {value!r} is not a finite number of zero or more")
    return number


def known_qualifier(qualifier: object) -> str:
    if isinstance(qualifier, str) and qualifier in set(Qualifier):
        return Qualifier(qualifier).value
    known = ", ".join(member.value for member in Qualifier)
    raise InvalidValue(f"unknown qualifier {qualifier!r}: one of {known}")


def plausible_year(year: object) -> int | None:
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidValue(f"year {year!r} is not a whole number")
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise InvalidValue(f"year {year} is not between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return year


def known_indicator(indicator: object) -> str:
    if not isinstance(indicator, str) or indicator not in indicators():
        raise InvalidValue(f"unknown indicator {indicator!r} (see vigia/data/indicators.json)")
    return indicator


def checked_note(note: object, required: bool = False) -> str | None:
    if note is not None and not isinstance(note, str):
        raise InvalidValue(f"a note is text, not {type(note).__name__}")
    text = (note or "").strip()
    if required and not text:
        raise InvalidValue("a rejection needs a note saying why")
    if len(text) > MAX_NOTE_LENGTH:
        raise InvalidValue(f"a note has at most {MAX_NOTE_LENGTH} characters, not {len(text)}")
    return text or None
