"""The extraction pipeline: small named components ``Document -> Document``, and pipelines of them.

Each component declares the ``Document`` fields it needs and the fields it fills, as spaCy's
pipeline components do. A :class:`Pipeline` is built from components (or from a configuration that
names them, :meth:`Pipeline.from_config`) and checks that every need is met by an earlier component,
so a misordered pipeline fails when it is built, not half-way through a document. There is no global
registry: a pipeline owns its components, and two differently configured pipelines (today's and a
new one, or a trained one) run side by side in one process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from vigia.domain import Document

ComponentFunction = Callable[[Document], Document]

#: Fields a Document has as soon as a reader produced it.
READER_FIELDS = frozenset({"text", "path", "sha256", "media_type", "page_starts", "title"})


@dataclass(frozen=True)
class Component:
    """A step of extraction: a function with its name, version, and the fields it needs and adds."""

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
    """A pipeline that names an unknown component, names one twice, or runs one before what it
    needs."""


def component(
    name: str, *, version: str, needs: Sequence[str], adds: Sequence[str]
) -> Callable[[ComponentFunction], Component]:
    """Make a function a pipeline component named ``name``."""

    def declare(function: ComponentFunction) -> Component:
        return Component(name, version, tuple(needs), tuple(adds), function)

    return declare


class Pipeline:
    """Components run in order over a document; checked when built."""

    def __init__(self, components: Iterable[Component]) -> None:
        self.components = tuple(components)
        available = set(READER_FIELDS)
        seen: set[str] = set()
        for step in self.components:
            if step.name in seen:
                raise PipelineError(f"component {step.name!r} is in the pipeline twice")
            seen.add(step.name)
            missing = [need for need in step.needs if need not in available]
            if missing:
                raise PipelineError(
                    f"component {step.name!r} needs {', '.join(missing)}, not yet provided"
                )
            available.update(step.adds)

    @classmethod
    def from_config(cls, config: Mapping[str, Any], catalogue: Mapping[str, Component]) -> Pipeline:
        """The pipeline of ``config["components"]``, a list of names found in ``catalogue``."""
        names = config.get("components")
        if not isinstance(names, Sequence) or isinstance(names, str):
            raise PipelineError("a pipeline configuration needs 'components', a list of names")
        unknown = [name for name in names if name not in catalogue]
        if unknown:
            raise PipelineError(
                f"unknown component {unknown[0]!r}; known: {', '.join(sorted(catalogue))}"
            )
        return cls(catalogue[name] for name in names)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(step.name for step in self.components)

    @property
    def config(self) -> dict[str, Any]:
        """The configuration that builds this pipeline again from the same catalogue."""
        return {"components": list(self.names)}

    def __call__(self, document: Document) -> Document:
        for step in self.components:
            document = step(document)
        return document

    def __repr__(self) -> str:
        return f"Pipeline({', '.join(self.names)})"
