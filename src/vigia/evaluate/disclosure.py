"""Tables of victim records that can be published: counts, small cells suppressed, and margins
that cannot give a suppressed cell back.

    table = count_cases(session, "CTDC", ("year", "sex", "exploitation"), scope="americas")
    released = suppress(table, k=11)
    released.value(("2016", "female", "*"))   # a total over exploitation; None when suppressed

A table counts records by two or three of :data:`DIMENSIONS`, every combination of their
categories included (zeros too), with every margin: a ``*`` in a key is the total over that
dimension. :func:`suppress` hides

1. **primary** cells: counts from 1 to ``k - 1`` (CTDC publishes with ``k = 11``), margins
   included;
2. **complementary** cells, so that no hidden cell can be worked out from what is published: each
   line of the table (the cells along one dimension and their total) with one hidden cell gets a
   second one (the smallest count in it), and then, while the published values and the lines'
   sums still determine a hidden cell (a linear system, solved for its null space), another cell
   of one of its lines is hidden, until none is determined.

Zeros are published: a count of none identifies nobody.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

import numpy as np
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from vigia.cases import UNKNOWN, case_vocabulary
from vigia.errors import InvalidValue
from vigia.reference import member_states
from vigia.store.models import CaseRow

#: What a table may count records by.
DIMENSIONS = ("year", "sex", "age_group", "exploitation", "citizenship", "exploitation_country")
TOTAL = "*"
#: Scopes a table may be limited to: the records whose citizenship or country of exploitation is
#: an OAS member state.
SCOPES = ("americas",)
DEFAULT_K = 11
Key = tuple[str, ...]
#: The cells along one dimension, and their total.
Line = tuple[list[Key], Key]


@dataclass(frozen=True)
class CountTable:
    """Counts by ``dimensions``: every combination of ``categories`` and every margin."""

    register: str
    dimensions: tuple[str, ...]
    categories: tuple[tuple[str, ...], ...]
    counts: dict[Key, int]
    scope: str | None = None

    def all_keys(self) -> Iterator[Key]:
        """Every cell and margin (``*`` for a total over a dimension)."""
        return product(*((*options, TOTAL) for options in self.categories))

    def lines(self) -> Iterator[Line]:
        """Each line of the table: the cells along one dimension, and their total."""
        for axis, options in enumerate(self.categories):
            others = [
                (*values, TOTAL) for index, values in enumerate(self.categories) if index != axis
            ]
            for fixed in product(*others):
                keys = [(*fixed[:axis], option, *fixed[axis:]) for option in options]
                yield keys, (*fixed[:axis], TOTAL, *fixed[axis:])


@dataclass(frozen=True)
class SuppressedTable:
    table: CountTable
    k: int
    primary: frozenset[Key]
    complementary: frozenset[Key]

    @property
    def hidden(self) -> frozenset[Key]:
        return self.primary | self.complementary

    def value(self, key: Key) -> int | None:
        """The published count of ``key``; None when it is suppressed."""
        return None if key in self.hidden else self.table.counts[key]


def count_cases(
    session: Session,
    register: str,
    dimensions: tuple[str, ...],
    *,
    scope: str | None = None,
) -> CountTable:
    """The records of ``register`` counted by two or three ``dimensions``."""
    if not 2 <= len(dimensions) <= 3 or len(set(dimensions)) != len(dimensions):
        raise InvalidValue("a table counts by two or three different dimensions")
    unknown = [name for name in dimensions if name not in DIMENSIONS]
    if unknown:
        raise InvalidValue(f"unknown dimension {unknown[0]!r}; one of {', '.join(DIMENSIONS)}")
    if scope is not None and scope not in SCOPES:
        raise InvalidValue(f"unknown scope {scope!r}; one of {', '.join(SCOPES)}")
    columns = [getattr(CaseRow, name) for name in dimensions]
    statement = select(*columns, func.count()).where(CaseRow.register == register)
    if scope == "americas":
        members = sorted(member_states())
        statement = statement.where(
            or_(CaseRow.citizenship.in_(members), CaseRow.exploitation_country.in_(members))
        )
    observed: dict[Key, int] = {}
    for *values, count in session.execute(statement.group_by(*columns)):
        key = tuple(UNKNOWN if value is None else str(value) for value in values)
        observed[key] = observed.get(key, 0) + int(count)
    categories = tuple(
        _categories(name, {key[index] for key in observed}) for index, name in enumerate(dimensions)
    )
    return build_table(register, dimensions, categories, observed, scope)


def build_table(
    register: str,
    dimensions: tuple[str, ...],
    categories: tuple[tuple[str, ...], ...],
    observed: dict[Key, int],
    scope: str | None = None,
) -> CountTable:
    """A table of the ``observed`` counts (cells absent are zeros), with every margin."""
    table = CountTable(register, dimensions, categories, {}, scope)
    for key in table.all_keys():
        table.counts[key] = sum(
            count
            for cell, count in observed.items()
            if all(part in (TOTAL, value) for part, value in zip(key, cell, strict=True))
        )
    return table


def suppress(table: CountTable, k: int = DEFAULT_K) -> SuppressedTable:
    """``table`` with small cells suppressed and their complements (see the module)."""
    if k < 2:
        raise InvalidValue("the threshold k is 2 or more")
    counts = table.counts
    primary = {key for key, count in counts.items() if 0 < count < k}
    hidden = set(primary)
    lines = list(table.lines())
    while True:
        if _protect_lines(lines, counts, hidden):
            continue
        determined = _determined(lines, hidden)
        if not determined:
            break
        for key in sorted(determined):
            line = next(members for members in _members(lines) if key in members)
            _hide_one(line, counts, hidden)
    return SuppressedTable(table, k, frozenset(primary), frozenset(hidden - primary))


def _categories(name: str, observed: set[str]) -> tuple[str, ...]:
    vocabulary = case_vocabulary()
    known = {
        "sex": tuple(vocabulary.sexes),
        "age_group": tuple(vocabulary.age_groups),
        "exploitation": tuple(vocabulary.exploitation),
    }.get(name)
    if known is not None:
        return known
    return tuple(sorted(observed, key=lambda value: (value == UNKNOWN, value)))


def _members(lines: list[Line]) -> Iterator[list[Key]]:
    for cells, total in lines:
        yield [*cells, total]


def _protect_lines(lines: list[Line], counts: dict[Key, int], hidden: set[Key]) -> bool:
    """Give every line with a single hidden member a second one; whether any was added."""
    added = False
    for members in _members(lines):
        if sum(member in hidden for member in members) == 1:
            added |= _hide_one(members, counts, hidden)
    return added


def _hide_one(members: list[Key], counts: dict[Key, int], hidden: set[Key]) -> bool:
    """Hide the published member of a line that costs least: the smallest positive count of
    a cell, else a zero, else the line's total."""
    shown = [member for member in members if member not in hidden]
    if not shown:
        return False
    total = members[-1]

    def cost(member: Key) -> tuple[int, int, Key]:
        if member == total:
            return (2, counts[member], member)
        return (0 if counts[member] > 0 else 1, counts[member], member)

    hidden.add(min(shown, key=cost))
    return True


def _determined(lines: list[Line], hidden: set[Key]) -> set[Key]:
    """The hidden members that the published values and the lines' sums give exactly."""
    unknowns = sorted(hidden)
    if not unknowns:
        return set()
    column = {key: index for index, key in enumerate(unknowns)}
    rows = []
    for cells, total in lines:
        if not any(member in hidden for member in (*cells, total)):
            continue
        row = np.zeros(len(unknowns))
        for cell in cells:
            if cell in column:
                row[column[cell]] += 1.0
        if total in column:
            row[column[total]] -= 1.0
        rows.append(row)
    if not rows:
        return set()
    matrix = np.array(rows)
    _, singular, vectors = np.linalg.svd(matrix)
    rank = int(np.sum(singular > 1e-9))
    null_space = vectors[rank:]
    if null_space.size == 0:
        return set(unknowns)
    return {key for key in unknowns if np.all(np.abs(null_space[:, column[key]]) < 1e-9)}
