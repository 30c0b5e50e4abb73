"""Limits on what reading one file may cost, and text that is not text of a language."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigia.ingest import UnreadableFileError, read_document
from vigia.ingest.errors import UnreadableContentError
from vigia.ingest.limits import DEFAULT_LIMITS, ReadLimits, check_text

REPORT = "Informe nacional\n\nEn 2019 la fiscalía abrió 45 investigaciones por trata de personas.\n"


def _reason(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        read_document(path, limits)
    return caught.value.reason


def _zip_bomb(path: Path, expanded: int) -> Path:
    """A DOCX-shaped archive whose main part inflates to ``expanded`` bytes of spaces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(expanded // len(chunk)):
                part.write(chunk)
    return path


def test_read_document_refuses_a_zip_bomb_before_unpacking_it(tmp_path: Path) -> None:
    bomb = _zip_bomb(tmp_path / "bomb.docx", DEFAULT_LIMITS.max_expanded_bytes + 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    reason = _reason(bomb)
    assert reason.startswith("archive expands to 101.0 MB (the limit is 100.0 MB)")
    assert "zip bomb" in reason


def test_read_document_refuses_an_archive_of_too_many_entries(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(20):
            archive.writestr(f"word/media/{number}.bin", b"x")
    assert _reason(path, ReadLimits(max_archive_entries=10)) == (
        "archive with 21 entries (the limit is 10)"
    )


def test_read_document_refuses_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT * 100, encoding="utf-8")
    reason = _reason(path, ReadLimits(max_file_bytes=1024))
    assert reason.startswith("file too large: ")
    assert reason.endswith("(the limit is 0.0 MB)")


def test_read_document_refuses_text_over_the_character_limit(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT * 10, encoding="utf-8")
    reason = _reason(path, ReadLimits(max_characters=100))
    assert (
        reason
        == f"text too long: {len(REPORT * 10):,} characters (the limit is 100); split the document"
    )


def test_read_document_reads_text_within_the_limits(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert read_document(path, ReadLimits(max_characters=len(REPORT))).text == REPORT


@pytest.mark.parametrize("suffix", [".html", ".htm", ".txt", ".md", ".docx", ".pdf"])
def test_read_document_refuses_random_bytes_whatever_their_name(
    tmp_path: Path, suffix: str
) -> None:
    generator = random.Random(19)
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(bytes(generator.randrange(256) for _ in range(20_000)))
    with pytest.raises(UnreadableFileError):
        read_document(path)


def test_check_text_accepts_a_table_of_figures_with_its_headings() -> None:
    table = "Año | Víctimas | Condenas\n2019 | 120 | 14\n2020 | 98 | 11\n2021 | 143 | 20\n"
    check_text(table, DEFAULT_LIMITS)


def test_check_text_refuses_control_characters() -> None:
    with pytest.raises(UnreadableContentError, match="not text of a language"):
        check_text("Informe" + "\x01\x02\x03" * 5, DEFAULT_LIMITS)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(min_size=1, max_size=4096),
    suffix=st.sampled_from([".txt", ".html", ".docx", ".pdf", ".md", ""]),
)
def test_read_document_gives_a_document_or_a_reason_for_any_bytes(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        document = read_document(path)
    except UnreadableFileError as error:
        assert error.reason and "\n" not in error.reason
    else:
        assert document.text.strip()
        assert len(document.sha256) == 64


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=2000))
def test_read_document_gives_a_document_or_a_reason_for_any_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        document = read_document(path)
    except UnreadableFileError as error:
        assert error.reason
    else:
        assert document.text.strip()
