"""The pages' languages: gettext catalogues read from ``vigia/locales``; choosing a language.

Catalogues are kept as ``.po`` files only (English message ids); at start-up each is read with
Babel, compiled in memory and wrapped in :class:`babel.support.Translations`, so that no binary
``.mo`` file is ever committed.

A request's language is, in order: its ``lang`` query parameter, its language cookie, the first
supported language of its ``Accept-Language`` header, else Spanish.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from vigia.domain import LANGUAGES

DEFAULT_LANGUAGE = "es"
LANGUAGE_COOKIE = "vigia_lang"
CATALOGUE_DOMAIN = "vigia"
#: Each language named in itself, for the language switcher.
LANGUAGE_NAMES = {"es": "Español", "en": "English", "fr": "Français", "pt": "Português"}


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


@cache
def translations(language: str) -> Translations:
    """The compiled catalogue of ``language``; KeyError for a language Vigía does not speak."""
    if language not in LANGUAGES:
        raise KeyError(f"no catalogue for language {language!r}")
    return compile_catalogue(read_catalogue_text(language), language)


def read_catalogue_text(language: str) -> str:
    """The text of ``vigia/locales/<language>/LC_MESSAGES/vigia.po``."""
    path = (
        resources.files("vigia") / "locales" / language / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.po"
    )
    return path.read_text(encoding="utf-8")


def compile_catalogue(po_text: str, language: str) -> Translations:
    """A ``.po`` text compiled in memory into gettext translations."""
    catalogue = read_po(io.StringIO(po_text), locale=language, domain=CATALOGUE_DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(fp=compiled, domain=CATALOGUE_DOMAIN)


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
