"""Importing victim records into a case register: CTDC's layout or Vigía's template, all or none.

    report = import_cases(session, principal, data, "CTDC", sealer)
    report.errors     # [(line, message), ...]: nothing was stored when there is one
    report.stored     # records added (0 when the same file was imported before)

Two layouts are read, told apart by their header:

- **CTDC's** (``yearOfRegistration``, ``gender``, ``ageBroad``, ``citizenship``,
  ``CountryOfExploitation``, and its 0/1 flags ``isForcedLabour``, ``meansOfControlThreats``,
  ``typeOfLabourDomesticWork``…, ``-99`` or empty for missing), in full or as any subset of its
  columns that has the year and the sex; country codes are ISO alpha-2, ``0`` for unknown.
- **Vigía's template** (``data/cases.json``, ``template.columns``): codes of the vocabulary, ISO
  alpha-3 countries, lists separated by ``;``, and the identifying fields ``name``,
  ``document_number``, ``contact`` and ``notes``, which are sealed before they are stored
  (:mod:`vigia.store.sealing`) and never kept in the clear.

Every row is checked before anything is stored; a file with any bad row stores nothing and the
report gives each bad row's line. A file already imported into the register (same SHA-256) adds
nothing again. Only the register's case managers import into a state's register; the secretariat
imports into a regional one (``CTDC``). The audit log records the import, never a record's fields.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from vigia.cases import LIST_FIELDS, UNKNOWN, CaseVocabulary, case_vocabulary
from vigia.errors import InvalidValue, PermissionDenied
from vigia.permissions import Principal, can_import_register
from vigia.reference import countries
from vigia.store import audit
from vigia.store.models import CaseRow, UserRow
from vigia.store.sealing import NoKey, Sealer
from vigia.store.transactions import committed

#: The most records one file may hold.
MOST_ROWS = 500_000
#: Records inserted per statement.
CHUNK = 5_000
LONGEST_TEXT = 2000
REGIONAL = re.compile(r"^[A-Z][A-Z0-9_-]{3,31}$")
FIRST_YEAR, LAST_YEAR = 1990, 2100
TRUE_FLAGS, FALSE_FLAGS = frozenset({"1", "1.0"}), frozenset({"0", "0.0"})


@dataclass
class CaseImport:
    """What an import did: records stored, or the bad rows (then none stored)."""

    register: str
    layout: str = ""
    rows: int = 0
    stored: int = 0
    #: The same file was imported into the register before: nothing was added.
    already: bool = False
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _BadRow(ValueError):
    pass


def check_register(register: str) -> str:
    """A register's code: an OAS member state's ISO alpha-3 code, or a regional register's name
    (four characters or more, such as ``CTDC``); InvalidValue otherwise."""
    code = str(register).strip().upper()
    if len(code) == 3:
        known = countries().get(code)
        if known is None or not known.oas_member:
            raise InvalidValue(f"{register!r} is neither an OAS member state nor a register name")
        return code
    if not REGIONAL.match(code):
        raise InvalidValue(f"{register!r} is not a register name (letters, digits, - and _)")
    return code


def import_cases(
    session: Session, principal: Principal, data: bytes, register: str, sealer: Sealer
) -> CaseImport:
    """Store the records of ``data`` (a CSV file) in ``register``: all of them, or none."""
    register = check_register(register)
    if not can_import_register(principal, register):
        raise PermissionDenied(f"you may not import records into the register {register}")
    report = CaseImport(register)
    batch = hashlib.sha256(data).hexdigest()
    text = _text(data)
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    header = [name.strip() for name in reader.fieldnames or []]
    vocabulary = case_vocabulary()
    if "yearOfRegistration" in header:
        report.layout, required = "ctdc", vocabulary.ctdc_required
    elif "year" in header:
        report.layout, required = "template", vocabulary.template_required
    else:
        report.errors.append((1, "the header has neither yearOfRegistration (CTDC) nor year"))
        return report
    missing = [name for name in required if name not in header]
    if missing:
        report.errors.append((1, f"the header has no column {', '.join(missing)}"))
        return report
    records = _records(reader, report, vocabulary, sealer)
    if report.errors:
        return report
    already = (
        select(func.count())
        .select_from(CaseRow)
        .where(CaseRow.batch == batch, CaseRow.register == register)
    )
    if session.scalar(already):
        report.already = True
        return report
    _store(session, principal, report, records, batch)
    return report


def _records(
    reader: csv.DictReader[str], report: CaseImport, vocabulary: CaseVocabulary, sealer: Sealer
) -> list[dict[str, Any]]:
    records = []
    parse = _ctdc_row if report.layout == "ctdc" else _template_row
    for row in reader:
        report.rows += 1
        if report.rows > MOST_ROWS:
            report.errors.append((reader.line_num, f"more than {MOST_ROWS:,} rows: split the file"))
            break
        try:
            record, identity = parse({(k or "").strip(): (v or "").strip() for k, v in row.items()})
            if identity:
                record["sealed_key"], record["sealed"] = sealer.seal(identity)
        except _BadRow as error:
            report.errors.append((reader.line_num, str(error)))
            continue
        except NoKey as error:
            report.errors.append((reader.line_num, str(error)))
            break
        record["exploitation"] = vocabulary.exploitation_of(record["forms"])
        records.append(record)
    return records


def _store(
    session: Session,
    principal: Principal,
    report: CaseImport,
    records: list[dict[str, Any]],
    batch: str,
) -> None:
    now = datetime.now(UTC)
    with committed(session):
        user = session.get(UserRow, principal.user_id) if principal.user_id else None
        for record in records:
            record |= {"register": report.register, "batch": batch, "imported_at": now}
            record["imported_by"] = None if user is None else user.id
        for start in range(0, len(records), CHUNK):
            session.execute(insert(CaseRow), records[start : start + CHUNK])
        details = {"register": report.register, "rows": len(records), "layout": report.layout}
        audit.record(
            session, user, "cases.import", CaseRow.__tablename__, batch, None, None, details
        )
    report.stored = len(records)


def _ctdc_row(row: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    vocabulary = case_vocabulary()
    values = {name: row.get(column, "") for column, name in vocabulary.ctdc_columns.items()}
    missing = vocabulary.ctdc_missing
    sex_text = values["sex"]
    if sex_text in missing:
        sex = UNKNOWN
    elif sex_text in vocabulary.ctdc_sexes:
        sex = vocabulary.ctdc_sexes[sex_text]
    else:
        raise _BadRow(f"gender {sex_text!r} is neither Female nor Male")
    age = values["age_group"].replace("--", "-")
    record: dict[str, Any] = {
        "year": _year(values["year"], "yearOfRegistration"),
        "sex": sex,
        "age_group": UNKNOWN if values["age_group"] in missing else _age_group(age),
        "citizenship": _iso2(values["citizenship"], "citizenship"),
        "exploitation_country": _iso2(values["exploitation_country"], "CountryOfExploitation"),
        "status": None,
        "data_source": _short(values["data_source"])
        if values["data_source"] not in missing
        else None,
    }
    lists: dict[str, list[str]] = {name: [] for name in LIST_FIELDS}
    for column, (name, code) in vocabulary.ctdc_flags.items():
        flag = row.get(column, "")
        if flag in TRUE_FLAGS:
            lists[name].append(code)
        elif flag not in FALSE_FLAGS and flag not in missing:
            raise _BadRow(f"{column} is {flag!r}, not 0 or 1")
    return record | lists, {}


def _template_row(row: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    vocabulary = case_vocabulary()
    sex = row.get("sex", "") or UNKNOWN
    if sex not in vocabulary.sexes:
        raise _BadRow(f"sex {sex!r} is not one of {', '.join(vocabulary.sexes)}")
    record: dict[str, Any] = {
        "year": _year(row.get("year", ""), "year"),
        "sex": sex,
        "age_group": _age_group(row.get("age_group", "") or UNKNOWN),
        "citizenship": _iso3(row.get("citizenship", ""), "citizenship"),
        "exploitation_country": _iso3(row.get("exploitation_country", ""), "exploitation_country"),
        "status": _short(row.get("status", "")) or None,
        "data_source": _short(row.get("data_source", "")) or None,
    }
    for name in LIST_FIELDS:
        codes = [code.strip() for code in row.get(name, "").split(vocabulary.list_separator)]
        codes = [code for code in codes if code]
        unknown = [code for code in codes if code not in vocabulary.lists[name]]
        if unknown:
            raise _BadRow(f"{name} has no {', '.join(map(repr, unknown))}")
        record[name] = list(dict.fromkeys(codes))
    identity = {}
    for name in vocabulary.identifying_fields:
        value = row.get(name, "")
        if len(value) > LONGEST_TEXT:
            raise _BadRow(f"{name} is longer than {LONGEST_TEXT} characters")
        if value:
            identity[name] = value
    return record, identity


def _year(text: str, column: str) -> int:
    cleaned = text.removesuffix(".0")
    if not cleaned.isdigit() or not FIRST_YEAR <= int(cleaned) <= LAST_YEAR:
        raise _BadRow(f"{column} {text!r} is not a year from {FIRST_YEAR} to {LAST_YEAR}")
    return int(cleaned)


def _age_group(text: str) -> str:
    if text not in case_vocabulary().age_groups:
        raise _BadRow(f"age group {text!r} is not one of {', '.join(case_vocabulary().age_groups)}")
    return text


def _iso2(text: str, column: str) -> str | None:
    vocabulary = case_vocabulary()
    if text in vocabulary.ctdc_missing or text in vocabulary.ctdc_unknown_country:
        return None
    code = _iso3_of_iso2().get(text.upper())
    if code is None:
        raise _BadRow(f"{column} {text!r} is not an ISO 3166-1 alpha-2 code")
    return code


def _iso3(text: str, column: str) -> str | None:
    if not text or text.lower() == UNKNOWN:
        return None
    code = text.upper()
    if code not in countries():
        raise _BadRow(f"{column} {text!r} is not an ISO 3166-1 alpha-3 code")
    return code


def _iso3_of_iso2() -> dict[str, str]:
    return {country.iso2: code for code, country in countries().items()}


def _short(text: str) -> str:
    if len(text) > 255:
        raise _BadRow(f"{text[:20]!r}… is longer than 255 characters")
    return text


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)
