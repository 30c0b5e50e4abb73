"""Vigía's settings, read once from the environment: the only place that looks at it.

- ``VIGIA_DATABASE_URL``: the database (default ``sqlite:///vigia.db``);
- ``VIGIA_HOST`` and ``VIGIA_PORT``: where ``vigia serve`` listens (default ``127.0.0.1:8000``);
- ``VIGIA_SECRET_KEY``: signs the web pages' login sessions (default: a random key per process);
- ``VIGIA_MAX_UPLOAD_BYTES``: the largest file a user may upload (default 20 MB).
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

DEFAULT_DATABASE_URL = "sqlite:///vigia.db"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
HIGHEST_PORT = 65535
DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

logger = logging.getLogger(__name__)


class SettingsError(ValueError):
    """An environment variable Vigía cannot use. ``str()`` is one line, fit to show a user."""


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    #: Signs the web pages' login sessions; None: see :meth:`signing_key`.
    secret_key: str | None = field(default=None, repr=False)
    #: The largest file accepted for upload, in bytes.
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``environment`` (by default ``os.environ``); unset variables keep defaults.

        Raises :class:`SettingsError` for a ``VIGIA_PORT`` that is not a port number and a
        ``VIGIA_MAX_UPLOAD_BYTES`` that is not a positive whole number.
        """
        variables = os.environ if environment is None else environment
        return cls(
            database_url=variables.get("VIGIA_DATABASE_URL", DEFAULT_DATABASE_URL),
            host=variables.get("VIGIA_HOST", DEFAULT_HOST),
            port=_port(variables.get("VIGIA_PORT")),
            secret_key=variables.get("VIGIA_SECRET_KEY") or None,
            max_upload_bytes=_byte_count(variables.get("VIGIA_MAX_UPLOAD_BYTES")),
        )

    def signing_key(self) -> str:
        """``secret_key``, or else a random key made once per process (with a logged warning)."""
        return self.secret_key or process_secret_key()


def _port(value: str | None) -> int:
    if value is None or not value.strip():
        return DEFAULT_PORT
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or int(text) > HIGHEST_PORT:
        raise SettingsError(f"VIGIA_PORT={value!r} is not a port number (0 to {HIGHEST_PORT})")
    return int(text)


def _byte_count(value: str | None) -> int:
    if value is None or not value.strip():
        return DEFAULT_MAX_UPLOAD_BYTES
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise SettingsError(
            f"VIGIA_MAX_UPLOAD_BYTES={value!r} is not a positive number of bytes (e.g. 20971520)"
        )
    return int(text)


@cache
def process_secret_key() -> str:
    """A random key of this process: sessions signed with it end when the process stops."""
    logger.warning(
        "VIGIA_SECRET_KEY is not set: login sessions are signed with a random key of this process,"
        " so they end when it stops and are not shared between workers; set it in production"
    )
    return secrets.token_urlsafe(32)
