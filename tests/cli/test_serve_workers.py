"""``vigia serve`` with several processes: a login, its end and the login throttle hold whichever
process answers, and the key that signs sessions is made once for the instance (or required in
production).

Two servers are started on the same database and instance folder, each on its own port, so that
the test says which process answers each request (the processes of ``--workers N`` share one
port and the system picks one); they share what ``--workers`` processes share: the database, the
environment and the instance folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.browser.people import create_accounts
from tests.web.pages.conftest import csrf_token

ACCOUNT = ("secretariat@example.org", "secretariat-password", "secretariat", None)
#: Failures of one account from one address answered before the throttle refuses it.
FREE_FAILURES = 5


def _start(url: str, instance: Path, *options: str) -> tuple[subprocess.Popen[str], str]:
    """``vigia serve`` on a free port; the process and its address, once it announced it."""
    environment = {**os.environ, "VIGIA_INSTANCE": str(instance)}
    environment.pop("VIGIA_SECRET_KEY", None)
    command = [sys.executable, "-m", "vigia.cli", "serve", "--db", url, "--port", "0", *options]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if "http://" not in line:
        process.kill()
        raise AssertionError(f"the server did not start: {line!r}")
    return process, line.split(" at ", 1)[1].split("/ ", 1)[0]


def _stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def two_servers(ready_database_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    create_accounts(ready_database_url, ACCOUNT)
    first, first_url = _start(ready_database_url, tmp_path / "instance")
    try:
        second, second_url = _start(ready_database_url, tmp_path / "instance")
        try:
            yield first_url, second_url
        finally:
            _stop(second)
    finally:
        _stop(first)


def _log_in(client: httpx.Client, base: str, password: str) -> httpx.Response:
    token = csrf_token(client, f"{base}/login")  # type: ignore[arg-type]
    form = {"email": ACCOUNT[0], "password": password, "csrf_token": token}
    return client.post(f"{base}/login", data=form, follow_redirects=False)


def test_a_login_its_end_and_the_throttle_hold_on_every_process(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    with httpx.Client(timeout=30) as client:
        assert _log_in(client, first, ACCOUNT[1]).status_code == 303

        assert client.get(f"{second}/review", follow_redirects=False).status_code == 200
        token = csrf_token(client, f"{second}/review")  # type: ignore[arg-type]
        ended = client.post(f"{first}/logout", data={"csrf_token": token}, follow_redirects=False)
        assert ended.status_code == 303
        kept = dict(client.cookies)
    with httpx.Client(timeout=30, cookies=kept) as replayed:  # the old cookie, on the other one
        answer = replayed.get(f"{second}/review", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")

    with httpx.Client(timeout=30) as client:
        for _ in range(FREE_FAILURES):
            assert _log_in(client, first, "not the password").status_code == 401
        refused = _log_in(client, second, ACCOUNT[1])  # the right password, elsewhere
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0


def test_serve_with_two_workers_answers_from_two_processes(
    ready_sqlite_url: str, tmp_path: Path
) -> None:
    instance = tmp_path / "instance"
    process, url = _start(ready_sqlite_url, instance, "--workers", "2")
    try:
        assert httpx.get(f"{url}/healthz", timeout=30).json()["database"] == "ok"
        workers = subprocess.run(
            ["ps", "--ppid", str(process.pid), "-o", "pid="],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
    finally:
        _stop(process)
    assert len(workers) >= 2  # the supervisor's two workers (and its resource tracker, if any)
    key = (instance / "secret_key").read_text(encoding="ascii").strip()
    assert len(key) >= 40 and oct((instance / "secret_key").stat().st_mode)[-3:] == "600"


def test_serve_in_production_refuses_to_start_without_a_secret_key(
    ready_sqlite_url: str, tmp_path: Path
) -> None:
    environment = {**os.environ, "VIGIA_PRODUCTION": "1", "VIGIA_INSTANCE": str(tmp_path)}
    environment.pop("VIGIA_SECRET_KEY", None)
    command = [sys.executable, "-m", "vigia.cli", "serve", "--db", ready_sqlite_url]

    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60)

    assert result.returncode == 1
    assert "VIGIA_SECRET_KEY must be set in production" in result.stderr
    assert not (tmp_path / "secret_key").exists()
