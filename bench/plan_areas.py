"""Measure the evidence mapper against the hand annotation of the French RTP-III report.

    python bench/plan_areas.py [--report ../shared/corpus/rtp3-rapporteur-report.fr.txt]

Prints, per area and over all areas, the (sentence, area) pairs the mapper and the annotation agree
on: precision, recall, F1, and Cohen's kappa of each area's yes/no decision; then the sentences on
which they disagree, to guide work on the lexicon (src/vigia/data/lexicons/plan_areas.json).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from tests.extract.area_agreement import (  # noqa: E402
    agreement,
    load_annotation,
    mapped_areas,
    overall,
)
from vigia.plans import AREAS  # noqa: E402
from vigia.services.extraction import extract_file  # noqa: E402

ANNOTATION = REPOSITORY / "tests/data/plan-mapping/rtp3-rapporteur-report.fr.areas.json"
REPORT = REPOSITORY.parent / "shared/corpus/rtp3-rapporteur-report.fr.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--annotation", type=Path, default=ANNOTATION)
    parser.add_argument("--disagreements", action="store_true", help="list every disagreement")
    arguments = parser.parse_args()
    expected = load_annotation(arguments.annotation)
    document = extract_file(arguments.report)
    found = mapped_areas(document)
    results = agreement(expected, found, AREAS)
    print(f"{len(expected)} annotated sentences")
    print(f"{'area':14} {'P':>5} {'R':>5} {'F1':>5} {'kappa':>6}  TP  FP  FN")
    for item in [*results, overall(results)]:
        print(
            f"{item.area:14} {item.precision:5.2f} {item.recall:5.2f} {item.f1:5.2f}"
            f" {item.kappa:6.2f} {item.true_positives:3} {item.false_positives:3}"
            f" {item.false_negatives:3}"
        )
    exact = sum(1 for sentence, areas in expected.items() if found.get(sentence, set()) == areas)
    print(f"sentences with exactly the annotated areas: {exact}/{len(expected)}")
    if arguments.disagreements:
        for sentence, areas in expected.items():
            said = found.get(sentence, set())
            if said != areas:
                text = document.text[sentence[0] : sentence[1]]
                print(
                    f"- missing {sorted(areas - said)} extra {sorted(said - areas)}: {text[:160]}"
                )


if __name__ == "__main__":
    main()
