"""``vigia compare``: two language versions, their differences as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vigia.cli import main

VERSIONS = Path(__file__).parents[1] / "data" / "versions"


def test_prints_each_difference_with_both_passages() -> None:
    result = CliRunner().invoke(
        main, ["compare", str(VERSIONS / "plan.es.txt"), str(VERSIONS / "plan.en.altered.txt")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("es → en: 18 and 18 paragraphs, 8 differences\n")
    assert "Figures differ: 500 / 300" in result.output
    assert "es ¶11: 3. Capacitar al menos a 500" in result.output
    assert "en ¶10: 3. Train at least 300" in result.output
    assert "Only in the second version\n   es: (none)\n   en ¶14: 7. Evaluate" in result.output


def test_json_gives_kinds_passages_and_anchors() -> None:
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(VERSIONS / "plan.es.txt"),
            str(VERSIONS / "plan.fr.altered.txt"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["first"] == {"language": "es", "paragraphs": 18}
    assert data["aligned"] == 17
    names = next(d for d in data["differences"] if d["kind"] == "names")
    assert (names["only_first"], names["only_second"]) == (["Costa Rica"], ["Panama"])
    assert names["first"][0]["number"] == 12
    assert "Costa Rica" in names["first"][0]["text"]


def test_a_faithful_translation_prints_no_difference() -> None:
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(VERSIONS / "plan.en.txt"),
            str(VERSIONS / "plan.fr.txt"),
            "--first-language",
            "en",
            "--second-language",
            "fr",
        ],
    )
    assert result.exit_code == 0
    assert result.output == "en → fr: 18 and 18 paragraphs, 0 differences\n"


def test_an_unreadable_file_is_refused_with_exit_status_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["compare", str(empty), str(VERSIONS / "plan.en.txt")])
    assert result.exit_code == 2
    assert "empty.txt: empty file" in result.output
