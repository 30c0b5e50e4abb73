"""Neighbouring numbers read together: ratios ("4 de cada 100", "de cada 100 denuncias, 19…")
and ranges ("entre 10 y 12")."""

from __future__ import annotations

import re
from dataclasses import replace

from vigia.domain import NumberKind
from vigia.extract.numbers.sentence import Candidate, SentenceText

# ---------------------------------------------------------------------------------------------
# Pairs: ratios and ranges

#: What lies between a ratio's base and its part given after it: the base's noun and a comma
#: ("de cada 100 denuncias, 19 se resolvieron", "out of every 10 cases, 6 ended…").
_BASE_THEN_PART = re.compile(r"\s+[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2}\s*,\s*")


def paired(sentence: SentenceText, candidates: list[Candidate]) -> list[Candidate]:
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
        return _ratio(first, second)
    based = sentence.ends_with("ratio_before", first.start) and _BASE_THEN_PART.fullmatch(between)
    if based and not second.year_shaped and second.value <= first.value:
        return _ratio(first, second)
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


def _ratio(first: Candidate, second: Candidate) -> list[Candidate]:
    return [
        replace(first, forced_kind=NumberKind.RATIO, weak=False),
        replace(second, forced_kind=NumberKind.RATIO, weak=False),
    ]
