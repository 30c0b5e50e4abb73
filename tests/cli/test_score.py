"""``vigia score``: a table per document and in all, JSON for programs, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vigia.cli import main

SHARED_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"
REPORT = """# source: written for this test
Informe de Guatemala

En 2022 el Ministerio Público de Guatemala recibió 3.715 denuncias por trata de personas y se \
dictaron 142 sentencias condenatorias. La línea 1511 atiende llamadas.
"""
GOLD = {
    "document": "informe",
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
            "indicator": "acquittals",
            "value": 94,
            "qualifier": "exact",
            "tier": "core",
        },
    ],
    "not_facts": [{"country": "GTM", "value": 1511, "why": "a hotline"}],
}


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    (tmp_path / "informe.es.txt").write_text(REPORT, encoding="utf-8")
    path = tmp_path / "informe.gold.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return path


def test_score_prints_the_table_and_what_went_wrong(gold: Path) -> None:
    result = CliRunner().invoke(main, ["score", str(gold)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "document",
        "core",
        "facts",
        "reported",
        "correct",
        "precision",
        "traps",
    ]
    assert lines[2].split() == ["informe", "1/2", "1/2", "2", "1", "0.50", "0"]
    assert "core recall 0.50, recall 0.50, precision 0.50, traps 0" in result.output
    missed = lines.index("  missed (1):")
    assert lines[missed + 1].split()[:4] == ["GTM", "acquittals", "94", "exact"]
    wrong = lines.index("  wrong (1):")
    assert lines[wrong + 1].split()[:4] == ["GTM", "convictions", "142", "exact"]


def test_score_prints_json_for_programs(gold: Path) -> None:
    result = CliRunner().invoke(main, ["score", "--format", "json", str(gold), str(gold)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [score["document"] for score in data["documents"]] == ["informe", "informe"]
    assert data["all"]["core"] == [2, 4]
    assert data["all"]["precision"] == 0.5
    assert data["all"]["indicators"]["complaints"] == {
        "annotated": 2,
        "found": 2,
        "reported": 2,
        "correct": 2,
    }


def test_score_finds_the_documents_in_the_folder_given(gold: Path, tmp_path: Path) -> None:
    other = tmp_path / "annotations"
    other.mkdir()
    moved = gold.rename(other / gold.name)
    result = CliRunner().invoke(main, ["score", str(moved), "--documents", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "informe" in result.output


def test_score_refuses_what_it_cannot_read_with_status_2(gold: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gold.json"
    broken.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(gold), str(broken)])
    assert result.exit_code == 2
    assert "broken.gold.json: not a JSON annotation" in result.output
    alone = tmp_path / "alone.gold.json"
    alone.write_text(json.dumps(GOLD), encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(alone)])
    assert result.exit_code == 2
    assert "no document alone.* in" in result.output


def test_score_reads_the_shared_annotations() -> None:
    if not SHARED_GOLD.is_dir():
        pytest.skip(f"shared annotations not found at {SHARED_GOLD} (clone next to ../shared)")
    files = [str(path) for path in sorted(SHARED_GOLD.rglob("*.gold.json"))]
    result = CliRunner().invoke(main, ["score", "--format", "json", *files])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["documents"]) == len(files) >= 7
    french = next(s for s in data["documents"] if s["document"] == "rtp3-rapporteur-report")
    assert french["core"] == [9, 9] and french["traps"] == []


def test_learn_refuses_a_database_without_reviewed_facts(tmp_path: Path, gold: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert CliRunner().invoke(main, ["db", "upgrade", "--db", url]).exit_code == 0
    result = CliRunner().invoke(main, ["learn", str(gold), "--db", url])
    assert result.exit_code == 2
    assert "learning needs facts reviewed two ways" in result.output
