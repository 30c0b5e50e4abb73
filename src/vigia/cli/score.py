"""``vigia score``: how well extraction reads annotated documents (recall, precision, traps)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from vigia.cli.errors import InputError
from vigia.services.gold import Score
from vigia.services.scoring import ScoringError, score_files, total

HEADER = (
    f"{'document':<40} {'core':>7} {'facts':>7} {'reported':>8} {'correct':>7} "
    f"{'precision':>9} {'traps':>5}"
)


def _ratio(found: int, of: int) -> str:
    return "-" if of == 0 else f"{found / of:.2f}"


def _document_line(score: Score) -> str:
    return (
        f"{score.document[:40]:<40} {score.core!s:>7} {score.facts!s:>7} {score.reported:>8} "
        f"{score.correct:>7} {_ratio(score.correct, score.reported):>9} {len(score.traps):>5}"
    )


def _fact_line(fact: dict[str, Any]) -> str:
    owner = fact.get("country") or fact.get("actor") or fact.get("region") or "-"
    quote = " ".join(str(fact.get("evidence", {}).get("text", "")).split())[:70]
    line = f"    {owner:<8} {fact['indicator']:<24} {fact['value']:>14,} {fact['qualifier']:<13}"
    return f"{line} {quote}".rstrip()


def _details(score: Score) -> list[str]:
    """What one document's extraction missed, got wrong, and took from the traps."""
    lines: list[str] = []
    for title, facts in (("missed", score.missed), ("wrong", score.wrong)):
        if facts:
            lines += [f"  {title} ({len(facts)}):", *map(_fact_line, facts)]
    if score.traps:
        lines.append(f"  traps taken as figures ({len(score.traps)}):")
        lines += [f"{_fact_line(taken['fact'])}  [{taken['trap']['why']}]" for taken in score.traps]
    return ["", f"{score.document}:", *lines] if lines else []


def render_summary(scores: list[Score]) -> str:
    """Per document and all together, with the ratios."""
    whole = total(scores)
    lines = [HEADER, "-" * len(HEADER), *map(_document_line, scores)]
    lines += ["-" * len(HEADER), _document_line(whole), ""]
    lines.append(
        f"core recall {_ratio(whole.core.found, whole.core.total)}, "
        f"recall {_ratio(whole.facts.found, whole.facts.total)}, "
        f"precision {_ratio(whole.correct, whole.reported)}, traps {len(whole.traps)}, "
        f"facts without a country {whole.unowned}"
    )
    return "\n".join(lines)


def render_table(scores: list[Score]) -> str:
    """Per document, all together, per indicator; then, per document, what went wrong."""
    whole = total(scores)
    lines = [render_summary(scores)]
    lines += ["", f"{'indicator':<26} {'annotated':>9} {'found':>5} {'reported':>8} {'correct':>7}"]
    for name, counts in sorted(whole.indicators.items()):
        lines.append(
            f"{name:<26} {counts['annotated']:>9} {counts['found']:>5} "
            f"{counts['reported']:>8} {counts['correct']:>7}"
        )
    for score in scores:
        lines += _details(score)
    return "\n".join(lines)


def score_data(score: Score) -> dict[str, Any]:
    """One score as JSON data: tallies as ``[found, total]``, and the lists."""
    return {
        "document": score.document,
        "core": [score.core.found, score.core.total],
        "facts": [score.facts.found, score.facts.total],
        "reported": score.reported,
        "correct": score.correct,
        "precision": score.precision,
        "unowned": score.unowned,
        "traps": score.traps,
        "missed": score.missed,
        "wrong": score.wrong,
        "indicators": {name: dict(counts) for name, counts in sorted(score.indicators.items())},
        "sections": [score.sections.found, score.sections.total],
        "events": [score.events.found, score.events.total],
        "roles": [score.roles.found, score.roles.total],
        "links": [score.links.found, score.links.total],
    }


@click.command("score")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--documents",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of the annotated documents [default: the annotations' mirror under corpus/].",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table for people, or JSON for programs.",
)
def command(gold_files: tuple[Path, ...], documents: Path | None, output_format: str) -> None:
    """Extract the documents that GOLD_FILES annotate and score what was read.

    Prints core recall, recall, precision and traps (numbers that must never become figures)
    per document, in all and per indicator, then each fact missed, wrong or trapped. Needs no
    database. An annotation or document that cannot be read stops it with exit status 2.
    """
    try:
        scores = score_files(gold_files, documents)
    except ScoringError as error:
        raise InputError(str(error)) from error
    if output_format == "json":
        data = {"documents": [score_data(s) for s in scores], "all": score_data(total(scores))}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(scores))
