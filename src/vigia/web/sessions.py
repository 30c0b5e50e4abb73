"""Login sessions in a signed cookie, CSRF tokens, and a limit on failed logins.

A session is a small JSON object (the user's id, or none before login; a CSRF token; when it was
issued) signed with HMAC-SHA256 under the application's ``secret_key``. The cookie is HttpOnly,
SameSite=Lax, and Secure when the request came over https. Nothing about a session is kept on the
server, so a session ends when its cookie is dropped (logout) or when it is older than
:data:`SESSION_LIFETIME`; a deactivated user is refused at the next request by the pages.

Every form that posts carries the session's CSRF token in a hidden field, compared in constant
time with the cookie's.

:class:`LoginThrottle` counts failed logins in memory, per email and per client address, and
refuses further attempts for a while once there are too many.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
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

    @classmethod
    def fresh(cls, user_id: int | None = None, now: float | None = None) -> LoginSession:
        """A new session with a new CSRF token."""
        issued = int(time.time() if now is None else now)
        return cls(user_id, secrets.token_urlsafe(CSRF_TOKEN_BYTES), issued)

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
        payload = {"u": session.user_id, "c": session.csrf_token, "t": session.issued_at}
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


class LoginThrottle:
    """Failed logins per key (an email, a client address) within a sliding window, in memory.

    Once a key has ``limit`` failures within ``window`` seconds, :meth:`wait` says how long until
    the oldest of them leaves the window. At most ``capacity`` keys are remembered; the least
    recently failed are forgotten first, so memory stays bounded whatever is tried.
    """

    def __init__(
        self,
        limit: int = 5,
        window: float = 15 * 60,
        capacity: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.capacity = capacity
        self._clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, keys: Iterable[str]) -> float:
        """Seconds until any of ``keys`` may try again; 0 when none of them is blocked."""
        now = self._clock()
        with self._lock:
            return max((self._wait_for(key, now) for key in keys), default=0.0)

    def record_failure(self, keys: Iterable[str]) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                failures = self._recent(key, now)
                failures.append(now)
                self._failures[key] = failures
                self._failures.move_to_end(key)
            while len(self._failures) > self.capacity:
                self._failures.popitem(last=False)

    def forget(self, keys: Iterable[str]) -> None:
        """Clear the failures of ``keys`` (after a successful login)."""
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _wait_for(self, key: str, now: float) -> float:
        failures = self._recent(key, now)
        if len(failures) < self.limit:
            return 0.0
        return max(failures[-self.limit] + self.window - now, 0.0)

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.get(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures


def throttle_keys(email: str, client_address: str | None) -> list[str]:
    """The keys a login attempt counts against: its email and its client's address."""
    keys = [f"email:{email.strip().lower()}"]
    if client_address:
        keys.append(f"address:{client_address}")
    return keys


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
    valid_user = user_id is None or (isinstance(user_id, int) and not isinstance(user_id, bool))
    if not valid_user or not isinstance(token, str) or not isinstance(issued, int):
        return None
    return LoginSession(user_id, token, issued)
