"""Vigía's settings, read once from the environment: the only place that looks at it.

- ``VIGIA_DATABASE_URL``: the database (default ``sqlite:///vigia.db``);
- ``VIGIA_HOST`` and ``VIGIA_PORT``: where ``vigia serve`` listens (default ``127.0.0.1:8000``);
- ``VIGIA_SECRET_KEY``: signs the web pages' login sessions. Without it, ``vigia serve`` and
  ``vigia demo`` make one once and keep it in the instance folder, so that every worker and every
  restart signs alike; in production (``VIGIA_PRODUCTION=1``) it must be set;
- ``VIGIA_INSTANCE``: the instance folder, where that key is kept (default ``vigia-instance``);
- ``VIGIA_PRODUCTION``: ``1`` for production: no key is made up;
- ``VIGIA_WORKERS``: how many processes ``vigia serve`` answers with (default 1);
- ``VIGIA_MAX_UPLOAD_BYTES``: the largest file a user may upload (default 20 MB);
- ``VIGIA_REDIS_URL``: a Redis server (``redis://127.0.0.1:6379/0``) where the workers share the
  answers they keep for anonymous readers; without it each worker keeps its own;
- ``VIGIA_CASE_KEYS``: the keys that seal victims' identifying fields in the case register,
  ``id:base64,id:base64`` (the first seals, every one opens; ``vigia stats new-key`` makes one).
  Without it, records can be imported only without identifying fields.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///vigia.db"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
HIGHEST_PORT = 65535
DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DEFAULT_INSTANCE = "vigia-instance"
#: The file of the instance folder that holds the key made up for it.
KEY_FILE = "secret_key"
MOST_WORKERS = 64
NO_KEY_IN_PRODUCTION = (
    "VIGIA_SECRET_KEY must be set in production (VIGIA_PRODUCTION=1): every worker signs login"
    " sessions with it; make one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'"
)

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
    #: Where a key made up for this instance is kept (see :func:`with_secret_key`).
    instance: str = DEFAULT_INSTANCE
    #: Production: the secret key must be given, never made up.
    production: bool = False
    #: How many processes ``vigia serve`` answers with.
    workers: int = 1
    #: A Redis server where the workers share the answers kept for anonymous readers (optional).
    redis_url: str | None = None
    #: The keys that seal identifying fields (``VIGIA_CASE_KEYS``; see ``vigia.store.sealing``).
    case_keys: str | None = field(default=None, repr=False)

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``environment`` (by default ``os.environ``); unset variables keep defaults.

        Raises :class:`SettingsError` for a ``VIGIA_PORT`` that is not a port number, a
        ``VIGIA_MAX_UPLOAD_BYTES`` that is not a positive whole number, a ``VIGIA_WORKERS`` that is
        not one from 1 to 64 and a ``VIGIA_PRODUCTION`` that is neither 0 nor 1.
        """
        variables = os.environ if environment is None else environment
        return cls(
            database_url=variables.get("VIGIA_DATABASE_URL", DEFAULT_DATABASE_URL),
            host=variables.get("VIGIA_HOST", DEFAULT_HOST),
            port=_port(variables.get("VIGIA_PORT")),
            secret_key=variables.get("VIGIA_SECRET_KEY") or None,
            max_upload_bytes=_byte_count(variables.get("VIGIA_MAX_UPLOAD_BYTES")),
            instance=variables.get("VIGIA_INSTANCE") or DEFAULT_INSTANCE,
            production=_switch("VIGIA_PRODUCTION", variables.get("VIGIA_PRODUCTION")),
            workers=_workers(variables.get("VIGIA_WORKERS")),
            redis_url=variables.get("VIGIA_REDIS_URL") or None,
            case_keys=variables.get("VIGIA_CASE_KEYS") or None,
        )

    def signing_key(self) -> str:
        """``secret_key``, or else a random key made once per process (with a logged warning)."""
        return self.secret_key or process_secret_key()


def with_secret_key(settings: Settings) -> Settings:
    """``settings`` with the key that signs login sessions: the one given; else, outside
    production, the instance folder's (made once, readable by its owner only); in production
    without one, :class:`SettingsError`."""
    if settings.secret_key:
        return settings
    if settings.production:
        raise SettingsError(NO_KEY_IN_PRODUCTION)
    return replace(settings, secret_key=instance_key(Path(settings.instance)))


def instance_key(folder: Path) -> str:
    """The key kept in ``folder``, made the first time (by whichever process gets there first)."""
    path = folder / KEY_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as error:
        raise SettingsError(f"cannot keep the secret key in {path}: {error.strerror}") from error
    else:
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(32) + "\n")
        logger.info("made a secret key for login sessions in %s", path)
    key = _read_key(path)
    if not key:
        raise SettingsError(f"{path} holds no key: remove it, or set VIGIA_SECRET_KEY")
    return key


def _read_key(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"cannot read the secret key in {path}: {error}") from error


def _switch(name: str, value: str | None) -> bool:
    text = (value or "").strip()
    if text not in ("", "0", "1"):
        raise SettingsError(f"{name}={value!r} is neither 0 nor 1")
    return text == "1"


def _workers(value: str | None) -> int:
    if value is None or not value.strip():
        return 1
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MOST_WORKERS:
        raise SettingsError(
            f"VIGIA_WORKERS={value!r} is not a number of workers (1 to {MOST_WORKERS})"
        )
    return int(text)


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
