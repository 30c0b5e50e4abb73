"""Pipelines of named components: vigia.extract.pipeline and the default pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from vigia.domain import Document
from vigia.extract import (
    CATALOGUE,
    COMPONENTS,
    DEFAULT_PIPELINE,
    Pipeline,
    PipelineError,
    build_pipeline,
    default_pipeline,
    extract,
)

TEXT = (
    "Costa Rica\n"
    "En 2019 la fiscalía de Costa Rica abrió 45 investigaciones por trata de personas y se "
    "identificaron 32 víctimas.\n"
)


def _document() -> Document:
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    return Document(path="report.txt", text=TEXT, sha256=digest)


def test_default_pipeline_runs_every_component_once_in_order() -> None:
    document = extract(_document())

    assert default_pipeline().names == DEFAULT_PIPELINE
    assert document.done == list(DEFAULT_PIPELINE)
    assert len(set(DEFAULT_PIPELINE)) == len(COMPONENTS)


def test_pipeline_refuses_a_component_before_what_it_needs() -> None:
    with pytest.raises(PipelineError, match="'numbers' needs sentences, language, sections"):
        build_pipeline(["numbers", "language", "sentences", "sections"])


def test_pipeline_refuses_an_unknown_or_repeated_component() -> None:
    with pytest.raises(PipelineError, match="unknown component 'charts'; known: codes, "):
        build_pipeline(["language", "charts"])
    with pytest.raises(PipelineError, match="'language' is in the pipeline twice"):
        build_pipeline(["language", "language"])
    with pytest.raises(PipelineError, match="needs 'components'"):
        Pipeline.from_config({"components": "language"}, CATALOGUE)


def test_pipeline_config_builds_the_same_pipeline_again() -> None:
    pipeline = build_pipeline(["language", "sentences", "codes"])

    again = Pipeline.from_config(pipeline.config, CATALOGUE)

    assert again.names == ("language", "sentences", "codes")
    assert again.components == pipeline.components


def test_two_differently_configured_pipelines_run_side_by_side() -> None:
    silent_numbers = replace(
        CATALOGUE["numbers"], version="test", function=lambda document: document
    )
    variant = Pipeline(
        silent_numbers if step.name == "numbers" else step for step in default_pipeline().components
    )

    with_variant = variant(_document())
    with_default = default_pipeline()(_document())

    assert with_variant.facts == []
    assert {fact.value for fact in with_default.facts} >= {45, 32}
    assert CATALOGUE["numbers"].version == "1"  # the variant changed nothing shared
