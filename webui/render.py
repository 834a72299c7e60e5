"""One dict, two renderings (the Datasette way).

A view builds the data of a page once; the JSON route returns it (or the
contract's part of it) and the HTML route renders it, naming its JSON twin
in a `Link: rel="alternate"` header so that any page can be fetched as data.
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, jsonify, render_template

from webui.backend import Backend


def backend() -> Backend:
    return current_app.extensions["gongshi"]


def html_page(template: str, json_url: str | None = None, status: int = 200, **context: Any) -> Response:
    response = Response(render_template(template, json_url=json_url, **context), status=status, mimetype="text/html")
    if json_url:
        response.headers["Link"] = f'<{json_url}>; rel="alternate"; type="application/json"'
    return response


def json_data(data: Any, status: int = 200) -> Response:
    response = jsonify(data)
    response.status_code = status
    return response
