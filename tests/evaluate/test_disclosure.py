"""Small-cell and complementary suppression: vigia.evaluate.disclosure, attacked by a solver."""

from __future__ import annotations

import random

import numpy as np
import pytest
from scipy.optimize import linprog
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from tests.evaluate.test_case_register import _case_manager
from vigia.errors import InvalidValue
from vigia.evaluate.case_register import import_cases
from vigia.evaluate.disclosure import (
    TOTAL,
    Key,
    SuppressedTable,
    build_table,
    count_cases,
    suppress,
)
from vigia.store.sealing import Sealer

K = 11


def _attack(released: SuppressedTable) -> dict[Key, tuple[float, float]]:
    """The smallest and largest value each hidden cell can take, given everything published:
    every line's sum, and counts that are not negative (a linear programme per cell)."""
    hidden = sorted(released.hidden)
    column = {key: index for index, key in enumerate(hidden)}
    rows, right = [], []
    for cells, total in released.table.lines():
        row = np.zeros(len(hidden))
        known = 0.0
        for member, sign in [*((cell, 1.0) for cell in cells), (total, -1.0)]:
            if member in column:
                row[column[member]] += sign
            else:
                known += sign * released.table.counts[member]
        if row.any():
            rows.append(row)
            right.append(-known)
    ranges = {}
    for key in hidden:
        objective = np.zeros(len(hidden))
        objective[column[key]] = 1.0
        low = linprog(objective, A_eq=rows, b_eq=right, bounds=(0, None))
        high = linprog(-objective, A_eq=rows, b_eq=right, bounds=(0, None))
        assert low.status == 0 and high.status in (0, 3)  # 3: no upper bound at all
        ranges[key] = (low.fun, np.inf if high.status == 3 else -high.fun)
    return ranges


def _random_table(seed: int, shape: tuple[int, ...]) -> SuppressedTable:
    chance = random.Random(seed)
    categories = tuple(
        tuple(f"{axis}{index}" for index in range(size)) for axis, size in enumerate(shape)
    )
    observed = {}
    for cell in np.ndindex(*shape):
        draw = chance.random()
        count = (
            0 if draw < 0.2 else chance.randint(1, 10) if draw < 0.5 else chance.randint(11, 400)
        )
        observed[tuple(categories[axis][index] for axis, index in enumerate(cell))] = count
    dimensions = ("year", "sex", "exploitation")[: len(shape)]
    return suppress(build_table("TEST", dimensions, categories, observed), K)


def _check(released: SuppressedTable) -> None:
    for key in released.table.counts:
        shown = released.value(key)
        assert shown is None or not 0 < shown < K, (key, shown)
    for key, (low, high) in _attack(released).items():
        assert high - low >= 1 - 1e-6, f"{key} is pinned to {low}..{high}"


def test_one_small_cell_gets_a_complement_in_its_row_and_column() -> None:
    categories = (("2020", "2021", "2022"), ("female", "male"))
    observed = {
        ("2020", "female"): 40,
        ("2020", "male"): 3,
        ("2021", "female"): 50,
        ("2021", "male"): 60,
        ("2022", "female"): 70,
        ("2022", "male"): 80,
    }

    released = suppress(build_table("T", ("year", "sex"), categories, observed), K)

    assert released.primary == {("2020", "male")}
    assert released.value(("2020", "male")) is None
    assert released.value((TOTAL, TOTAL)) == 303
    hidden = released.hidden
    assert (
        sum(key[0] == "2020" for key in hidden) >= 2
        and sum(key[1] == "male" for key in hidden) >= 2
    )
    _check(released)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("shape", [(4, 3), (5, 3, 4)])
def test_no_hidden_cell_can_be_solved_for_from_what_is_published(
    seed: int, shape: tuple[int, ...]
) -> None:
    released = _random_table(seed, shape)

    assert released.primary  # the draw has small cells to hide
    _check(released)


def test_the_attack_finds_a_small_cell_hidden_alone() -> None:
    """The solver is a real attack: with primary suppression only, it gives the cell back."""
    categories = (("2020", "2021"), ("female", "male"))
    observed = {("2020", "female"): 40, ("2020", "male"): 3, ("2021", "female"): 50}
    table = build_table("T", ("year", "sex"), categories, observed)
    alone = SuppressedTable(table, K, frozenset({("2020", "male")}), frozenset())

    assert _attack(alone)[("2020", "male")] == pytest.approx((3, 3))


def test_a_states_register_is_counted_and_protected(session: Session) -> None:
    manager = _case_manager(session, "GTM")
    rows = ["year,sex,age_group,forms"]
    rows += ["2021,female,9-17,sexual_exploitation"] * 30 + ["2021,male,30-38,forced_labour"] * 4
    rows += ["2022,female,18-20,sexual_exploitation"] * 25 + ["2022,male,30-38,forced_labour"] * 15
    import_cases(session, manager, "\n".join(rows).encode(), "GTM", Sealer.from_text(""))

    table = count_cases(session, "GTM", ("year", "sex"))
    released = suppress(table, K)

    assert table.counts[("2021", "male")] == 4 and table.counts[(TOTAL, TOTAL)] == 74
    assert ("2021", "male") in released.primary
    _check(released)


def test_bad_table_requests_are_refused(session: Session) -> None:
    for dimensions in [("year",), ("year", "year"), ("year", "sex", "age_group", "citizenship")]:
        with pytest.raises(InvalidValue):
            count_cases(session, "CTDC", dimensions)
    with pytest.raises(InvalidValue, match="unknown dimension"):
        count_cases(session, "CTDC", ("year", "name"))
    with pytest.raises(InvalidValue, match="unknown scope"):
        count_cases(session, "CTDC", ("year", "sex"), scope="europe")


def test_the_ctdc_americas_table_publishes_no_cell_under_k(
    session: Session, people: People, ctdc_subset: bytes
) -> None:
    import_cases(session, people.secretariat, ctdc_subset, "CTDC", Sealer.from_text(""))

    table = count_cases(session, "CTDC", ("year", "sex", "exploitation"), scope="americas")
    released = suppress(table, K)

    assert table.counts[(TOTAL, TOTAL, TOTAL)] > 10_000
    _check(released)
