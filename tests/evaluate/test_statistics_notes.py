"""Comparability notes: vigia.evaluate.statistics_notes, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from vigia.errors import InvalidValue, PermissionDenied
from vigia.evaluate.statistics_notes import LONGEST_NOTE, comparability_notes, save_notes
from vigia.store.audit import list_entries

REFERRAL = "Victims are counted when referred to assistance, not when detected."


def test_a_focal_point_sets_changes_and_removes_its_states_notes(
    session: Session, people: People
) -> None:
    save_notes(session, people.focal_point_cri, "cri", {"victims_detected": REFERRAL, "": "All"})
    save_notes(session, people.focal_point_cri, "CRI", {"victims_detected": REFERRAL})  # same
    kept = save_notes(session, people.focal_point_cri, "CRI", {"": "  Only   the capital. "})
    removed = save_notes(session, people.secretariat, "CRI", {"victims_detected": ""})

    assert [(note.element, note.text) for note in kept] == [
        ("", "Only the capital."),
        ("victims_detected", REFERRAL),
    ]
    assert [(note.element, note.text) for note in removed] == [("", "Only the capital.")]
    entries = list_entries(session, action="statistics.note")
    assert len(entries) == 4  # two set, one changed, one removed: the unchanged one is not
    assert entries[0].after is None and entries[0].before == {"text": REFERRAL}


def test_another_states_notes_and_bad_notes_change_nothing(
    session: Session, people: People
) -> None:
    with pytest.raises(PermissionDenied):
        save_notes(session, people.focal_point_arg, "CRI", {"": "Not mine."})
    with pytest.raises(PermissionDenied):
        save_notes(session, people.anonymous, "CRI", {"": "Nobody."})
    with pytest.raises(InvalidValue, match="unknown element"):
        save_notes(session, people.focal_point_cri, "CRI", {"": "Fine", "victims_jailed": "x"})
    with pytest.raises(InvalidValue, match="longer than"):
        save_notes(session, people.focal_point_cri, "CRI", {"": "x" * (LONGEST_NOTE + 1)})

    assert comparability_notes(session) == []
