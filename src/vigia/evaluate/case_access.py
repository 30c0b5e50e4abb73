"""A register's own records, for its case managers: export, the identity of one record, re-sealing.

    text = export_cases(session, principal, "GTM", sealer, identities=True)   # CSV, template layout
    case_identity(session, principal, case_id, sealer)                         # {"name": …}
    reseal_cases(session, sealer)                                               # after a new key

Only the register's own case managers export its records or read an identity, and each of these
is written in the audit log (who, which register or record, how many) — never what the record
holds. Nobody else, the secretariat and administrators included, reads an identity: what they see
of a register is what :mod:`vigia.evaluate.releases` publishes.
"""

from __future__ import annotations

import csv
import io

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vigia.cases import LIST_FIELDS, case_vocabulary
from vigia.errors import NotFound, PermissionDenied
from vigia.evaluate.case_register import check_register
from vigia.permissions import Principal, can_manage_cases
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import CaseRow, UserRow
from vigia.store.sealing import Sealer
from vigia.store.transactions import committed

CASES = CaseRow.__tablename__


def export_cases(
    session: Session, principal: Principal, register: str, sealer: Sealer, *, identities: bool
) -> str:
    """The register's records as a CSV in the template's layout (re-importable); the identifying
    fields opened only when ``identities`` is asked."""
    register = check_register(register)
    user = _case_manager(session, principal, register)
    vocabulary = case_vocabulary()
    columns = [
        name
        for name in vocabulary.template_columns
        if identities or name not in vocabulary.identifying_fields
    ]
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    statement = select(CaseRow).where(CaseRow.register == register).order_by(CaseRow.id)
    count = 0
    for row in session.scalars(statement):
        record: dict[str, object] = {
            "year": row.year,
            "sex": row.sex,
            "age_group": row.age_group,
            "citizenship": row.citizenship or "",
            "exploitation_country": row.exploitation_country or "",
            "status": row.status or "",
            "data_source": row.data_source or "",
        }
        record |= {name: vocabulary.list_separator.join(getattr(row, name)) for name in LIST_FIELDS}
        if identities and row.sealed is not None and row.sealed_key is not None:
            record |= sealer.open(row.sealed_key, row.sealed)
        writer.writerow(record)
        count += 1
    with committed(session):
        details = {"register": register, "rows": count, "identities": identities}
        audit.record(session, user, "cases.export", CASES, register, None, None, details)
    return output.getvalue()


def records_by_year(session: Session, principal: Principal, register: str) -> list[tuple[int, int]]:
    """How many records the register holds for each year (its case managers only)."""
    register = check_register(register)
    _case_manager(session, principal, register)
    statement = (
        select(CaseRow.year, func.count())
        .where(CaseRow.register == register)
        .group_by(CaseRow.year)
        .order_by(CaseRow.year)
    )
    return [(int(year), int(count)) for year, count in session.execute(statement)]


def case_identity(
    session: Session, principal: Principal, case_id: int, sealer: Sealer
) -> dict[str, str]:
    """The identifying fields of one record (empty when it has none); audited."""
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFound(f"no record {case_id}")
    user = _case_manager(session, principal, row.register)
    opened = (
        {}
        if row.sealed is None or row.sealed_key is None
        else sealer.open(row.sealed_key, row.sealed)
    )
    with committed(session):
        details = {"register": row.register}
        audit.record(session, user, "cases.read_identity", CASES, row.id, None, None, details)
    return {str(name): str(value) for name, value in opened.items()}


def reseal_cases(session: Session, sealer: Sealer) -> int:
    """Seal again with the current key every identity sealed with another; how many. Run after
    putting a new key first in ``VIGIA_CASE_KEYS``; then the old key may be removed."""
    current = sealer.current
    statement = select(CaseRow).where(
        CaseRow.sealed_key.is_not(None), CaseRow.sealed_key != current
    )
    count = 0
    with committed(session):
        for row in session.scalars(statement):
            if row.sealed is None or row.sealed_key is None:
                continue
            row.sealed_key, row.sealed = sealer.seal(sealer.open(row.sealed_key, row.sealed))
            count += 1
        audit.record(session, None, "cases.reseal", CASES, current, None, None, {"rows": count})
    return count


def _case_manager(session: Session, principal: Principal, register: str) -> UserRow:
    if not can_manage_cases(principal, register):
        raise PermissionDenied(f"only the case managers of {register} read its records")
    user = active_user(session, principal)
    return user
