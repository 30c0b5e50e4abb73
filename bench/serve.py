"""Benchmark the web service: fill a database, then drive the API and the country page.

    python bench/serve.py [--db sqlite|postgresql|URL] [--facts 2000] [--requests 2000] [--clients 50]
                          [--workers 1]

Fills a fresh database with 35 countries x 10 meetings x N facts (published, each with its evidence),
starts `vigia serve` on a free loopback port, sends a fixed number of requests from concurrent clients
(the facts API filtered by country, and the country page), and prints throughput and p50/p95/p99 latency.
Every request goes to 127.0.0.1 only; the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import httpx
from sqlalchemy import create_engine, text

from vigia.services.databases import open_engine
from vigia.services.synthetic import fill, oas_members

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BENCH_SCHEMA = "vigia_bench"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str, port: int, workers: int, folder: str) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "vigia.cli",
        "serve",
        "--db",
        url,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    environment = {**os.environ, "VIGIA_INSTANCE": f"{folder}/instance"}
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not answer /healthz within 60 s")


async def drive(base: str, paths: list[str], clients: int) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)

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
    return latencies, errors, time.perf_counter() - started


def report(label: str, latencies: list[float], errors: int, elapsed: float) -> None:
    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"{label:<22} {len(latencies)} requests in {elapsed:.1f} s: {len(latencies) / elapsed:.1f} req/s, "
        f"p50 {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms, "
        f"errors {errors}"
    )


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


def main(arguments: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite", help="sqlite, postgresql or a database URL")
    parser.add_argument("--facts", type=int, default=2000, help="facts per country and meeting")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="processes of vigia serve")
    options = parser.parse_args(arguments)
    with tempfile.TemporaryDirectory() as folder:
        url = database_url(options.db, folder)
        engine = open_engine(url, migrate=True)
        started = time.perf_counter()
        total = fill(engine, options.facts)
        if url.startswith("postgresql"):
            with engine.begin() as connection:  # what autovacuum would do after a bulk load
                connection.execute(text("ANALYZE"))
        engine.dispose()
        print(
            f"filled {url.split('@')[-1].split('?')[0]}: {total} facts in {time.perf_counter() - started:.1f} s"
        )
        port = free_port()
        server = start_server(url, port, options.workers, folder)
        try:
            members = oas_members()
            generator = random.Random(11)
            base = f"http://127.0.0.1:{port}"
            api = [
                f"/api/v1/facts?country={generator.choice(members)}&limit=50"
                for _ in range(options.requests)
            ]
            report("API /api/v1/facts", *asyncio.run(drive(base, api, options.clients)))
            pages = [f"/countries/{generator.choice(members)}" for _ in range(options.requests)]
            report("page /countries/{iso3}", *asyncio.run(drive(base, pages, options.clients)))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main(sys.argv[1:])
