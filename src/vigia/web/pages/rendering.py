"""Jinja2 templates in four languages: one environment per language, autoescaping everything.

Each environment is :func:`vigia.languages.template_environment` (gettext and the filters that
format numbers, dates, countries and indicators in the language) with the pages' own helpers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache, partial
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader

from vigia.domain import LANGUAGES
from vigia.languages import LANGUAGE_NAMES, template_environment, translations
from vigia.publish import labels
from vigia.publish.vocabulary import figure_value

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
    """The template environment of ``language``, made once: the site's templates, then the
    published reports' (``vigia/publish/templates``), which pages include."""
    loader = ChoiceLoader(
        [PackageLoader("vigia.web", "templates"), PackageLoader("vigia.publish", "templates")]
    )
    templates = template_environment(loader, language)
    templates.filters.update(pretty_json=pretty_json)
    gettext = translations(language).gettext
    templates.globals.update(
        label=partial(labels.label, gettext=gettext), figure_value=figure_value
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
                "name": LANGUAGE_NAMES[language],
                "url": address,
                "current": language == current,
            }
        )
    return links


def pretty_json(value: Any) -> str:
    """``value`` as indented JSON with its accents kept (the template escapes it)."""
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str)
