"""``vigia compare`` and the language versions page: two files read as documents, then compared."""

from __future__ import annotations

from pathlib import Path

from vigia.extract.versions import compare_versions
from vigia.ingest import document_from_bytes, read_document
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


def compare_uploads(
    first: tuple[str, bytes],
    second: tuple[str, bytes],
    first_language: str | None = None,
    second_language: str | None = None,
) -> VersionComparison:
    """:func:`compare_files` of two files sent, each as its name and bytes; nothing is stored."""
    return compare_versions(
        document_from_bytes(Path(first[0]), first[1]).text,
        document_from_bytes(Path(second[0]), second[1]).text,
        first_language,
        second_language,
    )
