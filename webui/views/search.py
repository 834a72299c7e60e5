"""Search: `/` (page), `/api/search` (its JSON twin), `/export.<fmt>` (every match).

The URL holds the whole query, so every page of results is a permalink.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from flask import Blueprint, Response, current_app, request, url_for

from webui.chart import year_chart
from webui.exports import FORMATS, default_writer, stream_records
from webui.facets import active_filters, build_facets
from webui.render import backend, html_page, json_data

bp = Blueprint("search", __name__)

SEARCH_PARAMS = ("q", "ethnicity", "year", "year_from", "year_to", "kind", "stage", "level", "region", "page", "size")
FILTER_PARAMS = ("ethnicity", "year", "year_from", "year_to", "kind", "stage", "level", "region")


def search_params(args: Mapping[str, str]) -> dict[str, str]:
    """The contract's parameters from a query string; empty ones dropped, others ignored."""
    out = {}
    for name in SEARCH_PARAMS:
        value = args.get(name, "")
        value = value.strip() if isinstance(value, str) else ""
        if value:
            out[name] = value
    return out


def page_url(params: Mapping[str, str]) -> str:
    return url_for("search.search_page", **params)


def pagination(total: int, page: int, size: int, params: Mapping[str, str]) -> dict[str, Any]:
    last = max(1, math.ceil(total / size)) if size else 1

    def at(n: int) -> str:
        return page_url({**params, "page": str(n)} if n > 1 else {k: v for k, v in params.items() if k != "page"})

    window = sorted({1, last, *range(max(1, page - 2), min(last, page + 2) + 1)})
    pages: list[dict[str, Any]] = []
    previous = 0
    for n in window:
        if n - previous > 1:
            pages.append({"gap": True})
        pages.append({"number": n, "url": at(n), "current": n == page})
        previous = n
    return {
        "page": page,
        "last": last,
        "first_item": (page - 1) * size + 1 if total else 0,
        "last_item": min(total, page * size),
        "prev_url": at(page - 1) if page > 1 else None,
        "next_url": at(page + 1) if page < last else None,
        "pages": pages,
    }


def search_page_data(params: dict[str, str]) -> dict[str, Any]:
    """The search page's data: the API's answer plus what a page shows of it."""
    result = backend().search(params)
    page = int(result.get("page") or 1)
    size = int(result.get("size") or current_app.config["DEFAULT_PAGE_SIZE"])
    total = int(result.get("total") or 0)
    facet_counts = result.get("facets") or {}
    filters_only = {k: v for k, v in params.items() if k not in ("page",)}
    export_params = {k: v for k, v in params.items() if k not in ("page", "size")}
    return {
        "params": params,
        "result": result,
        "facets": build_facets(facet_counts, filters_only, page_url),
        "filters": active_filters(filters_only, page_url),
        "chart": year_chart(facet_counts.get("year") or {}, filters_only, page_url),
        "pagination": pagination(total, page, size, params),
        "exports": {fmt: url_for("search.export", fmt=fmt, **export_params) for fmt in ("csv", "json")},
    }


@bp.get("/")
def search_page() -> Response:
    params = search_params(request.args)
    data = search_page_data(params)
    return html_page("search.html", json_url=url_for("search.search_json", **params), **data)


@bp.get("/api/search")
def search_json() -> Response:
    return json_data(backend().search(search_params(request.args)))


@bp.get("/export.<fmt>")
def export(fmt: str) -> Response:
    if fmt not in FORMATS:
        from werkzeug.exceptions import NotFound

        raise NotFound()
    params = {k: v for k, v in search_params(request.args).items() if k not in ("page", "size")}
    records = backend().matching_records(params)
    first = next(records, None)  # runs the search now: a bad parameter is a 400, not a broken download
    writer = current_app.config.get("EXPORT_WRITER") or default_writer()

    def everything():
        if first is not None:
            yield first
        yield from records

    mimetype, ext = FORMATS[fmt]
    response = Response(stream_records(everything(), fmt, writer), content_type=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="gongshi-{date.today():%Y%m%d}.{ext}"'
    return response
