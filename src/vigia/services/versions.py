"""``vigia compare`` and the comparison page: two files read as documents, then compared."""

from __future__ import annotations

from pathlib import Path

from vigia.extract.versions import compare_versions
from vigia.ingest import read_document
from vigia.versions import VersionComparison


def compare_files(
    first: Path,
    second: Path,
    first_language: str | None = None,
    second_language: str | None = None,
) -> VersionComparison:
    """Read ``first`` and ``second`` (text, HTML, Word or PDF) and compare them paragraph by
    paragraph. Raises :class:`~vigia.ingest.UnreadableFileError` for a file that cannot be read."""
    return compare_versions(
        read_document(first).text,
        read_document(second).text,
        first_language,
        second_language,
    )
