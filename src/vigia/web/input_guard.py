"""Refuse the NUL character wherever a request carries text: path, query string, form or JSON body.

No text Vigía stores may hold U+0000 (PostgreSQL's text types refuse it outright), so a request that
carries one is answered 422 with a message before any route sees it, on both databases alike,
instead of failing deep inside a query. Multipart bodies (uploads) are not read here: their file is
binary by nature, and their text fields are checked where the form is read
(:func:`vigia.web.upload_requests.receive_upload`).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import status

from vigia.web.errors import error_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

NUL_MESSAGE = "a NUL character (U+0000) in the request: no field may hold control characters"
TOO_LARGE_MESSAGE = "request body too large"
#: Bodies read whole here; a form or JSON body this large is no request of Vigía's.
MAX_CHECKED_BODY = 5 * 1024 * 1024
#: A NUL as sent: raw, percent-encoded (forms, URLs) or as a JSON escape.
ENCODED_NUL = re.compile(rb"\x00|%00|\\u0000", re.IGNORECASE)
CHECKED_BODIES = ("application/x-www-form-urlencoded", "application/json", "text/")


class RefuseNulMiddleware:
    """ASGI middleware answering 422 to requests that carry a NUL character."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope.get("path", "") or ENCODED_NUL.search(scope.get("query_string", b"")):
            await _refuse(scope, receive, send, status.HTTP_422_UNPROCESSABLE_CONTENT, NUL_MESSAGE)
            return
        if not _body_is_checked(scope):
            await self.app(scope, receive, send)
            return
        body, messages = await _read_body(receive)
        if body is None:
            await _refuse(
                scope, receive, send, status.HTTP_413_CONTENT_TOO_LARGE, TOO_LARGE_MESSAGE
            )
            return
        if ENCODED_NUL.search(body):
            await _refuse(scope, receive, send, status.HTTP_422_UNPROCESSABLE_CONTENT, NUL_MESSAGE)
            return
        await self.app(scope, _replay(messages, receive), send)


def _body_is_checked(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            media_type = bytes(value).decode("latin-1").split(";")[0].strip().lower()
            return media_type.startswith(CHECKED_BODIES) or media_type.endswith("+json")
    return False


async def _read_body(receive: Receive) -> tuple[bytes | None, list[Message]]:
    """The whole body and the messages that carried it; None for the body past the limit."""
    messages: list[Message] = []
    size = 0
    chunks: list[bytes] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_CHECKED_BODY:
            return None, messages
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks), messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed


async def _refuse(scope: Scope, receive: Receive, send: Send, code: int, message: str) -> None:
    response = error_response(code, message)
    await response(scope, receive, send)


def holds_nul(value: str) -> bool:
    """Whether a decoded field value holds the NUL character."""
    return "\x00" in value
