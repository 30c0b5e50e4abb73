"""Benchmark search: a database of generated reports in four languages, then queries in each.

    python bench/search.py [--documents 1000] [--db sqlite|postgresql|URL] [--runs 20]

Ingests the corpus of ``bench/extract.py`` (reports of 4 to 10 countries, each with figures, in
Spanish, English, French and Portuguese), then times :func:`vigia.services.search.search` as the
secretariat (who reads everything) and as the public, for queries in each language, and prints the
median and the 95th percentile of each, and how many entries matched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import write_corpus
from sqlalchemy import text

from vigia.permissions import Principal
from vigia.services.databases import database_session
from vigia.services.ingestion import ingest_path
from vigia.services.search import search

QUERIES = [
    "shelters for victims",
    "víctimas de trata",
    "formation des policiers",
    "capacitação",
    "investigations",
    "hotline",
    "plan nacional",
    "Guatemala",
]
SECRETARIAT = Principal(1, "secretariat", None)
PUBLIC = Principal.anonymous()
POSTGRESQL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _url(choice: str, folder: Path) -> str:
    if choice == "sqlite":
        return f"sqlite:///{folder / 'search.db'}"
    if choice == "postgresql":
        return os.environ.get("VIGIA_TEST_POSTGRES_URL", POSTGRESQL)
    return choice


def main(arguments: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--db", default="sqlite", help="sqlite, postgresql or a database URL")
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args(arguments)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        url = _url(options.db, folder)
        paths = write_corpus(folder, options.documents, seed=7)
        started = time.perf_counter()
        with database_session(url, migrate=True) as session:
            for path in paths:
                ingest_path(session, path)
            elapsed = time.perf_counter() - started
            entries = session.execute(text("SELECT count(*) FROM search_entries")).scalar_one()
            print(
                f"{options.db}: {len(paths)} documents, {entries} search entries, "
                f"stored in {elapsed:.1f} s"
            )
            print(f"{'query':<24} {'who':<12} {'matches':>8} {'median ms':>10} {'p95 ms':>8}")
            for query in QUERIES:
                for who, principal in (("secretariat", SECRETARIAT), ("public", PUBLIC)):
                    search(session, principal, query)  # warm: the term list, the stemmers
                    times, total = [], 0
                    for _ in range(options.runs):
                        began = time.perf_counter()
                        total = search(session, principal, query).total
                        times.append((time.perf_counter() - began) * 1000)
                    p95 = statistics.quantiles(times, n=20)[-1]
                    median = statistics.median(times)
                    print(f"{query:<24} {who:<12} {total:>8} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
