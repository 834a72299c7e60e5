"""Records as the public contract shapes them, read from the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from archive.model import NOTICE_FIELDS, RECORD_FIELDS
from archive.store.base import SQLiteBase

_NOTICE_COLUMNS = ", ".join(f"n.{c} AS n_{c}" for c in ("notice_id", "url", *NOTICE_FIELDS, "gone_at"))
RECORD_SELECT = f"SELECT r.*, {_NOTICE_COLUMNS} FROM records r JOIN notices n ON n.notice_id = r.notice_id"


def notice_summary(row: sqlite3.Row, prefix: str = "") -> dict[str, Any]:
    """The notice object embedded in each record (contract: record.notice)."""
    keys = ("notice_id", "url", *NOTICE_FIELDS, "gone_at")
    return {k: row[prefix + k] for k in keys}


def record_dict(row: sqlite3.Row) -> dict[str, Any]:
    """One record row (joined with its notice) → the contract's record object."""
    out: dict[str, Any] = {"record_id": row["record_id"]}
    for k in RECORD_FIELDS:
        out[k] = row[k]
    out["entity_id"] = row["entity_id"]
    out["link_reason"] = row["link_reason"]
    out["document_url"] = row["document_url"]
    out["archive_url"] = f"/archive/{row['doc_id']}" if row["doc_id"] else None
    out["location"] = row["location"]
    out["raw"] = row["raw"]
    out["current"] = bool(row["current"])
    out["notice"] = notice_summary(row, "n_")
    return out


class RecordsMixin(SQLiteBase):
    def record(self, record_id: str) -> dict[str, Any] | None:
        """The current version of a record, or its latest version if withdrawn."""
        row = self.query_one(
            f"{RECORD_SELECT} WHERE r.record_id = ? ORDER BY r.current DESC, r.version_id DESC LIMIT 1",
            (record_id,),
        )
        return record_dict(row) if row else None

    def records_by_ids(self, record_ids: list[str]) -> list[dict[str, Any]]:
        """Current records for the given ids, in the order asked (missing ids skipped)."""
        if not record_ids:
            return []
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.query(f"{RECORD_SELECT} WHERE r.current = 1 AND r.record_id IN ({marks})", chunk):
                found[row["record_id"]] = record_dict(row)
        return [found[i] for i in record_ids if i in found]

    def notice_records(self, notice_id: str, version_id: int | None = None) -> list[dict[str, Any]]:
        if version_id is None:
            rows = self.query(f"{RECORD_SELECT} WHERE r.notice_id = ? AND r.current = 1 ORDER BY r.ordinal", (notice_id,))
        else:
            rows = self.query(
                f"{RECORD_SELECT} WHERE r.notice_id = ? AND r.version_id = ? ORDER BY r.ordinal",
                (notice_id, version_id),
            )
        return [record_dict(r) for r in rows]

    def iter_records(self, batch_size: int = 2000) -> Iterator[dict[str, Any]]:
        """Every current record, streamed in batches (never all in memory)."""
        last = 0
        while True:
            rows = self.query(
                f"{RECORD_SELECT} WHERE +r.current = 1 AND r.id > ? ORDER BY r.id LIMIT ?", (last, batch_size)
            )
            if not rows:
                return
            for row in rows:
                yield record_dict(row)
            last = rows[-1]["id"]

    def count_records(self) -> int:
        row = self.query_one("SELECT COUNT(*) AS n FROM records WHERE current = 1")
        return int(row["n"]) if row else 0
