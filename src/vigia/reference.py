"""Reference data shipped in ``vigia/data/``: countries, actors, indicators and lexicons."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
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
            cities=tuple(entry.get("cities", ())),
        )
        for entry in entries
    }


def member_states() -> list[str]:
    """The alpha-3 codes of the OAS member states, in order."""
    return sorted(code for code, country in countries().items() if country.oas_member)


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


#: How many close matches are put first among the valid values.
SUGGESTIONS = 5
#: How many valid values a message lists at most.
LISTED_VALUES = 12


class UnknownReference(ValueError):
    """A value that names nothing known; ``valid`` lists the valid values, the closest first."""

    def __init__(self, kind: str, value: str, valid: Iterable[str]) -> None:
        self.kind = kind
        self.value = value
        self.valid = closest_first(value, valid)
        super().__init__(f"unknown {kind} {value!r}; {valid_values_hint(self.valid)}")


def valid_values_hint(ordered: list[str]) -> str:
    """``valid values: a, b, c and 9 more``: the first dozen of ``ordered``."""
    if not ordered:
        return "there are none yet"
    shown = ", ".join(ordered[:LISTED_VALUES])
    more = len(ordered) - LISTED_VALUES
    return f"valid values: {shown}" + (f" and {more} more" if more > 0 else "")


def closest_first(value: str, valid: Iterable[str]) -> list[str]:
    """``valid`` with the values closest to ``value`` (ignoring case) first, then the others."""
    values = list(valid)
    wanted = value.strip().casefold()
    folded = {candidate.casefold(): candidate for candidate in values}
    containing = [folded[key] for key in folded if wanted and (wanted in key or key in wanted)]
    similar = difflib.get_close_matches(wanted, list(folded), n=SUGGESTIONS, cutoff=0.5)
    first = list(dict.fromkeys([*containing, *(folded[key] for key in similar)]))
    return first + [candidate for candidate in values if candidate not in first]


def check_indicator(value: str) -> str:
    """``value`` without surrounding blanks if it names an indicator of the catalogue.

    Raises :class:`UnknownReference` otherwise.
    """
    name = value.strip()
    if name not in indicators():
        raise UnknownReference("indicator", value, indicators())
    return name


def check_country(value: str) -> str:
    """``value`` upper-cased if it is the ISO 3166-1 alpha-3 code of a country or territory.

    Raises ValueError for a value that is not three letters and :class:`UnknownReference` for
    three letters that are no country's code.
    """
    code = value.strip().upper()
    if len(code) != 3 or not (code.isascii() and code.isalpha()):
        raise ValueError(f"{value!r} is not a three-letter ISO 3166-1 alpha-3 code such as CRI")
    known = countries()
    if code not in known:
        members_first = sorted(known, key=lambda iso3: (not known[iso3].oas_member, iso3))
        raise UnknownReference("country code", value, members_first)
    return code
