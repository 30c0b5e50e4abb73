"""The directory of national authorities and focal points: vigia.evaluate.directory."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.evaluate.reports import Reviewers, evaluation_session, reviewers
from vigia.errors import InvalidValue, PermissionDenied
from vigia.evaluate.directory import directory, remove_entry, save_entry
from vigia.permissions import Principal
from vigia.store.models import AuditLogRow

__all__ = ["evaluation_session", "reviewers"]
CONTACT = {"name": "A. Person", "email": "ctu@example.org", "phone": "+1 868 555 0100"}


def test_the_secretariat_keeps_the_directory_and_contacts_stay_with_signed_in_users(
    evaluation_session: Session, reviewers: Reviewers
) -> None:
    entry = save_entry(
        evaluation_session,
        reviewers.secretariat,
        country="tto",
        kind="national_authority",
        institution="Counter Trafficking Unit, Ministry of National Security",
        contact=CONTACT,
    )
    changed = save_entry(
        evaluation_session,
        reviewers.secretariat,
        country="TTO",
        kind="national_authority",
        institution="Counter Trafficking Unit",
        contact={"position": "Director"},
        entry_id=entry.id,
    )
    signed_in = directory(evaluation_session, reviewers.focal_point_arg, "TTO")
    public = directory(evaluation_session, Principal.anonymous(), "TTO")

    assert (changed.institution, changed.position, changed.email) == (
        "Counter Trafficking Unit",
        "Director",
        "ctu@example.org",
    )
    assert signed_in[0].email == "ctu@example.org"
    assert public[0].institution == "Counter Trafficking Unit"
    assert (public[0].name, public[0].email, public[0].phone) == (None, None, None)

    with pytest.raises(PermissionDenied):
        save_entry(
            evaluation_session,
            reviewers.focal_point_cri,
            country="CRI",
            kind="focal_point",
            institution="x",
        )
    with pytest.raises(InvalidValue):
        save_entry(
            evaluation_session, reviewers.secretariat, country="TTO", kind="mayor", institution="x"
        )
    remove_entry(evaluation_session, reviewers.secretariat, entry.id)
    assert directory(evaluation_session, reviewers.secretariat) == []
    audited = evaluation_session.scalars(
        select(AuditLogRow).where(AuditLogRow.entity == "directory_entries")
    ).all()
    assert [row.action for row in audited] == [
        "directory.add",
        "directory.change",
        "directory.remove",
    ]
    assert not any("ctu@example.org" in str(row.after) + str(row.before) for row in audited)
