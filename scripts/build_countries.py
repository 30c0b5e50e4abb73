"""Refresh the ISO 3166-1 code list of ``src/vigia/data/countries.json``.

Reads the code table of Debian's ``iso-codes`` package (``apt-get install iso-codes``) and the
current ``countries.json``, and writes one entry per ISO 3166-1 country or territory, keeping the
hand-curated fields (``oas_member``, ``long_forms``, ``aliases``, ``capitals``, ``cities``) and the
top-level matching lists.
Display names are not stored: Vigía takes them from Babel's CLDR data when it loads the file.

    python scripts/build_countries.py [/usr/share/iso-codes/json/iso_3166-1.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")
COUNTRIES = Path(__file__).resolve().parent.parent / "src" / "vigia" / "data" / "countries.json"
CURATED_FIELDS = ("long_forms", "aliases", "capitals", "cities")


def read_iso_codes(path: Path) -> list[dict[str, str]]:
    records: list[dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))["3166-1"]
    return records


def country_entry(record: dict[str, str], curated: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "iso3": record["alpha_3"],
        "iso2": record["alpha_2"],
        "name": record.get("common_name", record["name"]),
        "oas_member": bool(curated.get("oas_member", False)),
    }
    for field in CURATED_FIELDS:
        if curated.get(field):
            entry[field] = curated[field]
    return entry


def render(data: dict[str, Any]) -> str:
    """JSON with one line per country, so that a change shows as a one-line diff."""
    head = {key: value for key, value in data.items() if key != "countries"}
    lines = json.dumps(head, ensure_ascii=False, indent=1).rstrip("}").rstrip()
    countries = ",\n  ".join(json.dumps(entry, ensure_ascii=False) for entry in data["countries"])
    return f'{lines},\n "countries": [\n  {countries}\n ]\n}}\n'


def main(iso_path: Path = ISO_CODES) -> None:
    current: dict[str, Any] = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    curated = {entry["iso3"]: entry for entry in current.get("countries", [])}
    records = sorted(read_iso_codes(iso_path), key=lambda record: record["alpha_3"])
    current["countries"] = [
        country_entry(record, curated.get(record["alpha_3"], {})) for record in records
    ]
    COUNTRIES.write_text(render(current), encoding="utf-8")
    print(f"wrote {len(records)} countries to {COUNTRIES}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ISO_CODES)
