"""Jinja2 templates in four languages: one environment per language, autoescaping everything.

Each environment has the gettext callables of its language installed (the ``i18n`` extension,
new style: ``_("Facts of %(country)s", country=name)``, with the variables escaped) and filters
that format numbers, dates, countries, indicators and codes in that language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from functools import cache, partial
from typing import Any, cast
from urllib.parse import urlencode

from babel.dates import format_datetime
from babel.numbers import format_decimal, format_percent
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from vigia.domain import LANGUAGES
from vigia.reference import countries, indicators
from vigia.web import i18n
from vigia.web.pages import labels

#: Sent with every page: no framing, scripts and styles from this site only, no inline code.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
        " form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@cache
def environment(language: str) -> Environment:
    """The template environment of ``language``, made once."""
    translations = i18n.translations(language)
    templates = Environment(
        loader=PackageLoader("vigia.web", "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    cast(Any, templates).install_gettext_translations(translations, newstyle=True)
    templates.filters.update(
        number=partial(format_number, language=language),
        percent=partial(format_share, language=language),
        moment=partial(format_moment, language=language),
        country=partial(country_name, language=language),
        actor=actor_name,
        indicator=partial(indicator_name, language=language),
        pretty_json=pretty_json,
    )
    templates.globals.update(
        language=language,
        language_names=i18n.LANGUAGE_NAMES,
        label=partial(labels.label, gettext=translations.gettext),
    )
    return templates


def load_templates() -> None:
    """Make every language's environment (and so compile every catalogue) now, at start-up."""
    for language in LANGUAGES:
        environment(language)


def render_page(
    request: Request,
    language: str,
    template: str,
    values: Mapping[str, Any],
    status_code: int = 200,
) -> HTMLResponse:
    """``template`` rendered in ``language`` as an HTML response with the security headers."""
    page = environment(language).get_template(template)
    context = {"language_links": language_links(request, language), **values}
    response = HTMLResponse(page.render(context), status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    response.headers["Vary"] = "Accept-Language, Cookie"
    response.headers["Cache-Control"] = "no-store"
    return response


def language_links(request: Request, current: str) -> list[dict[str, Any]]:
    """For the language switcher: each language with the current page's URL in it."""
    query = [(key, value) for key, value in request.query_params.multi_items() if key != "lang"]
    links = []
    for language in LANGUAGES:
        address = f"{request.url.path}?{urlencode([*query, ('lang', language)])}"
        links.append(
            {
                "code": language,
                "name": i18n.LANGUAGE_NAMES[language],
                "url": address,
                "current": language == current,
            }
        )
    return links


def pretty_json(value: Any) -> str:
    """``value`` as indented JSON with its accents kept (the template escapes it)."""
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str)


def format_number(value: float | int | None, language: str) -> str:
    """``value`` written the way ``language`` writes numbers (6 000, 6,000, 6.000)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(format_decimal(value, locale=language))


def format_share(value: float | None, language: str) -> str:
    """A share from 0 to 1 as a whole percentage the way ``language`` writes it (95 %, 95%)."""
    if value is None:
        return ""
    return str(format_percent(value, locale=language))


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
