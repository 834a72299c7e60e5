"""The Flask application factory.

`create_app(config)` takes either an open store (`STORE`, and optionally an
open search index `INDEX`) handed over by the composition root
(`gongshi serve`), or a data directory (`DATA`) to open itself.  Everything
else is blueprints by concern; see `webui/views/`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from webui import errors, security, templating
from webui.backend import Backend

DEFAULTS: dict[str, Any] = {
    "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,  # a candidate list upload; nothing else takes a body
    "MAX_FORM_MEMORY_SIZE": 2 * 1024 * 1024,
    "MAX_PAGE_SIZE": 100,
    "DEFAULT_PAGE_SIZE": 20,
    "MAX_CANDIDATES": 1000,
    "JSON_SORT_KEYS": False,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the web UI + JSON API over one archive.

    Config keys: `STORE` (an open store) or `DATA` (a data directory),
    `INDEX` (an open search index, else opened on first search), plus
    Flask's own keys.
    """
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]

    store = app.config.get("STORE")
    if store is None:
        from archive.store import open_store

        store = open_store(app.config.get("DATA"))
    app.extensions["gongshi"] = Backend(store, app.config.get("INDEX"))

    templating.init_app(app)
    security.init_app(app)
    errors.init_app(app)

    from webui.views import api, archive, check, entities, notices, records, search

    for blueprint in (search.bp, records.bp, entities.bp, notices.bp, check.bp, archive.bp, api.bp):
        app.register_blueprint(blueprint)
    return app
