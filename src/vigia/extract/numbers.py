"""Find every number in a sentence and say what it is.

Numbers come as digits in any of the four languages' conventions ("22 000", "3,715", "13.500",
"1,2 millones", "US$16 mil millones"), as words ("six mille", "cuarenta y tres", "dois mil") or as
approximate collectives ("une vingtaine", "a dozen"). Each becomes a :class:`NumberMention` with its
kind. Only counts and money can become indicator values; every other kind is recognised so that it
never does. The kinds are tried in this order, the first that holds wins:

1. document code (inside "RTP-III/INF. 22/12", glued to letters as in "COVID-19")
2. phone or hotline number (by shape, or after "línea", "hotline", "Disque"…)
3. law number ("Ley 26.364", "Public Law 106-386", "article 3")
4. ordinal ("1er", "2º", "3rd")
5. percentage and ratio ("45 %", "4 out of every 100")
6. date ("6 septembre", "October 15", "16/10/2012") and year (1900–2099, "2010-2012")
7. age ("menores de 18 años") and duration ("depuis 4 ans", "the last two years")
8. structural count ("three axes", "cinq piliers", "16 formas de explotación")
9. list marker ("1. Guatemala;", "2- Assistance")
10. money (a currency before or after) — else a count.

A four-digit number from 1900 to 2099 written without separators is a year unless a quantity
qualifier precedes it ("más de 2000"): "2 000 personas" is a count, "2000 personas" is read as a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from text_to_num import text2num

from vigia.domain import LANGUAGES, Document, NumberKind, NumberMention, Qualifier
from vigia.extract.codes import find_codes
from vigia.extract.pipeline import component
from vigia.reference import lexicon

_SPACES = " \u00a0\u202f"
_DIGITS = re.compile(
    r"(?<![\w.,/])"
    r"(?P<number>\d{1,3}(?:(?:[ \u00a0\u202f]|[.,](?=\d{3}(?!\d)))\d{3}(?!\d))+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
)
_COMPOUND = re.compile(r"(?<![\w.,/-])\d+(?:[-/]\d+)+(?![\w/-]*\d)")
_PHONE_SHAPES = re.compile(
    r"(?<![\w])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){2,4}(?![\w])"
    r"|(?<![\w])\d{3,4}-\d{4}(?!\d)"
    r"|(?<![\w*#])[*#]\d{2,6}(?!\d)"
    r"|(?<![\w])\d{3}-\d{1,3}-[A-Z]{3,}\b"
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d")
_ORDINAL_SUFFIX = re.compile(r"(?:er|re|ère|e|ème|eme|º|ª|°|o|a|st|nd|rd|th)\b", re.I)
_LAW_NUMBER_SIGN = r"(?:n[°ºo.]*\s*|no\.\s*|nr\.?\s*|número\s+|numéro\s+|number\s+)?"
_WORD_AFTER = re.compile(r"[\s\u00a0]*([^\W\d_][\w’'-]*)")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    value: float
    words: bool = False


def parse_number(text: str, language: str) -> float | None:
    """The value of a number written in digits, with the conventions of ``language``."""
    cleaned = "".join(character for character in text.strip() if character not in _SPACES)
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", cleaned):
        return None
    separators = re.findall(r"[.,]", cleaned)
    if not separators:
        return float(cleaned)
    groups = re.split(r"[.,]", cleaned)
    if len(set(separators)) == 2:
        decimal = separators[-1]
        thousands = "," if decimal == "." else "."
        return float(cleaned.replace(thousands, "").replace(decimal, "."))
    separator = separators[0]
    is_grouping = all(len(group) == 3 for group in groups[1:]) and len(groups[0]) <= 3
    if len(separators) > 1 or (is_grouping and not _is_decimal_mark(separator, language)):
        return float(cleaned.replace(separator, "")) if is_grouping else None
    return float(cleaned.replace(separator, "."))


def _is_decimal_mark(separator: str, language: str) -> bool:
    """Whether a lone separator before three digits is a decimal mark in ``language``."""
    return (separator == "." and language == "en") or (separator == "," and language != "en")


@cache
def _words(language: str) -> dict[str, Any]:
    words: dict[str, Any] = lexicon("numbers")[language]
    return words


def _alternation(phrases: Any) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(phrase) for phrase in ordered)


@cache
def _pattern(language: str, key: str, prefix: str = "", suffix: str = "") -> re.Pattern[str]:
    phrases = _words(language)[key]
    return re.compile(prefix + r"(?:" + _alternation(phrases) + r")" + suffix, re.I)


@cache
def _number_words(language: str) -> re.Pattern[str]:
    words = _alternation(_words(language)["words"])
    connectors = _alternation(_words(language)["connectors"])
    word = rf"(?:{words})"
    return re.compile(
        rf"(?<!\w){word}(?:(?:[\s-]+|\s+(?:{connectors})\s+){word})*(?!\w)", re.IGNORECASE
    )


@cache
def _scale_pattern(language: str) -> re.Pattern[str]:
    scales = _words(language)["scales"]
    lower = [s for s in scales if not s.isupper()]
    upper = [s for s in scales if s.isupper()]
    alternatives = [rf"(?i:{_alternation(lower)})"]
    if upper:
        alternatives.append(_alternation(upper))
    return re.compile(r"[\s\u00a0]*(?:de\s+)?(?:" + "|".join(alternatives) + r")(?![\w])")


@cache
def _collective_pattern(language: str) -> re.Pattern[str]:
    names = _alternation(_words(language)["collectives"])
    counts = _alternation([*_words(language)["articles"], *_words(language)["words"], "a", "one"])
    return re.compile(rf"(?<!\w)(?P<count>{counts}|\d+)\s+(?P<name>{names})s?(?!\w)", re.I)


def _scaled(text: str, token: _Token, language: str) -> _Token:
    """Extend a number over the scale words after it ("1,2 millones", "US$49.3 M")."""
    value, end = token.value, token.end
    while match := _scale_pattern(language).match(text, end):
        scale_word = match.group(0).strip()
        scale_word = re.sub(r"^de\s+", "", scale_word, flags=re.I)
        scales = {key.lower(): number for key, number in _words(language)["scales"].items()}
        factor = scales.get(scale_word.lower()) or _words(language)["scales"].get(scale_word)
        if not factor:
            break
        value, end = value * factor, match.end()
    return _Token(token.start, end, value, token.words)


def _is_article(text: str, token: _Token, language: str) -> bool:
    """A lone "un", "una", "um" is an article, not a number, unless the text says "un seul"."""
    word = text[token.start : token.end].lower()
    if word not in _words(language)["articles"] and word not in ("uno", "une"):
        return False
    numeral = _pattern(language, "numeral_articles", r"(?<!\w)", r"(?!\w)")
    window = text[max(0, token.start - 12) : token.end + 12]
    return not any(
        match.start() <= token.start - max(0, token.start - 12) < match.end()
        for match in numeral.finditer(window)
    )


def _word_tokens(text: str, language: str, taken: list[tuple[int, int]]) -> list[_Token]:
    tokens = []
    for match in _number_words(language).finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        try:
            value = float(text2num(match.group(0).lower(), language))
        except ValueError:
            continue
        token = _Token(match.start(), match.end(), value, words=True)
        if not _is_article(text, token, language):
            tokens.append(_scaled(text, token, language))
    return tokens


def _collective_tokens(text: str, language: str) -> list[_Token]:
    tokens = []
    collectives = {name.lower(): value for name, value in _words(language)["collectives"].items()}
    for match in _collective_pattern(language).finditer(text):
        count_text = match.group("count").lower()
        count = 1.0
        if count_text not in (*_words(language)["articles"], "a", "one"):
            try:
                count = float(text2num(count_text, language)) if not count_text.isdigit() else (
                    float(count_text))
            except ValueError:
                continue
        value = count * collectives[match.group("name").lower()]
        tokens.append(_Token(match.start(), match.end(), value, words=True))
    return tokens


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _phone_spans(text: str, language: str) -> list[tuple[int, int]]:
    spans = [
        (match.start(), match.end())
        for match in _PHONE_SHAPES.finditer(text)
        if not _YEAR_RANGE.fullmatch(match.group(0))
    ]
    cue = _pattern(language, "phone", r"(?<!\w)", r"\s*(?:n[°º.o]*\s*)?[:\s]*$")
    for match in re.finditer(r"[*#]?\d[\d\s-]*\d|\b\d\b|[*#]?\d+", text):
        before = text[max(0, match.start() - 30) : match.start()]
        if cue.search(before):
            spans.append((match.start(), match.end()))
    return spans


def _law_spans(text: str, language: str) -> list[tuple[int, int]]:
    law = _alternation(_words(language)["law"])
    pattern = re.compile(
        rf"(?<!\w)(?:{law})\s*{_LAW_NUMBER_SIGN}(?P<number>\d[\d.\-/]*\d|\d)", re.IGNORECASE
    )
    return [(match.start("number"), match.end("number")) for match in pattern.finditer(text)]


def _glued_to_letters(text: str, token: _Token) -> bool:
    before = text[token.start - 1] if token.start else " "
    after = text[token.end] if token.end < len(text) else " "
    return before.isalpha() or (before == "-" and token.start >= 2 and text[token.start - 2].isalpha()
                                ) or (after.isalpha() and not _ORDINAL_SUFFIX.match(text, token.end))


def _next_words(text: str, position: int, count: int) -> str:
    words = []
    for _ in range(count):
        match = _WORD_AFTER.match(text, position)
        if not match:
            break
        words.append(match.group(1).lower())
        position = match.end()
    return " ".join(words)


def _followed_by(text: str, token: _Token, language: str, key: str, *, skip: str = "") -> bool:
    rest = text[token.end : token.end + 60]
    skip_part = rf"(?:(?:{_alternation(_words(language)[skip])})\s+)?" if skip else ""
    pattern = re.compile(
        rf"^[\s\u00a0]*(?:de\s+|d[’']|of\s+)?{skip_part}(?:{_alternation(_words(language)[key])})(?!\w)",
        re.I,
    )
    return bool(pattern.search(rest))


def _preceded_by(text: str, token: _Token, language: str, key: str) -> bool:
    before = text[max(0, token.start - 40) : token.start]
    pattern = re.compile(rf"(?<!\w)(?:{_alternation(_words(language)[key])})[\s\u00a0]*$", re.I)
    return bool(pattern.search(before))


def _is_year(text: str, token: _Token, language: str) -> bool:
    digits = text[token.start : token.end]
    return (
        len(digits) == 4
        and digits.isdigit()
        and 1900 <= int(digits) <= 2099
        and not token.words
        and _qualifier_before(text, token, language) is Qualifier.EXACT
    )


def _is_date(text: str, token: _Token, language: str) -> bool:
    month = rf"(?:{_alternation(_words(language)['months'])})"
    connectors = _alternation([*_words(language)["connectors"], "al", "au", "a", "to", "-", "–"])
    after = re.compile(
        rf"^(?:er|º|°|st|nd|rd|th)?(?:\s*(?:{connectors})\s*\d{{1,2}})?\s*(?:de\s+)?{month}(?!\w)",
        re.I,
    )
    before = re.compile(rf"(?<!\w){month}\s*(?:de\s+)?$", re.I)
    small = token.value <= 31 and not token.words
    return small and (
        bool(after.match(text[token.end : token.end + 40]))
        or bool(before.search(text[max(0, token.start - 15) : token.start]))
    )


def _is_percentage(text: str, token: _Token, language: str) -> bool:
    rest = text[token.end : token.end + 30]
    percent = _alternation(_words(language)["percent"])
    return bool(re.match(rf"[\s\u00a0]*(?:%|(?:{percent})(?!\w))", rest, re.I))


def _is_ratio(text: str, token: _Token, language: str) -> bool:
    ratio = _alternation(_words(language)["ratio"])
    after = re.match(rf"\s+(?:{ratio})\s+(?:\w+\s+)?\d", text[token.end : token.end + 30], re.I)
    before = re.search(rf"\d\s+(?:\w+\s+)?(?:{ratio})\s+$", text[max(0, token.start - 30) : token.start],
                       re.I)
    return bool(after or before) and not _followed_by(text, token, language, "time_units")


def _is_age(text: str, token: _Token, language: str) -> bool:
    if _followed_by(text, token, language, "age_units") and (
        _preceded_by(text, token, language, "age")
        or re.match(r"[\s\u00a0]*(?:years old|year-old|years of age|años de edad|anos de idade)",
                    text[token.end : token.end + 20], re.I)
    ):
        return True
    return language == "en" and bool(
        re.search(r"(?<!\w)(?:under|aged|over) $", text[max(0, token.start - 7) : token.start])
    ) and token.value < 25 and not _next_words(text, token.end, 1)


def _is_list_marker(text: str, token: _Token) -> bool:
    line_start = text.rfind("\n", 0, token.start) + 1
    at_line_start = not text[line_start : token.start].strip()
    marker = re.match(r"\s*[.)\-–](?:\s|$)", text[token.end : token.end + 3])
    capital_item = re.match(r"\s*[\-–]\s*[A-ZÁÉÍÓÚÑ]", text[token.end : token.end + 4])
    return bool((at_line_start and marker) or (capital_item and token.value < 20))


def _currency_before(text: str, token: _Token) -> str | None:
    symbols: dict[str, str] = lexicon("numbers")["currency_symbols"]
    before = text[max(0, token.start - 6) : token.start].rstrip(_SPACES)
    for symbol in sorted(symbols, key=len, reverse=True):
        if before.endswith(symbol) and (symbol != "Q" or before == "Q"):
            return symbols[symbol]
    return None


def _currency_after(text: str, token: _Token, language: str) -> tuple[bool, str | None]:
    currencies: dict[str, str | None] = _words(language)["currencies_after"]
    rest = text[token.end : token.end + 40]
    for word in sorted(currencies, key=len, reverse=True):
        if re.match(rf"[\s\u00a0]*(?:de\s+|d[’']|of\s+)?{re.escape(word)}(?!\w)", rest, re.I):
            return True, currencies[word]
    return False, None


def _qualifier_before(text: str, token: _Token, language: str) -> Qualifier:
    before = text[max(0, token.start - 30) : token.start]
    for name, phrases in _words(language)["qualifiers"].items():
        pattern = re.compile(rf"(?<!\w)(?:{_alternation(phrases)})[\s\u00a0]*(?:de\s+)?$", re.I)
        if pattern.search(before):
            return Qualifier(name)
    return Qualifier.EXACT


def _is_planned(text: str, token: _Token, language: str) -> bool:
    clause_start = max(text.rfind(";", 0, token.start), text.rfind(".", 0, token.start - 1), 0)
    before = text[max(clause_start, token.start - 80) : token.start]
    return bool(_pattern(language, "planned", r"(?<!\w)", r"(?!\w)").search(before))


def _kind(text: str, token: _Token, language: str) -> NumberKind:
    if _glued_to_letters(text, token):
        return NumberKind.DOCUMENT_CODE
    if not token.words and _ORDINAL_SUFFIX.match(text, token.end) and token.value < 1000:
        return NumberKind.ORDINAL
    if _is_percentage(text, token, language):
        return NumberKind.PERCENTAGE
    if _is_ratio(text, token, language):
        return NumberKind.RATIO
    if _is_date(text, token, language):
        return NumberKind.DATE
    if _is_year(text, token, language):
        return NumberKind.YEAR
    if _is_age(text, token, language):
        return NumberKind.AGE
    if _followed_by(text, token, language, "time_units", skip="time_adjectives"):
        return NumberKind.DURATION
    if _followed_by(text, token, language, "structural"):
        return NumberKind.STRUCTURAL
    if _is_list_marker(text, token):
        return NumberKind.LIST_MARKER
    return NumberKind.COUNT


def _mention(text: str, token: _Token, language: str, offset: int) -> NumberMention:
    kind = _kind(text, token, language)
    unit = None
    if kind is NumberKind.COUNT:
        has_currency, unit = _currency_after(text, token, language)
        symbol = _currency_before(text, token)
        if symbol or has_currency:
            kind, unit = NumberKind.MONEY, symbol or unit
    qualifier = _qualifier_before(text, token, language)
    if kind is NumberKind.COUNT or kind is NumberKind.MONEY:
        if qualifier is Qualifier.EXACT and _is_planned(text, token, language):
            qualifier = Qualifier.PLANNED
        if token.words and _collective_pattern(language).fullmatch(text[token.start : token.end]):
            qualifier = Qualifier.APPROXIMATELY
    return NumberMention(offset + token.start, offset + token.end, text[token.start : token.end],
                         token.value, kind, qualifier, unit=unit)


def _fixed_mentions(text: str, language: str, offset: int) -> list[NumberMention]:
    """Numbers that are codes, phones, law numbers or compound ("2010-2012", "10/10/2012")."""
    mentions = []
    spans = [
        *((code.start, code.end, NumberKind.DOCUMENT_CODE) for code in find_codes(text)),
        *((start, end, NumberKind.PHONE) for start, end in _phone_spans(text, language)),
        *((start, end, NumberKind.LAW_NUMBER) for start, end in _law_spans(text, language)),
    ]
    taken: list[tuple[int, int]] = []
    for start, end, kind in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not _overlaps(start, end, taken) and re.search(r"\d", text[start:end]):
            taken.append((start, end))
            first = re.search(r"\d[\d.,]*", text[start:end])
            value = (parse_number(first.group(0).rstrip(".,"), language) or 0.0) if first else 0.0
            mentions.append(NumberMention(offset + start, offset + end, text[start:end], value, kind))
    for match in _COMPOUND.finditer(text):
        if not _overlaps(match.start(), match.end(), taken):
            mentions.extend(_compound_mentions(text, match, language, offset))
    return mentions


def _compound_mentions(text: str, match: re.Match[str], language: str,
                       offset: int) -> list[NumberMention]:
    parts = [int(part) for part in re.split(r"[-/]", match.group(0))]
    if all(1900 <= part <= 2099 for part in parts):
        base = offset + match.start()
        return [
            NumberMention(base + year.start(), base + year.end(), year.group(0),
                          float(year.group(0)), NumberKind.YEAR)
            for year in re.finditer(r"\d+", match.group(0))
        ]
    if "/" in match.group(0) and len(parts) == 3:
        kind = NumberKind.DATE
    elif len(parts) == 2 and "-" in match.group(0) and parts[0] < parts[1]:
        return []  # a range such as "10-12": read as two numbers and merged later
    else:
        kind = NumberKind.DOCUMENT_CODE
    return [NumberMention(offset + match.start(), offset + match.end(), match.group(0),
                          float(parts[0]), kind)]


def _merge_ranges(text: str, mentions: list[NumberMention], language: str,
                  offset: int) -> list[NumberMention]:
    openers = _alternation(_words(language)["range_openers"])
    connectors = _alternation(_words(language)["range_connectors"])
    merged: list[NumberMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if previous and previous.kind in (NumberKind.COUNT, NumberKind.MONEY) and previous.value < (
            mention.value
        ):
            between = text[previous.end - offset : mention.start - offset]
            before = text[max(0, previous.start - offset - 12) : previous.start - offset]
            joined = re.fullmatch(rf"\s+(?:{connectors})\s+", between, re.I) and re.search(
                rf"(?<!\w)(?:{openers})\s+$", before, re.I
            )
            if joined or re.fullmatch(r"\s*[-–]\s*", between):
                qualifier = previous.qualifier
                if qualifier is Qualifier.EXACT:
                    qualifier = Qualifier.APPROXIMATELY
                merged[-1] = replace(
                    mention, start=previous.start, text=text[previous.start - offset :
                                                              mention.end - offset],
                    value_min=previous.value, qualifier=qualifier,
                    unit=mention.unit or previous.unit,
                )
                continue
        merged.append(mention)
    return merged


def find_numbers(text: str, language: str, offset: int = 0) -> list[NumberMention]:
    """Every number in ``text`` (one sentence), with offsets shifted by ``offset``."""
    language = language if language in LANGUAGES else "en"
    mentions = _fixed_mentions(text, language, offset)
    taken = [(mention.start - offset, mention.end - offset) for mention in mentions]
    tokens = [*_collective_tokens(text, language)]
    occupied = taken + [(token.start, token.end) for token in tokens]
    for match in _DIGITS.finditer(text):
        if not _overlaps(match.start(), match.end(), occupied):
            value = parse_number(match.group("number"), language)
            if value is not None:
                tokens.append(_scaled(text, _Token(match.start(), match.end(), value), language))
    tokens += _word_tokens(text, language, occupied + [(t.start, t.end) for t in tokens])
    mentions += [_mention(text, token, language, offset) for token in tokens]
    mentions.sort(key=lambda mention: mention.start)
    return _merge_ranges(text, mentions, language, offset)


def _sentence_language(document: Document, offset: int) -> str:
    section = document.section_at(offset)
    return (section.language if section else None) or document.language or "en"


@component("numbers", version="1", needs=["sentences", "language", "sections"], adds=["numbers"])
def add_numbers(document: Document) -> Document:
    document.numbers = [
        mention
        for sentence in document.sentences
        for mention in find_numbers(sentence.text, _sentence_language(document, sentence.start),
                                    sentence.start)
    ]
    return document
