"""Releasing case-register tables and the privacy-budget ledger: vigia.evaluate.releases."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from vigia.errors import InvalidValue, PermissionDenied
from vigia.evaluate.case_register import import_cases
from vigia.evaluate.disclosure import TOTAL
from vigia.evaluate.releases import BudgetExceeded, ledger, release_table, releases
from vigia.store.audit import list_entries
from vigia.store.sealing import Sealer

YEAR_SEX = ("year", "sex")


def _records(session: Session, people: People) -> None:
    rows = ["year,sex,age_group,citizenship,forms"]
    rows += ["2021,female,9-17,GTM,sexual_exploitation"] * 30
    rows += ["2021,male,30-38,ESP,forced_labour"] * 4
    rows += ["2022,female,18-20,HND,sexual_exploitation"] * 25
    rows += ["2022,male,30-38,GTM,forced_labour"] * 15
    data = "\n".join(rows).encode()
    report = import_cases(session, people.secretariat, data, "TEST", Sealer.from_text(""))
    assert report.ok


def test_only_the_secretariat_releases(session: Session, people: People) -> None:
    _records(session, people)
    for who in (people.focal_point_cri, people.administrator, people.anonymous):
        with pytest.raises(PermissionDenied):
            release_table(session, who, "TEST", YEAR_SEX)
    assert releases(session) == []


def test_a_suppressed_release_is_stored_with_its_approver_and_audited(
    session: Session, people: People
) -> None:
    _records(session, people)

    release = release_table(session, people.secretariat, "TEST", YEAR_SEX)

    assert release.new and release.mechanism == "suppression" and release.k == 11
    assert release.cells[("2021", "male")] is None  # 4 records: hidden
    assert release.cells[(TOTAL, TOTAL)] == 74 and release.years == (2021, 2022)
    assert ledger(session, "TEST") == []  # suppression spends no epsilon
    assert list_entries(session, action="statistics.release")[0].details["years"] == [2021, 2022]


def test_laplace_releases_spend_the_budget_and_the_same_release_spends_nothing_again(
    session: Session, people: People
) -> None:
    _records(session, people)
    secretariat = people.secretariat

    first = release_table(session, secretariat, "TEST", YEAR_SEX, mechanism="laplace", epsilon=1.0)
    again = release_table(session, secretariat, "TEST", YEAR_SEX, mechanism="laplace", epsilon=1.0)
    second = release_table(
        session, secretariat, "TEST", ("year", "age_group"), mechanism="laplace", epsilon=2.0
    )
    with pytest.raises(BudgetExceeded, match="2021: 0") as refused:
        release_table(
            session, secretariat, "TEST", ("year", "exploitation"), mechanism="laplace", epsilon=0.5
        )

    assert first.new and not again.new and again.cells == first.cells
    assert second.new and "nothing was released" in str(refused.value)
    assert [(entry.year, entry.spent, entry.left) for entry in ledger(session, "TEST")] == [
        (2021, 3.0, 0.0),
        (2022, 3.0, 0.0),
    ]
    assert len(releases(session, "TEST")) == 2


def test_laplace_counts_are_whole_not_negative_and_add_up(session: Session, people: People) -> None:
    _records(session, people)

    release = release_table(
        session,
        people.secretariat,
        "TEST",
        ("year", "sex", "exploitation"),
        mechanism="laplace",
        epsilon=0.5,
    )

    cells = release.cells
    assert all(isinstance(value, int) and value >= 0 for value in cells.values())
    for year in ("2021", "2022"):
        inner = [value for key, value in cells.items() if key[0] == year and TOTAL not in key[1:]]
        assert sum(v for v in inner if v is not None) == cells[(year, TOTAL, TOTAL)]


def test_an_epsilon_outside_the_choices_is_refused(session: Session, people: People) -> None:
    _records(session, people)
    for epsilon in (None, 0.0, 7.0):
        with pytest.raises(InvalidValue, match="epsilon among"):
            release_table(
                session, people.secretariat, "TEST", YEAR_SEX, mechanism="laplace", epsilon=epsilon
            )
    with pytest.raises(InvalidValue, match="unknown mechanism"):
        release_table(session, people.secretariat, "TEST", YEAR_SEX, mechanism="rounding")


def test_a_differencing_attack_between_two_suppressed_scopes_is_refused(
    session: Session, people: People
) -> None:
    _records(session, people)
    release_table(session, people.secretariat, "TEST", YEAR_SEX)

    with pytest.raises(InvalidValue, match="difference") as refused:
        release_table(session, people.secretariat, "TEST", YEAR_SEX, scope="americas")

    assert "nothing was released" in str(refused.value)
    assert len(releases(session)) == 1


def test_the_americas_ctdc_release_of_year_sex_and_exploitation(
    session: Session, people: People, ctdc_subset: bytes
) -> None:
    import_cases(session, people.secretariat, ctdc_subset, "CTDC", Sealer.from_text(""))

    release = release_table(
        session,
        people.secretariat,
        "CTDC",
        ("year", "sex", "exploitation"),
        scope="americas",
        mechanism="laplace",
        epsilon=1.0,
    )

    assert release.records > 10_000 and 2016 in release.years
    assert {entry.spent for entry in ledger(session, "CTDC")} == {1.0}
