"""Scoring extraction on annotated documents: vigia.services.scoring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vigia.extract import build_pipeline
from vigia.services.scoring import (
    ScoringError,
    document_for,
    read_annotated_document,
    score_file,
    score_files,
    total,
)

REPORT = """# source: written for this test
# language: es
Informe de Guatemala

En 2022 el Ministerio Público de Guatemala recibió 3.715 denuncias por trata de personas y se \
dictaron 142 sentencias condenatorias. La línea 1511 atiende llamadas.
"""


def _annotation(**extra: Any) -> dict[str, Any]:
    return {
        "document": "informe",
        "language": "es",
        "facts": [
            {
                "country": "GTM",
                "indicator": "complaints",
                "value": 3715,
                "qualifier": "exact",
                "tier": "core",
            },
            {
                "country": "GTM",
                "indicator": "convictions",
                "value": 142,
                "qualifier": "exact",
                "tier": "core",
            },
            {
                "country": "GTM",
                "indicator": "acquittals",
                "value": 94,
                "qualifier": "exact",
                "tier": "extra",
            },
        ],
        "not_facts": [{"country": "GTM", "value": 1511, "why": "a hotline"}],
        **extra,
    }


@pytest.fixture
def annotated(tmp_path: Path) -> Path:
    """``gold/informe.gold.json`` and its document ``corpus/informe.es.txt``."""
    (tmp_path / "gold").mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "informe.es.txt").write_text(REPORT, encoding="utf-8")
    gold = tmp_path / "gold" / "informe.gold.json"
    gold.write_text(json.dumps(_annotation()), encoding="utf-8")
    return gold


def test_the_document_is_found_in_the_mirrored_corpus_folder_or_the_one_given(
    annotated: Path, tmp_path: Path
) -> None:
    assert document_for(annotated) == tmp_path / "corpus" / "informe.es.txt"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "informe.txt").write_text(REPORT, encoding="utf-8")
    (elsewhere / "informe-2.txt").write_text(REPORT, encoding="utf-8")  # another document
    assert document_for(annotated, elsewhere) == elsewhere / "informe.txt"


def test_the_source_lines_at_the_top_are_not_part_of_the_document(annotated: Path) -> None:
    document = read_annotated_document(document_for(annotated))
    assert document.text.startswith("Informe de Guatemala")
    assert "#" not in document.text


def test_a_document_is_extracted_and_scored(annotated: Path) -> None:
    score = score_file(annotated)
    assert score.document == "informe"
    assert (score.core.found, score.core.total) == (2, 2)
    assert (score.facts.found, score.facts.total) == (2, 3)
    assert [fact["value"] for fact in score.missed] == [94]
    assert score.traps == [] and score.wrong == []
    assert score.precision == 1.0


def test_two_pipelines_score_side_by_side(annotated: Path) -> None:
    """A pipeline without the facts component finds nothing; the default is untouched."""
    without_facts = build_pipeline(("language", "sentences"))
    assert score_file(annotated, pipeline=without_facts).facts.found == 0
    assert score_file(annotated).facts.found == 2


def test_scores_add_up(annotated: Path) -> None:
    whole = total(score_files([annotated, annotated]))
    assert whole.document == "all"
    assert (whole.core.found, whole.core.total) == (4, 4)
    assert whole.reported == whole.correct == 4
    assert whole.indicators["complaints"]["annotated"] == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not a JSON annotation"),
        (b"[1, 2]", "a JSON object with a list of facts"),
        (b"\xff\xfe\x00", "not a JSON annotation"),
        (b'{"facts": [], "roles": []}', "'roles' must be an object"),
        (b'{"facts": [], "not_facts": {}}', "'not_facts' must be a list"),
        (b'{"facts": [{"value": 3, "qualifier": "exact"}]}', "fact 1 lacks indicator"),
        (b'{"facts": ["3 victims"]}', "fact 1 lacks indicator, value, qualifier"),
    ],
)
def test_a_bad_annotation_is_refused_clearly(tmp_path: Path, content: bytes, message: str) -> None:
    gold = tmp_path / "bad.gold.json"
    gold.write_bytes(content)
    with pytest.raises(ScoringError, match=message):
        score_file(gold, tmp_path)


def test_a_missing_annotation_or_document_is_refused_clearly(
    annotated: Path, tmp_path: Path
) -> None:
    with pytest.raises(ScoringError, match="cannot read the annotation"):
        score_file(tmp_path / "gold" / "nothing.gold.json")
    with pytest.raises(ScoringError, match=r"no document informe\.\* in"):
        score_file(annotated, tmp_path / "gold")
    (tmp_path / "corpus" / "informe.es.txt").write_bytes(b"")
    with pytest.raises(ScoringError, match="empty file"):
        score_file(annotated)
