"""Pages of a long list: which rows to read, and the links to the previous and next pages."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import Request


@dataclass(frozen=True)
class PageLinks:
    number: int
    count: int
    total: int
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class Paging:
    """Page ``number`` (from 1) of ``size`` rows."""

    number: int
    size: int

    @property
    def limit(self) -> int:
        return self.size

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def of(self, total: int, request: Request) -> PageLinks:
        """The links of this page among ``total`` rows, keeping the request's other parameters."""
        count = max(1, math.ceil(total / self.size))
        return PageLinks(
            self.number,
            count,
            total,
            _address(request, self.number - 1) if self.number > 1 else None,
            _address(request, self.number + 1) if self.number < count else None,
        )


def _address(request: Request, number: int) -> str:
    query = [(key, value) for key, value in request.query_params.multi_items() if key != "page"]
    return f"{request.url.path}?{urlencode([*query, ('page', str(number))])}"
