"""Patterns that hold in every language: digits, codes, addresses, dates, phone numbers, times, and
the kinds that identify something rather than count it."""

from __future__ import annotations

import re

from vigia.domain import NumberKind

# ---------------------------------------------------------------------------------------------
# Language-independent patterns

DIGITS = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f\u2009.,]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
)
ORDINAL_SUFFIX = re.compile(r"\.?[º°ª]|(?:ère|ème|eme|er|re|e|è|nd|st|rd|th)(?![^\W\d_])")
ROMAN_ORDINAL = re.compile(r"(?<!\w)(?P<roman>[IVXLC]{1,7})(?:ème|er|re|e|ᵉʳ|ᵉ)(?!\w)")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ROMAN_TABLE: tuple[tuple[int, str], ...] = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"))
ROMAN_TABLE += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
DECADE_SUFFIX = re.compile(r"'?s(?![^\W\d_])")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
NEXT_WORD = re.compile(r"[ \u00a0\u202f]+([^\W\d_][\w'-]*)")
LIST_MARK_AFTER = re.compile(r"(?:[.)](?=\s|$|[A-ZÀ-ÖØ-Þ])|\s?[-–](?=\s|$))")
#: A year joined to the number that follows: "2006 and 2007", "2006 y 2007", "2006, 2007".
YEAR_JOINED_BEFORE = re.compile(
    r"(?<![\w.,])(?:19|20)\d\d\s*(?:,|&|and|or|y|e|o|et|ou)\s*$", re.IGNORECASE
)
INLINE_LIST_MARK = re.compile(r"\s?[-–)]\s+[A-ZÀ-ÖØ-Þ]")
CLAUSE_BREAKS = ";:,()\n"
YEAR_SHAPE = re.compile(r"(?:19|20)\d\d")

GENERIC_CODE = re.compile(
    r"(?<![\w/])[A-Z]{2,}[A-Za-z0-9-]*(?:\.\s?[A-Za-z0-9][A-Za-z0-9-]*)*"
    r"(?:\s?/\s?[A-Za-z0-9][A-Za-z0-9-]*(?:\.\s?[A-Za-z0-9][A-Za-z0-9-]*)*)+"
    r"(?:,?\s(?:rev|corr|add)\.\s?\d+)*(?:\s?\([A-Z][\w-]*/\w+\))?"
)
ADDRESS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+")
NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:19|20)\d\d-\d{1,2}-\d{1,2})"
    r"(?![\w/-]|\.\d)"
)
PHONE_SHAPES = (
    re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\w)"),
    re.compile(r"(?<![\w-])\d{1,4}(?:-\d{1,4})*-[A-Z]{3,}(?!\w)"),
    re.compile(r"(?<![\w.,-])\d{1,4}(?:-\d{2,4}){2,}(?![\w-])"),
    re.compile(r"(?<![\w.,-])\d{3,4}-\d{4}(?![\w-])"),
    re.compile(r"(?<![\w.,/-])\(\d{2,4}\)\s?\d{3,4}[- ]\d{4}(?![\w-])"),
    re.compile(r"(?<![\w*#])[*#]\d{3,6}(?!\d)"),
)
CLOCK_TIME = re.compile(
    r"(?<![\w:.,])(?:[01]?\d|2[0-3])(?::[0-5]\d){1,2}(?:\s?[ap]\.?m\.?)?(?![\w:])", re.IGNORECASE
)
FRACTION = re.compile(r"(?<![\w/.,-])\d{1,3}/\d{1,3}(?![\w/])")
YEAR_PAIR = re.compile(r"(?<![\w/.,-])(?:19|20)\d\d/(?:(?:19|20)\d\d|\d\d)(?![\w/])")
DIGIT_RUN = re.compile(r"\d+")
LAW_NUMBER = re.compile(r"\d+(?:[.\-/]\d+)*")

#: Kinds of a range that are given back as two mentions rather than one with ``value_min``.
SPLIT_KINDS = frozenset(
    {
        NumberKind.YEAR,
        NumberKind.DATE,
        NumberKind.RATIO,
        NumberKind.PHONE,
        NumberKind.DOCUMENT_CODE,
        NumberKind.LAW_NUMBER,
        NumberKind.ORDINAL,
        NumberKind.LIST_MARKER,
    }
)
#: Kinds that identify something: their qualifier is always EXACT.
IDENTIFIER_KINDS = SPLIT_KINDS - {NumberKind.YEAR, NumberKind.RATIO}
