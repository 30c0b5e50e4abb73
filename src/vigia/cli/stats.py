"""``vigia stats``: the victim case register and the statistics published from it (issue 10).

vigia stats new-key 2026a                      # a key for VIGIA_CASE_KEYS
vigia stats import FILE --register CTDC --as secretariat@example.org
"""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy.orm import Session

from vigia.cli.database import database_option, database_session
from vigia.cli.errors import InputError
from vigia.errors import ReviewError
from vigia.evaluate.case_access import export_cases, reseal_cases
from vigia.evaluate.case_register import import_cases
from vigia.evaluate.disclosure import SCOPES
from vigia.evaluate.releases import MECHANISMS, ledger, release_table
from vigia.permissions import Principal, principal_for
from vigia.services.accounts import find_user
from vigia.services.sealing import NoKey, Sealer, SealError, new_key_text, sealer_from_settings
from vigia.settings import SettingsError

#: The largest file ``vigia stats import`` reads.
MOST_BYTES = 200 * 1024 * 1024


@click.group("stats")
def group() -> None:
    """The victim case register, with identities sealed, and its protected statistics."""


@group.command("new-key")
@click.argument("key_id")
def new_key(key_id: str) -> None:
    """Print a new key named KEY_ID, written as VIGIA_CASE_KEYS takes it (put it first to seal
    with it; keep the old ones after it until every record is sealed again)."""
    if not key_id.replace("-", "").replace("_", "").isalnum():
        raise InputError("a key id is letters, digits, - and _")
    click.echo(new_key_text(key_id))


@group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--register",
    required=True,
    help="The register: a state's ISO alpha-3 code, or a regional one such as CTDC.",
)
@click.option("--as", "email", required=True, metavar="EMAIL", help="The user importing.")
@database_option
def import_command(file: Path, register: str, email: str, database_url: str) -> None:
    """Import victim records from FILE (CSV in CTDC's layout or Vigía's template): every row is
    checked first, and a file with a bad row stores nothing."""
    if file.stat().st_size > MOST_BYTES:
        raise InputError(f"{file} is larger than {MOST_BYTES // 1024 // 1024} MB: split it")
    sealer = _sealer()
    with database_session(database_url) as session:
        principal = _principal(session, email)
        try:
            report = import_cases(session, principal, file.read_bytes(), register, sealer)
        except ReviewError as error:
            raise InputError(error.message) from error
    if not report.ok:
        lines = [f"line {line}: {message}" for line, message in report.errors[:50]]
        more = len(report.errors) - len(lines)
        if more > 0:
            lines.append(f"… and {more} more")
        raise InputError(
            f"{len(report.errors)} row(s) of {file} refused; nothing was stored:\n"
            + "\n".join(lines)
        )
    if report.already:
        click.echo(f"{file} was already imported into {report.register}: nothing added")
        return
    click.echo(
        f"imported {report.stored:,} records into {report.register} ({report.layout} layout)"
    )


@group.command("release")
@click.option("--register", required=True, help="The register, e.g. CTDC or GTM.")
@click.option(
    "--by",
    "by",
    required=True,
    help="Two or three of year, sex, age_group, exploitation, citizenship, exploitation_country.",
)
@click.option("--scope", type=click.Choice(SCOPES), help="Only the records of the Americas.")
@click.option(
    "--mechanism", type=click.Choice(MECHANISMS), default="suppression", show_default=True
)
@click.option("--epsilon", type=float, help="The privacy loss of a Laplace release.")
@click.option("--as", "email", required=True, metavar="EMAIL", help="The secretariat user.")
@database_option
def release_command(
    register: str,
    by: str,
    scope: str | None,
    mechanism: str,
    epsilon: float | None,
    email: str,
    database_url: str,
) -> None:
    """Release (publish) a table of a register; the same release asked again is the stored one."""
    dimensions = tuple(part.strip() for part in by.split(",") if part.strip())
    with database_session(database_url) as session:
        principal = _principal(session, email)
        try:
            release = release_table(
                session,
                principal,
                register,
                dimensions,
                scope=scope,
                mechanism=mechanism,
                epsilon=epsilon,
            )
        except ReviewError as error:
            raise InputError(error.message) from error
    said = "released" if release.new else "already released (nothing spent)"
    method = f"ε = {release.epsilon:g}" if release.epsilon is not None else f"k = {release.k}"
    click.echo(f"release {release.id} {said}: {release.register}, {method}")
    click.echo("\t".join([*release.dimensions, "count"]))
    for key, value in release.cells.items():
        click.echo("\t".join([*key, "suppressed" if value is None else str(value)]))


@group.command("ledger")
@click.option("--register", required=True, help="The register, e.g. CTDC or GTM.")
@database_option
def ledger_command(register: str, database_url: str) -> None:
    """What each year of a register's records has spent of its privacy budget."""
    with database_session(database_url) as session:
        try:
            years = ledger(session, register)
        except ReviewError as error:
            raise InputError(error.message) from error
    click.echo("year\tspent\tbudget\tleft")
    for entry in years:
        click.echo(f"{entry.year}\t{entry.spent:g}\t{entry.budget:g}\t{entry.left:g}")


@group.command("export")
@click.option("--register", required=True, help="The state's register (ISO alpha-3).")
@click.option("--as", "email", required=True, metavar="EMAIL", help="A case manager of it.")
@click.option("--identities", is_flag=True, help="Include the identifying fields (audited).")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@database_option
def export_command(
    register: str, email: str, identities: bool, output: Path | None, database_url: str
) -> None:
    """Export a register's records as CSV in the template's layout (its case managers only)."""
    sealer = _sealer()
    with database_session(database_url) as session:
        principal = _principal(session, email)
        try:
            text = export_cases(session, principal, register, sealer, identities=identities)
        except (ReviewError, NoKey) as error:
            raise InputError(str(error)) from error
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {text.count(chr(10)) - 1:,} records to {output}")


@group.command("reseal")
@database_option
def reseal_command(database_url: str) -> None:
    """Seal again, with the first key of VIGIA_CASE_KEYS, every identity sealed with another
    (after a new key is put first); the old key can then be removed."""
    sealer = _sealer()
    with database_session(database_url) as session:
        try:
            count = reseal_cases(session, sealer)
        except NoKey as error:
            raise InputError(str(error)) from error
    click.echo(f"sealed {count:,} identities again with key {sealer.current}")


def _principal(session: Session, email: str) -> Principal:
    user = find_user(session, email)
    if user is None:
        raise InputError(f"no user has the email {email}; `vigia users list` shows them")
    return principal_for(user)


def _sealer() -> Sealer:
    try:
        return sealer_from_settings()
    except (SettingsError, SealError) as error:
        raise InputError(str(error)) from error
