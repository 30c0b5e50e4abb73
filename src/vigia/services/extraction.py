"""Extraction without storing: one file or several read and extracted, the bad ones reported.

For ``vigia extract``, the benchmarks and the scorer; :mod:`vigia.services.ingestion` also stores.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vigia.domain import Document
from vigia.extract import extract
from vigia.ingest import UnreadableFileError, read_document


@dataclass
class ExtractionResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[UnreadableFileError] = field(default_factory=list)


def extract_document(document: Document) -> Document:
    """Run the extraction pipeline on a document already read."""
    return extract(document)


def extract_file(path: Path) -> Document:
    """Read one file and run the extraction pipeline on it."""
    return extract(read_document(path))


def extract_files(paths: Iterable[Path]) -> ExtractionResult:
    """Every file read and extracted, in order; a file that cannot be read is reported."""
    result = ExtractionResult()
    for path in paths:
        try:
            result.documents.append(extract_file(path))
        except UnreadableFileError as error:
            result.errors.append(error)
    return result
