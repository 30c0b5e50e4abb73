"""Login sessions in a signed cookie, and CSRF tokens.

A session is a small JSON object (the user's id, or none before login; the key of the login kept
on the server; a CSRF token; when it was issued) signed with HMAC-SHA256 under the application's
``secret_key``. The cookie is HttpOnly, SameSite=Lax, and Secure when the request came over https.
A login is also a row on the server (:mod:`vigia.services.logins`): the pages accept the cookie's
user only while that row is open, so logout, deactivation and a password change end the session for
every worker, and a session older than :data:`SESSION_LIFETIME` ends anyway.

Every form that posts carries the session's CSRF token in a hidden field, compared in constant
time with the cookie's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

SESSION_COOKIE = "vigia_session"
CSRF_FIELD = "csrf_token"
#: How long a session lasts after login, in seconds (eight hours: one working day).
SESSION_LIFETIME = 8 * 60 * 60
CSRF_TOKEN_BYTES = 32
SIGNATURE_PURPOSE = b"vigia.web.session"


@dataclass(frozen=True)
class LoginSession:
    """What the session cookie says: who is logged in (None: nobody), the CSRF token, its age."""

    user_id: int | None
    csrf_token: str
    issued_at: int
    #: The key of the login kept on the server (vigia.services.logins); None before login.
    key: str | None = None

    @classmethod
    def fresh(
        cls, user_id: int | None = None, now: float | None = None, key: str | None = None
    ) -> LoginSession:
        """A new session with a new CSRF token."""
        issued = int(time.time() if now is None else now)
        return cls(user_id, secrets.token_urlsafe(CSRF_TOKEN_BYTES), issued, key)

    def accepts(self, csrf_token: str | None) -> bool:
        """Whether a form's token is this session's, compared in constant time."""
        if not csrf_token:
            return False
        return hmac.compare_digest(csrf_token.encode("utf-8"), self.csrf_token.encode("utf-8"))


class SessionCodec:
    """Turns sessions into signed cookie values and back; tampered or stale values are refused."""

    def __init__(self, secret_key: str, lifetime: int = SESSION_LIFETIME) -> None:
        if not secret_key:
            raise ValueError("a session needs a non-empty secret key")
        self._key = hashlib.sha256(SIGNATURE_PURPOSE + secret_key.encode("utf-8")).digest()
        self.lifetime = lifetime

    def encode(self, session: LoginSession) -> str:
        payload = {
            "u": session.user_id,
            "c": session.csrf_token,
            "t": session.issued_at,
            "k": session.key,
        }
        body = _base64(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
        return f"{body}.{_base64(self._signature(body))}"

    def decode(self, value: str | None, now: float | None = None) -> LoginSession | None:
        """The session in a cookie value, or None when absent, malformed, forged or expired."""
        if not value or value.count(".") != 1:
            return None
        body, signature = value.split(".")
        try:
            given = _unbase64(signature)
        except ValueError:
            return None
        if not hmac.compare_digest(given, self._signature(body)):
            return None
        session = _session_from(body)
        current = time.time() if now is None else now
        if session is None or not 0 <= current - session.issued_at <= self.lifetime:
            return None
        return session

    def _signature(self, body: str) -> bytes:
        return hmac.new(self._key, body.encode("ascii"), hashlib.sha256).digest()


def _base64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unbase64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise ValueError("not base64") from error


def _session_from(body: str) -> LoginSession | None:
    try:
        payload: Any = json.loads(_unbase64(body))
    except ValueError:
        return None
    if not isinstance(payload, dict):
        return None
    user_id, token, issued = payload.get("u"), payload.get("c"), payload.get("t")
    key = payload.get("k")
    valid_user = user_id is None or (isinstance(user_id, int) and not isinstance(user_id, bool))
    if not valid_user or not isinstance(token, str) or not isinstance(issued, int):
        return None
    if key is not None and not isinstance(key, str):
        return None
    return LoginSession(user_id, token, issued, key)
