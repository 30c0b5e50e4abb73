"""The extraction pipeline: small named components ``Document -> Document`` and their registry.

Each component declares the ``Document`` fields it needs and the fields it fills, as spaCy's
pipeline components do. :func:`build_pipeline` checks that every need is met by an earlier
component, so a misordered pipeline fails when it is built, not half-way through a document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from vigia.domain import Document

ComponentFunction = Callable[[Document], Document]

#: Fields a Document has as soon as a reader produced it.
READER_FIELDS = frozenset({"text", "path", "sha256", "media_type", "page_starts", "title"})


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    function: ComponentFunction

    def __call__(self, document: Document) -> Document:
        result = self.function(document)
        result.done.append(self.name)
        return result


class PipelineError(ValueError):
    """A pipeline that names an unknown component or runs one before what it needs."""


REGISTRY: dict[str, Component] = {}


def component(
    name: str, *, version: str, needs: Sequence[str], adds: Sequence[str]
) -> Callable[[ComponentFunction], ComponentFunction]:
    """Register a function as a pipeline component under ``name``."""

    def register(function: ComponentFunction) -> ComponentFunction:
        if name in REGISTRY:
            raise PipelineError(f"component {name!r} is registered twice")
        REGISTRY[name] = Component(name, version, tuple(needs), tuple(adds), function)
        return function

    return register


def build_pipeline(names: Iterable[str]) -> list[Component]:
    available = set(READER_FIELDS)
    pipeline: list[Component] = []
    for name in names:
        if name not in REGISTRY:
            raise PipelineError(f"unknown component {name!r}; known: {', '.join(sorted(REGISTRY))}")
        step = REGISTRY[name]
        missing = [need for need in step.needs if need not in available]
        if missing:
            raise PipelineError(f"component {name!r} needs {', '.join(missing)}, not yet provided")
        available.update(step.adds)
        pipeline.append(step)
    return pipeline


def run_pipeline(document: Document, pipeline: Sequence[Component]) -> Document:
    for step in pipeline:
        document = step(document)
    return document
