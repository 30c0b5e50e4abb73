"""Text to facts: the extraction pipeline over one :class:`~vigia.domain.Document`."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import cache

from vigia.domain import Document
from vigia.extract.pipeline import build_pipeline, run_pipeline

#: Modules whose import registers pipeline components.
COMPONENT_MODULES = (
    "language",
    "sentences",
    "gazetteer",
    "codes",
    "sections",
    "numbers",
    "facts",
    "events",
    "roles",
    "cooperation",
    "requests",
    "meeting",
    "plan_areas",
)

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
    "plan_areas",
)

__all__ = ["DEFAULT_PIPELINE", "extract", "load_components"]


@cache
def load_components() -> None:
    """Import every component module, so that the registry knows them all."""
    for name in COMPONENT_MODULES:
        importlib.import_module(f"vigia.extract.{name}")


def extract(document: Document, names: Sequence[str] = DEFAULT_PIPELINE) -> Document:
    """Run the extraction pipeline (all components by default) over a document."""
    load_components()
    return run_pipeline(document, build_pipeline(names))
