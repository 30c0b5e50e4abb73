"""The server-rendered web pages, in Spanish, English, French and Portuguese.

``router`` holds every page: the dashboard (``/``), country profiles, documents, meetings, the
review queue, the audit log, the regional reports, login and logout, the API docs (``/docs``), and
the pages' style sheet and script. Importing this package compiles the message catalogues and
prepares the templates, so that a broken catalogue fails at start-up.
"""

from __future__ import annotations

from fastapi import APIRouter

from vigia.web.pages import (
    accounts,
    api_docs,
    audit,
    cases,
    compare,
    consistency,
    countries,
    dashboard,
    directory,
    documents,
    evaluations,
    login,
    meetings,
    network,
    observations,
    plan,
    practices,
    protected_statistics,
    recommendation_forms,
    recommendations,
    reports,
    review,
    search,
    static,
    statistics,
    versions,
    who_can_help,
)
from vigia.web.pages.rendering import load_templates

load_templates()

router = APIRouter(include_in_schema=False)
for _pages in (
    dashboard,
    search,
    countries,
    compare,
    documents,
    meetings,
    network,
    practices,
    directory,
    review,
    audit,
    accounts,
    login,
    plan,
    observations,
    evaluations,
    recommendations,
    recommendation_forms,
    consistency,
    statistics,
    protected_statistics,
    cases,
    versions,
    who_can_help,
    reports,
    static,
    api_docs,
):
    router.include_router(_pages.router)

__all__ = ["router"]
