"""Candidate check: `/check` (form and results), `/check.csv`, `POST /api/check`.

Staff preparing a nomination paste or upload a list of candidates and see,
for each, the earlier records that match by the linking rules (with the
reason), apart from namesakes with nothing to bridge them ("same name only").
The check writes nothing; it only reads the archive.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import Any

from flask import Blueprint, Response, request, url_for

from archive.errors import BadInput
from webui.candidate_input import candidates_from_json, parse_pasted, parse_upload
from webui.labels import KIND_LABELS, LEVEL_LABELS, STAGE_LABELS
from webui.render import backend, html_page, json_data

bp = Blueprint("check", __name__)

CSV_COLUMNS = (
    "候选人", "候选人单位", "候选人出生年月", "核查结果", "匹配依据", "实体编号", "记录编号",
    "姓名/名称", "类型", "工作单位", "职务", "出生年月", "奖项", "级别", "阶段", "年份",
    "发布单位", "公示标题", "公示地址", "存档地址",
)


def candidates_from_form() -> list[dict[str, str]]:
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        return parse_upload(upload.filename, upload.read())
    text = request.form.get("candidates", "")
    if not text.strip():
        raise BadInput("请粘贴候选人名单（每行一人：姓名，单位，出生年月），或上传 CSV / xlsx 文件")
    return parse_pasted(text)


def as_lines(candidates: list[dict[str, Any]]) -> str:
    """The list again as pasted lines, so the results page can offer the same list as CSV."""
    return "\n".join(
        "\t".join(c.get(k) or "" for k in ("name", "unit", "birth")).rstrip("\t") for c in candidates
    )


def summarise(result: dict[str, Any]) -> dict[str, Any]:
    matches = result.get("matches") or []
    same = result.get("same_name_only") or []
    if matches:
        status, label = "matched", "有既往记录"
    elif same:
        status, label = "namesake", "仅同名"
    else:
        status, label = "new", "无记录"
    return {**result, "status": status, "status_label": label}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet program will not run as a formula (a source's text could start with "=")."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_rows(results: list[dict[str, Any]]) -> Iterator[list[Any]]:
    def row(candidate: dict[str, Any], outcome: str, reason: str, entity_id: str, record: dict[str, Any] | None):
        notice = (record or {}).get("notice") or {}
        base = [candidate.get("name"), candidate.get("unit"), candidate.get("birth"), outcome, reason, entity_id]
        if record is None:
            return base + [""] * (len(CSV_COLUMNS) - len(base))
        archive = record.get("archive_url")
        return base + [
            record.get("record_id"), record.get("name"), KIND_LABELS.get(record.get("kind") or "", ""),
            record.get("unit"), record.get("position"), record.get("birth"), notice.get("award"),
            LEVEL_LABELS.get(notice.get("level") or "", notice.get("level")),
            STAGE_LABELS.get(notice.get("stage") or "", notice.get("stage")), notice.get("year"),
            notice.get("issuer"), notice.get("title"), notice.get("url"),
            request.host_url.rstrip("/") + archive if archive else None,
        ]

    for result in results:
        candidate = result.get("candidate") or {}
        wrote = False
        for match in result.get("matches") or []:
            for record in match.get("records") or []:
                yield row(candidate, "有既往记录", match.get("reason") or "", match.get("entity_id") or "", record)
                wrote = True
        for record in result.get("same_name_only") or []:
            yield row(candidate, "仅同名", "仅姓名相同，无其他信息可证实为同一人", record.get("entity_id") or "", record)
            wrote = True
        if not wrote:
            yield row(candidate, "无记录", "", "", None)


@bp.route("/check", methods=["GET", "POST"])
def check_page() -> Response:
    if request.method == "GET":
        return html_page("check.html", results=None, pasted=request.args.get("candidates", ""))
    candidates = candidates_from_form()
    answer = backend().check(candidates)
    results = [summarise(r) for r in answer.get("results") or []]
    counts = {s: sum(1 for r in results if r["status"] == s) for s in ("matched", "namesake", "new")}
    return html_page("check.html", results=results, counts=counts, pasted=as_lines(candidates),
                     csv_url=url_for("check.check_csv"))


@bp.post("/check.csv")
def check_csv() -> Response:
    answer = backend().check(candidates_from_form())
    out = io.StringIO()
    out.write("\ufeff")  # so that spreadsheet programs read Chinese
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows([spreadsheet_safe(v) for v in row] for row in csv_rows(answer.get("results") or []))
    response = Response(out.getvalue(), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="gongshi-check-{date.today():%Y%m%d}.csv"'
    return response


@bp.post("/api/check")
def check_json() -> Response:
    body = request.get_json(silent=True)
    if body is None:
        raise BadInput('请求体应为 JSON：{"candidates": [{"name": ..., "unit"?: ..., "birth"?: ...}, ...]}')
    return json_data(backend().check(candidates_from_json(body)))
