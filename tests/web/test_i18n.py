"""Choosing the language and compiling the catalogues: vigia.web.i18n."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from vigia import languages
from vigia.web import i18n

WEB = Path(i18n.__file__).resolve().parent
PUBLISH = WEB.parent / "publish"
PLACEHOLDER = re.compile(r"%\(\w+\)s")
TEMPLATE_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "newstyle_gettext": "true",
}


def _messages() -> list[str | tuple[str, str]]:
    """Every message id of the templates and code of the web and publish packages (``_``,
    ``N_``…)."""
    messages: dict[str | tuple[str, str], None] = {}
    for folder in (WEB, PUBLISH):
        found = extract_from_dir(
            str(folder),
            method_map=[("templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")],
            options_map={"templates/**.html": TEMPLATE_OPTIONS},
            keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None},
        )
        for _file, _line, message, _comments, _context in found:
            messages[message] = None
    return list(messages)


def test_choose_language_prefers_query_then_cookie_then_header() -> None:
    assert i18n.choose_language("fr", "pt", "en") == "fr"
    assert i18n.choose_language(None, "pt", "en") == "pt"
    assert i18n.choose_language("de", None, "en-GB,es;q=0.5") == "en"
    assert i18n.choose_language(None, None, None) == "es"


def test_accepted_languages_orders_by_quality() -> None:
    header = "de;q=0.9, fr-CA;q=0.95, pt, en;q=0"

    assert i18n.accepted_languages(header) == ["pt", "fr-CA", "de"]
    assert i18n.accepted_languages("en;q=nonsense") == []


def test_supported_keeps_only_vigias_languages() -> None:
    assert [i18n.supported(name) for name in ("PT-br", "es_AR", "de", "", None)] == [
        "pt",
        "es",
        None,
        None,
        None,
    ]


def _catalogue(language: str) -> Catalog:
    return read_po(io.StringIO(languages.read_catalogue_text(language)), locale=language)


@pytest.mark.parametrize("language", ["es", "en", "fr", "pt"])
def test_catalogue_translates_every_message(language: str) -> None:
    catalogue = _catalogue(language)
    missing = []
    for message in _messages():
        entry = catalogue.get(message[0] if isinstance(message, tuple) else message)
        strings = [] if entry is None else _strings(entry.string)
        if not strings or not all(strings):
            missing.append(message)
    assert missing == []


@pytest.mark.parametrize("language", ["es", "en", "fr", "pt"])
def test_catalogue_keeps_each_messages_placeholders(language: str) -> None:
    changed = []
    for entry in _catalogue(language):
        if not entry.id:
            continue
        wanted = sorted(
            PLACEHOLDER.findall(entry.id[0] if isinstance(entry.id, tuple) else entry.id)
        )
        if any(sorted(PLACEHOLDER.findall(text)) != wanted for text in _strings(entry.string)):
            changed.append(entry.id)
    assert changed == []


def _strings(string: str | tuple[str, ...]) -> list[str]:
    return list(string) if isinstance(string, tuple) else [string]


def test_catalogues_are_compiled_in_memory_from_po_files() -> None:
    compiled = i18n.load_all()

    assert set(compiled) == {"es", "en", "fr", "pt"}
    assert compiled["fr"].gettext("Log in") == "Se connecter"
    assert compiled["pt"].ngettext("%(num)s fact", "%(num)s facts", 2) == "%(num)s dados"
    assert not list((WEB.parent / "locales").rglob("*.mo"))


def test_translations_refuse_an_unknown_language() -> None:
    with pytest.raises(KeyError):
        languages.translations("de")
