"""Fixtures for extraction tests: run part of the pipeline over a text."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import pytest

from vigia.domain import Document
from vigia.extract import DEFAULT_PIPELINE, extract

Analyse = Callable[..., Document]


@pytest.fixture
def analyse() -> Analyse:
    """``analyse(text, until="sections")`` runs the default pipeline up to a component."""

    def run(text: str, until: str | None = None, names: Sequence[str] | None = None) -> Document:
        if names is None:
            names = DEFAULT_PIPELINE
            if until is not None:
                names = names[: names.index(until) + 1]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return extract(Document(path="test.txt", text=text, sha256=digest), names)

    return run
