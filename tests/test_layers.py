"""The packages' import rules: data flows one way, and nothing upstream imports downstream."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "vigia"

#: What each package may not import (its downstream, and the edges).
FORBIDDEN = {
    "ingest": ("extract", "store", "evaluate", "services", "web", "cli"),
    "extract": ("store", "evaluate", "services", "web", "cli"),
    "store": ("extract", "evaluate", "services", "web", "cli"),
    "evaluate": ("services", "web", "cli"),
    "services": ("web", "cli"),
    "web": ("cli",),
}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_downstream(package: str) -> None:
    offending = sorted(
        f"{path.relative_to(SOURCE)} imports {module}"
        for path in (SOURCE / package).rglob("*.py")
        for module in _imported_modules(path)
        for other in FORBIDDEN[package]
        if module == f"vigia.{other}" or module.startswith(f"vigia.{other}.")
    )
    assert offending == []


def test_package_rules_cover_every_stage() -> None:
    packages = {path.name for path in SOURCE.iterdir() if (path / "__init__.py").is_file()}
    assert set(FORBIDDEN) | {"cli"} <= packages
