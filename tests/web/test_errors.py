"""JSON errors: vigia.web.errors."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

from vigia.web.errors import install_error_handlers, validation_message


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

    return app


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
