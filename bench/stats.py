"""Benchmark the protected statistics on CTDC's records: import, tables, and the accuracy of the
differentially private counts.

    python bench/stats.py [--ctdc ../shared/data/ctdc-global-dataset-2020-subset/dados_app.csv]
                          [--epsilons 0.5,1,2] [--runs 20] [--db sqlite:///…]

Imports the file into a fresh register ``CTDC`` (time), counts the Americas table year × sex ×
form of exploitation and suppresses it (time), then for each ε draws ``--runs`` Laplace releases of
that table and prints, over its cells (not its margins) with a true count above zero: the mean
absolute error per cell, the share of cells within ±10% of the true count, and the same for the
cells of 100 records or more. The peak resident memory of the process comes last. The draws are
made as ``vigia stats release`` makes them, without storing them (the ledger would stop at 3).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from argon2 import PasswordHasher

from vigia.evaluate.case_register import import_cases
from vigia.evaluate.disclosure import TOTAL, count_cases, suppress
from vigia.evaluate.releases import laplace_counts
from vigia.permissions import principal_for
from vigia.services.accounts import create_user
from vigia.services.databases import open_engine, sessions_for
from vigia.services.sealing import Sealer

DEFAULT_CTDC = (
    Path(__file__).resolve().parents[2]
    / "shared/data/ctdc-global-dataset-2020-subset/dados_app.csv"
)
DIMENSIONS = ("year", "sex", "exploitation")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ctdc", type=Path, default=DEFAULT_CTDC)
    parser.add_argument("--epsilons", default="0.5,1,2")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", help="A database URL (default: a fresh SQLite file).")
    arguments = parser.parse_args()
    if not arguments.ctdc.is_file():
        print(f"no CTDC file at {arguments.ctdc}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        url = arguments.db or f"sqlite:///{folder}/stats.db"
        engine = open_engine(url, migrate=True)
        with sessions_for(engine)() as session:
            hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
            user = create_user(
                session, "bench@example.org", "a long enough password", "secretariat", hasher=hasher
            )
            data = arguments.ctdc.read_bytes()
            started = time.perf_counter()
            report = import_cases(session, principal_for(user), data, "CTDC", Sealer.from_text(""))
            took = time.perf_counter() - started
            print(
                f"import: {report.stored:,} records in {took:.2f} s "
                f"({report.stored / took:,.0f} records/s)"
            )
            started = time.perf_counter()
            table = count_cases(session, "CTDC", DIMENSIONS, scope="americas")
            released = suppress(table)
            took = time.perf_counter() - started
            cells = [key for key in table.all_keys() if TOTAL not in key]
            print(
                f"table {' × '.join(DIMENSIONS)} (Americas): {len(cells)} cells, "
                f"{table.counts[(TOTAL,) * 3]:,} records; counted and suppressed in "
                f"{took * 1000:.0f} ms; {len(released.primary)} primary and "
                f"{len(released.complementary)} complementary cells hidden"
            )
            positive = [key for key in cells if table.counts[key] > 0]
            large = [key for key in positive if table.counts[key] >= 100]
            print(f"cells with records: {len(positive)}; of 100 records or more: {len(large)}")
            print("epsilon  MAE/cell  within±10%  within±10% (≥100)  ms/release")
            for epsilon in (float(value) for value in arguments.epsilons.split(",")):
                errors, within, within_large, spent = [], 0, 0, 0.0
                for _ in range(arguments.runs):
                    started = time.perf_counter()
                    noisy = laplace_counts(table, epsilon)
                    spent += time.perf_counter() - started
                    for key in positive:
                        true, shown = table.counts[key], noisy[key] or 0
                        errors.append(abs(shown - true))
                        close = abs(shown - true) <= 0.1 * true
                        within += close
                        within_large += close and key in large
                runs = arguments.runs
                print(
                    f"{epsilon:7g}  {sum(errors) / len(errors):8.2f}  "
                    f"{within / (len(positive) * runs):10.1%}  "
                    f"{within_large / max(len(large) * runs, 1):17.1%}  "
                    f"{spent / runs * 1000:10.1f}"
                )
        engine.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
