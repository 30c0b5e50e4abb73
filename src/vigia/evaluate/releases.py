"""Releasing tables of a case register, and the privacy-budget ledger that bounds them.

    release = release_table(session, secretariat, "CTDC", ("year", "sex", "exploitation"),
                            scope="americas", mechanism="laplace", epsilon=1.0)
    ledger(session, "CTDC")   # [LedgerYear(year=2016, spent=1.0, budget=3.0), ...]

Only the secretariat releases, and a release is public once made. Two mechanisms
(``data/disclosure.json``):

- ``suppression``: the counts, small cells and their complements hidden
  (:mod:`vigia.evaluate.disclosure`);
- ``laplace``: differentially private counts. Each cell of the table (not its margins) gets noise
  from OpenDP's discrete Laplace mechanism of scale 1/ε: one record added or removed changes one
  cell by one, so the release is ε-differentially private (δ = 0). The noisy counts are then made
  non-negative, and the margins are their sums: every total agrees with its cells.

**The ledger.** Records of different years are different people's, so a Laplace release spends its
ε on each year of records it counts; a register's year may spend at most ``budget_per_year``. A
release that would go over is refused with what is left. Asking again for a release already made
(same query and parameters) returns the stored one and spends nothing. A suppressed table of the
same register, dimensions and years as an earlier one but another scope is refused: the difference
of the two would show the records one scope has and the other not (a differencing attack).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

import opendp.prelude as dp
from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.errors import InvalidValue, PermissionDenied
from vigia.evaluate.case_register import check_register
from vigia.evaluate.disclosure import TOTAL, CountTable, Key, build_table, count_cases, suppress
from vigia.permissions import Principal, can_release_statistics
from vigia.reference import load_data_file
from vigia.store import audit
from vigia.store.models import ReleaseRow, UserRow
from vigia.store.transactions import committed

MECHANISMS = ("suppression", "laplace")


class BudgetExceeded(InvalidValue):
    """A release that would spend more than a year's privacy budget."""


@dataclass(frozen=True)
class Policy:
    k: int
    budget_per_year: float
    epsilon_choices: tuple[float, ...]


@dataclass(frozen=True)
class Release:
    id: int
    register: str
    dimensions: tuple[str, ...]
    scope: str | None
    mechanism: str
    k: int | None
    epsilon: float | None
    years: tuple[int, ...]
    cells: dict[Key, int | None]
    records: int
    approved_by: str | None
    approved_at: datetime
    #: False when the same release was made before and this is it again (nothing spent).
    new: bool = True


@dataclass(frozen=True)
class LedgerYear:
    year: int
    spent: float
    budget: float

    @property
    def left(self) -> float:
        return max(self.budget - self.spent, 0.0)


@cache
def policy() -> Policy:
    data: dict[str, Any] = load_data_file("disclosure.json")
    return Policy(data["k"], float(data["budget_per_year"]), tuple(data["epsilon_choices"]))


def release_table(
    session: Session,
    principal: Principal,
    register: str,
    dimensions: tuple[str, ...],
    *,
    scope: str | None = None,
    mechanism: str = "suppression",
    epsilon: float | None = None,
) -> Release:
    """Release a table (the secretariat): the stored one if the same was released before."""
    if not can_release_statistics(principal):
        raise PermissionDenied("only the secretariat releases statistics from a case register")
    register = check_register(register)
    if mechanism not in MECHANISMS:
        raise InvalidValue(f"unknown mechanism {mechanism!r}; one of {', '.join(MECHANISMS)}")
    rules = policy()
    if mechanism == "laplace":
        if epsilon is None or float(epsilon) not in rules.epsilon_choices:
            choices = ", ".join(f"{value:g}" for value in rules.epsilon_choices)
            raise InvalidValue(f"a Laplace release needs an epsilon among {choices}")
        epsilon = float(epsilon)
    else:
        epsilon = None
    key = _query_key(register, dimensions, scope, mechanism, epsilon, rules.k)
    stored = session.scalar(select(ReleaseRow).where(ReleaseRow.query_key == key))
    if stored is not None:
        return _release(session, stored, new=False)
    table = count_cases(session, register, dimensions, scope=scope)
    years = _years(session, table)
    with committed(session):
        user = session.get(UserRow, principal.user_id)
        _check_differencing(session, register, dimensions, scope, mechanism, years)
        if epsilon is not None:
            _spend(session, register, years, epsilon)
            cells = laplace_counts(table, epsilon)
        else:
            cells = _suppressed(table, rules.k)
        row = ReleaseRow(
            register=register,
            dimensions=list(dimensions),
            scope=scope,
            mechanism=mechanism,
            k=rules.k if mechanism == "suppression" else None,
            epsilon=epsilon,
            delta=0.0 if epsilon is not None else None,
            years=list(years),
            query_key=key,
            cells=[[list(cell), value] for cell, value in cells.items()],
            records=cells[tuple(TOTAL for _ in dimensions)] or 0,  # as published
            approved_by=None if user is None else user.id,
            approved_at=datetime.now(UTC),
        )
        session.add(row)
        session.flush()
        details = {"query": key, "years": list(years)}
        audit.record(session, user, "statistics.release", "releases", row.id, None, None, details)
    return _release(session, row, new=True)


def ledger(session: Session, register: str) -> list[LedgerYear]:
    """What each year of ``register``'s records has spent, and its budget, oldest first."""
    register = check_register(register)
    spent: dict[int, float] = {}
    for years, epsilon in session.execute(
        select(ReleaseRow.years, ReleaseRow.epsilon).where(
            ReleaseRow.register == register, ReleaseRow.epsilon.is_not(None)
        )
    ):
        for year in years:
            spent[year] = spent.get(year, 0.0) + (epsilon or 0.0)
    budget = policy().budget_per_year
    return [LedgerYear(year, round(spent[year], 9), budget) for year in sorted(spent)]


def releases(session: Session, register: str | None = None) -> list[Release]:
    """The releases made, newest first (public: each is published once made)."""
    statement = select(ReleaseRow).order_by(ReleaseRow.id.desc())
    if register is not None:
        statement = statement.where(ReleaseRow.register == check_register(register))
    return [_release(session, row, new=False) for row in session.scalars(statement)]


def find_release(session: Session, release_id: int) -> Release | None:
    """One release by its id, or None."""
    row = session.get(ReleaseRow, release_id)
    return None if row is None else _release(session, row, new=False)


def _query_key(
    register: str,
    dimensions: tuple[str, ...],
    scope: str | None,
    mechanism: str,
    epsilon: float | None,
    k: int,
) -> str:
    parameter = f"epsilon={epsilon:g}" if epsilon is not None else f"k={k}"
    return "|".join([register, ",".join(dimensions), scope or "all", mechanism, parameter])


def _years(session: Session, table: CountTable) -> tuple[int, ...]:
    """The years of records a table counts: its year categories, else every year it holds."""
    if "year" in table.dimensions:
        index = table.dimensions.index("year")
        return tuple(
            int(year)
            for year in table.categories[index]
            if year.isdigit() and table.counts[_margin(table, index, year)] > 0
        )
    by_year = count_cases(session, table.register, ("year", table.dimensions[0]), scope=table.scope)
    return tuple(int(year) for year in by_year.categories[0] if year.isdigit())


def _margin(table: CountTable, index: int, value: str) -> Key:
    """The total over every dimension but ``index``, at ``value``."""
    return tuple(value if axis == index else TOTAL for axis in range(len(table.dimensions)))


def _spend(session: Session, register: str, years: tuple[int, ...], epsilon: float) -> None:
    budget = policy().budget_per_year
    spent = {entry.year: entry.spent for entry in ledger(session, register)}
    over = [year for year in years if spent.get(year, 0.0) + epsilon > budget + 1e-9]
    if over:
        left = ", ".join(f"{year}: {max(budget - spent.get(year, 0.0), 0):g}" for year in over)
        raise BudgetExceeded(
            f"this release would spend ε = {epsilon:g} on years whose budget ({budget:g} a year) "
            f"has less left ({left}); nothing was released"
        )


def _check_differencing(
    session: Session,
    register: str,
    dimensions: tuple[str, ...],
    scope: str | None,
    mechanism: str,
    years: tuple[int, ...],
) -> None:
    if mechanism != "suppression":
        return
    earlier = session.scalars(
        select(ReleaseRow).where(
            ReleaseRow.register == register, ReleaseRow.mechanism == "suppression"
        )
    )
    for row in earlier:
        same_table = tuple(row.dimensions) == dimensions and set(row.years) & set(years)
        if same_table and row.scope != scope:
            raise InvalidValue(
                f"release {row.id} already published this table of {register} for "
                f"{row.scope or 'all records'}; publishing it for {scope or 'all records'} too "
                "would show their difference cell by cell; nothing was released"
            )


def _suppressed(table: CountTable, k: int) -> dict[Key, int | None]:
    released = suppress(table, k)
    return {key: released.value(key) for key in table.all_keys()}


def laplace_counts(table: CountTable, epsilon: float) -> dict[Key, int | None]:
    """Discrete Laplace noise of scale 1/ε on each cell; non-negative; margins summed."""
    dp.enable_features("contrib")
    interior = [key for key in table.all_keys() if TOTAL not in key]
    space = dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int)
    measurement = space >> dp.m.then_laplace(scale=1.0 / epsilon)
    noisy = measurement([table.counts[key] for key in interior])
    observed = {key: max(int(value), 0) for key, value in zip(interior, noisy, strict=True)}
    built = build_table(table.register, table.dimensions, table.categories, observed, table.scope)
    return dict(built.counts)


def _release(session: Session, row: ReleaseRow, *, new: bool) -> Release:
    approver = None if row.approved_by is None else session.get(UserRow, row.approved_by)
    return Release(
        id=row.id,
        register=row.register,
        dimensions=tuple(row.dimensions),
        scope=row.scope,
        mechanism=row.mechanism,
        k=row.k,
        epsilon=row.epsilon,
        years=tuple(row.years),
        cells={tuple(key): value for key, value in row.cells},
        records=row.records,
        approved_by=None if approver is None else approver.display_name or "secretariat",
        approved_at=row.approved_at
        if row.approved_at.tzinfo
        else row.approved_at.replace(tzinfo=UTC),  # SQLite gives it back without its zone
        new=new,
    )
