"""Validation rules over a state's yearly statistics: vigia.evaluate.validation_rules."""

from __future__ import annotations

import re

import pytest

from vigia.evaluate.validation_rules import (
    IMPORTANCES,
    RuleSyntaxError,
    catalogue_rules,
    parse_rule,
)
from vigia.statistics import Cell

SEXES = ("female", "male", "unknown")
AGES = ("adult", "child", "unknown")


def _victims(total: float, by_sex_and_age: dict[tuple[str, str], float]) -> dict[Cell, float]:
    values = {Cell("victims_detected"): total}
    for sex in SEXES:
        for age in AGES:
            cell = Cell("victims_detected", (("sex", sex), ("age", age)))
            values[cell] = by_sex_and_age.get((sex, age), 0)
    return values


def test_a_comparison_holds_one_way_and_not_the_other() -> None:
    rule = parse_rule("convicted", "persons_convicted <= persons_prosecuted")
    convicted, prosecuted = Cell("persons_convicted"), Cell("persons_prosecuted")

    holds = rule.check({convicted: 43, prosecuted: 52})
    broken = rule.check({convicted: 52, prosecuted: 43})

    assert holds is not None and holds.holds and (holds.left, holds.right) == (43, 52)
    assert broken is not None and not broken.holds


def test_a_breakdown_must_add_up_to_its_total() -> None:
    rule = parse_rule("sexes", "sum(victims_detected by sex, age) == victims_detected")

    adds_up = rule.check(_victims(30, {("female", "adult"): 20, ("male", "child"): 10}))
    short = rule.check(_victims(31, {("female", "adult"): 20, ("male", "child"): 10}))

    assert adds_up is not None and adds_up.holds
    assert short is not None and not short.holds and (short.left, short.right) == (30, 31)


def test_fixed_options_arithmetic_and_numbers() -> None:
    rule = parse_rule(
        "children",
        "sum(victims_detected[age=child] by sex) - 2 == victims_detected[age_group=0_11] + 1.5",
    )
    values = _victims(12, {("female", "child"): 7, ("male", "child"): 5})
    values[Cell("victims_detected", (("age_group", "0_11"),))] = 8.5

    outcome = rule.check(values)

    assert outcome is not None and outcome.holds and outcome.left == 10
    assert len(rule.cells) == 4  # three sexes of children, one age group


def test_a_rule_missing_a_value_is_not_checked_and_an_empty_cell_counts_as_zero() -> None:
    rule = parse_rule("sexes", "sum(victims_detected by sex, age) == victims_detected")
    values = _victims(30, {("female", "adult"): 30})
    del values[Cell("victims_detected", (("sex", "unknown"), ("age", "unknown")))]
    only_total = {Cell("victims_detected"): 30.0}

    partial = rule.check(values)

    assert partial is not None and partial.holds
    assert rule.check(only_total) is None  # no cell of the sum entered
    assert parse_rule("c", "persons_convicted <= persons_prosecuted").check({}) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "persons_jailed <= persons_prosecuted",
            "character 1: unknown data element 'persons_jailed'",
        ),
        ("sum(victims_detected by colour) == 1", "unknown category 'colour'"),
        ("victims_detected[sex=other] <= 1", "sex has no option 'other'"),
        ("victims_detected[sex=female] <= 1", "victims_detected has no breakdown by sex"),
        ("sum(persons_convicted by exploitation) <= 1", "no breakdown by exploitation"),
        ("persons_convicted persons_prosecuted", "expected one of <= < >= > == !="),
        ("persons_convicted <= persons_prosecuted 3", "unexpected '3' after the rule"),
        ("persons_convicted <= persons_prosecuted * 2", "cannot read '* 2'"),
        ("sum(victims_detected by sex, age == 2", "expected ')'"),
        ("persons_convicted <=", "expected 'more', found 'the end'"),
    ],
)
def test_a_rule_that_cannot_be_read_says_where(text: str, message: str) -> None:
    with pytest.raises(RuleSyntaxError, match=re.escape(message)):
        parse_rule("r", text)


def test_every_rule_of_the_catalogue_reads_and_has_an_importance() -> None:
    rules = catalogue_rules()

    assert len(rules) >= 9
    assert {rule.importance for rule in rules} <= set(IMPORTANCES)
    assert all(rule.cells for rule in rules)
