"""A notice: `/notices/<id>` and `/api/notices/<id>`: metadata, records, documents, versions."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, url_for

from webui.render import backend, html_page, json_data

bp = Blueprint("notices", __name__)


def load_notice(notice_id: str) -> dict[str, Any]:
    notice = backend().notice(notice_id)
    if notice is None:
        abort(404, description=f"没有编号为 {notice_id} 的公示")
    return notice


def with_fetch_date(version: dict[str, Any]) -> dict[str, Any]:
    """The version with the date its main document was fetched (not only when it was stored)."""
    doc_id = (version.get("archive_url") or "").rsplit("/", 1)[-1]
    document = backend().document(doc_id) if doc_id else None
    return {**version, "document_fetched": document.fetched_at if document else None}


@bp.get("/notices/<notice_id>")
def notice_page(notice_id: str) -> Response:
    notice = load_notice(notice_id)
    versions = [with_fetch_date(v) for v in reversed(notice.get("versions") or [])]  # newest first on the page
    return html_page(
        "notice.html",
        json_url=url_for("notices.notice_json", notice_id=notice_id),
        notice=notice,
        versions=versions,
        version_count=len(versions),
    )


@bp.get("/api/notices/<notice_id>")
def notice_json(notice_id: str) -> Response:
    return json_data(load_notice(notice_id))
