"""Kept answers shared by every worker through Redis (``VIGIA_REDIS_URL``).

Without it each worker of ``vigia serve --workers N`` builds and keeps each public answer itself:
N builds of every page after each change. With it, an answer one worker built is found by the
others. Each answer is a Redis hash under a key naming the database, the data version, the address
and the language, so a change of the data makes new keys and the old ones expire (after
:data:`LIFETIME`). Redis being down or slow never fails a request: the answer is built, the error
logged once a minute at most.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from redis.asyncio import Redis
from redis.exceptions import RedisError

from vigia.settings import Settings

LOGGER = logging.getLogger(__name__)
#: How long an answer stays in Redis; one of a superseded data version is never asked for again.
LIFETIME_SECONDS = 3600
#: The longest wait for Redis before building the answer instead.
TIMEOUT_SECONDS = 0.5
QUIET_SECONDS = 60


@dataclass(frozen=True)
class Answer:
    """A kept answer: status, headers (without the session cookie), body and its ETag."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes

    def fields(self) -> dict[str, bytes]:
        head = {
            "status": self.status,
            "headers": [[_text(name), _text(value)] for name, value in self.headers],
            "etag": self.etag.decode("latin-1"),
        }
        return {"head": json.dumps(head).encode(), "body": self.body}

    @classmethod
    def from_fields(cls, head: bytes, body: bytes) -> Answer:
        values = json.loads(head)
        headers = [(_bytes(name), _bytes(value)) for name, value in values["headers"]]
        return cls(int(values["status"]), headers, body, values["etag"].encode("latin-1"))


class SharedAnswers:
    """Answers in Redis, per database, data version, address and language."""

    def __init__(self, settings: Settings) -> None:
        assert settings.redis_url is not None
        self.url = settings.redis_url
        parts = urlsplit(self.url)
        self.shown_url = f"{parts.scheme}://{parts.hostname}:{parts.port or 6379}{parts.path}"
        database = hashlib.blake2b(settings.database_url.encode(), digest_size=8).hexdigest()
        self.prefix = f"vigia:answers:{database}"
        self.client: Redis | None = None
        self.complained = 0.0

    def _client(self) -> Redis:
        if self.client is None:  # made in the worker's own event loop, at its first request
            self.client = Redis.from_url(
                self.url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS
            )
        return self.client

    def key(self, version: int, address: tuple[str, str, str]) -> str:
        path, query, language = address
        return f"{self.prefix}:{version}:{language}:{path}?{query}"

    async def get(self, version: int, address: tuple[str, str, str]) -> Answer | None:
        try:
            head, body = await self._client().hmget(self.key(version, address), ["head", "body"])
        except (RedisError, OSError) as error:
            self._complain(error)
            return None
        if not isinstance(head, bytes) or not isinstance(body, bytes):
            return None
        return Answer.from_fields(head, body)

    async def put(self, version: int, address: tuple[str, str, str], answer: Answer) -> None:
        key = self.key(version, address)
        try:
            async with self._client().pipeline(transaction=True) as pipeline:
                pipeline.hset(key, mapping=answer.fields())  # type: ignore[arg-type]
                pipeline.expire(key, LIFETIME_SECONDS)
                await pipeline.execute()
        except (RedisError, OSError) as error:
            self._complain(error)

    def _complain(self, error: Exception) -> None:
        now = time.monotonic()
        if now - self.complained > QUIET_SECONDS:
            self.complained = now
            LOGGER.warning("Redis at %s: %s; each worker builds its answers", self.shown_url, error)


def _text(value: bytes) -> str:
    return value.decode("latin-1")


def _bytes(text: str) -> bytes:
    return text.encode("latin-1")
