"""Reference data shipped in ``vigia/data/``: countries, actors, indicators and lexicons."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from vigia.domain import Actor, Country, Indicator


def load_data_file(name: str) -> Any:
    """Parse ``vigia/data/<name>`` (JSON)."""
    path = resources.files("vigia") / "data" / name
    with path.open(encoding="utf-8") as stream:
        return json.load(stream)


@cache
def lexicon(name: str) -> dict[str, Any]:
    """A lexicon from ``vigia/data/lexicons/<name>.json``, keyed by language code."""
    data: dict[str, Any] = load_data_file(f"lexicons/{name}.json")
    return data


@cache
def indicators() -> dict[str, Indicator]:
    entries = load_data_file("indicators.json")["indicators"]
    return {
        entry["name"]: Indicator(
            name=entry["name"],
            unit=entry.get("unit", "count"),
            core=entry.get("core", False),
            labels=entry["labels"],
            synonyms=entry.get("synonyms", {}),
            description=entry.get("description", ""),
            area=entry.get("area"),
        )
        for entry in entries
    }


@cache
def countries() -> dict[str, Country]:
    """Every ISO 3166-1 country and territory, keyed by alpha-3 code.

    Display names in es/en/fr/pt come from Babel's CLDR data; long forms from ``countries.json``.
    """
    from babel import Locale

    locales = {language: Locale(language) for language in ("es", "en", "fr", "pt")}
    entries = load_data_file("countries.json")["countries"]
    return {
        entry["iso3"]: Country(
            iso3=entry["iso3"],
            iso2=entry["iso2"],
            names={
                language: locale.territories.get(entry["iso2"], entry["name"])
                for language, locale in locales.items()
            },
            oas_member=entry.get("oas_member", False),
            long_forms=entry.get("long_forms", {}),
            capitals=tuple(entry.get("capitals", ())),
        )
        for entry in entries
    }


@cache
def actors() -> dict[str, Actor]:
    """Organisations that act in the field (UNODC, IOM, CRM…), keyed by code."""
    entries = load_data_file("actors.json")["actors"]
    return {
        entry["code"]: Actor(
            code=entry["code"],
            names=entry["names"],
            kind=entry.get("kind", "organisation"),
        )
        for entry in entries
    }
