"""Whether a number is exact, approximate, a bound, or planned rather than achieved."""

from __future__ import annotations

from vigia.domain import NumberKind, Qualifier
from vigia.extract.numbers.candidates import squeezed
from vigia.extract.numbers.patterns import CLAUSE_BREAKS, IDENTIFIER_KINDS
from vigia.extract.numbers.sentence import Candidate, SentenceText

# ---------------------------------------------------------------------------------------------
# Qualifiers


def qualifier_before(candidate: Candidate, sentence: SentenceText) -> tuple[Qualifier | None, str]:
    match = sentence.ends_with("qualifier_before", candidate.start, 40)
    if not match:
        return None, ""
    name = match.lastgroup or "exact"
    return Qualifier(name), squeezed(match.group(name))


def _qualifier_after(candidate: Candidate, sentence: SentenceText) -> Qualifier | None:
    match = sentence.lexicon.pattern("qualifier_after").match(sentence.lowered, candidate.end)
    return Qualifier(match.lastgroup) if match and match.lastgroup else None


def _is_planned(candidate: Candidate, sentence: SentenceText) -> bool:
    """Whether the number's clause speaks of the future or an intention."""
    text, lowered = sentence.text, sentence.lowered
    clause_start = max(text.rfind(mark, 0, candidate.start) for mark in CLAUSE_BREAKS) + 1
    clause_start = max(clause_start, candidate.start - 100)
    ends = [text.find(mark, candidate.end) for mark in CLAUSE_BREAKS]
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
    if kind in IDENTIFIER_KINDS:
        return Qualifier.EXACT
    if kind in (NumberKind.COUNT, NumberKind.MONEY) and _is_planned(candidate, sentence):
        return Qualifier.PLANNED
    before, _ = qualifier_before(candidate, sentence)
    if before is not None and before is not Qualifier.EXACT:
        return before
    after = _qualifier_after(candidate, sentence)
    if after is not None:
        return after
    is_range = candidate.value_min is not None
    return Qualifier.APPROXIMATELY if candidate.approximate or is_range else Qualifier.EXACT
