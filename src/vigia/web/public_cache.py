"""Answers to anonymous readers, kept until the data changes, with ETag and Last-Modified.

During a meeting every delegation reads the same published pages and API answers, and the data
changes only when someone reviews, corrects or publishes. :class:`PublicCache` keeps the body of a
``200`` answer to an anonymous ``GET`` of a public read (:data:`PUBLIC_READS`) under its path, query
and language, for as long as the data version (:mod:`vigia.store.versions`) stays the same. The
version is read from the database on every request, so a change committed by any worker or process
is seen by the next request everywhere.

Every answer it passes carries ``ETag`` (a digest of the body) and ``Last-Modified`` (when the data
last changed); a request whose ``If-None-Match`` or ``If-Modified-Since`` still holds gets ``304``.
A signed-in visitor (session cookie with a user) or an API caller with a token is never served from
the cache nor stored in it; neither is an answer that carries a form's CSRF token. ``X-Cache`` says
``hit`` or ``miss``. Such answers set no session cookie: a visitor gets one from the first page
with a form. While one request builds an answer, the same requests wait for it instead of
building it again. With ``VIGIA_REDIS_URL`` the workers share what they keep
(:mod:`vigia.web.shared_answers`).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections import OrderedDict
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import parse_qs

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vigia.services.databases import DataVersion, data_version
from vigia.web import i18n
from vigia.web.sessions import SESSION_COOKIE, SessionCodec
from vigia.web.shared_answers import Answer, SharedAnswers

#: The reads whose anonymous answers are the same for every anonymous reader.
PUBLIC_READS = re.compile(
    r"^/(?:|countries/[^/]+|meetings(?:/[^/]+)?|evaluations(?:/.*)?|plan|reports/.+|documents/\d+"
    r"|api/v1/(?!uploads|jobs|tokens|users).+)$"
)
#: How much the cache of one process holds, and the largest answer it keeps.
MOST_BYTES = 64 * 1024 * 1024
LARGEST_ANSWER = 8 * 1024 * 1024
#: An answer holding this is made for one visitor's session and is never kept.
CSRF_FIELD = b'name="csrf_token"'
#: What the pages say of caching (``no-store``, for signed-in visitors) is replaced by this.
_REPLACED_HEADERS = frozenset({b"cache-control", b"vary", b"etag", b"last-modified"})


class PublicCache:
    """ASGI middleware keeping anonymous public answers per data version (see the module)."""

    def __init__(
        self, app: ASGIApp, engine: Engine, signing_key: str, shared: SharedAnswers | None = None
    ) -> None:
        self.app = app
        self.engine = engine
        self.shared = shared
        self.codec = SessionCodec(signing_key)
        self.version = 0
        self.answers: OrderedDict[tuple[str, str, str], Answer] = OrderedDict()
        self.size = 0
        self.building: dict[tuple[str, str, str], asyncio.Future[Answer | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not PUBLIC_READS.match(scope["path"])
        ):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if not self._anonymous(headers):
            await self.app(scope, receive, send)
            return
        try:
            version = self._current_version()
        except SQLAlchemyError:  # the application answers it (503 when the database is gone)
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"].decode("latin-1"), _language(scope, headers))
        answer = self.answers.get(key)
        if answer is not None:
            self.answers.move_to_end(key)
        elif self.shared is not None:  # another worker may have built it
            answer = await self.shared.get(version.number, key)
            if answer is not None and version.number == self.version:
                self._keep(key, answer)
        hit = answer is not None
        if answer is None:
            answer = await self._build(key, scope, receive, send)
            if answer is None:
                return  # passed through as it was, not fit to keep
        await _send(answer, version, headers, send, hit=hit)

    def _anonymous(self, headers: Headers) -> bool:
        if "authorization" in headers:
            return False
        cookie = headers.get("cookie")
        if cookie is None or SESSION_COOKIE not in cookie:
            return True
        login = self.codec.decode(_cookie(cookie, SESSION_COOKIE))
        return login is None or login.user_id is None

    def _current_version(self) -> DataVersion:
        with self.engine.connect() as connection:
            version = data_version(connection)
        if version.number != self.version:
            self.answers.clear()
            self.size = 0
            self.version = version.number
        return version

    async def _build(
        self, key: tuple[str, str, str], scope: Scope, receive: Receive, send: Send
    ) -> Answer | None:
        waiting = self.building.get(key)
        if waiting is not None:
            answer = await asyncio.shield(waiting)
            if answer is not None:
                return answer
        future: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self.building[key] = future
        version = self.version
        try:
            answer = await self._capture(scope, receive, send)
            if answer is not None and version == self.version:
                self._keep(key, answer)
                if self.shared is not None:
                    await self.shared.put(version, key, answer)
            future.set_result(answer)
            return answer
        except BaseException:
            future.set_result(None)
            raise
        finally:
            self.building.pop(key, None)

    async def _capture(self, scope: Scope, receive: Receive, send: Send) -> Answer | None:
        """The application's answer, kept whole; an unfit one is sent on as it came instead."""
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        await self.app(scope, receive, keep)
        start, body = messages[0], b"".join(m.get("body", b"") for m in messages[1:])
        fit = start["status"] == 200 and len(body) <= LARGEST_ANSWER and CSRF_FIELD not in body
        if not fit:
            for message in messages:
                await send(message)
            return None
        headers = [
            (name, value)
            for name, value in start.get("headers", [])
            if name.lower() not in _REPLACED_HEADERS
            and not (name.lower() == b"set-cookie" and value.startswith(SESSION_COOKIE.encode()))
        ]
        etag = b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'
        return Answer(start["status"], headers, body, etag)

    def _keep(self, key: tuple[str, str, str], answer: Answer) -> None:
        if key in self.answers:
            self.size -= len(self.answers.pop(key).body)
        self.answers[key] = answer
        self.size += len(answer.body)
        while self.size > MOST_BYTES and self.answers:
            self.size -= len(self.answers.popitem(last=False)[1].body)


async def _send(
    answer: Answer, version: DataVersion, request: Headers, send: Send, *, hit: bool
) -> None:
    modified = format_datetime(version.changed_at, usegmt=True).encode()
    extra = [
        (b"etag", answer.etag),
        (b"last-modified", modified),
        (b"cache-control", b"no-cache"),
        (b"vary", b"Accept-Language, Cookie, Authorization"),
        (b"x-cache", b"hit" if hit else b"miss"),
    ]
    if _still_fresh(request, answer.etag, version.changed_at):
        headers = [(n, v) for n, v in answer.headers if n.lower() not in _BODY_HEADERS]
        await send({"type": "http.response.start", "status": 304, "headers": headers + extra})
        await send({"type": "http.response.body", "body": b""})
        return
    await send(
        {"type": "http.response.start", "status": answer.status, "headers": answer.headers + extra}
    )
    await send({"type": "http.response.body", "body": answer.body})


_BODY_HEADERS = frozenset({b"content-length", b"content-type", b"set-cookie"})


def _still_fresh(request: Headers, etag: bytes, changed_at: datetime) -> bool:
    """Whether the client's copy is current: its ETag matches, or (without one) it is newer
    than the last change. A change within the second of ``If-Modified-Since`` counts as newer."""
    tags = request.get("if-none-match")
    if tags is not None:
        return tags.strip() == "*" or etag.decode() in {
            tag.strip().removeprefix("W/") for tag in tags.split(",")
        }
    since = request.get("if-modified-since")
    if since is None:
        return False
    try:
        moment = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    return moment.tzinfo is not None and changed_at < moment


def _language(scope: Scope, headers: Headers) -> str:
    query = parse_qs(scope["query_string"].decode("latin-1"))
    cookie = headers.get("cookie")
    return i18n.choose_language(
        query.get("lang", [None])[0],
        None if cookie is None else _cookie(cookie, i18n.LANGUAGE_COOKIE),
        headers.get("accept-language"),
    )


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None
