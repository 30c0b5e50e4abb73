"""Find every number in a sentence and say what kind of number it is.

Numbers come as digits written with the conventions of Spanish, English, French or Portuguese
("22 000", "3,715", "13.500", "1,2 millones", "US$16 mil millones"), as words ("six mille",
"cuarenta y tres", "dois mil", read with text2num) or as approximate collectives ("une vingtaine",
"una docena"). Each becomes a :class:`~vigia.domain.NumberMention`. Only counts and money can become
indicator values, so everything else (years, dates, durations, percentages, ratios, phone numbers,
codes, law numbers, parts of a plan, ordinals, list markers, ages) is recognised and labelled.

How a sentence is read:

1. *Regions* whose digits are identifiers are found first and their numbers take the region's kind
   (see ``_REGION_DETECTORS``): document codes and addresses ("RTP-III/INF. 22/12"; "COVID-19" is
   handled later as glued), law numbers ("Ley 26.364", "article 3"), numeric dates ("16/10/2012")
   and times of day ("10:30"), phone numbers (by shape, "1-888-373-7888", "*4848", or after a cue,
   "línea 145", "Disque 100"), fractions ("1/3") and year pairs ("2011/12").
2. The other numbers are found as digits, Roman ordinals ("XXe"), collectives and runs of number
   words; digits and words take a currency before or after them and a scale after them.
3. Neighbouring numbers are paired: ratios ("4 de cada 100", both RATIO) and ranges ("entre 10 y
   12", "10-12": one mention, ``value`` the upper bound, ``value_min`` the lower one). A range whose
   kind is an identifier or a date ("2010-2012", "15-16 October") is given back as two mentions.
4. A lone "un/une/uno/una/um/uma/one" is an article and is dropped unless a cue makes it a numeral
   ("solo uno", "un seul", "only one", "um em cada").
5. Each number's kind is the first of ``_KIND_DETECTORS`` that holds, else COUNT. The order is the
   order of precedence: document code (glued to letters, after "N°"), list marker, percentage,
   ratio, money, date, ordinal, year, age, duration, structural count.

Rules worth knowing:

- A four-digit number from 1900 to 2099 written without separators is a YEAR unless a quantity
  qualifier comes before it ("más de 2000 víctimas", "about 1950") or, with no year cue before it
  ("en", "since", "depuis"…), a counted noun follows it ("2000 personas", "1998 officers"). Written
  with a separator ("2 000 personnes", "2.000") it is never a year.
- Qualifiers: the phrase just before (or after) the number ("plus de", "at least", "cerca de", "or
  more"). "nearly", "almost", "casi", "quase", "presque" count as APPROXIMATELY. A future or an
  intention in the number's clause ("possèdera", "will have", "contará con", "terá") makes a count
  or money PLANNED, whatever other qualifier it has: a planned figure is not an achieved one.
  Identifiers (codes, law and phone numbers, dates, ordinals, list markers) are always EXACT.
- Numbers glued to letters ("G20", "COVID-19", "H1N1") are DOCUMENT_CODE, as are the digits inside
  a document code. A number after a numbering sign ("N° 12") is DOCUMENT_CODE unless a law word
  comes first ("Ley N° 985" is a LAW_NUMBER).
- Scales: English "billion", French "milliard", "mil millones", "mil milhões" and Brazilian "bilhão"
  are 10^9; Spanish "billón", French "billion" and European Portuguese "bilião" are 10^12.
  An abbreviation ("M", "bn", "mi") is a scale only next to a currency ("US$49.3 M").
- Money: "$" alone is USD; "pesos" without the country is MONEY with no unit.
- The value of an identifier spanning several digit groups (a phone number, "16/10/2012") is its
  first group, except for phone numbers, whose value is all their digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any

from text_to_num import text2num

from vigia.domain import LANGUAGES, Document, NumberKind, NumberMention, Qualifier
from vigia.extract.codes import find_codes
from vigia.extract.pipeline import component
from vigia.reference import lexicon

__all__ = ["add_numbers", "find_numbers", "parse_number"]

FALLBACK_LANGUAGE = "en"

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
    value = _parse_decimal(text, language)
    return None if value is None else float(value)


def _parse_decimal(text: str, language: str) -> Decimal | None:
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


def _identifier_value(text: str) -> Decimal:
    """The first digit group of an identifier ("26.364" → 26364, "2011-123" → 2011)."""
    match = _IDENTIFIER_GROUP.search(text)
    digits = re.sub(r"\D", "", match.group(0)) if match else "0"
    return Decimal(digits)


_IDENTIFIER_GROUP = re.compile(r"\d+(?:[.,]\d{3}(?!\d))*")

# ---------------------------------------------------------------------------------------------
# Language-independent patterns

_DIGITS = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f\u2009.,]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
)
_ORDINAL_SUFFIX = re.compile(r"\.?[º°ª]|(?:ère|ème|eme|er|re|e|è|nd|st|rd|th)(?![^\W\d_])")
_ROMAN_ORDINAL = re.compile(r"(?<!\w)(?P<roman>[IVXLC]{1,7})(?:ème|er|re|e|ᵉʳ|ᵉ)(?!\w)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_TABLE: tuple[tuple[int, str], ...] = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"))
_ROMAN_TABLE += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_DECADE_SUFFIX = re.compile(r"'?s(?![^\W\d_])")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NEXT_WORD = re.compile(r"[ \u00a0\u202f]+([^\W\d_][\w'-]*)")
_LIST_MARK_AFTER = re.compile(r"(?:[.)]|\s?[-–])(?=\s|$)")
_INLINE_LIST_MARK = re.compile(r"\s?[-–)]\s+[A-ZÀ-ÖØ-Þ]")
_CLAUSE_BREAKS = ";:,()\n"
_YEAR_SHAPE = re.compile(r"(?:19|20)\d\d")

_GENERIC_CODE = re.compile(
    r"(?<![\w/])[A-Z]{2,}[A-Za-z0-9-]*(?:\.\s?[A-Za-z0-9][A-Za-z0-9-]*)*"
    r"(?:\s?/\s?[A-Za-z0-9][A-Za-z0-9-]*(?:\.\s?[A-Za-z0-9][A-Za-z0-9-]*)*)+"
    r"(?:,?\s(?:rev|corr|add)\.\s?\d+)*(?:\s?\([A-Z][\w-]*/\w+\))?"
)
_ADDRESS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+")
_NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:19|20)\d\d-\d{1,2}-\d{1,2})"
    r"(?![\w/-]|\.\d)"
)
_PHONE_SHAPES = (
    re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\w)"),
    re.compile(r"(?<![\w-])\d{1,4}(?:-\d{1,4})*-[A-Z]{3,}(?!\w)"),
    re.compile(r"(?<![\w.,/-])\d{1,4}(?:-\d{2,4}){2,}(?![\w-])"),
    re.compile(r"(?<![\w.,/-])\d{3,4}-\d{4}(?![\w-])"),
    re.compile(r"(?<![\w.,/-])\(\d{2,4}\)\s?\d{3,4}[- ]\d{4}(?![\w-])"),
    re.compile(r"(?<![\w*#])[*#]\d{3,6}(?!\d)"),
)
_CLOCK_TIME = re.compile(
    r"(?<![\w:.,])(?:[01]?\d|2[0-3])(?::[0-5]\d){1,2}(?:\s?[ap]\.?m\.?)?(?![\w:])", re.IGNORECASE
)
_FRACTION = re.compile(r"(?<![\w/.,-])\d{1,3}/\d{1,3}(?![\w/])")
_YEAR_PAIR = re.compile(r"(?<![\w/.,-])(?:19|20)\d\d/(?:(?:19|20)\d\d|\d\d)(?![\w/])")
_DIGIT_RUN = re.compile(r"\d+")
_LAW_NUMBER = re.compile(r"\d+(?:[.\-/]\d+)*")

#: Kinds of a range that are given back as two mentions rather than one with ``value_min``.
_SPLIT_KINDS = frozenset(
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
_IDENTIFIER_KINDS = _SPLIT_KINDS - {NumberKind.YEAR, NumberKind.RATIO}

# ---------------------------------------------------------------------------------------------
# The lexicon of a language, compiled once


def _alternation(phrases: Iterable[str], *, whole_words: bool = False) -> str:
    """A regex alternation of phrases, longest first, where a space matches any whitespace.

    With ``whole_words``, a phrase ending with a letter or digit may not run into a longer word.
    """
    ordered = sorted({phrase for phrase in phrases if phrase}, key=lambda p: (-len(p), p))
    escaped = [
        re.escape(phrase).replace(r"\ ", r"\s+")
        + (r"(?!\w)" if whole_words and phrase[-1].isalnum() else "")
        for phrase in ordered
    ]
    return "|".join(escaped) or r"(?!)"


def _words_then(phrases: Iterable[str]) -> str:
    """Phrases as a group, none of them running into a longer word."""
    return rf"(?:{_alternation(phrases, whole_words=True)})"


def _before_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Phrases ending just before a position (searched with ``endpos``)."""
    return re.compile(rf"(?<!\w)(?:{_alternation(phrases)})\s*$")


def _after_pattern(phrases: Iterable[str], head: str = r"\s*") -> re.Pattern[str]:
    """Phrases starting just after a position (matched with ``pos``)."""
    return re.compile(rf"{head}{_words_then(phrases)}")


def _strings(entry: Mapping[str, Any], key: str) -> list[str]:
    return [str(item) for item in entry.get(key, [])]


def _decimals(entry: Mapping[str, Any], key: str) -> dict[str, Decimal]:
    return {str(name): Decimal(str(int(value))) for name, value in entry.get(key, {}).items()}


@dataclass(frozen=True)
class NumberLexicon:
    """The words and compiled patterns for reading numbers in one language."""

    language: str
    words: frozenset[str]
    connectors: frozenset[str]
    replacements: Mapping[str, str]
    one_words: frozenset[str]
    scale_articles: frozenset[str]
    scale_heads: frozenset[str]
    long_scales: Mapping[str, Decimal]
    plural_scales: frozenset[str]
    scales: Mapping[str, Decimal]
    abbreviations: Mapping[str, Decimal]
    collectives: Mapping[str, Decimal]
    ordinal_words: Mapping[str, int]
    currencies: Mapping[str, str | None]
    symbols: Mapping[str, str | None]
    until_words: frozenset[str]
    not_counted: frozenset[str]
    counted_nouns: frozenset[str]
    months: frozenset[str]
    patterns: Mapping[str, re.Pattern[str]] = field(repr=False)

    def pattern(self, name: str) -> re.Pattern[str]:
        return self.patterns[name]


def _union(entries: Mapping[str, Mapping[str, Any]], key: str) -> list[str]:
    return [phrase for entry in entries.values() for phrase in _strings(entry, key)]


@cache
def number_lexicon(language: str) -> NumberLexicon:
    """The compiled number lexicon of ``language`` (one of es, en, fr, pt)."""
    data = lexicon("numbers")
    entries: dict[str, Mapping[str, Any]] = {code: data[code] for code in LANGUAGES}
    entry = entries[language]
    scales: dict[str, Decimal] = {}
    currencies: dict[str, str | None] = {}
    for code in (*(other for other in LANGUAGES if other != language), language):
        scales.update(_decimals(entries[code], "scales"))  # the sentence's language wins
        currencies.update(entries[code]["currencies"])
    symbols: dict[str, str | None] = dict(data["currency_symbols"])
    months = frozenset(_union(entries, "months"))
    return NumberLexicon(
        language=language,
        words=frozenset(_strings(entry, "words")),
        connectors=frozenset(_strings(entry, "connectors")),
        replacements=dict(entry["replacements"]),
        one_words=frozenset(_strings(entry, "one_words")),
        scale_articles=frozenset(_strings(entry, "scale_articles")),
        scale_heads=frozenset(_strings(entry, "scale_heads")),
        long_scales=_decimals(entry, "long_scales"),
        plural_scales=frozenset(_strings(entry, "plural_scales")),
        scales=scales,
        abbreviations=_decimals(entry, "scale_abbreviations"),
        collectives=_decimals(entry, "collectives"),
        ordinal_words={str(word): int(value) for word, value in entry["ordinal_words"].items()},
        currencies=currencies,
        symbols=symbols,
        until_words=frozenset(_strings(entry, "until_words")),
        not_counted=frozenset(_strings(entry, "not_counted")),
        counted_nouns=frozenset(_strings(entry, "counted_nouns")),
        months=months,
        patterns=_compile_patterns(entry, entries, scales, currencies, symbols, months),
    )


def _compile_patterns(
    entry: Mapping[str, Any],
    entries: Mapping[str, Mapping[str, Any]],
    scales: Mapping[str, Decimal],
    currencies: Mapping[str, str | None],
    symbols: Mapping[str, str | None],
    months: Iterable[str],
) -> dict[str, re.Pattern[str]]:
    patterns = {
        **_money_patterns(entry, scales, currencies, symbols),
        **_qualifier_patterns(entry),
        **_pairing_patterns(entry, entries),
        **_context_patterns(entry, months),
        **_region_patterns(entry),
    }
    return patterns


def _money_patterns(
    entry: Mapping[str, Any],
    scales: Mapping[str, Decimal],
    currencies: Mapping[str, str | None],
    symbols: Mapping[str, str | None],
) -> dict[str, re.Pattern[str]]:
    lettered = [symbol for symbol in symbols if symbol[0].isalpha()]
    signs = [symbol for symbol in symbols if not symbol[0].isalpha()]
    symbol = rf"(?:(?<![A-Za-z])(?:{_alternation(lettered)})|{_alternation(signs)})"
    links = "|".join(
        re.escape(link) + (r"\s+" if link[-1].isalnum() else r"\s*")
        for link in _strings(entry, "currency_links")
    )
    return {
        "currency_before": re.compile(rf"(?P<symbol>{symbol})[ \u00a0\u202f]?$"),
        "currency_symbol_after": re.compile(rf"[ \u00a0\u202f]?(?P<symbol>{symbol})(?![A-Za-z])"),
        "currency_word_after": re.compile(
            rf"\s*(?:{links or '(?!)'})?(?P<currency>{_words_then(currencies)})"
        ),
        "scale_after": re.compile(rf"[ \u00a0\u202f]*(?P<scale>{_words_then(scales)})"),
        "abbreviation_after": re.compile(
            rf"[ \u00a0\u202f]?(?P<scale>{_alternation(_decimals(entry, 'scale_abbreviations'))})"
            r"(?![^\W\d_])"
        ),
    }


def _qualifier_patterns(entry: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    before = entry["qualifiers_before"]
    after = entry["qualifiers_after"]
    groups_before = "|".join(
        rf"(?P<{name}>{_alternation(before.get(name, []))})"
        for name in ("at_least", "at_most", "approximately", "exact")
    )
    groups_after = "|".join(
        rf"(?P<{name}>{_alternation(after.get(name, []), whole_words=True)})"
        for name in ("at_least", "at_most", "approximately")
    )
    return {
        "qualifier_before": re.compile(rf"(?<!\w)(?:{groups_before})\s*$"),
        "qualifier_after": re.compile(rf"\s*,?\s*(?:{groups_after})"),
        "planned": re.compile(rf"(?<!\w){_words_then(_strings(entry, 'planned'))}"),
        "conjunction": re.compile(rf"\s(?:{_alternation(_strings(entry, 'conjunctions'))})\s"),
        "numeral_cue_before": _before_pattern(_strings(entry, "numeral_cues_before")),
        "numeral_cue_after": _after_pattern(_strings(entry, "numeral_cues_after"), r"\s+"),
    }


def _pairing_patterns(
    entry: Mapping[str, Any], entries: Mapping[str, Mapping[str, Any]]
) -> dict[str, re.Pattern[str]]:
    between = _strings(entry, "range_between")
    dashes = [phrase for phrase in between if not phrase[0].isalpha()]
    words = [phrase for phrase in between if phrase[0].isalpha()]
    percent = _union(entries, "percent")
    return {
        "range_between": re.compile(
            rf"\s*(?:{_alternation(dashes)})\s*|\s+(?:{_alternation(words)})\s+"
        ),
        "range_between_with_opener": re.compile(
            rf"\s+(?:{_alternation(_strings(entry, 'range_between_with_opener'))})\s+"
        ),
        "range_opener_before": _before_pattern(_strings(entry, "range_openers")),
        "ratio_between": re.compile(
            rf"\s+(?:{_alternation(_strings(entry, 'ratio_between'))})\s+"
            rf"|\s+[^\W\d_]+\s+(?:{_alternation(_strings(entry, 'ratio_between_after_noun'))})\s+"
        ),
        "ratio_before": _before_pattern(_strings(entry, "ratio_before")),
        "ratio_after": re.compile(
            rf"\s+(?:{_alternation(_strings(entry, 'ratio_before'))})\s+"
            rf"(?:\d|{_words_then(_strings(entry, 'words'))})"
        ),
        "percent_after": re.compile(rf"[ \u00a0\u202f]*(?:%|{_words_then(percent)})"),
        "percent_phrase": re.compile(rf"(?<!\w){_words_then(percent)}"),
        "idiom": re.compile(rf"(?<!\w){_words_then(_strings(entry, 'idioms'))}"),
    }


def _joints(entry: Mapping[str, Any]) -> str:
    """What joins two numbers of a list or a span: "y", "and", "à", "al", "-"."""
    words = [*_strings(entry, "connectors"), *_strings(entry, "range_between")]
    spelled = [word for word in words if word[0].isalpha()]
    marks = [word for word in words if not word[0].isalpha()]
    return rf"(?:\s+(?:{_alternation(spelled)})\s+|\s*(?:{_alternation(marks)})\s*)"


def _context_patterns(
    entry: Mapping[str, Any], months: Iterable[str]
) -> dict[str, re.Pattern[str]]:
    month = _words_then(months)
    units = _words_then(_strings(entry, "time_units"))
    years = _words_then(_strings(entry, "year_units"))
    adjectives = _alternation(_strings(entry, "time_adjectives"))
    links = _alternation(_strings(entry, "age_links"))
    day = r"\d{1,2}(?:\.?[º°ª]|er|st|nd|rd|th)?"
    month_links = _alternation(_strings(entry, "month_links"))
    structure = r"\s+(?:[^\W\d_][\w'-]*\s+)?"
    return {
        "date_after": re.compile(
            rf"(?:(?:{_joints(entry)}|\s*,\s*){day})*\s*(?:(?:{month_links})\s*)?{month}"
        ),
        "month_before": re.compile(rf"(?<!\w){month}\.?\s+$"),
        "year_after_comma": re.compile(r"\s*,?\s*(?:19|20)\d\d(?!\d)"),
        "duration_after": re.compile(rf"[\s-]*(?:(?:{adjectives})\s+)?{units}"),
        "year_unit_after": re.compile(rf"[\s-]*{years}"),
        "age_marker_after": re.compile(
            rf"[\s-]*{years}[\s-]+{_words_then(_strings(entry, 'age_after'))}"
        ),
        "age_before": _before_pattern(_strings(entry, "age_before")),
        "age_before_weak": _before_pattern(_strings(entry, "age_before_weak")),
        "duration_before_weak": re.compile(
            rf"(?<!\w)(?:{_alternation(_strings(entry, 'duration_prepositions'))})\s+"
            rf"(?:{_alternation(_strings(entry, 'age_before_weak'))})\s*$"
        ),
        "age_noun_before": re.compile(
            rf"(?<!\w)(?:{_alternation(_strings(entry, 'age_nouns'))})\s+(?:(?:{links})\s*)?$"
        ),
        "year_cue_before": _before_pattern([*_strings(entry, "year_cues"), *months]),
        "decade_cue_before": _before_pattern(_strings(entry, "decade_cues")),
        "structural_after": re.compile(rf"{structure}{_words_then(_strings(entry, 'structural'))}"),
        "structural_exception_after": re.compile(
            rf"{structure}{_words_then(_strings(entry, 'structural_exceptions'))}"
        ),
        "reference_before": _before_pattern(_strings(entry, "reference_nouns")),
        "numbering_sign_before": re.compile(
            rf"(?<![^\W\d_])(?:{_alternation(lexicon('numbers')['numbering_signs'])})\s*$"
        ),
    }


def _region_patterns(entry: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    signs = [*lexicon("numbers")["numbering_signs"], *lexicon("numbers")["law_number_signs"]]
    number = r"\d+(?:[.\-/]\d+)*(?!\d)"
    # "artículos 3, 5 y 7", "arts. 1 al 5": a comma joins numbers only in a list closed by "y"
    joined = rf"{number}(?:(?:\s*,\s*{number})*{_joints(entry)}{number})?"
    fillers = _alternation(_strings(entry, "phone_fillers"))
    return {
        "law_region": re.compile(
            rf"(?<!\w)(?:{_alternation(_strings(entry, 'law'))})\s*"
            rf"(?:(?:{_alternation(signs)})\s*)?(?P<numbers>{joined})"
        ),
        "phone_region": re.compile(
            rf"(?<!\w){_words_then(_strings(entry, 'phone'))}\s*(?:(?:{fillers})\s+){{0,3}}"
            r"[:#]?\s*(?P<number>[+*#]?\d+(?:[-.]\d+)*)(?!\d)"
        ),
    }


# ---------------------------------------------------------------------------------------------
# Candidates: numbers found in a sentence, before their kind is decided


@dataclass(frozen=True)
class Candidate:
    """A number in a sentence (offsets into the sentence) and what its surroundings said."""

    start: int
    end: int
    value: Decimal
    origin: str  # "digits", "words", "ordinal" or "collective"
    weak: bool = False  # a lone "un", "one": an article unless something says otherwise
    year_shaped: bool = False
    glued: bool = False
    money: bool = False
    unit: str | None = None
    scale: Decimal | None = None
    approximate: bool = False
    forced_kind: NumberKind | None = None
    value_min: Decimal | None = None
    parts: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Region:
    """Text whose numbers are identifiers of one kind, and where those numbers are."""

    start: int
    end: int
    kind: NumberKind
    pieces: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SentenceText:
    """A sentence, its lower-cased twin (same length) and its language's lexicon."""

    text: str
    lowered: str
    lexicon: NumberLexicon

    @classmethod
    def of(cls, text: str, language: str) -> SentenceText:
        return cls(text, _lowered(text), number_lexicon(language))

    def ends_with(self, name: str, position: int, width: int = 60) -> re.Match[str] | None:
        """Whether the lexicon pattern ``name`` ends right before ``position``."""
        return self.lexicon.pattern(name).search(self.lowered, max(0, position - width), position)

    def starts_with(self, name: str, position: int) -> re.Match[str] | None:
        """Whether the lexicon pattern ``name`` starts right at ``position``."""
        return self.lexicon.pattern(name).match(self.lowered, position)


def _lowered(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("’", "'").replace("‘", "'")


class Occupancy:
    """Which characters of a sentence already belong to a number or a region."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length)

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])


# ---------------------------------------------------------------------------------------------
# Regions


def _split_region(kind: NumberKind, start: int, end: int, text: str) -> Region:
    """A region each of whose digit runs is a number of its own."""
    pieces = tuple(match.span() for match in _DIGIT_RUN.finditer(text, start, end))
    return Region(start, end, kind, pieces)


def _document_code_regions(sentence: SentenceText) -> Iterator[Region]:
    text = sentence.text
    spans = [(code.start, code.end) for code in find_codes(text)]
    spans += [match.span() for match in _GENERIC_CODE.finditer(text) if "/" in match.group(0)]
    spans += [match.span() for match in _ADDRESS.finditer(text)]
    for start, end in spans:
        yield _split_region(NumberKind.DOCUMENT_CODE, start, end, text)


def _law_number_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in sentence.lexicon.pattern("law_region").finditer(sentence.lowered):
        start, end = match.span("numbers")
        pieces = tuple(
            (start + piece.start(), start + piece.end())
            for piece in _LAW_NUMBER.finditer(sentence.lowered[start:end])
        )
        yield Region(match.start(), end, NumberKind.LAW_NUMBER, pieces)


def _numeric_date_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in _NUMERIC_DATE.finditer(sentence.text):
        numbers = [int(part) for part in re.split(r"[/.-]", match.group(0))]
        day, month = (numbers[2], numbers[1]) if numbers[0] > 31 else (numbers[0], numbers[1])
        plausible = (month <= 12 and day <= 31) or (day <= 12 and month <= 31)
        if min(day, month) >= 1 and plausible:
            yield Region(*match.span(), NumberKind.DATE, (match.span(),))


def _phone_regions(sentence: SentenceText) -> Iterator[Region]:
    for shape in _PHONE_SHAPES:
        for match in shape.finditer(sentence.text):
            groups = _DIGIT_RUN.findall(match.group(0))
            if len(groups) == 2 and all(_YEAR_SHAPE.fullmatch(group) for group in groups):
                continue  # "2010-2012" is a span of years
            yield Region(*match.span(), NumberKind.PHONE, (match.span(),))
    for match in sentence.lexicon.pattern("phone_region").finditer(sentence.lowered):
        yield Region(*match.span("number"), NumberKind.PHONE, (match.span("number"),))


def _clock_time_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in _CLOCK_TIME.finditer(sentence.text):
        yield Region(*match.span(), NumberKind.DATE, (match.span(),))


def _fraction_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in _FRACTION.finditer(sentence.text):
        yield Region(*match.span(), NumberKind.RATIO, (match.span(),))


def _year_pair_regions(sentence: SentenceText) -> Iterator[Region]:
    for match in _YEAR_PAIR.finditer(sentence.text):
        yield _split_region(NumberKind.YEAR, *match.span(), sentence.text)


#: Regions in order of precedence: an earlier region wins over a later one that overlaps it.
_REGION_DETECTORS: tuple[Callable[[SentenceText], Iterator[Region]], ...] = (
    _document_code_regions,  # "RTP-III/INF. 22/12", "AG/RES. 2551 (XL-O/10)", URLs
    _law_number_regions,  # "Ley N° 985", "Public Law 106-386", "artículos 145 y 146"
    _numeric_date_regions,  # "16/10/2012", "2012-10-16"
    _clock_time_regions,  # "10:30", "9:15 a.m.": times of day are dates
    _phone_regions,  # "1-888-373-7888", "*4848", "800-10-TRATA", "línea 145", "call 911"
    _fraction_regions,  # "1/3", "24/7"
    _year_pair_regions,  # "2011/12"
)


def _find_regions(sentence: SentenceText, occupancy: Occupancy) -> list[Region]:
    regions = []
    for detector in _REGION_DETECTORS:
        for region in detector(sentence):
            if region.pieces and occupancy.free(region.start, region.end):
                occupancy.take(region.start, region.end)
                regions.append(region)
    return regions


def _region_mentions(sentence: SentenceText, region: Region) -> Iterator[tuple[int, int, Decimal]]:
    for start, end in region.pieces:
        piece = sentence.text[start:end]
        if region.kind is NumberKind.PHONE:
            yield start, end, Decimal("".join(_DIGIT_RUN.findall(piece)) or "0")
        else:
            yield start, end, _identifier_value(piece)


# ---------------------------------------------------------------------------------------------
# Numbers written in digits


def _digit_candidates(sentence: SentenceText, occupancy: Occupancy) -> Iterator[Candidate]:
    text = sentence.text
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        value = _parse_decimal(match.group(0), sentence.lexicon.language)
        if value is None or not occupancy.free(start, end):
            continue
        if match.group(0).isdigit() and len(match.group(0)) <= 4:
            suffix = _ORDINAL_SUFFIX.match(text, end)
            if suffix:
                yield Candidate(start, suffix.end(), value, "ordinal")
                continue
        year_shaped = bool(_YEAR_SHAPE.fullmatch(match.group(0)))
        if year_shaped and _DECADE_SUFFIX.match(text, end):
            yield Candidate(start, end, value, "digits", year_shaped=True)
            continue
        yield _extended(sentence, Candidate(start, end, value, "digits", year_shaped=year_shaped))


def _is_glued(text: str, start: int, end: int) -> bool:
    """Whether digits touch letters, as in "G20", "COVID-19" or "3x"."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    hyphen_glued = before in "-‐" and start >= 2 and text[start - 2].isalpha()
    return (before.isalpha() and before not in "ºª") or hyphen_glued or after.isalpha()


def _roman_candidates(sentence: SentenceText, occupancy: Occupancy) -> Iterator[Candidate]:
    for match in _ROMAN_ORDINAL.finditer(sentence.text):
        roman = match.group("roman")
        if len(roman) == 1 and roman not in "IVX":
            continue  # "Le", "Ce" are words
        value = _roman_value(roman)
        if value and occupancy.free(*match.span()):
            yield Candidate(match.start(), match.end(), Decimal(value), "ordinal")


def _roman_value(numeral: str) -> int | None:
    values = [_ROMAN_VALUES[letter] for letter in numeral]
    total = sum(
        -value if index + 1 < len(values) and value < values[index + 1] else value
        for index, value in enumerate(values)
    )
    return total if total > 0 and _roman_numeral(total) == numeral else None


def _roman_numeral(number: int) -> str:
    letters = []
    for value, symbol in _ROMAN_TABLE:
        count, number = divmod(number, value)
        letters.append(symbol * count)
    return "".join(letters)


# ---------------------------------------------------------------------------------------------
# Currency and scale around a number


def _extended(sentence: SentenceText, candidate: Candidate) -> Candidate:
    """Take in a currency before, a scale after and a currency after the number."""
    text, lexicon_ = sentence.text, sentence.lexicon
    start, end, value = candidate.start, candidate.end, candidate.value
    money, unit, scale = False, None, candidate.scale
    before = lexicon_.pattern("currency_before").search(text, max(0, start - 8), start)
    if before:
        money, unit, start = True, lexicon_.symbols[before.group("symbol")], before.start()
    if not candidate.year_shaped or money:
        found = _scale_after(sentence, end, money)
        if found:
            scale, end = found
            value *= scale
    currency = _currency_after(sentence, end)
    if currency:
        found_unit, end = currency
        unit = unit if money else found_unit
        money = True
    glued = candidate.origin == "digits" and _is_glued(text, start, end)
    return replace(
        candidate,
        start=start,
        end=end,
        value=value,
        money=money,
        unit=unit,
        scale=scale,
        glued=glued,
    )


def _scale_after(sentence: SentenceText, end: int, money: bool) -> tuple[Decimal, int] | None:
    words = sentence.starts_with("scale_after", end)
    if words:
        return sentence.lexicon.scales[_squeezed(words.group("scale"))], words.end()
    abbreviation = sentence.lexicon.pattern("abbreviation_after").match(sentence.text, end)
    if abbreviation and (money or _currency_after(sentence, abbreviation.end())):
        return sentence.lexicon.abbreviations[abbreviation.group("scale")], abbreviation.end()
    return None


def _currency_after(sentence: SentenceText, end: int) -> tuple[str | None, int] | None:
    symbol = sentence.lexicon.pattern("currency_symbol_after").match(sentence.text, end)
    if symbol:
        return sentence.lexicon.symbols[symbol.group("symbol")], symbol.end()
    word = sentence.starts_with("currency_word_after", end)
    if word:
        return sentence.lexicon.currencies[_squeezed(word.group("currency"))], word.end()
    return None


def _squeezed(phrase: str) -> str:
    return " ".join(phrase.split())


# ---------------------------------------------------------------------------------------------
# Numbers written in words


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str


def _collective_candidates(sentence: SentenceText, occupancy: Occupancy) -> Iterator[Candidate]:
    """ "une vingtaine d'instances", "una docena de", "a dozen": approximate quantities."""
    collectives = sentence.lexicon.collectives
    for match in _collective_pattern(sentence.lexicon.language).finditer(sentence.lowered):
        if occupancy.free(*match.span()):
            value = collectives[match.group("noun")]
            yield Candidate(*match.span(), value, "collective", approximate=True)


@cache
def _collective_pattern(language: str) -> re.Pattern[str]:
    entry = lexicon("numbers")[language]
    links = [
        re.escape(link) + (r"(?!\w)" if link[-1].isalnum() else "")
        for link in _strings(entry, "collective_links")
    ]
    follow = rf"(?=\s+(?:{'|'.join(links)}))" if links else r"(?!\w)"
    return re.compile(
        rf"(?<!\w)(?:{_alternation(_strings(entry, 'collective_articles'))})\s+"
        rf"(?P<noun>{_alternation(entry['collectives'])}){follow}"
    )


def _word_tokens(sentence: SentenceText, *unavailable: Occupancy) -> list[_Token]:
    """The words of a sentence that are not already part of a number, a region or a mask."""
    return [
        _Token(match.start(), match.end(), match.group(0))
        for match in _WORD.finditer(sentence.lowered)
        if all(occupancy.free(*match.span()) for occupancy in unavailable)
    ]


def _number_prefix(token: _Token, lexicon_: NumberLexicon) -> _Token | None:
    """The part of a token made of number words: all of "vingt-deux", "two" of "two-year"."""
    parts = token.word.split("-")
    taken = 0
    for index, part in enumerate(parts):
        inner_connector = 0 < index < len(parts) - 1 and part in lexicon_.connectors
        if part not in lexicon_.words and not inner_connector:
            break
        taken = index + 1
    while taken and parts[taken - 1] in lexicon_.connectors:
        taken -= 1
    if not taken:
        return None
    length = len("-".join(parts[:taken]))
    return _Token(token.start, token.start + length, token.word[:length])


def _word_runs(sentence: SentenceText, tokens: Sequence[_Token]) -> Iterator[list[_Token]]:
    """Maximal runs of number words separated by spaces, connectors allowed inside."""
    lexicon_ = sentence.lexicon
    run: list[_Token] = []
    for index, token in enumerate(tokens):
        number = _number_prefix(token, lexicon_)
        touching = bool(run) and sentence.lowered[run[-1].end : token.start].isspace()
        if number is not None:
            if run and not touching:
                yield run
                run = []
            run.append(number)
            if number.end != token.end:  # "two-year": the run stops inside the token
                yield run
                run = []
        elif (
            touching
            and token.word in lexicon_.connectors
            and _next_is_number(sentence, tokens, index)
        ):
            run.append(token)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def _next_is_number(sentence: SentenceText, tokens: Sequence[_Token], index: int) -> bool:
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    return sentence.lowered[tokens[index].end : following.start].isspace() and bool(
        _number_prefix(following, sentence.lexicon)
    )


def _word_value(words: Sequence[str], lexicon_: NumberLexicon) -> Decimal | None:
    """The value of number words, by text2num except for the scales it does not know."""
    words = [lexicon_.replacements.get(word, word) for word in words]
    if not words or words[0] in lexicon_.connectors or words[-1] in lexicon_.connectors:
        return None
    scale = lexicon_.long_scales.get(words[-1])
    if scale is not None:
        head = _word_value(words[:-1], lexicon_) if len(words) > 1 else Decimal(1)
        return None if head is None else head * scale
    try:
        return Decimal(text2num(" ".join(words), lexicon_.language))
    except ValueError:
        return None


def _run_numbers(
    run: Sequence[_Token], lexicon_: NumberLexicon
) -> Iterator[tuple[int, int, Decimal]]:
    """Split a run into numbers, longest readable first ("dos y tres" → "dos", "tres")."""
    index = 0
    while index < len(run):
        for stop in range(len(run), index, -1):
            value = _word_value([token.word for token in run[index:stop]], lexicon_)
            if value is not None:
                yield index, stop, value
                index = stop
                break
        else:
            index += 1


def _word_candidates(
    sentence: SentenceText, occupancy: Occupancy, masked: Occupancy
) -> Iterator[Candidate]:
    lexicon_ = sentence.lexicon
    tokens = _word_tokens(sentence, masked, occupancy)
    for run in _word_runs(sentence, tokens):
        for first, stop, value in _run_numbers(run, lexicon_):
            words = [token.word for token in run[first:stop]]
            if len(words) == 1 and words[0] in lexicon_.plural_scales:
                continue  # "millones de personas": no definite value
            start, end = run[first].start, run[stop - 1].end
            start = _with_scale_article(sentence, tokens, run[first], start)
            if not occupancy.free(start, end):
                continue
            weak = len(words) == 1 and words[0] in lexicon_.one_words
            scale = _trailing_scale(words, lexicon_)
            found = Candidate(start, end, value, "words", weak=weak, scale=scale)
            yield _extended(sentence, found)


def _trailing_scale(words: Sequence[str], lexicon_: NumberLexicon) -> Decimal | None:
    """The scale that ends number words ("tres mil" → 1000), which a range may share."""
    for size in (2, 1):
        if len(words) > size:
            scale = lexicon_.scales.get(" ".join(words[-size:]))
            if scale is not None:
                return scale
    return None


def _with_scale_article(
    sentence: SentenceText, tokens: Sequence[_Token], first: _Token, start: int
) -> int:
    """Take in the article of "a hundred", "a million"."""
    lexicon_ = sentence.lexicon
    if first.word not in lexicon_.scale_heads:
        return start
    previous = [token for token in tokens if token.end <= first.start]
    article = previous[-1] if previous else None
    if article and article.word in lexicon_.scale_articles:
        return article.start if sentence.lowered[article.end : first.start].isspace() else start
    return start


def _ordinal_word_candidates(
    sentence: SentenceText, occupancy: Occupancy, masked: Occupancy
) -> Iterator[Candidate]:
    ordinals = sentence.lexicon.ordinal_words
    for token in _word_tokens(sentence, masked, occupancy):
        if token.word in ordinals and occupancy.free(token.start, token.end):
            yield Candidate(token.start, token.end, Decimal(ordinals[token.word]), "ordinal")


# ---------------------------------------------------------------------------------------------
# Pairs: ratios and ranges


def _paired(sentence: SentenceText, candidates: list[Candidate]) -> list[Candidate]:
    result: list[Candidate] = []
    index = 0
    while index < len(candidates):
        current = candidates[index]
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        pair = _pair(sentence, current, following) if following else None
        if pair:
            result.extend(pair)
            index += 2
        else:
            result.append(current)
            index += 1
    return result


def _pair(sentence: SentenceText, first: Candidate, second: Candidate) -> list[Candidate] | None:
    if first.origin not in ("digits", "words") or second.origin not in ("digits", "words"):
        return None
    between = sentence.lowered[first.end : second.start]
    lexicon_ = sentence.lexicon
    ratio = lexicon_.pattern("ratio_between").fullmatch(between)
    if ratio and not second.year_shaped and first.value < second.value:
        return [
            replace(first, forced_kind=NumberKind.RATIO, weak=False),
            replace(second, forced_kind=NumberKind.RATIO, weak=False),
        ]
    opened = sentence.ends_with("range_opener_before", first.start)
    joined = lexicon_.pattern("range_between").fullmatch(between) or (
        opened and lexicon_.pattern("range_between_with_opener").fullmatch(between)
    )
    if not joined or second.weak:
        return None
    lower = first.value
    if second.scale is not None and first.scale is None and lower < second.value / second.scale:
        lower *= second.scale  # "entre 10 y 12 millones": the scale belongs to both
    if lower >= second.value:
        return None
    merged = replace(
        second,
        start=first.start,
        value_min=lower,
        money=first.money or second.money,
        unit=second.unit or first.unit,
        year_shaped=first.year_shaped and second.year_shaped,
        parts=(replace(first, weak=False), second),
    )
    return [merged]


# ---------------------------------------------------------------------------------------------
# Kinds, in order of precedence


KindDetector = Callable[[Candidate, SentenceText], bool]


def _is_document_code(candidate: Candidate, sentence: SentenceText) -> bool:
    """Glued to letters ("G20", "COVID-19") or after a numbering sign ("N° 12")."""
    return candidate.glued or bool(sentence.ends_with("numbering_sign_before", candidate.start, 12))


def _is_list_marker(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "1. Guatemala;" at a line start, "axes principaux 1- Recherche" inside a line."""
    if candidate.origin != "digits" or candidate.value > 99 or not _is_whole(candidate.value):
        return False
    text = sentence.text
    line_start = text.rfind("\n", 0, candidate.start) + 1
    lead = text[line_start : candidate.start].strip()
    if lead in ("", "(") and _LIST_MARK_AFTER.match(text, candidate.end):
        return True
    return bool(_INLINE_LIST_MARK.match(text, candidate.end)) and not candidate.parts


def _is_percentage(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "45%", "45 %", "45 por ciento", "45 pour cent", "45 per cent"."""
    return bool(sentence.starts_with("percent_after", candidate.end))


def _is_ratio(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "4 de cada 100" (both numbers), "por cada 100 000 habitantes", "per 100,000"."""
    return bool(
        sentence.ends_with("ratio_before", candidate.start)
        or sentence.starts_with("ratio_after", candidate.end)
    )


def _is_whole(value: Decimal) -> bool:
    # value % 1 raises InvalidOperation once the integer part has more digits than the precision.
    return value == value.to_integral_value()


def _is_money(candidate: Candidate, sentence: SentenceText) -> bool:
    return candidate.money


def _is_day(candidate: Candidate) -> bool:
    values = [candidate.value] + ([candidate.value_min] if candidate.value_min is not None else [])
    return all(1 <= value <= 31 and _is_whole(value) for value in values)


def _is_date(candidate: Candidate, sentence: SentenceText) -> bool:
    """The day of "6 septembre", "15 et 16 octobre", "30 de julio", "October 15, 2012"."""
    if candidate.origin == "collective" or not _is_day(candidate):
        return False
    if sentence.starts_with("date_after", candidate.end):
        return True
    month_first = sentence.ends_with("month_before", candidate.start, 20)
    return bool(month_first) and (
        sentence.lexicon.language == "en"
        or bool(sentence.starts_with("year_after_comma", candidate.end))
    )


def _is_ordinal(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "1er", "2º", "3rd", "XXe", "primera"."""
    return candidate.origin == "ordinal"


def _is_year(candidate: Candidate, sentence: SentenceText) -> bool:
    """A four-digit 1900–2099 number, unless qualified or counting something; "los años 90"."""
    if not candidate.year_shaped:
        decade = candidate.value in range(10, 100, 10) and candidate.origin == "digits"
        return decade and bool(sentence.ends_with("decade_cue_before", candidate.start))
    if _is_quantity(candidate, sentence):
        return False
    if sentence.ends_with("year_cue_before", candidate.start):
        return True
    return not _counts_next_word(candidate, sentence)


def _is_quantity(candidate: Candidate, sentence: SentenceText) -> bool:
    """Whether a quantity qualifier comes before the number ("más de", "about"; not "hasta")."""
    qualifier, phrase = _qualifier_before(candidate, sentence)
    if qualifier in (Qualifier.AT_LEAST, Qualifier.APPROXIMATELY):
        return True
    return qualifier is Qualifier.AT_MOST and phrase not in sentence.lexicon.until_words


def _counts_next_word(candidate: Candidate, sentence: SentenceText) -> bool:
    """Whether the next word is a counted noun: a known one, or a plural that is not a function
    word ("2000 personas", "1998 officers"; not "2008 les", "2012 has")."""
    match = _NEXT_WORD.match(sentence.lowered, candidate.end)
    if not match:
        return False
    word = match.group(1)
    lexicon_ = sentence.lexicon
    if word in lexicon_.counted_nouns:
        return True
    ordinary = word not in lexicon_.not_counted and word not in lexicon_.words
    return len(word) > 3 and word.endswith("s") and ordinary and word not in lexicon_.months


def _is_age(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "menores de 18 años", "aged 12 to 17", "moins de 18 ans", "children under 18"."""
    start, end = candidate.start, candidate.end
    if sentence.ends_with("age_before", start) or sentence.starts_with("age_marker_after", end):
        return True
    weak = bool(sentence.ends_with("age_before_weak", start)) and not sentence.ends_with(
        "duration_before_weak", start
    )
    if sentence.starts_with("year_unit_after", end):
        return weak or bool(sentence.ends_with("age_noun_before", start))
    adult_age = 10 <= candidate.value <= 21 and _is_whole(candidate.value)
    return weak and adult_age and not _counts_next_word(candidate, sentence)


def _is_duration(candidate: Candidate, sentence: SentenceText) -> bool:
    """ "depuis 4 ans", "for 4 years", "les 3 dernières années", "48 horas", "six months"."""
    return bool(sentence.starts_with("duration_after", candidate.end))


def _is_structural(candidate: Candidate, sentence: SentenceText) -> bool:
    """Parts of a plan or document: "three axes", "cinco pilares", "16 formas de explotación",
    "annexe 1"; not "20 points focaux"."""
    if sentence.ends_with("reference_before", candidate.start, 20):
        return True
    return bool(sentence.starts_with("structural_after", candidate.end)) and not (
        sentence.starts_with("structural_exception_after", candidate.end)
    )


#: The order of precedence of kinds: the first detector that holds decides; else COUNT.
_KIND_DETECTORS: tuple[tuple[NumberKind, KindDetector], ...] = (
    (NumberKind.DOCUMENT_CODE, _is_document_code),
    (NumberKind.LIST_MARKER, _is_list_marker),
    (NumberKind.PERCENTAGE, _is_percentage),
    (NumberKind.RATIO, _is_ratio),
    (NumberKind.MONEY, _is_money),
    (NumberKind.DATE, _is_date),
    (NumberKind.ORDINAL, _is_ordinal),
    (NumberKind.YEAR, _is_year),
    (NumberKind.AGE, _is_age),
    (NumberKind.DURATION, _is_duration),
    (NumberKind.STRUCTURAL, _is_structural),
)


def classify(candidate: Candidate, sentence: SentenceText) -> NumberKind:
    """The kind of a number: the first kind of ``_KIND_DETECTORS`` that holds, else COUNT."""
    if candidate.forced_kind is not None:
        return candidate.forced_kind
    for kind, detector in _KIND_DETECTORS:
        if detector(candidate, sentence):
            return kind
    return NumberKind.COUNT


# ---------------------------------------------------------------------------------------------
# Qualifiers


def _qualifier_before(candidate: Candidate, sentence: SentenceText) -> tuple[Qualifier | None, str]:
    match = sentence.ends_with("qualifier_before", candidate.start, 40)
    if not match:
        return None, ""
    name = match.lastgroup or "exact"
    return Qualifier(name), _squeezed(match.group(name))


def _qualifier_after(candidate: Candidate, sentence: SentenceText) -> Qualifier | None:
    match = sentence.lexicon.pattern("qualifier_after").match(sentence.lowered, candidate.end)
    return Qualifier(match.lastgroup) if match and match.lastgroup else None


def _is_planned(candidate: Candidate, sentence: SentenceText) -> bool:
    """Whether the number's clause speaks of the future or an intention."""
    text, lowered = sentence.text, sentence.lowered
    clause_start = max(text.rfind(mark, 0, candidate.start) for mark in _CLAUSE_BREAKS) + 1
    clause_start = max(clause_start, candidate.start - 100)
    ends = [text.find(mark, candidate.end) for mark in _CLAUSE_BREAKS]
    clause_end = min([end for end in ends if end >= 0] + [len(text), candidate.end + 40])
    conjunction = sentence.lexicon.pattern("conjunction").search(lowered, candidate.end, clause_end)
    clause_end = conjunction.start() if conjunction else clause_end
    planned = sentence.lexicon.pattern("planned")
    return bool(
        planned.search(lowered, clause_start, candidate.start)
        or planned.search(lowered, candidate.end, clause_end)
    )


def qualify(candidate: Candidate, kind: NumberKind, sentence: SentenceText) -> Qualifier:
    """The qualifier of a number of a given kind; a range with no other qualifier is approximate."""
    if kind in _IDENTIFIER_KINDS:
        return Qualifier.EXACT
    if kind in (NumberKind.COUNT, NumberKind.MONEY) and _is_planned(candidate, sentence):
        return Qualifier.PLANNED
    before, _ = _qualifier_before(candidate, sentence)
    if before is not None and before is not Qualifier.EXACT:
        return before
    after = _qualifier_after(candidate, sentence)
    if after is not None:
        return after
    is_range = candidate.value_min is not None
    return Qualifier.APPROXIMATELY if candidate.approximate or is_range else Qualifier.EXACT


# ---------------------------------------------------------------------------------------------
# Putting it together


def _is_numeral(candidate: Candidate, sentence: SentenceText) -> bool:
    """Whether a lone "un", "one" is a numeral: "solo uno", "un seul", "only one"."""
    return bool(
        sentence.ends_with("numeral_cue_before", candidate.start, 20)
        or sentence.starts_with("numeral_cue_after", candidate.end)
    )


def _candidates(sentence: SentenceText, occupancy: Occupancy) -> list[Candidate]:
    found: list[Candidate] = []

    def keep(candidates: Iterable[Candidate]) -> None:
        for candidate in candidates:
            if occupancy.free(candidate.start, candidate.end):
                occupancy.take(candidate.start, candidate.end)
                found.append(candidate)

    keep(_digit_candidates(sentence, occupancy))
    keep(_roman_candidates(sentence, occupancy))
    keep(_collective_candidates(sentence, occupancy))
    masked = Occupancy(len(sentence.text))
    for name in ("percent_phrase", "idiom"):  # "pour cent", "tous deux": no numbers
        for match in sentence.lexicon.pattern(name).finditer(sentence.lowered):
            masked.take(*match.span())
    keep(_word_candidates(sentence, occupancy, masked))
    keep(_ordinal_word_candidates(sentence, occupancy, masked))
    return sorted(found, key=lambda candidate: candidate.start)


def _mentions(candidate: Candidate, sentence: SentenceText, offset: int) -> list[NumberMention]:
    kind = classify(candidate, sentence)
    if candidate.parts and kind in _SPLIT_KINDS:
        return [
            _mention(replace(part, forced_kind=kind), sentence, offset) for part in candidate.parts
        ]
    return [_mention(candidate, sentence, offset, kind)]


def _mention(
    candidate: Candidate, sentence: SentenceText, offset: int, kind: NumberKind | None = None
) -> NumberMention:
    if kind is None:
        kind = classify(candidate, sentence)
    return NumberMention(
        start=offset + candidate.start,
        end=offset + candidate.end,
        text=sentence.text[candidate.start : candidate.end],
        value=float(candidate.value),
        kind=kind,
        qualifier=qualify(candidate, kind, sentence),
        value_min=None if candidate.value_min is None else float(candidate.value_min),
        unit=candidate.unit if kind is NumberKind.MONEY else None,
    )


def find_numbers(text: str, language: str, offset: int = 0) -> list[NumberMention]:
    """Every number in ``text`` (usually one sentence), classified, with ``offset`` added to
    the positions so that they index the whole document."""
    sentence = SentenceText.of(text, language if language in LANGUAGES else FALLBACK_LANGUAGE)
    occupancy = Occupancy(len(text))
    mentions = [
        NumberMention(offset + start, offset + end, text[start:end], float(value), region.kind)
        for region in _find_regions(sentence, occupancy)
        for start, end, value in _region_mentions(sentence, region)
    ]
    candidates = _paired(sentence, _candidates(sentence, occupancy))
    for candidate in candidates:
        if candidate.weak and not _is_numeral(candidate, sentence):
            continue  # an article
        mentions.extend(_mentions(candidate, sentence, offset))
    return sorted(mentions, key=lambda mention: (mention.start, mention.end))


@component("numbers", version="1", needs=["sentences", "language", "sections"], adds=["numbers"])
def add_numbers(document: Document) -> Document:
    """Fill ``document.numbers`` from every sentence, read in the language of its section."""
    document.numbers = [
        mention
        for sentence in document.sentences
        for mention in find_numbers(
            sentence.text, document.language_at(sentence.start), sentence.start
        )
    ]
    return document
