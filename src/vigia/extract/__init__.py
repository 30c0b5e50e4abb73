"""Text to facts: the extraction pipeline over one :class:`~vigia.domain.Document`."""

from __future__ import annotations

from collections.abc import Sequence

from vigia.domain import Document
from vigia.extract import (  # noqa: F401  (importing a module registers its components)
    codes,
    cooperation,
    events,
    facts,
    gazetteer,
    language,
    meeting,
    numbers,
    requests,
    roles,
    sections,
    sentences,
)
from vigia.extract.pipeline import REGISTRY, build_pipeline, run_pipeline

DEFAULT_PIPELINE = (
    "language",
    "sentences",
    "places",
    "codes",
    "sections",
    "numbers",
    "facts",
    "events",
    "roles",
    "cooperation",
    "requests",
    "meeting",
)

__all__ = ["DEFAULT_PIPELINE", "REGISTRY", "extract"]


def extract(document: Document, names: Sequence[str] = DEFAULT_PIPELINE) -> Document:
    """Run the extraction pipeline (all components by default) over a document."""
    return run_pipeline(document, build_pipeline(names))
