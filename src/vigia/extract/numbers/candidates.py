"""Numbers written in digits, Roman ordinals, collectives and runs of number words, each with the
currency and scale around it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from text_to_num import text2num

from vigia.extract.numbers.lexicon import NumberLexicon, alternation, strings
from vigia.extract.numbers.parse import parse_decimal
from vigia.extract.numbers.patterns import (
    DECADE_SUFFIX,
    DIGITS,
    ORDINAL_SUFFIX,
    ROMAN_ORDINAL,
    ROMAN_TABLE,
    ROMAN_VALUES,
    WORD,
    YEAR_SHAPE,
)
from vigia.extract.numbers.sentence import Candidate, Occupancy, SentenceText
from vigia.reference import lexicon

# ---------------------------------------------------------------------------------------------
# Numbers written in digits


def digit_candidates(sentence: SentenceText, occupancy: Occupancy) -> Iterator[Candidate]:
    text = sentence.text
    for match in DIGITS.finditer(text):
        start, end = match.span()
        value = parse_decimal(match.group(0), sentence.lexicon.language)
        if value is None or not occupancy.free(start, end):
            continue
        if match.group(0).isdigit() and len(match.group(0)) <= 4:
            suffix = ORDINAL_SUFFIX.match(text, end)
            if suffix:
                yield Candidate(start, suffix.end(), value, "ordinal")
                continue
        year_shaped = bool(YEAR_SHAPE.fullmatch(match.group(0)))
        if year_shaped and DECADE_SUFFIX.match(text, end):
            yield Candidate(start, end, value, "digits", year_shaped=True)
            continue
        yield _extended(sentence, Candidate(start, end, value, "digits", year_shaped=year_shaped))


def _is_glued(text: str, start: int, end: int) -> bool:
    """Whether digits touch letters, as in "G20", "COVID-19" or "3x"."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    hyphen_glued = before in "-‐" and start >= 2 and text[start - 2].isalpha()
    return (before.isalpha() and before not in "ºª") or hyphen_glued or after.isalpha()


def roman_candidates(sentence: SentenceText, occupancy: Occupancy) -> Iterator[Candidate]:
    for match in ROMAN_ORDINAL.finditer(sentence.text):
        roman = match.group("roman")
        if len(roman) == 1 and roman not in "IVX":
            continue  # "Le", "Ce" are words
        value = _roman_value(roman)
        if value and occupancy.free(*match.span()):
            yield Candidate(match.start(), match.end(), Decimal(value), "ordinal")


def _roman_value(numeral: str) -> int | None:
    values = [ROMAN_VALUES[letter] for letter in numeral]
    total = sum(
        -value if index + 1 < len(values) and value < values[index + 1] else value
        for index, value in enumerate(values)
    )
    return total if total > 0 and _roman_numeral(total) == numeral else None


def _roman_numeral(number: int) -> str:
    letters = []
    for value, symbol in ROMAN_TABLE:
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
        return sentence.lexicon.scales[squeezed(words.group("scale"))], words.end()
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
        return sentence.lexicon.currencies[squeezed(word.group("currency"))], word.end()
    return None


def squeezed(phrase: str) -> str:
    return " ".join(phrase.split())


# ---------------------------------------------------------------------------------------------
# Numbers written in words


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str


def collective_candidates(sentence: SentenceText, occupancy: Occupancy) -> Iterator[Candidate]:
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
        for link in strings(entry, "collective_links")
    ]
    follow = rf"(?=\s+(?:{'|'.join(links)}))" if links else r"(?!\w)"
    return re.compile(
        rf"(?<!\w)(?:{alternation(strings(entry, 'collective_articles'))})\s+"
        rf"(?P<noun>{alternation(entry['collectives'])}){follow}"
    )


def _word_tokens(sentence: SentenceText, *unavailable: Occupancy) -> list[_Token]:
    """The words of a sentence that are not already part of a number, a region or a mask."""
    return [
        _Token(match.start(), match.end(), match.group(0))
        for match in WORD.finditer(sentence.lowered)
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


def word_candidates(
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


def ordinal_word_candidates(
    sentence: SentenceText, occupancy: Occupancy, masked: Occupancy
) -> Iterator[Candidate]:
    ordinals = sentence.lexicon.ordinal_words
    for token in _word_tokens(sentence, masked, occupancy):
        if token.word in ordinals and occupancy.free(token.start, token.end):
            yield Candidate(token.start, token.end, Decimal(ordinals[token.word]), "ordinal")
