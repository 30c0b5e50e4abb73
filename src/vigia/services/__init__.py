"""The application layer: one function per use case, called alike by the CLI, the web pages, the
JSON API, the benchmarks and the tests.

Services compose the stages (``ingest`` → ``extract`` → ``store`` → ``evaluate``) so that the edges
do not: reading a file, checking whether its content is already stored, extracting and storing
happen in one place (:mod:`vigia.services.ingestion`), and so does preparing the demo database
(:mod:`vigia.services.demo`).
"""
