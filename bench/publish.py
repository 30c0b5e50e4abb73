"""Benchmark the regional report: build it, then write it as HTML, PDF and DOCX.

    python bench/publish.py [--facts 20] [--meetings 3] [--language es]

Fills a fresh SQLite database with the synthetic archive (35 member states, one document and one
section each per meeting, N published facts per document; ``vigia.services.synthetic``), then, for
the first ``--meetings`` meetings, builds the public report and writes it in each format, printing
the time each step took and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from vigia.services.databases import open_engine, sessions_for
from vigia.services.reports import FORMATS, regional_report, report_bytes
from vigia.services.synthetic import fill


def peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--facts", type=int, default=20, help="published facts per state and meeting"
    )
    parser.add_argument("--meetings", type=int, default=3)
    parser.add_argument("--language", default="es")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(f"sqlite:///{Path(folder) / 'bench.db'}", migrate=True)
        started = time.perf_counter()
        total = fill(engine, facts_per_pair=options.facts)
        print(f"fill     {total} facts in {time.perf_counter() - started:.1f} s")
        with sessions_for(engine)() as session:
            for number in range(1, options.meetings + 1):
                meeting = f"RTP-B{number}"
                started = time.perf_counter()
                report = regional_report(session, meeting)
                built = time.perf_counter() - started
                print(
                    f"{meeting}  report of {len(report.profiles)} states, {len(report.figures)}"
                    f" figures built in {built:.2f} s"
                )
                for output_format in FORMATS:
                    started = time.perf_counter()
                    content = report_bytes(report, options.language, output_format)
                    took = time.perf_counter() - started
                    print(
                        f"         {output_format:<5} {len(content) / 1e6:6.2f} MB in {took:.2f} s"
                    )
        engine.dispose()
    print(f"peak memory {peak_megabytes():.0f} MB (resident)")


if __name__ == "__main__":
    main()
