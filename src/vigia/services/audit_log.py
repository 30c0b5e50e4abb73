"""Reading the audit log: the secretariat's and administrators' page, and its CSV export."""

from __future__ import annotations

from sqlalchemy.orm import Session

from vigia.errors import PermissionDenied
from vigia.permissions import Principal, can_read_audit_log
from vigia.store.audit import AuditEntry, export_csv, list_entries


def audit_entries(
    session: Session, principal: Principal, action: str | None = None, limit: int | None = 100
) -> list[AuditEntry]:
    """The newest entries (of one ``action``), at most ``limit`` (None: all), for a reader
    allowed to see the log; PermissionDenied for anybody else."""
    if not can_read_audit_log(principal):
        raise PermissionDenied("the audit log is for the secretariat and the administrators")
    return list_entries(session, action=action or None, limit=limit)


def audit_csv(session: Session, principal: Principal, action: str | None = None) -> str:
    """Every entry (of one ``action``) as CSV (:func:`vigia.store.audit.export_csv`)."""
    return export_csv(audit_entries(session, principal, action, limit=None))
