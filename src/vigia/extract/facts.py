"""Turn figures into facts: which indicator a count measures, whose figure it is, for which year.

The counted noun decides the indicator ("43 condamnations" → convictions); some nouns need a cue
elsewhere in the sentence ("22 000 personnes" is ``persons_trained`` only in a sentence about
training). A figure named before its number ("the number of victims rescued reached 13,500") is
found through a total cue. The owner is the section's country, the organisation of an actor section,
or, in general sections, the region the sentence speaks of.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from vigia.domain import (
    FIGURE_KINDS,
    Document,
    Fact,
    NumberKind,
    NumberMention,
    Provenance,
    Qualifier,
    Reason,
    Sentence,
)
from vigia.extract.confidence import confidence_of
from vigia.extract.heads import (
    clause_after,
    elided_head,
    with_head,
    words_after,
)
from vigia.extract.parallels import compared, in_brackets, inserted, repeats
from vigia.extract.pipeline import component
from vigia.extract.scope import Owner, owner_of
from vigia.extract.verbs import governed_from, governed_indicator, governing_verb, state_indicator
from vigia.extract.years import reference_year
from vigia.reference import lexicon, load_data_file

PROVENANCE = Provenance("facts", "3")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_WORDS_AFTER = 3
#: What may stand between an amount and its conversion in brackets: the currency's name.
_CURRENCY_WORDS = re.compile(r"\s*(?:[^\W\d]+\s*){0,3}")
_WINDOW_BEFORE = 90
#: How far before a number its elided head is looked for (a long sentence stays linear).
_HEAD_WINDOW = 300
#: The figure before a number in its sentence, and the fact it gave.
Previous = tuple[NumberMention, Fact] | None


@dataclass(frozen=True)
class IndicatorRule:
    """One way of recognising an indicator: a counted noun, and maybe a cue the sentence needs."""

    name: str
    unit: str
    nouns: re.Pattern[str]
    context: re.Pattern[str] | None
    counts_articles: bool
    noun_patterns: tuple[str, ...] = ()

    def context_holds(self, sentence: str) -> bool:
        return self.context is None or bool(self.context.search(sentence))


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")(?![\w])", re.IGNORECASE)


def _prefixes(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(r"\b(?:" + "|".join(patterns) + r")", re.IGNORECASE)


@cache
def indicator_rules(language: str) -> tuple[IndicatorRule, ...]:
    """The catalogue's rules for ``language``, in the catalogue's order."""
    rules = []
    for entry in load_data_file("indicators.json")["indicators"]:
        for match in entry["match"].get(language, []):
            rules.append(
                IndicatorRule(
                    name=entry["name"],
                    unit=entry.get("unit", "count"),
                    nouns=_alternation(match["nouns"]),
                    context=_prefixes(match.get("context", [])),
                    counts_articles=entry.get("counts_articles", False),
                    noun_patterns=tuple(match["nouns"]),
                )
            )
    return tuple(rules)


@cache
def _cues(language: str) -> dict[str, Any]:
    cues: dict[str, Any] = lexicon("facts")[language]
    return cues


@cache
def _phrase_pattern(language: str, key: str) -> re.Pattern[str]:
    phrases = sorted(_cues(language)[key], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I)


def _word_starts(text: str, limit: int) -> list[int]:
    return [match.start() for match in _WORD.finditer(text)][:limit]


def indicator_after(
    sentence: str, position: int, language: str, context: str | None = None
) -> IndicatorRule | None:
    """The indicator whose counted noun follows the number ending at ``position``; the cue a
    rule needs is looked for in ``context`` (by default the whole sentence)."""
    after = clause_after(sentence, position)
    context = sentence if context is None else context
    for word_start in _word_starts(after, _WORDS_AFTER):
        for rule in indicator_rules(language):
            if rule.nouns.match(after, word_start) and rule.context_holds(context):
                return rule
    return None


def indicator_before(sentence: str, position: int, language: str) -> IndicatorRule | None:
    """The indicator named before a number: "le nombre des victimes secourues s'élève à 13 500",
    "received reports of 3,715", "convictions against 184 traffickers"."""
    before = sentence[max(0, position - _WINDOW_BEFORE) : position]
    best: tuple[int, int, IndicatorRule] | None = None
    for rule in indicator_rules(language):
        if not rule.context_holds(sentence):
            continue
        for match in rule.nouns.finditer(before):
            if best is None or match.end() > best[1]:
                best = (match.start(), match.end(), rule)
    if best is None:
        return None
    start, end, rule = best
    between = before[end:]
    announced = _phrase_pattern(language, "total").search(before[max(0, start - 25) : start])
    linked = _phrase_pattern(language, "total").search(between) and len(between) < 60
    adjacent = re.fullmatch(
        r"\s*(?:\w+\s+)?(?:" + "|".join(_cues(language)["linking"]) + r")\s*", between, re.I
    )
    return rule if announced or linked or adjacent else None


def counts_something(sentence: str, position: int, language: str, value: float = 2) -> bool:
    """Whether the words after a number name something it counts (for ``other_count``).

    The word right after the number must not be a closed-class word, and above one, the number
    counts a plural: one of the first two words has a plural's shape ("4 nuevas unidades",
    "12 repatriation processes"), so that a verb ("1,137 seguían") or a singular counts nothing.
    """
    words: list[str] = []
    end = position
    for _ in range(2):
        word = _WORD.match(sentence, end + 1) or _WORD.match(sentence, end)
        if word is None or sentence[end : word.start()].strip():
            break
        text = word.group(0).lower()
        if len(text) < 3 or text in _cues(language)["not_counted"]:
            break
        words.append(text)
        end = word.end()
    if not words:
        return False
    if value == 1:
        return True
    endings = tuple(_cues(language)["plural_endings"])
    return any(word.endswith(endings) for word in words)


def is_capacity(mention: NumberMention, sentence: Sentence, language: str) -> bool:
    """Whether a number is a capacity ("can house up to 20 women"), not a count."""
    position = mention.start - sentence.start
    before = sentence.text[max(0, position - 30) : position]
    return bool(_phrase_pattern(language, "capacity").search(before))


class Reading(NamedTuple):
    """What a figure measures, in what unit, and how that was read (a code of
    ``vigia.extract.confidence``); an empty ``indicator`` when it names nothing counted."""

    indicator: str
    unit: str
    reason: str


_NOTHING = Reading("", "", "")


def _rule_reading(
    mention: NumberMention,
    sentence: Sentence,
    language: str,
    words: list[str],
    head: str | None,
    context: str,
) -> Reading | None:
    """The indicator a rule of the catalogue gives: the noun after the number (narrowed by a
    predicate), an elided head before it, or a name before it with a total cue."""
    position = mention.end - sentence.start
    local = mention.start - sentence.start
    governed = governed_indicator(sentence.text[:local], words, language, _namer(language))
    if governed:
        return Reading(governed, _unit(governed, language), "verb_before")
    rule = indicator_after(sentence.text, position, language, context)
    if rule and words:  # "142 sentencias fueron condenatorias": the predicate narrows the noun
        narrowed = _indicator_with_head(sentence.text, words[1:], language, words[0], True)
        if narrowed and narrowed.name != rule.name:
            return Reading(narrowed.name, narrowed.unit, "predicate")
    if rule:
        return Reading(rule.name, rule.unit, "noun_after")
    state = state_indicator(clause_after(sentence.text, position), language)
    if state:
        return Reading(state, _unit(state, language), "state_after")
    rule = _indicator_with_head(sentence.text, words, language, head) if head else None
    if rule:
        return Reading(rule.name, rule.unit, "elided_head")
    rule = indicator_before(sentence.text, local, language)
    if rule:
        return Reading(rule.name, rule.unit, "named_before")
    return None


@cache
def _namer(language: str) -> Callable[[str, str], bool]:
    """Whether a rule of an indicator names a word, whatever the sentence's cues."""
    rules = indicator_rules(language)

    def names(indicator: str, word: str) -> bool:
        return any(rule.name == indicator and rule.nouns.fullmatch(word) for rule in rules)

    return names


def _unit(indicator: str, language: str) -> str:
    return next(rule.unit for rule in indicator_rules(language) if rule.name == indicator)


def _indicator_for(
    mention: NumberMention,
    sentence: Sentence,
    language: str,
    previous: Previous = None,
    context: str | None = None,
) -> Reading:
    """What a figure measures; ``previous`` is the figure before it in the sentence, with its
    fact, if it gave one."""
    if is_capacity(mention, sentence, language):
        return _NOTHING
    if mention.kind is NumberKind.MONEY:
        return Reading("budget", mention.unit or "XXX", "money")
    position = mention.end - sentence.start
    local = mention.start - sentence.start
    words = words_after(sentence.text, position)
    head = _elided_head(sentence.text[max(0, local - _HEAD_WINDOW) : local], language)
    if previous and compared(previous, mention, sentence, words, language):
        return Reading(previous[1].indicator, previous[1].unit, "repeated")
    reading = _rule_reading(
        mention, sentence, language, words, head, sentence.text if context is None else context
    )
    if reading:
        return reading
    if previous and repeats(previous, mention, sentence, words, language):
        return Reading(previous[1].indicator, previous[1].unit, "repeated")
    if counts_something(sentence.text, position, language, mention.value):
        return Reading("other_count", "count", "counted")
    if head and not _names_a_noun(words, language):
        return Reading("other_count", "count", "bare_count")
    return _NOTHING


def _elided_head(before: str, language: str) -> str | None:
    cues = _cues(language)
    return elided_head(before, frozenset(cues["not_counted"]), tuple(cues["plural_endings"]))


def _indicator_with_head(
    sentence: str, words: list[str], language: str, head: str, adjacent_alone: bool = False
) -> IndicatorRule | None:
    """The indicator that ``head`` followed by one of ``words`` names, if one does."""

    def matches(phrase: str) -> IndicatorRule | None:
        rules = indicator_rules(language)
        return next(
            (r for r in rules if r.nouns.fullmatch(phrase) and r.context_holds(sentence)), None
        )

    return with_head(head, words, matches, adjacent_alone)


def _names_a_noun(words: list[str], language: str) -> bool:
    """Whether the first of the ``words`` after a number could be its own counted noun: it has a
    plural's shape (a verb or an adverb has not, in the languages read)."""
    if not words:
        return False
    return words[0].endswith(tuple(_cues(language)["plural_endings"]))


def whole(value: float) -> float:
    return int(value) if float(value).is_integer() else value


def is_conversion(mention: NumberMention, sentence: Sentence, figures: list[NumberMention]) -> bool:
    """Money in brackets right after other money (and the name of its currency) is the same
    amount converted: "$9.9 billion (US$49.3 M)", "65 million Jamaican dollars ($420,000)"."""
    local = mention.start - sentence.start
    opening = sentence.text.rfind("(", 0, local)
    if opening < 0 or ")" in sentence.text[opening:local]:
        return False  # not inside brackets: "(US$49.3 M) and $10.3 billion"
    return mention.kind is NumberKind.MONEY and any(
        other.kind is NumberKind.MONEY
        and other.end - sentence.start <= opening
        and _CURRENCY_WORDS.fullmatch(sentence.text[other.end - sentence.start : opening])
        for other in figures
    )


def _fact(
    document: Document,
    mention: NumberMention,
    sentence: Sentence,
    language: str,
    previous: Previous = None,
    context: str | None = None,
) -> Fact | None:
    reading = _indicator_for(mention, sentence, language, previous, context)
    if not reading.indicator:
        return None
    section = document.section_at(sentence.start)
    owner = owner_of(document, section, sentence, language, mention.start)
    if not (owner.country or owner.actor or owner.region):
        return None
    year = reference_year(document, sentence, language, mention.start)
    return figure_fact(document, mention, sentence, reading, owner, PROVENANCE, year)


def figure_fact(
    document: Document,
    mention: NumberMention,
    sentence: Sentence,
    reading: Reading,
    owner: Owner,
    provenance: Provenance,
    year: int | None,
) -> Fact:
    """The fact of the figure ``mention`` read as ``reading``, given to ``owner``, with its
    evidence, reason and confidence."""
    reason = Reason(reading.reason, owner.reason)
    return Fact(
        indicator=reading.indicator,
        value=whole(mention.value),
        qualifier=mention.qualifier,
        evidence=document.evidence_for(sentence),
        provenance=provenance,
        country=owner.country,
        actor=owner.actor,
        region=owner.region,
        year=year,
        unit=reading.unit,
        value_min=whole(mention.value_min) if mention.value_min is not None else None,
        confidence=confidence_of(reason),
        reason=reason,
    )


@cache
def _article_pattern(language: str) -> re.Pattern[str] | None:
    nouns = [
        pattern
        for rule in indicator_rules(language)
        if rule.counts_articles
        for pattern in rule.noun_patterns
    ]
    if not nouns:
        return None
    verbs = "|".join(map(re.escape, sorted(_cues(language)["possession"], key=len, reverse=True)))
    articles = "|".join(map(re.escape, _cues(language)["articles"]))
    return re.compile(
        rf"(?<!\w)(?P<verb>{verbs})\s+(?:aussi\s+|also\s+|también\s+|também\s+)?"
        rf"(?P<article>{articles})\s+(?:\w+\s+)?(?P<noun>{'|'.join(nouns)})(?!\w)",
        re.IGNORECASE,
    )


def article_facts(document: Document, sentence: Sentence, language: str) -> list[Fact]:
    """Facts of one ("Le Chili possède un foyer") for indicators that count single items."""
    pattern = _article_pattern(language)
    facts = []
    for match in pattern.finditer(sentence.text) if pattern else ():
        noun = match.group("noun")
        rule = next(r for r in indicator_rules(language) if r.nouns.fullmatch(noun))
        start = sentence.start + match.start("article")
        planned = bool(_phrase_pattern(language, "planned_possession").search(match.group("verb")))
        mention = NumberMention(
            start,
            start + len(match.group("article")),
            match.group("article"),
            1,
            NumberKind.COUNT,
            Qualifier.PLANNED if planned else Qualifier.EXACT,
        )
        fact = _fact(document, mention, sentence, language)
        if fact and fact.reason:
            fact.indicator, fact.unit = rule.name, rule.unit
            fact.reason = Reason("article", fact.reason.owner)
            fact.confidence = confidence_of(fact.reason)
            facts.append(fact)
    return facts


def figures_by_sentence(document: Document) -> dict[int, list[NumberMention]]:
    """The figures of each sentence, keyed by the sentence's start."""
    grouped: dict[int, list[NumberMention]] = {}
    for mention in document.numbers:
        sentence = document.sentence_at(mention.start)
        if mention.kind in FIGURE_KINDS and sentence:
            grouped.setdefault(sentence.start, []).append(mention)
    return grouped


def _own_stretch(
    sentence: Sentence, figures: list[NumberMention], index: int, language: str
) -> str:
    """The sentence up to the figure after this one (all of it for its last figure), passing over
    figures in an insertion ("Fourteen women, including eight nationals, were rescued"). A rule's
    cue is looked for there: what is said of a later figure ("remitieron a 420 a servicios de
    atención") does not make assisted victims of an earlier one ("entre ellas 301 niños")."""
    later = index + 1
    while later < len(figures) and inserted(sentence, figures[index], figures[later], language):
        later += 1
    if later == len(figures):
        return sentence.text
    end = figures[later].start - sentence.start
    if governing_verb(sentence.text[:end], language):  # "… 20,000 people and trained 620"
        end = governed_from(sentence.text, figures[index].end - sentence.start, end, language)
    return sentence.text[:end]


def extract_facts(document: Document) -> list[Fact]:
    facts: list[Fact] = []
    figures = figures_by_sentence(document)
    for sentence in document.sentences:
        language = document.language_at(sentence.start)
        in_sentence = figures.get(sentence.start, [])
        previous: Previous = None
        outside: Previous = None  # the last figure not in brackets: "45 cases (33 …), compared"
        for index, mention in enumerate(in_sentence):
            if is_conversion(mention, sentence, in_sentence) or document.table_at(mention.start):
                continue  # a table's figures are read from its headers (vigia.extract.table_facts)
            bracketed = in_brackets(sentence, mention)
            previous = previous if bracketed else outside
            context = _own_stretch(sentence, in_sentence, index, language)
            fact = _fact(document, mention, sentence, language, previous, context)
            if fact:
                facts.append(fact)
                previous = (mention, fact)
                outside = outside if bracketed else previous
        facts.extend(article_facts(document, sentence, language))
    return facts


@component(
    "facts",
    version=PROVENANCE.version,
    needs=["sentences", "sections", "numbers", "places", "tables"],
    adds=["facts"],
)
def add_facts(document: Document) -> Document:
    document.facts = extract_facts(document)
    return document
