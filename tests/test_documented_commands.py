"""The commands that README.md and docs/user-guide.md show do what they show.

A documented command is a line of a fenced code block that starts with ``$ ``; the lines after it,
up to the next command or the end of the block, are what it prints (standard output and standard
error, as a terminal shows them). In those lines ``…`` stands for anything within a line, and a
line holding only ``…`` for any number of lines. A command ending with ``# exit status N`` (a shell
comment, harmless when pasted) must exit with N; any other must exit with 0. A command whose shown
output ends with ``Ctrl+C stops it`` keeps running: it is started, its output waited for, the
commands after it in its block run while it serves, and it is stopped at the end of the block.

The test runs every documented command, README first and then the user guide, in the order they
appear, in one new folder, as a new user of a fresh clone would: the folder holds only a link to
the clone's ``tests`` folder (for the example reports) and has ``../shared`` next to it when the
clone has one. ``vigia`` is the one this test session runs.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCUMENTS = ("README.md", "docs/user-guide.md")
PROMPT = "$ "
FENCE = "```"
ELLIPSIS = "…"
EXIT_STATUS = re.compile(r"\s+#\s*exit status (?P<status>\d+)\s*$")
KEEPS_RUNNING = "Ctrl+C stops it"
#: Longest wait for one command, or for a server to print what it is shown printing.
COMMAND_TIMEOUT = 300
SERVER_TIMEOUT = 60
#: Environment variables of the test session that would change what the commands do.
SESSION_VARIABLES = ("VIGIA_DATABASE_URL", "VIGIA_HOST", "VIGIA_PORT", "VIGIA_MAX_UPLOAD_BYTES")


@dataclass
class DocumentedCommand:
    """One ``$ `` line of a document's code block and the output shown after it."""

    source: str
    block: int
    command: str
    expected: list[str] = field(default_factory=list)

    @property
    def status(self) -> int:
        match = EXIT_STATUS.search(self.command)
        return int(match["status"]) if match else 0

    @property
    def keeps_running(self) -> bool:
        return bool(self.expected) and self.expected[-1].rstrip().endswith(KEEPS_RUNNING)


def documented_commands(text: str, name: str) -> list[DocumentedCommand]:
    """The commands of ``text`` (a Markdown document called ``name``), in order."""
    commands: list[DocumentedCommand] = []
    block, fenced, continued = 0, False, False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(FENCE):
            fenced, continued = not fenced, False
            block += 1
        elif fenced and continued:
            commands[-1].command += "\n" + line
            continued = line.endswith("\\")
        elif fenced and line.startswith(PROMPT):
            commands.append(DocumentedCommand(f"{name}:{number}", block, line[len(PROMPT) :]))
            continued = line.endswith("\\")
        elif fenced and commands and commands[-1].block == block:
            commands[-1].expected.append(line)
    return commands


def output_pattern(expected: list[str]) -> re.Pattern[str]:
    """A pattern for the printed lines that ``expected`` shows (``…`` being anything)."""
    parts = []
    for line in expected:
        if line.strip() == ELLIPSIS:
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            pieces = line.rstrip().split(ELLIPSIS)
            parts.append("[^\n]*?".join(re.escape(piece) for piece in pieces) + r"[ \t]*\n")
    return re.compile("".join(parts))


def printed_lines(output: str) -> str:
    """``output`` as compared: every line without trailing blanks, each ending with a newline,
    and without the byte order mark a CSV download starts with (a terminal shows nothing of it)."""
    lines = [line.rstrip().removeprefix("\ufeff") for line in output.splitlines()]
    return "".join(line + "\n" for line in lines)


def shows(expected: list[str], output: str) -> bool:
    """Whether ``output`` is what ``expected`` shows, whole."""
    return output_pattern(expected).fullmatch(printed_lines(output)) is not None


def starts_with(expected: list[str], output: str) -> bool:
    """Whether ``output`` begins with what ``expected`` shows (a server goes on printing)."""
    return output_pattern(expected).match(printed_lines(output)) is not None


@dataclass
class Server:
    """A documented command that keeps running, and what it printed so far."""

    process: subprocess.Popen[str]
    lines: queue.Queue[str]
    output: str = ""

    def read_until(self, expected: list[str], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not starts_with(expected, self.output):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            try:
                self.output += self.lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    return False
        return True

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _environment(folder: Path) -> dict[str, str]:
    environment = {
        name: value for name, value in os.environ.items() if name not in SESSION_VARIABLES
    }
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"
    environment["HOME"] = str(folder)
    environment["COLUMNS"] = "200"
    # A server's announcement must reach the pipe when printed, as it reaches a terminal.
    environment["PYTHONUNBUFFERED"] = "1"
    return environment


def _start(command: DocumentedCommand, folder: Path, environment: dict[str, str]) -> Server:
    process = subprocess.Popen(
        ["bash", "-c", command.command],
        cwd=folder,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return Server(process, lines)


def _run(command: DocumentedCommand, folder: Path, environment: dict[str, str]) -> str | None:
    """Run ``command``; None if it did what its document shows, else what went wrong."""
    try:
        result = subprocess.run(
            ["bash", "-c", command.command],
            cwd=folder,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=COMMAND_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return f"did not end within {COMMAND_TIMEOUT} s"
    problems = []
    if result.returncode != command.status:
        problems.append(f"exit status {result.returncode}, documented {command.status}")
    if not shows(command.expected, result.stdout):
        problems.append("printed something else")
    return None if not problems else _report(problems, command, result.stdout)


def _report(problems: list[str], command: DocumentedCommand, output: str) -> str:
    shown = "\n".join(command.expected)
    return f"{', '.join(problems)}\n--- documented:\n{shown}\n--- printed:\n{output.rstrip()}"


def run_documented(commands: list[DocumentedCommand], folder: Path) -> Iterator[str]:
    """Run ``commands`` in ``folder``, in order; one message per command that went otherwise."""
    environment = _environment(folder)
    servers: list[Server] = []
    block = None
    try:
        for command in commands:
            if (command.source.split(":")[0], command.block) != block:
                _stop(servers)
                block = (command.source.split(":")[0], command.block)
            problem = _perform(command, folder, environment, servers)
            if problem:
                yield f"{command.source}: $ {command.command}\n{problem}"
    finally:
        _stop(servers)


def _perform(
    command: DocumentedCommand, folder: Path, environment: dict[str, str], servers: list[Server]
) -> str | None:
    if not command.keeps_running:
        return _run(command, folder, environment)
    server = _start(command, folder, environment)
    servers.append(server)
    if server.read_until(command.expected, SERVER_TIMEOUT):
        return None
    return _report(["did not print what is shown while serving"], command, server.output)


def _stop(servers: list[Server]) -> None:
    while servers:
        servers.pop().stop()


@pytest.fixture
def new_user_folder(tmp_path: Path) -> Path:
    """A folder as a new user's fresh clone has it, ``../shared`` next to it when there is one."""
    folder = tmp_path / "vigia"
    folder.mkdir()
    (folder / "tests").symlink_to(ROOT / "tests", target_is_directory=True)
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    return folder


def _all_documented() -> list[DocumentedCommand]:
    commands = []
    for name in DOCUMENTS:
        commands += documented_commands((ROOT / name).read_text(encoding="utf-8"), name)
    return commands


@pytest.mark.slow
def test_documented_commands_run_as_shown(new_user_folder: Path) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed; the documents use it to query the server")
    commands = _all_documented()

    problems = list(run_documented(commands, new_user_folder))

    assert len(commands) >= 20
    assert not problems, f"{len(problems)} of {len(commands)} documented commands:\n\n" + (
        "\n\n".join(problems)
    )


def test_documented_commands_every_document_has_commands() -> None:
    sources = {command.source.split(":")[0] for command in _all_documented()}

    assert sources == set(DOCUMENTS)


def test_documented_commands_reader_finds_commands_output_and_status() -> None:
    text = "\n".join(
        [
            "Intro `$ not a command`.",
            "```",
            "$ vigia facts --indicator victims  # exit status 2",
            "Error: …",
            "$ vigia serve --port 8731",
            "Vigía at http://127.0.0.1:8731/ … Ctrl+C stops it",
            "$ curl -s http://127.0.0.1:8731/healthz \\",
            "    -H 'Accept: application/json'",
            '{"status":"ok"}',
            "```",
            "```",
            "vigia serve [--db URL]",
            "```",
        ]
    )

    commands = documented_commands(text, "guide.md")

    assert [(c.source, c.block, c.status, c.keeps_running) for c in commands] == [
        ("guide.md:3", 1, 2, False),
        ("guide.md:5", 1, 0, True),
        ("guide.md:7", 1, 0, False),
    ]
    assert commands[2].command.endswith("\n    -H 'Accept: application/json'")
    assert commands[2].expected == ['{"status":"ok"}']


def test_documented_commands_ellipsis_stands_for_anything() -> None:
    output = "stored a.txt: 3 facts\nstored b.txt: 4 facts\nstored c.txt: 0 facts   \n"

    assert shows(["stored a.txt: … facts", "…"], output)
    assert shows(["…", "stored c.txt: 0 facts"], output)
    assert shows(["stored a.txt: 3 facts", "…", "stored c.txt: 0 facts"], output)
    assert not shows(["stored a.txt: 3 facts"], output)
    assert not shows(["stored a.txt: 9 facts", "…"], output)
    assert shows([], "")
    assert not shows([], "something\n")


def test_documented_commands_server_output_is_matched_from_its_start() -> None:
    expected = ["Vigía at http://127.0.0.1:8731/ … Ctrl+C stops it"]
    output = "Vigía at http://127.0.0.1:8731/ (API …); Ctrl+C stops it\nINFO: request\n"

    assert starts_with(expected, output)
    assert not starts_with(expected, "INFO: starting\n" + output)
