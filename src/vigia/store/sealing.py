"""Identifying fields sealed at rest: AES-256-GCM with keys from the settings, rotated by command.

    sealer = Sealer.from_text("2026a:<base64 of 32 bytes>,2025b:<…>")   # the first one seals
    key_id, blob = sealer.seal({"name": "…", "document_number": "…"})
    sealer.open(key_id, blob)                                            # the dict again

A sealed value is a 12-byte random nonce followed by the ciphertext and its tag; the key's id is
kept beside it (and bound to it as associated data, so a blob cannot be passed off as another
key's). Several keys may be given: the first seals, every one opens, so a key is rotated by
putting the new one first, re-sealing what the old one sealed (``vigia stats rekey``), then
removing the old one. Without a key nothing identifying can be stored (:class:`NoKey`).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12
KEY_BYTES = 32


class NoKey(Exception):
    """No key to seal or open with. ``str()`` says which setting is missing."""


class SealError(ValueError):
    """A key that is not one, or a blob that does not open with its key."""


@dataclass(frozen=True)
class Sealer:
    #: (key id, key) pairs, the sealing one first.
    keys: tuple[tuple[str, bytes], ...]

    @classmethod
    def from_text(cls, text: str | None) -> Sealer:
        """Keys written ``id:base64,id:base64`` (``VIGIA_CASE_KEYS``); empty: no key."""
        keys = []
        for part in (text or "").split(","):
            if not part.strip():
                continue
            key_id, _, encoded = part.strip().partition(":")
            try:
                key = base64.b64decode(encoded, validate=True)
            except (binascii.Error, ValueError):
                raise SealError(f"the case key {key_id!r} is not base64") from None
            if not key_id or len(key) != KEY_BYTES:
                raise SealError(f"a case key is written id:base64 of {KEY_BYTES} bytes")
            keys.append((key_id, key))
        if len({key_id for key_id, _ in keys}) != len(keys):
            raise SealError("two case keys have the same id")
        return cls(tuple(keys))

    @property
    def current(self) -> str:
        """The id of the key that seals."""
        if not self.keys:
            raise NoKey(
                "VIGIA_CASE_KEYS is not set: identifying fields cannot be stored or read; make a "
                "key with: vigia stats new-key"
            )
        return self.keys[0][0]

    def seal(self, values: dict[str, Any]) -> tuple[str, bytes]:
        """``values`` as JSON, sealed with the current key: (key id, nonce + ciphertext)."""
        key_id = self.current
        nonce = os.urandom(NONCE_BYTES)
        plain = json.dumps(values, ensure_ascii=False, sort_keys=True).encode("utf-8")
        sealed = AESGCM(self._key(key_id)).encrypt(nonce, plain, key_id.encode("utf-8"))
        return key_id, nonce + sealed

    def open(self, key_id: str, blob: bytes) -> dict[str, Any]:
        """What :meth:`seal` sealed; SealError if it was altered or sealed with another key."""
        nonce, sealed = blob[:NONCE_BYTES], blob[NONCE_BYTES:]
        try:
            plain = AESGCM(self._key(key_id)).decrypt(nonce, sealed, key_id.encode("utf-8"))
        except InvalidTag:
            raise SealError(f"a sealed value does not open with key {key_id!r}") from None
        values: dict[str, Any] = json.loads(plain)
        return values

    def _key(self, key_id: str) -> bytes:
        for known, key in self.keys:
            if known == key_id:
                return key
        raise NoKey(f"the case key {key_id!r} is not among VIGIA_CASE_KEYS")


def new_key_text(key_id: str) -> str:
    """A fresh key, written as ``VIGIA_CASE_KEYS`` takes it."""
    return f"{key_id}:{base64.b64encode(AESGCM.generate_key(bit_length=256)).decode('ascii')}"
