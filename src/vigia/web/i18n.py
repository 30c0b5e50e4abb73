"""The pages' languages: choosing one; the catalogues themselves are :mod:`vigia.languages`'.

A request's language is, in order: its ``lang`` query parameter, its language cookie, the first
supported language of its ``Accept-Language`` header, else Spanish.
"""

from __future__ import annotations

from babel.support import Translations

from vigia.domain import LANGUAGES
from vigia.languages import translations

DEFAULT_LANGUAGE = "es"
LANGUAGE_COOKIE = "vigia_lang"


def supported(language: str | None) -> str | None:
    """``language`` (``"fr"``, ``"FR"``, ``"fr-CA"``) as one of Vigía's languages, or None."""
    if not language:
        return None
    primary = language.strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in LANGUAGES else None


def accepted_languages(header: str | None) -> list[str]:
    """The languages of an ``Accept-Language`` header, most wanted first (``q=0`` left out)."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        name, _, parameters = part.strip().partition(";")
        weight = _quality(parameters)
        if name and weight > 0:
            weighted.append((-weight, position, name.strip()))
    return [name for _, _, name in sorted(weighted)]


def choose_language(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The language to answer in: query parameter, cookie, ``Accept-Language``, else Spanish."""
    for candidate in (query, cookie, *accepted_languages(accept_language)):
        language = supported(candidate)
        if language is not None:
            return language
    return DEFAULT_LANGUAGE


def load_all() -> dict[str, Translations]:
    """Every catalogue, compiled: called at start-up so that a broken one fails early."""
    return {language: translations(language) for language in LANGUAGES}


def _quality(parameters: str) -> float:
    for parameter in parameters.split(";"):
        key, _, value = parameter.strip().partition("=")
        if key.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0
