"""Benchmark the web service: fill a database, then drive the API and the pages, and Datasette beside it.

    python bench/serve.py [--db sqlite|postgresql|URL] [--facts 2000] [--clients 50] [--workers 2]
                          [--seconds 10] [--driver wrk|httpx] [--redis URL] [--datasette PATH]

Fills a fresh database with 35 countries x 10 meetings x N facts (published, each with its evidence),
starts `vigia serve` on a free loopback port and measures, for each endpoint (the facts API filtered
by country, the country page, the regional matrix and a scorecard):

- "first": each distinct address asked once, one at a time, on an empty cache: what building the
  answer costs;
- then concurrent clients for a fixed time (wrk, from Debian's package `wrk`, when it is installed;
  else httpx with --requests requests), printing requests/s and p50/p95/p99; with wrk a request
  unanswered after 2 s counts as an error, since wrk gives no latency for it.

With --datasette (or `datasette` on the PATH) and SQLite, the same filtered facts query is driven
against Datasette serving the same file in the same run, and the ratio Vigía/Datasette in requests/s
is printed. Datasette is not a dependency of Vigía: install it for the benchmark only, in a venv of
its own, from bench/requirements-datasette.txt. Every request goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from vigia.services.databases import open_engine
from vigia.services.synthetic import fill, oas_members

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BENCH_SCHEMA = "vigia_bench"
MEETINGS = [f"RTP-B{number}" for number in range(1, 11)]
WRK_SCRIPT = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.duration, errors, latency:percentile(50), latency:percentile(95),
    latency:percentile(99)))
end
"""
#: A request unanswered after this long counts as an error (wrk records no latency for it).
WRK_TIMEOUT = "2s"


@dataclass(frozen=True)
class Figures:
    """What one run measured: requests, seconds, errors and latencies in seconds."""

    requests: int
    seconds: float
    errors: int
    p50: float
    p95: float
    p99: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def line(self, label: str) -> str:
        if not self.requests:
            return f"{label:<34} no request answered within {WRK_TIMEOUT} in {self.seconds:.1f} s"
        return (
            f"{label:<34} {self.requests:>6} requests in {self.seconds:5.1f} s: "
            f"{self.rate:7.1f} req/s, p50 {self.p50 * 1000:6.1f} ms, p95 {self.p95 * 1000:6.1f} ms, "
            f"p99 {self.p99 * 1000:6.1f} ms, errors {self.errors}"
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, server: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"{what} did not answer {url} within 60 s")


def start_vigia(
    url: str, port: int, workers: int, folder: str, redis: str | None
) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "vigia.cli", "serve", "--db", url, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    environment = {**os.environ, "VIGIA_INSTANCE": f"{folder}/instance"}
    environment.pop("VIGIA_REDIS_URL", None)
    if redis:
        environment["VIGIA_REDIS_URL"] = redis
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment
    )
    wait_for(f"http://127.0.0.1:{port}/healthz", server, "vigia serve")
    return server


def start_datasette(executable: str, database: Path, port: int) -> subprocess.Popen[bytes]:
    command = [executable, "serve", str(database), "--host", "127.0.0.1", "--port", str(port)]
    command += ["--setting", "sql_time_limit_ms", "10000"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(f"http://127.0.0.1:{port}/-/versions.json", server, "datasette")
    return server


def first_answers(base: str, paths: list[str]) -> Figures:
    """Each address once, one at a time: the cost of building each answer."""
    latencies, errors = [], 0
    started = time.perf_counter()
    with httpx.Client(timeout=120) as client:
        for path in paths:
            began = time.perf_counter()
            errors += client.get(base + path).status_code != 200
            latencies.append(time.perf_counter() - began)
    return summarised(latencies, errors, time.perf_counter() - started)


def summarised(latencies: list[float], errors: int, seconds: float) -> Figures:
    cuts = (
        statistics.quantiles(latencies, n=100) if len(latencies) > 1 else (latencies or [0.0]) * 99
    )
    return Figures(len(latencies), seconds, errors, cuts[49], cuts[94], cuts[98])


def with_wrk(base: str, paths: list[str], clients: int, seconds: int, folder: str) -> Figures:
    script = Path(folder) / "paths.lua"
    script.write_text(WRK_SCRIPT % ", ".join(f'"{path}"' for path in paths), encoding="utf-8")
    command = ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", WRK_TIMEOUT]
    output = subprocess.run(
        [*command, "-s", str(script), base], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"^RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", output, re.MULTILINE)
    if found is None:
        raise SystemExit(f"wrk printed no result:\n{output}")
    requests, duration, errors, p50, p95, p99 = (int(value) for value in found.groups())
    return Figures(requests, duration / 1e6, errors, p50 / 1e6, p95 / 1e6, p99 / 1e6)


async def with_httpx(base: str, paths: list[str], clients: int, requests: int) -> Figures:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for number in range(requests):
        queue.put_nowait(paths[number % len(paths)])

    async def client(session: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty():
            path = queue.get_nowait()
            started = time.perf_counter()
            response = await session.get(base + path)
            latencies.append(time.perf_counter() - started)
            errors += response.status_code != 200

    limits = httpx.Limits(max_connections=clients)
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=60, limits=limits) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    return summarised(latencies, errors, time.perf_counter() - started)


def database_url(choice: str, folder: str) -> str:
    """SQLite in a temporary folder, or a schema of its own on the local PostgreSQL server."""
    if choice == "sqlite":
        return f"sqlite:///{folder}/bench.db"
    base = POSTGRES_URL if choice == "postgresql" else choice
    reset_schema(base)
    return f"{base}?options=-csearch_path%3D{BENCH_SCHEMA}"


def reset_schema(url: str) -> None:
    """A fresh, empty schema for the benchmark; nothing else in the database is touched."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {BENCH_SCHEMA} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {BENCH_SCHEMA}"))
    engine.dispose()


def endpoints(generator: random.Random) -> dict[str, list[str]]:
    """Each endpoint's addresses, in a shuffled order; the first of each kind is distinct."""
    members = oas_members()
    pairs = [(meeting, country) for meeting in MEETINGS for country in members]
    generator.shuffle(pairs)
    return {
        "API /api/v1/facts?country=": [f"/api/v1/facts?country={c}&limit=50" for c in members],
        "page /countries/{iso3}": [f"/countries/{country}" for country in members],
        "page /evaluations/{meeting} (matrix)": [f"/evaluations/{m}" for m in MEETINGS],
        "page scorecard": [f"/evaluations/{m}/{c}" for m, c in pairs[:50]],
    }


def drive(options: argparse.Namespace, base: str, paths: list[str], folder: str) -> Figures:
    if options.driver == "wrk":
        return with_wrk(base, paths, options.clients, options.seconds, folder)
    return asyncio.run(with_httpx(base, paths, options.clients, options.requests))


def main(arguments: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite", help="sqlite, postgresql or a database URL")
    parser.add_argument("--facts", type=int, default=2000, help="facts per country and meeting")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="processes of vigia serve")
    parser.add_argument("--seconds", type=int, default=10, help="per endpoint, with wrk")
    parser.add_argument("--requests", type=int, default=2000, help="per endpoint, with httpx")
    parser.add_argument("--driver", choices=["wrk", "httpx"], default=None)
    parser.add_argument("--redis", help="VIGIA_REDIS_URL for the server: workers share answers")
    parser.add_argument("--datasette", default=shutil.which("datasette"), help="its executable")
    options = parser.parse_args(arguments)
    options.driver = options.driver or ("wrk" if shutil.which("wrk") else "httpx")
    with tempfile.TemporaryDirectory() as folder:
        url = database_url(options.db, folder)
        engine = open_engine(url, migrate=True)
        started = time.perf_counter()
        total = fill(engine, options.facts)
        if url.startswith("postgresql"):
            with engine.begin() as connection:  # what autovacuum would do after a bulk load
                connection.execute(text("ANALYZE"))
        engine.dispose()
        where = url.split("@")[-1].split("?")[0]
        print(f"filled {where}: {total} facts in {time.perf_counter() - started:.1f} s")
        print(
            f"vigia serve --workers {options.workers}"
            + (f" with Redis {options.redis}" if options.redis else ", no Redis")
            + f"; {options.clients} clients with "
            f"{options.driver}" + (f", {options.seconds} s each" if options.driver == "wrk" else "")
        )
        port = free_port()
        server = start_vigia(url, port, options.workers, folder, options.redis)
        base = f"http://127.0.0.1:{port}"
        vigia_rate = 0.0
        try:
            for label, paths in endpoints(random.Random(11)).items():
                print(first_answers(base, paths).line(f"{label}, first"))
                figures = drive(options, base, paths, folder)
                print(figures.line(label))
                vigia_rate = vigia_rate or figures.rate
        finally:
            stop(server)
        if url.startswith("sqlite") and options.datasette:
            compare_with_datasette(options, Path(folder) / "bench.db", vigia_rate, folder)
        elif url.startswith("sqlite"):
            print("Datasette: not run (install bench/requirements-datasette.txt, pass --datasette)")
        else:
            print("Datasette: not run (it serves SQLite files only)")


def compare_with_datasette(
    options: argparse.Namespace, database: Path, vigia_rate: float, folder: str
) -> None:
    port = free_port()
    server = start_datasette(options.datasette, database, port)
    try:
        base = f"http://127.0.0.1:{port}"
        query = "/bench/facts.json?country={}&status=published&_size=50"
        variants = {
            "Datasette facts.json?country=": query,
            # without the facet suggestions, which Vigía's answer does not have
            "Datasette, _nosuggest=1&_nofacet=1": query + "&_nosuggest=1&_nofacet=1",
        }
        for label, address in variants.items():
            paths = [address.format(country) for country in oas_members()]
            print(first_answers(base, paths).line(f"{label}, first"))
            figures = drive(options, base, paths, folder)
            print(figures.line(label))
            ratio = f"{vigia_rate / figures.rate:.2f}" if figures.requests else "none answered"
            print(f"ratio Vigía/Datasette in requests/s ({label}): {ratio}")
    finally:
        stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop a server; one still building answers for requests left behind is killed."""
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        print("the server still had requests after 30 s: killed")
        server.kill()
        server.wait()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main(sys.argv[1:])
