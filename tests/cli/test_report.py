"""``vigia report``: the regional report of a meeting as a file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from tests.evaluate.reports import RTP4_SPANISH, extracted
from vigia.cli import main
from vigia.store.database import open_database, session_factory
from vigia.store.repository import store_document


def _report(url: str, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["report", *arguments, "--db", url])


def _stored(url: str) -> str:
    engine = open_database(url)
    with session_factory(engine)() as session:
        store_document(session, extracted(RTP4_SPANISH))
    engine.dispose()
    return url


def test_report_writes_the_html_report_in_the_language_asked(
    ready_sqlite_url: str, tmp_path: Path
) -> None:
    output = tmp_path / "rtp4.html"
    result = _report(
        _stored(ready_sqlite_url), "--meeting", "rtp-iv", "--language", "pt", "--draft",
        "-o", str(output),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = output.read_text(encoding="utf-8")
    assert "<h1>Relatório regional de progresso do Plano de Trabalho</h1>" in page
    assert "Rascunho:" in page
    assert result.stderr.startswith("wrote the draft report of RTP-IV (")


def test_report_of_one_state_to_standard_output(ready_sqlite_url: str) -> None:
    result = _report(
        _stored(ready_sqlite_url), "--meeting", "RTP-IV", "--country", "gtm", "-o", "-"
    )
    assert result.exit_code == 0, result.output
    assert 'id="state-GTM"' in result.stdout and 'id="state-ARG"' not in result.stdout


def test_report_unknown_meeting_or_state_is_a_clear_error(
    ready_sqlite_url: str, tmp_path: Path
) -> None:
    url = _stored(ready_sqlite_url)
    output = tmp_path / "report.html"
    unknown = _report(url, "--meeting", "RTP-IX", "-o", str(output))
    assert unknown.exit_code == 2
    assert "no stored document belongs to meeting 'RTP-IX'; meetings with documents: RTP-IV" in (
        unknown.output
    )
    absent = _report(url, "--meeting", "RTP-IV", "--country", "BRA", "-o", str(output))
    assert absent.exit_code == 2
    assert "BRA has no section in the documents of RTP-IV; states that reported: " in absent.output
    assert not output.exists()


def test_report_as_docx(ready_sqlite_url: str, tmp_path: Path) -> None:
    output = tmp_path / "rtp4.docx"
    result = _report(
        _stored(ready_sqlite_url), "--meeting", "RTP-IV", "--format", "docx", "-o", str(output)
    )
    assert result.exit_code == 0, result.output
    assert output.read_bytes().startswith(b"PK")
