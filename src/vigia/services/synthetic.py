"""A synthetic archive for load and speed measurements (``bench/``): every OAS member state at
ten meetings, one document each (one country section), with as many published facts per document
as asked.

Rows are inserted in bulk, bypassing extraction and review: the figures are random, the quote is
one fixed sentence. Never for a database that holds real reports.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Engine, insert

from vigia.reference import indicators, member_states
from vigia.store.models import DocumentRow, EvidenceRow, FactRow, MeetingRow, SectionRow
from vigia.store.versions import bump

BATCH = 5000


def oas_members() -> list[str]:
    return member_states()


def _fact_rows(
    document_id: int, evidence_id: int, country: str, count: int, generator: random.Random
) -> Iterator[dict[str, object]]:
    names = [name for name in indicators() if name != "budget"]
    for _ in range(count):
        yield {
            "document_id": document_id,
            "evidence_id": evidence_id,
            "indicator": generator.choice(names),
            "value": float(generator.randint(1, 20000)),
            "qualifier": "exact",
            "country": country,
            "year": generator.randint(2010, 2020),
            "unit": "count",
            "component": "bench",
            "component_version": "1",
            "status": "published",
        }


def fill(engine: Engine, facts_per_pair: int, seed: int = 3) -> int:
    """35 countries x 10 meetings, one document each, ``facts_per_pair`` facts per document."""
    generator = random.Random(seed)
    total = 0
    with engine.begin() as connection:
        for meeting_number in range(1, 11):
            code = f"RTP-B{meeting_number}"
            connection.execute(insert(MeetingRow).values(code=code))
            for country in oas_members():
                digest = f"{code}-{country}".encode().hex().ljust(64, "0")[:64]
                document_id = connection.execute(
                    insert(DocumentRow)
                    .values(
                        sha256=digest,
                        path=f"{code}/{country}.txt",
                        media_type="text/plain",
                        language="es",
                        title=f"{country} {code}",
                        text="Informe nacional.",
                        page_starts=[],
                        meeting_code=code,
                        created_at=datetime.now(UTC),
                    )
                    .returning(DocumentRow.id)
                ).scalar_one()
                connection.execute(
                    insert(SectionRow).values(
                        document_id=document_id,
                        order=1,
                        kind="country",
                        country=country,
                        heading=country,
                        start=0,
                        end=17,
                    )
                )
                evidence_id = connection.execute(
                    insert(EvidenceRow)
                    .values(document_id=document_id, start=0, end=17, text="Informe nacional.")
                    .returning(EvidenceRow.id)
                ).scalar_one()
                rows = list(
                    _fact_rows(document_id, evidence_id, country, facts_per_pair, generator)
                )
                for start in range(0, len(rows), BATCH):
                    connection.execute(insert(FactRow), rows[start : start + BATCH])
                total += len(rows)
        bump(connection)  # written on a connection, outside the sessions that bump it themselves
    return total
