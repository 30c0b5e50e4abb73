"""``vigia users``: create accounts, list them, issue and revoke API tokens, deactivate.

Changes made here are recorded in the audit log as made by the system. Refused input (a malformed
email, a short password, an unknown user…) prints one line and exits with status 2; a database that
cannot be opened or used, one line and status 1.

Passwords are hashed with Argon2's default parameters. A test may hand a cheaper
``argon2.PasswordHasher`` as the context object (``CliRunner().invoke(main, ..., obj=hasher)``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

import click
from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from vigia.cli.database import database_option, database_session
from vigia.cli.errors import InputError
from vigia.permissions import ROLES
from vigia.services.accounts import (
    AccountError,
    User,
    check_new_user,
    check_password,
    create_api_token,
    create_user,
    find_user,
    list_users,
    revoke_api_token,
    set_active,
    set_password,
)

LIST_HEADINGS = ("email", "role", "country", "name", "active", "tokens", "last login (UTC)")


@contextmanager
def _refused_as_input_error() -> Iterator[None]:
    try:
        yield
    except AccountError as error:
        raise InputError(str(error)) from error


def _hasher() -> PasswordHasher | None:
    """The hasher a test handed over as context object; None means Argon2's defaults."""
    return click.get_current_context().find_object(PasswordHasher)


def _user(session: Session, email: str) -> User:
    user = find_user(session, email)
    if user is None:
        raise InputError(f"no user with email {email.strip().lower()}")
    return user


def _read_password(from_stdin: bool) -> str:
    if not from_stdin:
        password: str = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        return password
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise InputError("no password on standard input")
    return line


def _moment(moment: datetime | None) -> str:
    if moment is None:
        return ""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _list_cells(user: User) -> tuple[str, ...]:
    active_tokens = sum(token.revoked_at is None for token in user.tokens)
    return (
        user.email,
        user.role,
        user.country or "",
        user.display_name or "",
        "yes" if user.is_active else "no",
        str(active_tokens),
        _moment(user.last_login_at),
    )


def render_users(users: Sequence[User]) -> str:
    """Aligned columns under a heading line, one user per line."""
    rows = [LIST_HEADINGS, *(_list_cells(user) for user in users)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(LIST_HEADINGS))]
    rows.insert(1, tuple("-" * width for width in widths))
    lines = (
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    )
    return "".join(line.rstrip() + "\n" for line in lines)


@click.group("users")
def group() -> None:
    """Manage accounts and their API tokens."""


@group.command("create")
@click.option("--email", required=True, metavar="EMAIL", help="Email address (the login).")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the user may do.")
@click.option(
    "--country",
    metavar="ISO3",
    help="Country of a focal point or a case manager (required for them only).",
)
@click.option("--name", "display_name", metavar="NAME", help="Name to display.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of prompting.",
)
@database_option
def create(
    email: str,
    role: str,
    country: str | None,
    display_name: str | None,
    password_stdin: bool,
    database_url: str,
) -> None:
    """Create an active user.

    The password is asked for twice without echo, or read from standard input with
    --password-stdin.
    """
    with _refused_as_input_error():
        check_new_user(email, role, country)
        password = _read_password(password_stdin)
        check_password(password)
    with database_session(database_url) as session, _refused_as_input_error():
        user = create_user(session, email, password, role, country, display_name, hasher=_hasher())
    where = f" for {user.country}" if user.country else ""
    click.echo(f"created {user.role} {user.email}{where}")


@group.command("list")
@database_option
def list_command(database_url: str) -> None:
    """List every user, with active tokens and last login."""
    with database_session(database_url) as session:
        click.echo(render_users(list_users(session)), nl=False)


@group.command("token")
@click.option("--email", required=True, metavar="EMAIL", help="Whose token it is.")
@click.option("--name", "token_name", required=True, metavar="NAME", help="Name of the token.")
@database_option
def token(email: str, token_name: str, database_url: str) -> None:
    """Create an API token and print its secret, shown this once only."""
    with database_session(database_url) as session, _refused_as_input_error():
        user = _user(session, email)
        created, secret = create_api_token(session, user, token_name)
    click.echo(f"token {created.name!r} for {user.email}:", err=True)
    click.echo(secret)
    click.echo("Store it now: it will not be shown again.", err=True)


@group.command("revoke-token")
@click.option("--email", required=True, metavar="EMAIL", help="Whose token it is.")
@click.option("--name", "token_name", required=True, metavar="NAME", help="Name of the token.")
@database_option
def revoke_token(email: str, token_name: str, database_url: str) -> None:
    """Revoke a user's API token: it stops working at once."""
    with database_session(database_url) as session, _refused_as_input_error():
        user = _user(session, email)
        revoked = revoke_api_token(session, user, token_name)
    click.echo(f"revoked token {revoked.name!r} of {user.email}")


@group.command("password")
@click.option("--email", required=True, metavar="EMAIL", help="Whose password to change.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of prompting.",
)
@database_option
def password_command(email: str, password_stdin: bool, database_url: str) -> None:
    """Set a user's password and end every web session they have open.

    Their API tokens keep working: revoke them with `vigia users revoke-token`.
    """
    with database_session(database_url) as session, _refused_as_input_error():
        user = _user(session, email)
        password = _read_password(password_stdin)
        set_password(session, user, password, hasher=_hasher())
    click.echo(f"changed the password of {user.email}; their web sessions have ended")


@group.command("deactivate")
@click.option("--email", required=True, metavar="EMAIL", help="Who to deactivate.")
@database_option
def deactivate(email: str, database_url: str) -> None:
    """Deactivate a user: no logins, no tokens.

    Their tokens stop working and their web sessions end; nothing is deleted.
    """
    with database_session(database_url) as session:
        user = _user(session, email)
        was_active = user.is_active
        set_active(session, user, False)
    click.echo(f"deactivated {user.email}" if was_active else f"{user.email} was not active")


@group.command("activate")
@click.option("--email", required=True, metavar="EMAIL", help="Who to activate again.")
@database_option
def activate(email: str, database_url: str) -> None:
    """Activate a deactivated user again.

    Their unrevoked tokens work again too.
    """
    with database_session(database_url) as session:
        user = _user(session, email)
        was_active = user.is_active
        set_active(session, user, True)
    click.echo(f"{user.email} was already active" if was_active else f"activated {user.email}")
