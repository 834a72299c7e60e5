"""Entities: the SQL behind entity linking, judgements and the entity page.

The linker (`archive.linking`) decides; this part only reads and writes.
Records are linked within *blocks* (same kind and normalised name); the
`link_keys` table maps each record to its block so that a new record finds
its possible namesakes through one index, and a full relink can walk the
archive block by block without holding it in memory.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from archive.store.base import SQLiteBase, iso, utcnow
from archive.store.records import RECORD_SELECT, record_dict

LINK_SCHEMA = """
CREATE TABLE IF NOT EXISTS link_keys (
    record_id     TEXT PRIMARY KEY,
    block         TEXT NOT NULL          -- kind + normalised name: records that may be one entity
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS link_keys_block ON link_keys(block);

-- Which records a judgement was about, as they stood when it was made: a
-- judgement keeps its meaning when entity ids later move.
CREATE TABLE IF NOT EXISTS link_judgement_records (
    judgement_id  INTEGER NOT NULL REFERENCES link_judgements(id),
    side          TEXT NOT NULL,         -- merge: a | b; split: record | old
    record_id     TEXT NOT NULL,
    PRIMARY KEY (judgement_id, side, record_id)
);
"""

# What the linker needs of a record, with the date that orders an entity's history.
_LINK_SELECT = (
    "SELECT k.block AS block, r.id AS pk, r.record_id, r.kind, r.name, r.birth, r.gender, r.ethnicity, "
    "r.unit, COALESCE(n.published, substr(n.first_seen, 1, 10), '') AS date, r.entity_id, r.link_reason "
    "FROM link_keys k CROSS JOIN records r ON r.record_id = k.record_id AND r.current = 1 "
    "JOIN notices n ON n.notice_id = r.notice_id"
)
_CHUNK = 500  # ids per IN (...) list, below SQLite's variable limit


class EntitiesMixin(SQLiteBase):
    def __init__(self, data_dir: Path | str) -> None:
        super().__init__(data_dir)
        with self._lock:
            self.db.executescript(LINK_SCHEMA)

    # -- blocks ------------------------------------------------------------------

    def records_for_linking(self, record_ids: Iterable[str]) -> list[sqlite3.Row]:
        """(record_id, kind, name) of the given records that are current."""
        ids = list(dict.fromkeys(record_ids))
        rows: list[sqlite3.Row] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows.extend(
                self.query(
                    f"SELECT record_id, kind, name FROM records WHERE current = 1 AND record_id IN ({marks})", chunk
                )
            )
        return rows

    def records_without_link_keys(self, names: Iterable[str]) -> list[sqlite3.Row]:
        """(record_id, kind, name) of current records with these names that have no block yet.

        Records archived while no linker ran (or by a path that skipped it) are
        found through the name index, so a new namesake still meets them.
        """
        wanted = sorted(set(names))
        rows: list[sqlite3.Row] = []
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows.extend(
                self.query(
                    "SELECT r.record_id, r.kind, r.name FROM records r LEFT JOIN link_keys k "
                    f"ON k.record_id = r.record_id WHERE r.name IN ({marks}) AND +r.current = 1 "
                    "AND k.record_id IS NULL",
                    chunk,
                )
            )
        return rows

    def iter_record_names(self, batch_size: int = 20000) -> Iterator[list[sqlite3.Row]]:
        """(record_id, kind, name) of every current record, in batches."""
        last = 0
        while True:
            rows = self.query(
                "SELECT id, record_id, kind, name FROM records WHERE current = 1 AND id > ? ORDER BY id LIMIT ?",
                (last, batch_size),
            )
            if not rows:
                return
            yield rows
            last = rows[-1]["id"]

    def set_link_keys(self, pairs: Iterable[tuple[str, str]], *, replace_all: bool = False) -> None:
        """Store (record_id, block) pairs; `replace_all` empties the table first."""
        with self.transaction() as db:
            if replace_all:
                db.execute("DELETE FROM link_keys")
            db.executemany("INSERT OR REPLACE INTO link_keys(record_id, block) VALUES (?, ?)", pairs)

    def link_rows_in_blocks(self, blocks: Iterable[str]) -> list[sqlite3.Row]:
        """Every current record of the given blocks, ordered by block."""
        keys = sorted(set(blocks))
        rows: list[sqlite3.Row] = []
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows.extend(self.query(f"{_LINK_SELECT} WHERE k.block IN ({marks}) ORDER BY k.block", chunk))
        return rows

    def iter_link_blocks(self, page_size: int = 20000) -> Iterator[list[sqlite3.Row]]:
        """All current records grouped by block, a page of whole blocks at a time.

        Keyset pagination on the block index: memory stays bounded by the page
        (or by the one block that is larger than a page).
        """
        last = ""
        while True:
            rows = self.query(f"{_LINK_SELECT} WHERE k.block > ? ORDER BY k.block LIMIT ?", (last, page_size))
            if not rows:
                return
            if len(rows) < page_size:
                yield rows
                return
            tail = rows[-1]["block"]
            whole = [r for r in rows if r["block"] != tail]
            if not whole:  # one block larger than a page: read it alone
                whole = self.query(f"{_LINK_SELECT} WHERE k.block = ?", (tail,))
                last = tail
            else:
                last = whole[-1]["block"]
            yield whole

    def write_links(self, updates: Iterable[tuple[str, str | None, int]]) -> None:
        """(entity_id, link_reason, records.id) for each record whose link changed."""
        with self.transaction() as db:
            db.executemany("UPDATE records SET entity_id = ?, link_reason = ? WHERE id = ?", updates)

    # -- judgements --------------------------------------------------------------

    def add_link_judgement(
        self,
        action: str,
        subject: str,
        obj: str | None,
        members: dict[str, list[str]],
        note: str | None = None,
    ) -> dict[str, Any]:
        """Store a person's judgement with the records it was about; dated now."""
        created = iso(utcnow())
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO link_judgements(action, subject, object, created_at, note) VALUES (?,?,?,?,?)",
                (action, subject, obj, created, note),
            )
            jid = int(cur.lastrowid)
            db.executemany(
                "INSERT OR IGNORE INTO link_judgement_records(judgement_id, side, record_id) VALUES (?,?,?)",
                [(jid, side, rid) for side, rids in members.items() for rid in rids],
            )
        return {"id": jid, "action": action, "subject": subject, "object": obj, "created_at": created, "note": note}

    def link_judgements(self) -> list[dict[str, Any]]:
        """Every judgement, oldest first, with its records by side."""
        out: dict[int, dict[str, Any]] = {}
        for row in self.query("SELECT * FROM link_judgements ORDER BY id"):
            out[row["id"]] = {**dict(row), "members": {}}
        for row in self.query("SELECT judgement_id, side, record_id FROM link_judgement_records ORDER BY rowid"):
            if row["judgement_id"] in out:
                out[row["judgement_id"]]["members"].setdefault(row["side"], []).append(row["record_id"])
        return list(out.values())

    # -- entities ----------------------------------------------------------------

    def entity_record_ids(self, entity_id: str) -> list[str]:
        rows = self.query(
            "SELECT record_id FROM records WHERE entity_id = ? AND current = 1 ORDER BY id", (entity_id,)
        )
        return [r["record_id"] for r in rows]

    def entity_records(self, entity_id: str) -> list[dict[str, Any]]:
        """The entity's current records, oldest first: by notice date, then by first fetch."""
        rows = self.query(
            f"{RECORD_SELECT} WHERE r.entity_id = ? AND r.current = 1 "
            "ORDER BY COALESCE(n.published, substr(n.first_seen, 1, 10)), n.first_seen, r.id",
            (entity_id,),
        )
        return [record_dict(r) for r in rows]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """`GET /api/entities/<id>`: the records oldest first and the history they tell."""
        records = self.entity_records(entity_id)
        if not records:
            return None
        return entity_view(entity_id, records)


def _most_common(values: list[str]) -> str:
    """The most frequent value; on a tie the latest (records are oldest first)."""
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in reversed(values) if counts[v] == best)


def entity_view(entity_id: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    """One entity as the API gives it, from its records (oldest first)."""
    timeline = []
    for rec in records:
        notice = rec["notice"]
        timeline.append(
            {
                "year": notice["year"],
                "published": notice["published"],
                "award": notice["award"],
                "level": notice["level"],
                "stage": notice["stage"],
                "notice_id": notice["notice_id"],
                "notice_url": notice["url"],
                "title": notice["title"],
                "issuer": notice["issuer"],
                "record_id": rec["record_id"],
                "name": rec["name"],
                "unit": rec["unit"],
                "position": rec["position"],
                "archive_url": rec["archive_url"],
                "document_url": rec["document_url"],
                "reason": rec["link_reason"],
            }
        )
    return {
        "entity_id": entity_id,
        "kind": _most_common([r["kind"] for r in records]),
        "name": _most_common([r["name"] for r in records]),
        "records": records,
        "timeline": timeline,
        "names": list(dict.fromkeys(r["name"] for r in records)),
        "units": list(dict.fromkeys(r["unit"] for r in records if r["unit"])),
        "births": list(dict.fromkeys(r["birth"] for r in records if r["birth"])),
    }
