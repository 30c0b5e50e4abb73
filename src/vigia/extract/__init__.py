"""Text to facts: the extraction pipeline over one :class:`~vigia.domain.Document`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from vigia.domain import Document
from vigia.extract.codes import add_codes
from vigia.extract.cooperation import add_cooperation
from vigia.extract.events import add_events
from vigia.extract.facts import add_facts
from vigia.extract.gazetteer import add_places
from vigia.extract.language import add_language
from vigia.extract.meeting import add_meeting
from vigia.extract.numbers import add_numbers
from vigia.extract.pipeline import Component, Pipeline, PipelineError
from vigia.extract.plan_areas import add_area_mappings
from vigia.extract.requests import add_requests
from vigia.extract.roles import add_roles
from vigia.extract.sections import add_sections
from vigia.extract.sentences import add_sentences
from vigia.extract.table_facts import add_table_facts
from vigia.extract.tables import add_tables

#: Every component, in the order of the default pipeline: the one place the list is written.
COMPONENTS: tuple[Component, ...] = (
    add_language,
    add_sentences,
    add_places,
    add_codes,
    add_sections,
    add_numbers,
    add_tables,
    add_facts,
    add_table_facts,
    add_events,
    add_roles,
    add_cooperation,
    add_requests,
    add_meeting,
    add_area_mappings,
)
#: The components by name, for :meth:`Pipeline.from_config`.
CATALOGUE: dict[str, Component] = {step.name: step for step in COMPONENTS}
DEFAULT_PIPELINE = tuple(CATALOGUE)

__all__ = [
    "CATALOGUE",
    "COMPONENTS",
    "DEFAULT_PIPELINE",
    "Component",
    "Pipeline",
    "PipelineError",
    "build_pipeline",
    "default_pipeline",
    "extract",
]


def build_pipeline(names: Sequence[str]) -> Pipeline:
    """A pipeline of the named components of :data:`CATALOGUE`, in that order."""
    return Pipeline.from_config({"components": list(names)}, CATALOGUE)


@cache
def default_pipeline() -> Pipeline:
    """Every component, built once."""
    return Pipeline(COMPONENTS)


def extract(document: Document, names: Sequence[str] = DEFAULT_PIPELINE) -> Document:
    """Run the extraction pipeline (all components by default) over a document."""
    pipeline = default_pipeline() if tuple(names) == DEFAULT_PIPELINE else build_pipeline(names)
    return pipeline(document)
