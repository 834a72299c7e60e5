"""A person or organization across notices: `/entities/<id>` and `/api/entities/<id>`."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, url_for

from webui.render import backend, html_page, json_data

bp = Blueprint("entities", __name__)


def load_entity(entity_id: str) -> dict[str, Any]:
    entity = backend().entity(entity_id)
    if entity is None:
        abort(404, description=f"没有编号为 {entity_id} 的人物或单位")
    return entity


def timeline(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per honour, oldest first: year, award, level, stage, and the record it rests on."""
    rows = []
    for record in records:
        notice = record.get("notice") or {}
        rows.append(
            {
                "year": notice.get("year"),
                "published": notice.get("published"),
                "award": notice.get("award"),
                "level": notice.get("level"),
                "stage": notice.get("stage"),
                "notice": notice,
                "record": record,
            }
        )
    return rows


def _strings(values: Any) -> list[str]:
    """`names`/`units` as a list of texts, whatever detail the store adds to each."""
    out = []
    for v in values or []:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            text = v.get("name") or v.get("unit") or v.get("value")
            if text:
                out.append(str(text))
    return out


@bp.get("/entities/<entity_id>")
def entity_page(entity_id: str) -> Response:
    entity = load_entity(entity_id)
    records = entity.get("records") or []
    return html_page(
        "entity.html",
        json_url=url_for("entities.entity_json", entity_id=entity_id),
        entity=entity,
        timeline=timeline(records),
        names=_strings(entity.get("names")),
        units=_strings(entity.get("units")),
        latest=records[-1] if records else None,
    )


@bp.get("/api/entities/<entity_id>")
def entity_json(entity_id: str) -> Response:
    return json_data(load_entity(entity_id))
