"""Benchmark extraction and ingestion on a generated corpus of reports in four languages.

    python bench/extract.py [--documents 1000] [--seed 7] [--dask-workers 1,2,4]

Prints documents/s and MB/s for extraction (read + pipeline) and for ingestion into a fresh SQLite
database (read + pipeline + store), and the peak resident memory of the process. Then, for each
number of --dask-workers, the same ingestion into a fresh database with the extraction on a local
Dask cluster of that many processes and this process storing (``vigia ingest --workers N``); the
cluster's start is not counted.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from vigia.services.archives import dask_client, ingest_on_cluster
from vigia.services.databases import open_engine, sessions_for
from vigia.services.extraction import extract_file
from vigia.services.ingestion import ingest_path

COUNTRIES = {
    "es": [
        "Argentina",
        "Chile",
        "Colombia",
        "Costa Rica",
        "Ecuador",
        "El Salvador",
        "Guatemala",
        "Honduras",
        "México",
        "Panamá",
        "Paraguay",
        "Perú",
        "Uruguay",
        "República Dominicana",
    ],
    "en": [
        "Jamaica",
        "Guyana",
        "The Bahamas",
        "Trinidad and Tobago",
        "Barbados",
        "Belize",
        "Canada",
        "United States",
        "Suriname",
        "Saint Lucia",
        "Grenada",
        "Dominica",
    ],
    "fr": [
        "Haïti",
        "Canada",
        "Argentine",
        "Colombie",
        "Équateur",
        "Mexique",
        "Pérou",
        "Brésil",
        "Chili",
        "Panama",
        "Uruguay",
        "Trinité-et-Tobago",
    ],
    "pt": [
        "Brasil",
        "Paraguai",
        "Uruguai",
        "Argentina",
        "Chile",
        "Colômbia",
        "México",
        "Peru",
        "Bolívia",
        "Equador",
        "Estados Unidos",
        "Canadá",
    ],
}

SENTENCES = {
    "es": [
        "En {year} se capacitó a más de {n} funcionarios en la detección de casos.",
        "La policía rescató a {n} víctimas y desarticuló {m} redes de trata.",
        "Los tribunales dictaron {m} condenas y hay cerca de {n} casos en proceso judicial.",
        "La línea 145 recibió {n} denuncias, un {p}% más que el año anterior.",
        "El país cuenta con {m} albergues y contará con {m2} más en {year2}.",
        "La Ley 26.364 fue aprobada hace {d} años y el plan nacional tiene tres ejes.",
    ],
    "en": [
        "In {year} more than {n} officials were trained to identify victims.",
        "The police rescued {n} victims and dismantled {m} trafficking networks.",
        "Courts handed down {m} convictions and about {n} cases are before the courts.",
        "The hotline 1-888-373-7888 received {n} complaints, {p} percent more than the year before.",
        "The country has {m} shelters and will have {m2} more by {year2}.",
        "Public Law 106-386 was passed {d} years ago and the national plan rests on three pillars.",
    ],
    "fr": [
        "En {year}, plus de {n} fonctionnaires ont reçu une formation à l'identification des victimes.",
        "La police a secouru {n} victimes et a démantelé {m} réseaux de traite.",
        "Les tribunaux ont prononcé {m} condamnations et environ {n} affaires sont devant la justice.",
        "La ligne 119 a reçu {n} dénonciations, soit {p} % de plus que l'année précédente.",
        "Le pays possède {m} foyers et en possèdera {m2} de plus en {year2}.",
        "La loi n° 2011-123 a été adoptée il y a {d} ans et le plan national comporte trois axes.",
    ],
    "pt": [
        "Em {year}, mais de {n} servidores foram capacitados para identificar vítimas.",
        "A polícia resgatou {n} vítimas e desarticulou {m} redes de tráfico.",
        "Os tribunais proferiram {m} condenações e cerca de {n} casos estão na justiça.",
        "O Disque 100 recebeu {n} denúncias, {p}% a mais que no ano anterior.",
        "O país possui {m} abrigos e terá mais {m2} em {year2}.",
        "A Lei nº 13.344 foi aprovada há {d} anos e o plano nacional tem cinco eixos.",
    ],
}


def report_text(language: str, generator: random.Random) -> str:
    """A multi-country report of 4 to 10 numbered sections, with figures and traps."""
    countries = generator.sample(COUNTRIES[language], generator.randint(4, 10))
    paragraphs = ["INFORME / REPORT / RAPPORT / RELATÓRIO", ""]
    for order, country in enumerate(countries, start=1):
        sentences = [
            template.format(
                year=generator.randint(2008, 2016),
                year2=generator.randint(2017, 2020),
                n=generator.randint(20, 9000),
                m=generator.randint(2, 60),
                m2=generator.randint(1, 5),
                p=generator.randint(2, 40),
                d=generator.randint(2, 9),
            )
            for template in generator.sample(SENTENCES[language], 4)
        ]
        paragraphs.append(
            f"{order}. {country}; " + " ".join(sentences) + f" (RTP-V/INF. {order + 2}/16)"
        )
        paragraphs.append("")
    return "\n".join(paragraphs)


def write_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    generator = random.Random(seed)
    languages = sorted(SENTENCES)
    paths = []
    for index in range(count):
        language = languages[index % len(languages)]
        path = folder / f"report-{index:05d}.{language}.txt"
        path.write_text(report_text(language, generator), encoding="utf-8")
        paths.append(path)
    return paths


def measure(label: str, paths: list[Path], work: Callable[[Path], object]) -> None:
    size = sum(path.stat().st_size for path in paths)
    started = time.perf_counter()
    for path in paths:
        work(path)
    elapsed = time.perf_counter() - started
    print(
        f"{label:<8} {len(paths)} documents, {size / 1e6:.2f} MB in {elapsed:.2f} s: "
        f"{len(paths) / elapsed:.1f} documents/s, {size / 1e6 / elapsed:.3f} MB/s"
    )


def on_cluster(paths: list[Path], workers: int, database: Path) -> None:
    engine = open_engine(f"sqlite:///{database}", migrate=True)
    with dask_client(workers=workers) as client, sessions_for(engine)() as session:
        client.submit(extract_file, paths[0]).result()  # each worker loads its reference data...
        client.run(extract_file, paths[0])  # ...outside the measure
        size = sum(path.stat().st_size for path in paths)
        started = time.perf_counter()
        failed = sum(
            outcome.error is not None for outcome in ingest_on_cluster(session, paths, client)
        )
        elapsed = time.perf_counter() - started
    engine.dispose()
    print(
        f"dask {workers}  {len(paths)} documents, {size / 1e6:.2f} MB in {elapsed:.2f} s: "
        f"{len(paths) / elapsed:.1f} documents/s, {size / 1e6 / elapsed:.3f} MB/s, {failed} failed"
    )


def main(arguments: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--dask-workers",
        type=lambda value: [int(part) for part in value.split(",") if part],
        default=[1, 2, 4],
        help="comma-separated numbers of Dask worker processes; empty for none",
    )
    options = parser.parse_args(arguments)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_corpus(Path(folder), options.documents, options.seed)
        extract_file(paths[0])  # load reference data once, outside the measure
        measure("extract", paths, extract_file)
        engine = open_engine(f"sqlite:///{folder}/bench.db", migrate=True)
        sessions = sessions_for(engine)

        def ingest(path: Path) -> object:
            with sessions() as session:
                return ingest_path(session, path)

        measure("ingest", paths, ingest)
        engine.dispose()
        for workers in options.dask_workers:
            on_cluster(paths, workers, Path(folder) / f"dask-{workers}.db")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB (resident)")


if __name__ == "__main__":
    main(sys.argv[1:])
