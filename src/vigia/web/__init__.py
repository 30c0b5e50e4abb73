"""Vigía's web service (FastAPI): ``create_app(settings)`` and ``vigia serve``."""

from vigia.web.app import create_app

__all__ = ["create_app"]
