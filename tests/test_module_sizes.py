"""No module of the package grows past what a reader can hold: 500 lines (issue 21)."""

from __future__ import annotations

from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "vigia"
MAX_LINES = 500


def test_no_module_is_over_500_lines() -> None:
    sizes = {
        str(path.relative_to(SOURCE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in SOURCE.rglob("*.py")
    }
    assert len(sizes) > 100  # the package was found
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}
