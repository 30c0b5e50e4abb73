"""JSON errors: vigia.web.errors."""

from __future__ import annotations

import pytest
from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

from vigia.errors import (
    InvalidTransition,
    InvalidValue,
    NotFound,
    PermissionDenied,
    ReviewError,
)
from vigia.web.errors import install_error_handlers, validation_message

REFUSALS: dict[str, ReviewError] = {
    "denied": PermissionDenied("only the secretariat may publish"),
    "missing": NotFound("no fact 12"),
    "transition": InvalidTransition("fact 12 is published; unpublish it first", fact_id=12),
    "invalid": InvalidValue("a note is needed to reject a fact"),
    "other": ReviewError("refused"),
}


def _application() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/broken")
    def broken() -> None:
        raise RuntimeError("secret detail that must not leak")

    @app.get("/conflict")
    def conflict() -> None:
        raise HTTPException(409, "already published")

    @app.get("/too-large")
    def too_large() -> None:
        raise HTTPException(413)

    @app.get("/refused/{name}")
    def refused(name: str) -> None:
        raise REFUSALS[name]

    return app


@pytest.mark.parametrize(
    ("name", "status"),
    [("denied", 403), ("missing", 404), ("transition", 409), ("invalid", 422), ("other", 422)],
)
def test_errors_refusal_of_the_application_has_its_status_and_message(
    name: str, status: int
) -> None:
    with TestClient(_application()) as client:
        response = client.get(f"/refused/{name}")

    assert response.json() == {"error": {"status": status, "message": REFUSALS[name].message}}
    assert response.status_code == status


def test_errors_unexpected_exception_is_500_json_without_details() -> None:
    with TestClient(_application(), raise_server_exceptions=False) as client:
        response = client.get("/broken")

    assert response.status_code == 500
    assert response.json()["error"]["status"] == 500
    assert "secret detail" not in response.text


def test_errors_http_exception_keeps_status_and_message() -> None:
    with TestClient(_application()) as client:
        conflict = client.get("/conflict")
        too_large = client.get("/too-large")

    assert conflict.json() == {"error": {"status": 409, "message": "already published"}}
    assert too_large.json() == {"error": {"status": 413, "message": "Request Entity Too Large"}}


def test_errors_validation_message_names_each_parameter() -> None:
    errors = [
        {"loc": ("query", "country"), "msg": "Value error, 'X' is not a code"},
        {"loc": ("path", "document_id"), "msg": "Input should be a valid integer"},
        {"loc": ("body",), "msg": "Field required"},
    ]

    assert validation_message(errors) == (
        "query parameter country: 'X' is not a code; "
        "path parameter document_id: Input should be a valid integer; "
        "body field: Field required"
    )
