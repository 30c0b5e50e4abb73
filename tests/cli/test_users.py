"""``vigia users``: accounts and API tokens from the command line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner, Result
from sqlalchemy.orm import Session

from vigia.cli import main
from vigia.cli.users import create as create_command
from vigia.services.accounts import authenticate, find_user, user_for_token
from vigia.services.logins import login_session_is_open, start_login_session
from vigia.store.audit import list_entries
from vigia.store.database import open_database, session_factory

PASSWORD = "correct horse battery"
#: Argon2 at its lowest cost, handed to the commands as context object.
HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _users(url: str, *arguments: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["users", *arguments, "--db", url], input=stdin, obj=HASHER)


def _create(url: str, email: str, *arguments: str) -> Result:
    return _users(
        url, "create", "--email", email, *arguments, "--password-stdin", stdin=PASSWORD + "\n"
    )


@pytest.fixture
def opened(ready_database_url: str) -> Iterator[Session]:
    """A session on ``ready_database_url``, to check what the commands stored."""
    engine = open_database(ready_database_url)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def test_users_create_reads_the_password_from_stdin(
    ready_database_url: str, opened: Session
) -> None:
    result = _create(
        ready_database_url, "FP@Example.org", "--role", "focal_point", "--country", "cri"
    )

    assert result.exit_code == 0, result.output
    assert result.stdout == "created focal_point fp@example.org for CRI\n"
    assert authenticate(opened, "fp@example.org", PASSWORD, hasher=HASHER) is not None


def test_users_create_prompts_twice_without_echoing_the_password(
    ready_database_url: str, opened: Session
) -> None:
    result = _users(
        ready_database_url,
        "create",
        "--email",
        "admin@example.org",
        "--role",
        "administrator",
        "--name",
        "The Admin",
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
    )

    assert result.exit_code == 0, result.output
    assert "Repeat for confirmation" in result.output
    assert PASSWORD not in result.output
    user = authenticate(opened, "admin@example.org", PASSWORD, hasher=HASHER)
    assert user is not None
    assert user.display_name == "The Admin"


def test_users_create_asks_again_when_the_two_passwords_differ(
    ready_database_url: str, opened: Session
) -> None:
    other = "another long password"
    result = _users(
        ready_database_url,
        "create",
        "--email",
        "sec@example.org",
        "--role",
        "secretariat",
        stdin=f"{PASSWORD}\n{other}\n{other}\n{other}\n",
    )

    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert authenticate(opened, "sec@example.org", other, hasher=HASHER) is not None


def test_users_create_has_no_password_option() -> None:
    options = {option for parameter in create_command.params for option in parameter.opts}

    assert "--password-stdin" in options
    assert "--password" not in options


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--role", "focal_point"], "needs a country"),
        (["--role", "focal_point", "--country", "FRA"], "not an OAS member state"),
        (
            ["--role", "secretariat", "--country", "CRI"],
            "only focal points and case managers have a country",
        ),
    ],
)
def test_users_create_refuses_bad_input_in_one_line_with_status_2(
    ready_database_url: str, opened: Session, arguments: list[str], message: str
) -> None:
    result = _create(ready_database_url, "x@example.org", *arguments)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert find_user(opened, "x@example.org") is None


def test_users_create_refuses_a_short_password(ready_database_url: str) -> None:
    result = _users(
        ready_database_url,
        "create",
        "--email",
        "x@example.org",
        "--role",
        "secretariat",
        "--password-stdin",
        stdin="too short\n",
    )

    assert result.exit_code == 2
    assert "at least 12 characters" in result.stderr


def test_users_create_refuses_an_empty_stdin(ready_database_url: str) -> None:
    result = _users(
        ready_database_url,
        "create",
        "--email",
        "x@example.org",
        "--role",
        "secretariat",
        "--password-stdin",
        stdin="",
    )

    assert result.exit_code == 2
    assert "no password on standard input" in result.stderr


def test_users_create_refuses_a_duplicate_email(ready_database_url: str, opened: Session) -> None:
    _create(ready_database_url, "sec@example.org", "--role", "secretariat")

    result = _create(ready_database_url, "SEC@example.org", "--role", "administrator")

    assert result.exit_code == 2
    assert result.stderr == "Error: a user with email sec@example.org already exists\n"
    assert [entry.action for entry in list_entries(opened)] == ["user.create"]


def test_users_create_reports_an_unreachable_database_with_status_1() -> None:
    result = _create(
        "postgresql://nobody@127.0.0.1:1/nothing", "x@example.org", "--role", "secretariat"
    )

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open database")
    assert result.stderr.count("\n") == 1


def test_users_list_shows_every_user(ready_database_url: str) -> None:
    _create(
        ready_database_url, "sec@example.org", "--role", "secretariat", "--name", "Sec Retariat"
    )
    _create(ready_database_url, "fp@example.org", "--role", "focal_point", "--country", "MEX")
    _users(ready_database_url, "token", "--email", "fp@example.org", "--name", "api")

    result = _users(ready_database_url, "list")

    assert result.exit_code == 0, result.output
    heading, rule, first, second = result.stdout.splitlines()
    assert heading.split()[:6] == ["email", "role", "country", "name", "active", "tokens"]
    assert set(rule) == {"-", " "}
    assert first.split() == ["fp@example.org", "focal_point", "MEX", "yes", "1"]
    assert second.split() == ["sec@example.org", "secretariat", "Sec", "Retariat", "yes", "0"]


def test_users_token_prints_the_secret_once_with_a_warning(
    ready_database_url: str, opened: Session
) -> None:
    _create(ready_database_url, "fp@example.org", "--role", "focal_point", "--country", "MEX")

    result = _users(ready_database_url, "token", "--email", "fp@example.org", "--name", "api")

    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    assert secret.startswith("vig_")
    assert "\n" not in secret
    assert "will not be shown again" in result.stderr
    user = user_for_token(opened, secret)
    assert user is not None
    assert user.email == "fp@example.org"


def test_users_revoke_token_stops_the_token(ready_database_url: str, opened: Session) -> None:
    _create(ready_database_url, "fp@example.org", "--role", "focal_point", "--country", "MEX")
    secret = _users(
        ready_database_url, "token", "--email", "fp@example.org", "--name", "api"
    ).stdout

    result = _users(
        ready_database_url, "revoke-token", "--email", "fp@example.org", "--name", "api"
    )
    again = _users(ready_database_url, "revoke-token", "--email", "fp@example.org", "--name", "api")

    assert result.exit_code == 0, result.output
    assert result.stdout == "revoked token 'api' of fp@example.org\n"
    assert user_for_token(opened, secret.strip()) is None
    assert again.exit_code == 2
    assert "no active token named 'api'" in again.stderr


def test_users_deactivate_and_activate(ready_database_url: str, opened: Session) -> None:
    _create(ready_database_url, "sec@example.org", "--role", "secretariat")

    deactivated = _users(ready_database_url, "deactivate", "--email", "sec@example.org")
    refused = authenticate(opened, "sec@example.org", PASSWORD, hasher=HASHER)
    activated = _users(ready_database_url, "activate", "--email", "sec@example.org")

    assert deactivated.stdout == "deactivated sec@example.org\n"
    assert refused is None
    assert activated.stdout == "activated sec@example.org\n"
    assert authenticate(opened, "sec@example.org", PASSWORD, hasher=HASHER) is not None
    assert [entry.action for entry in reversed(list_entries(opened))] == [
        "user.create",
        "user.deactivate",
        "user.activate",
        "user.login",
    ]


def test_users_password_changes_it_and_ends_web_sessions(
    ready_database_url: str, opened: Session
) -> None:
    _create(ready_database_url, "sec@example.org", "--role", "secretariat")
    user = find_user(opened, "sec@example.org")
    assert user is not None
    key = start_login_session(opened, user)
    new_password = "a brand new long password"

    result = _users(
        ready_database_url,
        "password",
        "--email",
        "sec@example.org",
        "--password-stdin",
        stdin=new_password + "\n",
    )

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "changed the password of sec@example.org; their web sessions have ended\n"
    )
    opened.expire_all()
    assert not login_session_is_open(opened, key, user.id)
    assert authenticate(opened, "sec@example.org", PASSWORD, hasher=HASHER) is None
    assert authenticate(opened, "sec@example.org", new_password, hasher=HASHER) is not None


def test_users_password_refuses_a_short_one(ready_database_url: str) -> None:
    _create(ready_database_url, "sec@example.org", "--role", "secretariat")

    result = _users(
        ready_database_url,
        "password",
        "--email",
        "sec@example.org",
        "--password-stdin",
        stdin="short\n",
    )

    assert result.exit_code == 2
    assert "password" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["deactivate", "--email", "nobody@example.org"],
        ["activate", "--email", "nobody@example.org"],
        ["token", "--email", "nobody@example.org", "--name", "api"],
        ["revoke-token", "--email", "nobody@example.org", "--name", "api"],
        ["password", "--email", "nobody@example.org", "--password-stdin"],
    ],
)
def test_users_commands_refuse_an_unknown_email(
    ready_database_url: str, arguments: list[str]
) -> None:
    result = _users(ready_database_url, *arguments)

    assert result.exit_code == 2
    assert result.stderr == "Error: no user with email nobody@example.org\n"
