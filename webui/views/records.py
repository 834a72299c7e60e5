"""A record: `/records/<id>` and its JSON twin `/api/records/<id>` (the contract's record)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, request, url_for

from webui.citation import gbt7714_citation
from webui.render import backend, html_page, json_data

bp = Blueprint("records", __name__)


def load_record(record_id: str) -> dict[str, Any]:
    record = backend().record(record_id)
    if record is None:
        abort(404, description=f"没有编号为 {record_id} 的记录")
    return record


def record_page_data(record: dict[str, Any]) -> dict[str, Any]:
    """Everything a record page shows: the record, its source, its neighbours, a citation."""
    be = backend()
    notice = record.get("notice") or {}
    doc_id = (record.get("archive_url") or "").rsplit("/", 1)[-1] or None
    document = be.document(doc_id) if doc_id else None
    nominees = [r for r in be.notice_records(notice["notice_id"]) if r["record_id"] != record["record_id"]] if notice.get("notice_id") else []
    others: list[dict[str, Any]] | None = None
    if record.get("entity_id") and be.has_entities:
        entity = be.entity(record["entity_id"]) or {}
        others = [r for r in entity.get("records", []) if r["record_id"] != record["record_id"]]
    archive_abs = request.host_url.rstrip("/") + record["archive_url"] if record.get("archive_url") else None
    citation = gbt7714_citation(
        notice,
        source_url=record.get("document_url") or notice.get("url"),
        archive_url=archive_abs,
        fetched=document.fetched_at if document else None,
    )
    return {
        "record": record,
        "notice": notice,
        "document": document.to_dict() if document else None,
        "other_nominees": nominees,
        "other_records": others,
        "citation": citation,
    }


@bp.get("/records/<record_id>")
def record_page(record_id: str) -> Response:
    record = load_record(record_id)
    return html_page(
        "record.html", json_url=url_for("records.record_json", record_id=record_id), **record_page_data(record)
    )


@bp.get("/api/records/<record_id>")
def record_json(record_id: str) -> Response:
    return json_data(load_record(record_id))
