"""Measure how often a figure read for each reason is right, on annotated documents.

    python bench/confidence.py [GOLD.json...]

By default, every annotation in ``../shared/gold`` and ``tests/data/`` (``reports``, ``profiles``). Prints, for each way
of reading an indicator and of finding an owner (see ``vigia.extract.confidence``), the facts
read that way, how many match an annotated fact, the share, and the share smoothed as
(right + 1) / (facts + 2) so that a handful of facts never makes a certainty: the figures that
``src/vigia/data/confidence.json`` holds.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vigia.services.scoring import score_files, total

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = (
    *sorted((ROOT.parent / "shared" / "gold").glob("*.gold.json")),
    *sorted((ROOT.parent / "shared" / "gold" / "real").glob("*.gold.json")),
    *sorted((ROOT / "tests" / "data" / "reports").glob("*.gold.json")),
    *sorted((ROOT / "tests" / "data" / "profiles").glob("*.gold.json")),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, help="annotations (default: all of them)")
    paths = parser.parse_args().gold or list(DEFAULT_GOLD)
    whole = total(score_files(paths))
    print(f"{len(paths)} annotated documents")
    print(f"{'reason':<28} {'facts':>6} {'right':>6} {'share':>6} {'smoothed':>8}")
    for reason, counts in sorted(whole.reasons.items()):
        facts, right = counts["reported"], counts["right"]
        smoothed = (right + 1) / (facts + 2)
        print(f"{reason:<28} {facts:>6} {right:>6} {right / facts:>6.2f} {smoothed:>8.2f}")


if __name__ == "__main__":
    main()
