"""The number words, cues and phrases of a language (``src/vigia/data/lexicons``), compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from vigia.domain import LANGUAGES
from vigia.reference import lexicon

# ---------------------------------------------------------------------------------------------
# The lexicon of a language, compiled once


def alternation(phrases: Iterable[str], *, whole_words: bool = False) -> str:
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
    return rf"(?:{alternation(phrases, whole_words=True)})"


def _future(entry: Mapping[str, Any]) -> str:
    """Verbs in the future tense by their ending ("investirá", "destinarán", "consacrera"): a
    word of at least three letters before one of ``future_endings``, as another alternative."""
    endings = strings(entry, "future_endings")
    if not endings:
        return ""
    return rf"|[^\W\d_]{{3,}}(?:{alternation(endings)})(?!\w)"


def _before_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Phrases ending just before a position (searched with ``endpos``)."""
    return re.compile(rf"(?<!\w)(?:{alternation(phrases)})\s*$")


def _after_pattern(phrases: Iterable[str], head: str = r"\s*") -> re.Pattern[str]:
    """Phrases starting just after a position (matched with ``pos``)."""
    return re.compile(rf"{head}{_words_then(phrases)}")


def strings(entry: Mapping[str, Any], key: str) -> list[str]:
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
    return [phrase for entry in entries.values() for phrase in strings(entry, key)]


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
        words=frozenset(strings(entry, "words")),
        connectors=frozenset(strings(entry, "connectors")),
        replacements=dict(entry["replacements"]),
        one_words=frozenset(strings(entry, "one_words")),
        scale_articles=frozenset(strings(entry, "scale_articles")),
        scale_heads=frozenset(strings(entry, "scale_heads")),
        long_scales=_decimals(entry, "long_scales"),
        plural_scales=frozenset(strings(entry, "plural_scales")),
        scales=scales,
        abbreviations=_decimals(entry, "scale_abbreviations"),
        collectives=_decimals(entry, "collectives"),
        ordinal_words={str(word): int(value) for word, value in entry["ordinal_words"].items()},
        currencies=currencies,
        symbols=symbols,
        until_words=frozenset(strings(entry, "until_words")),
        not_counted=frozenset(strings(entry, "not_counted")),
        counted_nouns=frozenset(strings(entry, "counted_nouns")),
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
    symbol = rf"(?:(?<![A-Za-z])(?:{alternation(lettered)})|{alternation(signs)})"
    links = "|".join(
        re.escape(link) + (r"\s+" if link[-1].isalnum() else r"\s*")
        for link in strings(entry, "currency_links")
    )
    return {
        "currency_before": re.compile(rf"(?P<symbol>{symbol})[ \u00a0\u202f]?$"),
        "currency_symbol_after": re.compile(rf"[ \u00a0\u202f]?(?P<symbol>{symbol})(?![A-Za-z])"),
        "currency_word_after": re.compile(
            rf"\s*(?:{links or '(?!)'})?(?P<currency>{_words_then(currencies)})"
        ),
        "scale_after": re.compile(rf"[ \u00a0\u202f]*(?P<scale>{_words_then(scales)})"),
        "abbreviation_after": re.compile(
            rf"[ \u00a0\u202f]?(?P<scale>{alternation(_decimals(entry, 'scale_abbreviations'))})"
            r"(?![^\W\d_])"
        ),
    }


def _qualifier_patterns(entry: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    before = entry["qualifiers_before"]
    after = entry["qualifiers_after"]
    groups_before = "|".join(
        rf"(?P<{name}>{alternation(before.get(name, []))})"
        for name in ("at_least", "at_most", "approximately", "exact")
    )
    groups_after = "|".join(
        rf"(?P<{name}>{alternation(after.get(name, []), whole_words=True)})"
        for name in ("at_least", "at_most", "approximately")
    )
    return {
        "qualifier_before": re.compile(rf"(?<!\w)(?:{groups_before})\s*$"),
        "qualifier_after": re.compile(rf"\s*,?\s*(?:{groups_after})"),
        "planned": re.compile(
            rf"(?<!\w)(?:{_words_then(strings(entry, 'planned'))}{_future(entry)})"
        ),
        "conjunction": re.compile(rf"\s(?:{alternation(strings(entry, 'conjunctions'))})\s"),
        "numeral_cue_before": _before_pattern(strings(entry, "numeral_cues_before")),
        "numeral_cue_after": _after_pattern(strings(entry, "numeral_cues_after"), r"\s+"),
    }


def _pairing_patterns(
    entry: Mapping[str, Any], entries: Mapping[str, Mapping[str, Any]]
) -> dict[str, re.Pattern[str]]:
    between = strings(entry, "range_between")
    dashes = [phrase for phrase in between if not phrase[0].isalpha()]
    words = [phrase for phrase in between if phrase[0].isalpha()]
    percent = _union(entries, "percent")
    return {
        "range_between": re.compile(
            rf"\s*(?:{alternation(dashes)})\s*|\s+(?:{alternation(words)})\s+"
        ),
        "range_between_with_opener": re.compile(
            rf"\s+(?:{alternation(strings(entry, 'range_between_with_opener'))})\s+"
        ),
        "range_opener_before": _before_pattern(strings(entry, "range_openers")),
        "ratio_between": re.compile(
            rf"\s+(?:{alternation(strings(entry, 'ratio_between'))})\s+"
            rf"|\s+[^\W\d_]+\s+(?:{alternation(strings(entry, 'ratio_between_after_noun'))})\s+"
        ),
        "ratio_before": _before_pattern(strings(entry, "ratio_before")),
        "ratio_after": re.compile(
            rf"\s+(?:{alternation(strings(entry, 'ratio_before'))})\s+"
            rf"(?:\d|{_words_then(strings(entry, 'words'))})"
        ),
        "percent_after": re.compile(rf"[ \u00a0\u202f]*(?:%|{_words_then(percent)})"),
        "percent_phrase": re.compile(rf"(?<!\w){_words_then(percent)}"),
        "idiom": re.compile(rf"(?<!\w){_words_then(strings(entry, 'idioms'))}"),
    }


def _joints(entry: Mapping[str, Any]) -> str:
    """What joins two numbers of a list or a span: "y", "and", "à", "al", "-"."""
    words = [*strings(entry, "connectors"), *strings(entry, "range_between")]
    spelled = [word for word in words if word[0].isalpha()]
    marks = [word for word in words if not word[0].isalpha()]
    return rf"(?:\s+(?:{alternation(spelled)})\s+|\s*(?:{alternation(marks)})\s*)"


def _context_patterns(
    entry: Mapping[str, Any], months: Iterable[str]
) -> dict[str, re.Pattern[str]]:
    month = _words_then(months)
    units = _words_then(strings(entry, "time_units"))
    years = _words_then(strings(entry, "year_units"))
    adjectives = alternation(strings(entry, "time_adjectives"))
    links = alternation(strings(entry, "age_links"))
    day = r"\d{1,2}(?:\.?[º°ª]|er|st|nd|rd|th)?"
    month_links = alternation(strings(entry, "month_links"))
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
            rf"[\s-]*{years}[\s-]+{_words_then(strings(entry, 'age_after'))}"
        ),
        "age_before": _before_pattern(strings(entry, "age_before")),
        "age_before_weak": _before_pattern(strings(entry, "age_before_weak")),
        "duration_before_weak": re.compile(
            rf"(?<!\w)(?:{alternation(strings(entry, 'duration_prepositions'))})\s+"
            rf"(?:{alternation(strings(entry, 'age_before_weak'))})\s*$"
        ),
        "age_noun_before": re.compile(
            rf"(?<!\w)(?:{alternation(strings(entry, 'age_nouns'))})\s+(?:(?:{links})\s*)?$"
        ),
        "year_cue_before": _before_pattern([*strings(entry, "year_cues"), *months]),
        "decade_cue_before": _before_pattern(strings(entry, "decade_cues")),
        "structural_after": re.compile(rf"{structure}{_words_then(strings(entry, 'structural'))}"),
        "structural_exception_after": re.compile(
            rf"{structure}{_words_then(strings(entry, 'structural_exceptions'))}"
        ),
        "reference_before": _before_pattern(strings(entry, "reference_nouns")),
        "numbering_sign_before": re.compile(
            rf"(?<![^\W\d_])(?:{alternation(lexicon('numbers')['numbering_signs'])})\s*$"
        ),
    }


def _region_patterns(entry: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    signs = [*lexicon("numbers")["numbering_signs"], *lexicon("numbers")["law_number_signs"]]
    number = r"\d+(?:[.\-/]\d+)*(?!\d)"
    # "artículos 3, 5 y 7", "arts. 1 al 5": a comma joins numbers only in a list closed by "y"
    joined = rf"{number}(?:(?:\s*,\s*{number})*{_joints(entry)}{number})?"
    fillers = alternation(strings(entry, "phone_fillers"))
    return {
        "law_region": re.compile(
            rf"(?<!\w)(?:{alternation(strings(entry, 'law'))})\s*"
            rf"(?:(?:{alternation(signs)})\s*)?(?P<numbers>{joined})"
        ),
        "phone_region": re.compile(
            rf"(?<!\w){_words_then(strings(entry, 'phone'))}\s*(?:(?:{fillers})\s+){{0,3}}"
            r"[:#]?\s*(?P<number>[+*#]?\d+(?:[-.]\d+)*)(?!\d)"
        ),
    }
