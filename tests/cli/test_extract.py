"""``vigia extract``: JSON as in the contract, a table, and clear errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vigia.cli import main

REPORT = """INFORME DE LA REUNIÓN

1. Perú; el país capacitó a más de 1.200 policías y rescató a 45 víctimas en 2014. La línea 1818
recibió 300 denuncias. (RTP-IV/INF. 3/14)
2. Chile; se desarticularon 4 redes y hubo 12 condenas. (RTP-IV/INF. 4/14)
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_prints_the_contract_json(tmp_path: Path) -> None:
    report = write(tmp_path, "informe.es.txt", REPORT)
    result = CliRunner().invoke(main, ["extract", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {
        "document",
        "meeting",
        "sections",
        "facts",
        "events",
        "roles",
        "cooperation",
        "requests",
    }
    assert data["document"]["language"] == "es"
    assert data["document"]["countries"] == ["PER", "CHL"]
    facts = {(f["country"], f["indicator"], f["value"], f["qualifier"]) for f in data["facts"]}
    assert ("PER", "persons_trained", 1200, "at_least") in facts
    assert ("CHL", "convictions", 12, "exact") in facts
    assert not any(fact["value"] == 1818 for fact in data["facts"])
    for fact in data["facts"]:
        evidence = fact["evidence"]
        assert REPORT[evidence["start"] : evidence["end"]] == evidence["text"]


def test_extract_several_files_print_an_array(tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", REPORT)
    second = write(tmp_path, "b.txt", "2. Chile; hubo 12 condenas en 2013.\n")
    result = CliRunner().invoke(main, ["extract", str(first), str(second)])
    assert result.exit_code == 0
    assert [item["document"]["path"] for item in json.loads(result.output)] == [
        str(first),
        str(second),
    ]


def test_extract_table_lists_facts(tmp_path: Path) -> None:
    report = write(tmp_path, "informe.txt", REPORT)
    result = CliRunner().invoke(main, ["extract", str(report), "--format", "table"])
    assert result.exit_code == 0
    assert "networks_dismantled" in result.output and "PER" in result.output


def test_extract_bad_file_is_one_line_and_status_two(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", REPORT)
    empty = write(tmp_path, "empty.txt", "")
    result = CliRunner().invoke(main, ["extract", str(empty), str(good)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {empty}: empty file"]
    assert "Traceback" not in result.output
    assert [item["document"]["path"] for item in json.loads(result.stdout)] == [str(good)]


def test_extract_unsupported_type(tmp_path: Path) -> None:
    sheet = write(tmp_path, "data.xlsx", "not really a sheet")
    result = CliRunner().invoke(main, ["extract", str(sheet)])
    assert result.exit_code == 2
    assert "unsupported file type '.xlsx'" in result.stderr
