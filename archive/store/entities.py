"""Entities: the SQL behind entity linking, judgements and the entity page.

The linker (`archive.linking`) decides; this part only reads and writes.
Records are linked within *blocks* (same kind and normalised name): a new
record finds its possible namesakes through one index (`records.name` for
persons, `link_keys` for collectives), and a full relink walks the archive
block by block through a sorted work table, never holding it in memory.
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
-- The block (kind + normalised name) of each collective: 民和回族土族自治县教育局
-- and 民和县教育局 are filed together.  Persons need no entry: their block is
-- their name, found through the records.name index.
CREATE TABLE IF NOT EXISTS link_keys (
    record_id     TEXT PRIMARY KEY,
    block         TEXT NOT NULL
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

_WORK_COLUMNS = (
    "block TEXT NOT NULL, pk INTEGER NOT NULL, record_id TEXT, kind TEXT, name TEXT, birth TEXT, gender TEXT, "
    "ethnicity TEXT, unit TEXT, date TEXT, entity_id TEXT, link_reason TEXT"
)

# What the linker needs of a record, with the date that orders an entity's history.
_LINK_FIELDS = (
    "r.id AS pk, r.record_id, r.kind, r.name, r.birth, r.gender, r.ethnicity, r.unit, "
    "COALESCE(n.published, substr(n.first_seen, 1, 10), '') AS date, r.entity_id, r.link_reason"
)
_CHUNK = 500  # ids per IN (...) list, below SQLite's variable limit
LINK_CACHE_KIB = 64 * 1024  # page cache during a full relink: well inside the 1 GB budget


class EntitiesMixin(SQLiteBase):
    def __init__(self, data_dir: Path | str) -> None:
        super().__init__(data_dir)
        with self._lock:
            self.db.executescript(LINK_SCHEMA)

    # -- blocks ------------------------------------------------------------------

    def _query_in_chunks(self, sql: str, values: list[str], *params: str) -> list[sqlite3.Row]:
        """`sql` run once per chunk of `values`, its `{marks}` filled with one `?` per value of the
        chunk (`params` bound after them): SQLite caps the variables of one statement."""
        rows: list[sqlite3.Row] = []
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            rows.extend(self.query(sql.replace("{marks}", ",".join("?" * len(chunk))), [*chunk, *params]))
        return rows

    def records_for_linking(self, record_ids: Iterable[str]) -> list[sqlite3.Row]:
        """(record_id, kind, name) of the given records that are current."""
        return self._query_in_chunks(
            "SELECT record_id, kind, name FROM records WHERE current = 1 AND record_id IN ({marks})",
            list(dict.fromkeys(record_ids)),
        )

    def records_without_link_keys(self, names: Iterable[str], kind: str) -> list[sqlite3.Row]:
        """(record_id, kind, name) of current records of this kind and these names with no block yet.

        Records archived while no linker ran (or by a path that skipped it) are
        found through the name index, so a new namesake still meets them.
        """
        return self._query_in_chunks(
            "SELECT r.record_id, r.kind, r.name FROM records r LEFT JOIN link_keys k "
            "ON k.record_id = r.record_id WHERE r.name IN ({marks}) AND +r.current = 1 "
            "AND r.kind = ? AND k.record_id IS NULL",
            sorted(set(names)), kind,
        )

    def set_link_keys(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Store (record_id, block) pairs for records whose block is not their name."""
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO link_keys(record_id, block) VALUES (?, ?)", pairs)

    def link_rows_by_name(self, names: Iterable[str], kind: str) -> list[sqlite3.Row]:
        """Link fields of every current record of this kind with one of these names."""
        return self._query_in_chunks(
            f"SELECT {_LINK_FIELDS} FROM records r CROSS JOIN notices n ON n.notice_id = r.notice_id "
            "WHERE r.name IN ({marks}) AND +r.current = 1 AND r.kind = ?",
            sorted(set(names)), kind,
        )

    def link_rows_in_blocks(self, blocks: Iterable[str]) -> list[sqlite3.Row]:
        """Link fields of every current record filed under one of these blocks (link_keys)."""
        return self._query_in_chunks(
            f"SELECT {_LINK_FIELDS} FROM link_keys k "
            "CROSS JOIN records r ON r.record_id = k.record_id AND r.current = 1 "
            "JOIN notices n ON n.notice_id = r.notice_id WHERE k.block IN ({marks})",
            sorted(set(blocks)),
        )

    def _iter_blocks(self, select: str, column: str, page_size: int, order: str) -> Iterator[list[sqlite3.Row]]:
        """Keyset pagination on the block: memory stays bounded by the page
        (or by the one block that is larger than a page)."""
        last = ""
        while True:
            rows = self.query(f"{select} WHERE {column} > ? ORDER BY {order} LIMIT ?", (last, page_size))
            if not rows:
                return
            if len(rows) < page_size:
                yield rows
                return
            tail = rows[-1]["block"]
            whole = [r for r in rows if r["block"] != tail]
            if not whole:  # one block larger than a page: read it alone
                whole = self.query(f"{select} WHERE {column} = ? ORDER BY {order}", (tail,))
                last = tail
            else:
                last = whole[-1]["block"]
            yield whole

    # -- full relink: a work table in block order ---------------------------------
    #
    # Reading blocks through link_keys → records is a random lookup per record;
    # for the whole archive it is far cheaper to copy what linking needs once,
    # in record order, into a temporary table kept sorted by block.

    def iter_link_source(self, batch_size: int = 20000) -> Iterator[list[sqlite3.Row]]:
        """Every current record's link fields, in record order, in batches."""
        last = 0
        while True:
            rows = self.query(
                f"SELECT {_LINK_FIELDS} FROM records r CROSS JOIN notices n ON n.notice_id = r.notice_id "
                "WHERE +r.current = 1 AND r.id > ? ORDER BY r.id LIMIT ?",
                (last, batch_size),
            )
            if not rows:
                return
            yield rows
            last = rows[-1]["pk"]

    def start_link_work(self) -> None:
        """Create the work tables; a larger page cache while the relink runs."""
        with self._lock:
            self._cache_size = self.db.execute("PRAGMA cache_size").fetchone()[0]
            self.db.execute(f"PRAGMA cache_size = -{LINK_CACHE_KIB}")
            self.db.execute(f"PRAGMA temp.cache_size = -{LINK_CACHE_KIB}")
            for table in ("link_raw", "link_work", "link_out"):
                self.db.execute(f"DROP TABLE IF EXISTS temp.{table}")
            # Filled in record order (appends), then sorted once: far cheaper
            # than a million inserts at random places of a block-ordered tree.
            self.db.execute(f"CREATE TEMP TABLE link_raw ({_WORK_COLUMNS})")
            self.db.execute("CREATE TEMP TABLE link_out (entity_id TEXT, link_reason TEXT, pk INTEGER NOT NULL)")

    def add_link_work(self, rows: Iterable[tuple]) -> None:
        """(block, pk, record_id, kind, name, birth, gender, ethnicity, unit, date, entity_id, link_reason)."""
        with self.transaction() as db:
            db.executemany("INSERT INTO temp.link_raw VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def sort_link_work(self) -> None:
        """All rows added: sort them by block (SQLite's external sort, bounded memory)."""
        with self.transaction() as db:
            db.execute(f"CREATE TEMP TABLE link_work ({_WORK_COLUMNS}, PRIMARY KEY (block, pk)) WITHOUT ROWID")
            db.execute("INSERT INTO temp.link_work SELECT * FROM temp.link_raw ORDER BY block, pk")
            db.execute("DROP TABLE temp.link_raw")

    def iter_link_work_blocks(self, page_size: int = 20000) -> Iterator[list[sqlite3.Row]]:
        """The work table's records, whole blocks at a time, in block order."""
        return self._iter_blocks("SELECT * FROM temp.link_work", "block", page_size, "block, pk")

    def stage_links(self, updates: Iterable[tuple[str, str | None, int]]) -> None:
        """(entity_id, link_reason, records.id) to be written by `finish_link_work`."""
        with self.transaction() as db:
            db.executemany("INSERT INTO temp.link_out(entity_id, link_reason, pk) VALUES (?,?,?)", updates)

    def finish_link_work(self, chunk: int = 50000, bulk: int = 200_000) -> None:
        """Write the staged links in record order, then refile the blocks in link_keys.

        Many changes (a first link of a large archive) are written in one
        transaction with the entity index rebuilt once afterwards, which is
        several times faster than updating it row by row; few changes go in
        short transactions so that a crawl writing at the same time is not held up.
        """
        with self._lock:
            self.db.execute("CREATE INDEX temp.link_out_pk ON link_out(pk)")
        top = self.query_one("SELECT MAX(pk) AS m, COUNT(*) AS n FROM temp.link_out")
        last, staged = (int(top["m"] or 0), int(top["n"])) if top else (0, 0)
        update = (
            "UPDATE records SET entity_id = o.entity_id, link_reason = o.link_reason "
            "FROM temp.link_out o WHERE records.id = o.pk AND o.pk BETWEEN ? AND ?"
        )
        if staged >= bulk:
            with self.transaction() as db:
                index = db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'records_entity'")
                index_sql = (index.fetchone() or [None])[0]
                if index_sql:
                    db.execute("DROP INDEX records_entity")
                db.execute(update, (0, last))
                if index_sql:
                    db.execute(index_sql)
        else:
            for start in range(0, last + 1, chunk):
                with self.transaction() as db:
                    db.execute(update, (start, start + chunk - 1))
        with self.transaction() as db:
            db.execute("DELETE FROM link_keys")
            db.execute(
                "INSERT OR REPLACE INTO link_keys(record_id, block) SELECT record_id, block "
                "FROM temp.link_work WHERE kind != 'person' ORDER BY record_id"
            )
        self.end_link_work()

    def end_link_work(self) -> None:
        """Drop the work tables (also after a failed relink: nothing half-written stays)."""
        with self._lock:
            for table in ("link_raw", "link_work", "link_out"):
                self.db.execute(f"DROP TABLE IF EXISTS temp.{table}")
            self.db.execute(f"PRAGMA cache_size = {getattr(self, '_cache_size', -2000)}")

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
