"""``vigia learn``: what it learnt from, and the scores before and after."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy.orm import Session

from tests.services.test_learning import reviewed, unseen  # noqa: F401 (fixtures)
from vigia.cli import main


def test_learn_prints_the_examples_and_the_scores_before_and_after(
    reviewed: Session,  # noqa: F811
    unseen: Path,  # noqa: F811
    ready_database_url: str,
) -> None:
    result = CliRunner().invoke(main, ["learn", str(unseen), "--db", ready_database_url])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "learnt from 4 reviewed facts: investigations 1, not_a_fact 1, victims_rescued 1,"
        " working_groups 1"
    )
    before = lines.index("before:")
    after = lines.index("after:")
    assert lines[before + 3].split() == ["unseen", "1/2", "1/3", "4", "1", "0.25", "0"]
    assert lines[after + 3].split() == ["unseen", "2/2", "3/3", "3", "3", "1.00", "0"]
