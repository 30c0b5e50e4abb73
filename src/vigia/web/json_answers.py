"""JSON answers written by pydantic's serializer in one pass.

FastAPI checks what a route returns against its ``response_model`` again, then encodes it: for a
page of facts that is about as long as reading them. A route whose answer is one of our own models,
built and checked already, returns :func:`json_answer` instead; its ``response_model`` still
describes the answer in the OpenAPI document.
"""

from __future__ import annotations

from fastapi.responses import Response
from pydantic import BaseModel

JSON = "application/json"


def json_answer(model: BaseModel) -> Response:
    """``model`` as a JSON answer, as FastAPI would have written it."""
    return Response(model.model_dump_json(), media_type=JSON)
