"""Neighbouring numbers read together: ratios ("4 de cada 100") and ranges ("entre 10 y 12")."""

from __future__ import annotations

from dataclasses import replace

from vigia.domain import NumberKind
from vigia.extract.numbers.sentence import Candidate, SentenceText

# ---------------------------------------------------------------------------------------------
# Pairs: ratios and ranges


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
