"""Vigía's four languages: gettext catalogues, and numbers, dates and names written in each.

Catalogues are kept as ``.po`` files only (English message ids); each is read with Babel, compiled
in memory and wrapped in :class:`babel.support.Translations`, so that no binary ``.mo`` file is
ever committed. :func:`template_environment` gives Jinja2 templates of a language its gettext
callables and the filters that format numbers, dates, countries and indicators: the site's pages
and the published reports share them.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from functools import cache, lru_cache, partial
from importlib import resources
from typing import Any, cast

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations
from jinja2 import BaseLoader, Environment, StrictUndefined

from vigia.domain import LANGUAGES
from vigia.reference import countries, indicators

CATALOGUE_DOMAIN = "vigia"
#: Each language named in itself, for the language switcher.
LANGUAGE_NAMES = {"es": "Español", "en": "English", "fr": "Français", "pt": "Português"}

_COMPILED: dict[str, Translations] = {}


def translations(language: str) -> Translations:
    """The compiled catalogue of ``language``; KeyError for a language Vigía does not speak."""
    if language not in LANGUAGES:
        raise KeyError(f"no catalogue for language {language!r}")
    if language not in _COMPILED:
        _COMPILED[language] = compile_catalogue(read_catalogue_text(language), language)
    return _COMPILED[language]


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


def template_environment(loader: BaseLoader, language: str) -> Environment:
    """Templates of ``loader`` in ``language``: autoescaped, strict, with gettext (new style:
    ``_("Facts of %(country)s", country=name)``) and the formatting filters."""
    templates = Environment(
        loader=loader,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    cast(Any, templates).install_gettext_translations(translations(language), newstyle=True)
    templates.filters.update(
        number=partial(format_number, language=language),
        percent=partial(format_share, language=language),
        moment=partial(format_moment, language=language),
        day=partial(format_day, language=language),
        country=partial(country_name, language=language),
        actor=actor_name,
        indicator=partial(indicator_name, language=language),
    )
    templates.globals.update(language=language, language_names=LANGUAGE_NAMES)
    return templates


def format_number(value: float | int | None, language: str) -> str:
    """``value`` written the way ``language`` writes numbers (6 000, 6,000, 6.000)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _formatted(value, language)


@lru_cache(maxsize=8192)
def _formatted(value: float | int, language: str) -> str:
    """Remembered: a page writes the same figures many times, and babel takes 0.2 ms each."""
    return str(format_decimal(value, locale=_locale(language)))


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def format_share(value: float | None, language: str) -> str:
    """A share from 0 to 1 as a whole percentage the way ``language`` writes it (95 %, 95%)."""
    if value is None:
        return ""
    return str(format_percent(value, locale=language))


def format_day(day: date | None, language: str) -> str:
    """A date the way ``language`` writes it in full (7 December 2026, 7 de diciembre de 2026)."""
    if day is None:
        return ""
    return str(format_date(day, format="long", locale=language))


def format_moment(moment: datetime | None, language: str) -> str:
    if moment is None:
        return ""
    return str(format_datetime(moment, format="medium", tzinfo=moment.tzinfo, locale=language))


def country_name(code: str | None, language: str) -> str:
    """The country's name in ``language``; the code itself for an unknown one."""
    if code is None:
        return ""
    country = countries().get(code)
    return code if country is None else country.names.get(language, code)


def actor_name(code: str | None) -> str:
    """An organisation is shown by its code (IOM, UNODC), which every language uses."""
    return code or ""


def indicator_name(name: str | None, language: str) -> str:
    if name is None:
        return ""
    indicator = indicators().get(name)
    return name if indicator is None else indicator.labels.get(language, name)
