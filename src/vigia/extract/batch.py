"""Read and extract several files: the good ones go through, the bad ones are reported."""

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


def extract_file(path: Path) -> Document:
    """Read one file and run the extraction pipeline on it."""
    return extract(read_document(path))


def extract_files(paths: Iterable[Path]) -> ExtractionResult:
    result = ExtractionResult()
    for path in paths:
        try:
            result.documents.append(extract_file(path))
        except UnreadableFileError as error:
            result.errors.append(error)
    return result
