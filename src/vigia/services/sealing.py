"""The keys that seal victims' identifying fields, as the edges (command line, web) get them:
from the settings (``VIGIA_CASE_KEYS``), through :mod:`vigia.store.sealing`."""

from __future__ import annotations

from vigia.settings import Settings
from vigia.store.sealing import NoKey, Sealer, SealError, new_key_text

__all__ = ["NoKey", "SealError", "Sealer", "new_key_text", "sealer_from_settings"]


def sealer_from_settings(settings: Settings | None = None) -> Sealer:
    """The sealer of ``settings`` (by default the environment's); SealError for a bad key."""
    chosen = Settings.from_environment() if settings is None else settings
    return Sealer.from_text(chosen.case_keys)
