"""Find every number in a sentence and say what kind of number it is.

Numbers come as digits written with the conventions of Spanish, English, French or Portuguese
("22 000", "3,715", "13.500", "1,2 millones", "US$16 mil millones"), as words ("six mille",
"cuarenta y tres", "dois mil", read with text2num) or as approximate collectives ("une vingtaine",
"una docena"). Each becomes a :class:`~vigia.domain.NumberMention`. Only counts and money can become
indicator values, so everything else (years, dates, durations, percentages, ratios, phone numbers,
codes, law numbers, parts of a plan, ordinals, list markers, ages) is recognised and labelled.

How a sentence is read:

1. *Regions* whose digits are identifiers are found first and their numbers take the region's
   kind (see ``regions.REGION_DETECTORS``): document codes and addresses ("RTP-III/INF. 22/12";
   "COVID-19" is handled later as glued), law numbers ("Ley 26.364", "article 3"), numeric dates
   ("16/10/2012") and times of day ("10:30"), phone numbers (by shape, "1-888-373-7888", "*4848",
   or after a cue, "línea 145", "Disque 100"), fractions ("1/3") and year pairs ("2011/12").
2. The other numbers are found as digits, Roman ordinals ("XXe"), collectives and runs of number
   words; digits and words take a currency before or after them and a scale after them.
3. Neighbouring numbers are paired: ratios ("4 de cada 100", both RATIO) and ranges ("entre 10 y
   12", "10-12": one mention, ``value`` the upper bound, ``value_min`` the lower one). A range whose
   kind is an identifier or a date ("2010-2012", "15-16 October") is given back as two mentions.
4. A lone "un/une/uno/una/um/uma/one" is an article and is dropped unless a cue makes it a numeral
   ("solo uno", "un seul", "only one", "um em cada").
5. Each number's kind is the first of ``kinds.KIND_DETECTORS`` that holds, else COUNT. The order
   is the order of precedence: document code (glued to letters, after "N°"), list marker,
   percentage, ratio, money, date, ordinal, year, age, duration, structural count.

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

from collections.abc import Iterable
from dataclasses import replace

from vigia.domain import LANGUAGES, Document, NumberKind, NumberMention
from vigia.extract.numbers.candidates import (
    collective_candidates,
    digit_candidates,
    ordinal_word_candidates,
    roman_candidates,
    word_candidates,
)
from vigia.extract.numbers.kinds import classify
from vigia.extract.numbers.pairs import paired
from vigia.extract.numbers.parse import parse_number
from vigia.extract.numbers.patterns import SPLIT_KINDS
from vigia.extract.numbers.qualifiers import qualify
from vigia.extract.numbers.regions import find_regions, region_mentions
from vigia.extract.numbers.sentence import Candidate, Occupancy, SentenceText
from vigia.extract.pipeline import component

__all__ = ["add_numbers", "find_numbers", "parse_number"]

FALLBACK_LANGUAGE = "en"

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

    keep(digit_candidates(sentence, occupancy))
    keep(roman_candidates(sentence, occupancy))
    keep(collective_candidates(sentence, occupancy))
    masked = Occupancy(len(sentence.text))
    for name in ("percent_phrase", "idiom"):  # "pour cent", "tous deux": no numbers
        for match in sentence.lexicon.pattern(name).finditer(sentence.lowered):
            masked.take(*match.span())
    keep(word_candidates(sentence, occupancy, masked))
    keep(ordinal_word_candidates(sentence, occupancy, masked))
    return sorted(found, key=lambda candidate: candidate.start)


def _mentions(candidate: Candidate, sentence: SentenceText, offset: int) -> list[NumberMention]:
    kind = classify(candidate, sentence)
    if candidate.parts and kind in SPLIT_KINDS:
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
        for region in find_regions(sentence, occupancy)
        for start, end, value in region_mentions(sentence, region)
    ]
    candidates = paired(sentence, _candidates(sentence, occupancy))
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
