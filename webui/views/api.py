"""The described API: `/api/openapi.json` (OpenAPI 3.1) and a short `/api` index."""

from __future__ import annotations

from flask import Blueprint, Response, request

from webui.openapi import openapi_document
from webui.render import backend, json_data

bp = Blueprint("api", __name__)


@bp.get("/api/openapi.json")
def openapi_json() -> Response:
    return json_data(openapi_document(server_url=request.host_url.rstrip("/"), examples=backend().example_ids()))


@bp.get("/api")
def api_index() -> Response:
    return json_data(
        {
            "openapi": "/api/openapi.json",
            "routes": ["/api/search", "/api/records/{record_id}", "/api/entities/{entity_id}",
                       "/api/notices/{notice_id}", "/api/check", "/archive/{doc_id}"],
        }
    )
