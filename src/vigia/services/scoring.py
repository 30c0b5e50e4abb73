"""Scoring extraction on annotated documents: what ``vigia score`` and the gold tests run.

An annotation (``NAME.gold.json``) names its document by file name: ``NAME.txt`` or
``NAME.<language>.txt`` (any suffix Vigía reads), in the folder given, else in the folder that
mirrors the annotation's under ``corpus`` (``gold/real/x.gold.json`` → ``corpus/real/x.es.txt``).
Lines at the top of a document that start with ``#`` (where it came from) are not part of it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from vigia.domain import Document
from vigia.extract import default_pipeline
from vigia.extract.pipeline import Pipeline
from vigia.ingest import UnreadableFileError, read_document
from vigia.publish.contract import document_data
from vigia.services.gold import Score, Tally, score_extraction

GOLD_SUFFIX = ".gold.json"
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
#: The parts of an annotation, and their shape (roles: country → roles).
GOLD_SHAPE: dict[str, type] = {
    "sections": list,
    "events": list,
    "roles": dict,
    "cooperation": list,
    "requests_for_help": list,
    "not_facts": list,
    "meeting": dict,
}
FACT_KEYS = ("indicator", "value", "qualifier")


class ScoringError(ValueError):
    """An annotation that cannot be read, or whose document cannot be found or read."""


def read_gold(path: Path) -> dict[str, Any]:
    """The annotation at ``path``; ScoringError for a file that is not one."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ScoringError(f"{path}: cannot read the annotation ({error.strerror})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ScoringError(f"{path}: not a JSON annotation ({error})") from error
    if not isinstance(gold, dict) or not isinstance(gold.get("facts", []), list):
        raise ScoringError(f"{path}: an annotation is a JSON object with a list of facts")
    for key, kind in GOLD_SHAPE.items():
        if not isinstance(gold.get(key, kind()), kind):
            shape = "an object" if kind is dict else "a list"
            raise ScoringError(f"{path}: {key!r} must be {shape} (see docs/scoring.md)")
    for number, fact in enumerate(gold.get("facts", []), start=1):
        missing = [key for key in FACT_KEYS if not isinstance(fact, dict) or key not in fact]
        if missing:
            raise ScoringError(f"{path}: fact {number} lacks {', '.join(missing)}")
    return gold


def document_for(gold_path: Path, documents: Path | None = None) -> Path:
    """The document that ``gold_path`` annotates (see the module's description)."""
    name = gold_path.name.removesuffix(GOLD_SUFFIX).removesuffix(".json")
    folder = documents if documents is not None else _corpus_folder(gold_path)
    candidates = sorted(
        path
        for path in folder.glob(f"{name}*")
        if path.suffix.lower() in DOCUMENT_SUFFIXES
        and (path.stem == name or path.stem.rsplit(".", 1)[0] == name)
    )
    if not candidates:
        raise ScoringError(f"{gold_path}: no document {name}.* in {folder}")
    return candidates[0]


def read_annotated_document(path: Path) -> Document:
    """The document at ``path``, without the ``#`` lines at its top."""
    document = read_document(path)
    header = _header_length(document.text)
    if not header:
        return document
    return replace(document, text=document.text[header:], title=None)


def score_file(
    gold_path: Path, documents: Path | None = None, pipeline: Pipeline | None = None
) -> Score:
    """Run ``pipeline`` (today's default) on the document ``gold_path`` annotates; score it."""
    gold = read_gold(gold_path)
    path = document_for(gold_path, documents)
    try:
        document = read_annotated_document(path)
    except UnreadableFileError as error:
        raise ScoringError(str(error)) from error
    extracted = (pipeline or default_pipeline())(document)
    score = score_extraction(document_data(extracted), gold)
    score.document = gold_path.name.removesuffix(GOLD_SUFFIX)
    return score


def score_files(
    gold_paths: Iterable[Path], documents: Path | None = None, pipeline: Pipeline | None = None
) -> list[Score]:
    """:func:`score_file` for each annotation, in order."""
    return [score_file(path, documents, pipeline) for path in gold_paths]


def total(scores: Iterable[Score]) -> Score:
    """The scores added up, as one (its ``document`` is ``all``)."""
    whole = Score(document="all")
    tallies = ("sections", "core", "facts", "events", "roles", "links", "officers", "decisions")
    for score in scores:
        for name in (*tallies, "requests"):
            mine: Tally = getattr(whole, name)
            theirs: Tally = getattr(score, name)
            mine.found += theirs.found
            mine.total += theirs.total
        whole.sections_with_code += score.sections_with_code
        whole.reported += score.reported
        whole.correct += score.correct
        whole.unowned += score.unowned
        whole.missed += score.missed
        whole.wrong += score.wrong
        whole.traps += score.traps
        for indicator, counts in score.indicators.items():
            whole.indicators.setdefault(indicator, Counter()).update(counts)
        for reason, counts in score.reasons.items():
            whole.reasons.setdefault(reason, Counter()).update(counts)
    return whole


def _corpus_folder(gold_path: Path) -> Path:
    parts = list(gold_path.resolve().parent.parts)
    if "gold" in parts:
        index = len(parts) - 1 - parts[::-1].index("gold")
        parts[index] = "corpus"
    return Path(*parts)


def _header_length(text: str) -> int:
    """How many characters the ``#`` lines at the top of ``text`` take, with their line ends."""
    length = 0
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        length += len(line)
    return length
