"""The packages' import rules: data flows one way, and nothing upstream imports downstream."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "vigia"

#: What each package may not import (its downstream, and the edges).
FORBIDDEN = {
    "plans": ("ingest", "extract", "store", "evaluate", "publish", "services", "web", "cli"),
    "ingest": ("extract", "store", "evaluate", "publish", "services", "web", "cli"),
    "extract": ("store", "evaluate", "publish", "services", "web", "cli"),
    "store": ("extract", "evaluate", "publish", "services", "web", "cli"),
    "evaluate": ("extract", "publish", "services", "web", "cli"),
    "publish": ("services", "web", "cli"),
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
            if node.module == "vigia":  # from vigia import extract
                found.update(f"vigia.{alias.name}" for alias in node.names)
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
    assert set(FORBIDDEN) | {"cli"} == packages


#: Where people and other programs come in: they reach the stages through ``vigia.services``.
EDGES = (SOURCE / "cli", SOURCE / "web", SOURCE.parents[1] / "bench")


def _edge_imports(prefix: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for edge in EDGES:
        for path in edge.rglob("*.py"):
            for module in _imported_modules(path):
                if module == prefix or module.startswith(f"{prefix}."):
                    found.setdefault(module, set()).add(path.name)
    return found


def test_edges_reach_extraction_only_through_services() -> None:
    assert _edge_imports("vigia.extract") == {}


def test_edges_reach_the_store_only_through_services() -> None:
    assert _edge_imports("vigia.store") == {}


def test_edges_do_reach_the_services() -> None:
    reached = _edge_imports("vigia.services")
    assert "vigia.services.databases" in reached  # the rule above is not vacuous
    assert len(reached) > 10


ARCHITECTURE = SOURCE.parents[1] / "docs" / "architecture.md"
DRAWN_IMPORT = re.compile(r"^\s*(\w+) --> (\w+)\s*$", re.MULTILINE)


def _package_imports() -> set[tuple[str, str]]:
    packages = {path.name for path in SOURCE.iterdir() if (path / "__init__.py").is_file()}
    shared = {"plans"}  # shared by every package, like vigia.domain: not drawn
    drawn = packages - shared
    found: set[tuple[str, str]] = set()
    for package in drawn:
        for path in (SOURCE / package).rglob("*.py"):
            for module in _imported_modules(path):
                parts = module.split(".")
                if parts[0] == "vigia" and len(parts) > 1 and parts[1] in drawn - {package}:
                    found.add((package, parts[1]))
    return found


def test_architecture_page_draws_the_imports_between_packages() -> None:
    page = ARCHITECTURE.read_text(encoding="utf-8")
    block = page.split("<!-- imports: begin -->")[1].split("<!-- imports: end -->")[0]
    drawn = set(DRAWN_IMPORT.findall(block))
    assert drawn == _package_imports()
