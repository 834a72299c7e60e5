"""The export format: records as JSON Lines, or CSV with a BOM.

One writer serves `gongshi export` and the web UI's downloads, so a
record reads the same whichever way it leaves the archive.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from archive.model import RECORD_FIELDS

NOTICE_COLUMNS = ("published", "year", "issuer", "award", "level", "stage", "period_start", "period_end", "region")
CSV_COLUMNS = (
    "record_id",
    *RECORD_FIELDS,
    "entity_id",
    "document_url",
    "archive_url",
    "location",
    "notice_id",
    "notice_url",
    "notice_title",
    *NOTICE_COLUMNS,
)


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    notice = record["notice"]
    row = {k: record.get(k) for k in CSV_COLUMNS if k in record}
    row.update(
        notice_id=notice["notice_id"], notice_url=notice["url"], notice_title=notice["title"],
        **{k: notice[k] for k in NOTICE_COLUMNS},
    )
    return row


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Stream records as jsonl, or csv with a BOM so spreadsheets read Chinese."""
    n = 0
    if fmt == "csv":
        out.write("\ufeff")
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow(csv_row(record))
            n += 1
    else:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
