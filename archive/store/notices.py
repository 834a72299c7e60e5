"""Notices and their versions.

A notice is identified by its address.  Each time its documents (page and
attachments) differ from the current version, a new version is stored and
its records replace the current ones; earlier versions and their records
stay in the archive, so a withdrawn nominee remains visible as withdrawn.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from archive.model import NOTICE_FIELDS, RECORD_FIELDS, ParsedNotice
from archive.store.base import SQLiteBase, iso, short_hash, utcnow
from archive.store.documents import Document
from archive.store.records import RECORD_SELECT, record_dict

COMPARED_FIELDS = tuple(f for f in RECORD_FIELDS if f not in ("kind", "name", "name_raw"))


@dataclass
class SaveResult:
    notice_id: str
    status: str  # new | changed | unchanged
    version_id: int | None
    added: list[str] = field(default_factory=list)  # record_ids now current
    removed: list[str] = field(default_factory=list)  # record_ids no longer current


def notice_id_for(url: str) -> str:
    return short_hash(url, prefix="n")


def _fingerprint(docs: Sequence[Document]) -> str:
    return hashlib.sha256("\n".join(sorted(d.sha256 for d in docs)).encode()).hexdigest()


def _record_ids(notice_id: str, parsed: ParsedNotice) -> list[str]:
    """Stable ids: the same nominee in a later version keeps its id.

    Keyed by kind and normalised name, with an ordinal for namesakes within
    one notice, so correcting a field does not change the id.
    """
    seen: Counter[tuple[str, str]] = Counter()
    ids = []
    for rec in parsed.records:
        key = (rec.kind, rec.name)
        ids.append(short_hash(notice_id, rec.kind, rec.name, str(seen[key]), prefix="r"))
        seen[key] += 1
    return ids


class NoticesMixin(SQLiteBase):
    def save_notice(
        self,
        url: str,
        parsed: ParsedNotice,
        main: Document | None,
        attachments: Sequence[tuple[Document, str | None]] = (),
    ) -> SaveResult:
        """Store a parsed notice; a new version only if its documents changed."""
        notice_id = notice_id_for(url)
        docs = ([main] if main else []) + [d for d, _ in attachments]
        fingerprint = _fingerprint(docs)
        now = iso(utcnow())
        meta = parsed.meta.to_dict()
        with self.transaction() as db:
            row = db.execute(
                "SELECT n.current_version, v.fingerprint FROM notices n "
                "LEFT JOIN notice_versions v ON v.version_id = n.current_version WHERE n.notice_id = ?",
                (notice_id,),
            ).fetchone()
            if row is not None and row["fingerprint"] == fingerprint:
                db.execute(
                    "UPDATE notices SET last_checked = ?, gone_at = NULL WHERE notice_id = ?", (now, notice_id)
                )
                return SaveResult(notice_id, "unchanged", row["current_version"])
            status = "new" if row is None else "changed"
            if row is None:
                db.execute(
                    "INSERT INTO notices(notice_id, url, first_seen, last_checked) VALUES (?,?,?,?)",
                    (notice_id, url, now, now),
                )
            cur = db.execute(
                "INSERT INTO notice_versions(notice_id, created_at, main_doc_id, fingerprint, meta_json) "
                "VALUES (?,?,?,?,?)",
                (notice_id, now, main.doc_id if main else None, fingerprint, json.dumps(meta, ensure_ascii=False)),
            )
            version_id = int(cur.lastrowid)
            if main:
                db.execute(
                    "INSERT OR IGNORE INTO version_documents(version_id, doc_id, role, label) VALUES (?,?,?,?)",
                    (version_id, main.doc_id, "main", None),
                )
            for doc, label in attachments:
                db.execute(
                    "INSERT OR IGNORE INTO version_documents(version_id, doc_id, role, label) VALUES (?,?,?,?)",
                    (version_id, doc.doc_id, "attachment", label),
                )
            removed = [
                r["record_id"]
                for r in db.execute("SELECT record_id FROM records WHERE notice_id = ? AND current = 1", (notice_id,))
            ]
            db.execute("UPDATE records SET current = 0 WHERE notice_id = ? AND current = 1", (notice_id,))
            sets = ", ".join(f"{k} = ?" for k in NOTICE_FIELDS)
            db.execute(
                f"UPDATE notices SET {sets}, current_version = ?, is_commendation = ?, last_checked = ?, "
                "gone_at = NULL WHERE notice_id = ?",
                (*[meta[k] for k in NOTICE_FIELDS], version_id, int(parsed.is_commendation), now, notice_id),
            )
            doc_by_url = {d.url: d.doc_id for d in docs}
            added = []
            if parsed.is_commendation:
                for ordinal, (rid, rec) in enumerate(zip(_record_ids(notice_id, parsed), parsed.records, strict=True)):
                    doc_id = doc_by_url.get(rec.document_url or "", main.doc_id if main else None)
                    values = [getattr(rec, k) for k in RECORD_FIELDS]
                    # Keep the entity of the same nominee in the previous version: ids are stable.
                    prev = db.execute(
                        "SELECT entity_id, link_reason FROM records WHERE record_id = ? ORDER BY id DESC LIMIT 1",
                        (rid,),
                    ).fetchone()
                    db.execute(
                        f"INSERT INTO records(record_id, notice_id, version_id, current, ordinal, "
                        f"{', '.join(RECORD_FIELDS)}, doc_id, document_url, location, raw, entity_id, link_reason) "
                        f"VALUES (?,?,?,1,?,{','.join('?' * len(RECORD_FIELDS))},?,?,?,?,?,?)",
                        (
                            rid, notice_id, version_id, ordinal, *values, doc_id,
                            rec.document_url or (main.url if main else url), rec.location, rec.raw,
                            prev["entity_id"] if prev else None, prev["link_reason"] if prev else None,
                        ),
                    )
                    added.append(rid)
        removed_now = sorted(set(removed) - set(added))
        return SaveResult(notice_id, status, version_id, added, removed_now)

    def mark_gone(self, url: str) -> bool:
        """The source answered 404/410: keep everything, note the date."""
        with self.transaction() as db:
            cur = db.execute(
                "UPDATE notices SET gone_at = COALESCE(gone_at, ?) WHERE url = ?", (iso(utcnow()), url)
            )
            return cur.rowcount > 0

    def notice_row(self, notice_id: str) -> dict[str, Any] | None:
        row = self.query_one("SELECT * FROM notices WHERE notice_id = ?", (notice_id,))
        return dict(row) if row else None

    def notice_by_url(self, url: str) -> dict[str, Any] | None:
        row = self.query_one("SELECT * FROM notices WHERE url = ?", (url,))
        return dict(row) if row else None

    def notices(self, commendations_only: bool = True) -> list[dict[str, Any]]:
        where = "WHERE is_commendation = 1" if commendations_only else ""
        return [dict(r) for r in self.query(f"SELECT * FROM notices {where} ORDER BY published DESC, url")]

    def notice(self, notice_id: str) -> dict[str, Any] | None:
        """The notice as the API gives it: metadata, records, documents, versions."""
        row = self.notice_row(notice_id)
        if row is None:
            return None
        out: dict[str, Any] = {k: row[k] for k in ("notice_id", "url", *NOTICE_FIELDS, "gone_at", "first_seen")}
        out["is_commendation"] = bool(row["is_commendation"])
        out["records"] = self.notice_records(notice_id)
        out["documents"] = [
            {**self.document(d["doc_id"]).to_dict(), "role": d["role"], "label": d["label"]}  # type: ignore[union-attr]
            for d in self.query(
                "SELECT doc_id, role, label FROM version_documents WHERE version_id = ? ORDER BY role DESC, rowid",
                (row["current_version"],),
            )
        ]
        out["versions"] = self.notice_versions(notice_id)
        return out

    def notice_versions(self, notice_id: str) -> list[dict[str, Any]]:
        """Versions oldest first, each with what changed against the one before."""
        versions = []
        previous: dict[tuple[str, str], dict[str, Any]] = {}
        for v in self.query(
            "SELECT v.*, d.fetched_at FROM notice_versions v LEFT JOIN documents d ON d.doc_id = v.main_doc_id "
            "WHERE v.notice_id = ? ORDER BY v.version_id",
            (notice_id,),
        ):
            rows = self.query(f"{RECORD_SELECT} WHERE r.version_id = ? ORDER BY r.ordinal", (v["version_id"],))
            current = {(r["kind"], r["name"]): record_dict(r) for r in rows}
            added = [k[1] for k in current if k not in previous]
            withdrawn = [k[1] for k in previous if k not in current]
            changed = [
                {"name": k[1], "field": f, "old": previous[k][f], "new": current[k][f]}
                for k in current
                if k in previous
                for f in COMPARED_FIELDS
                if previous[k][f] != current[k][f]
            ]
            versions.append(
                {
                    "version_id": v["version_id"],
                    "fetched": v["fetched_at"] or v["created_at"],
                    "archive_url": f"/archive/{v['main_doc_id']}" if v["main_doc_id"] else None,
                    "added": added if versions else [k[1] for k in current],
                    "withdrawn": withdrawn,
                    "changed": changed,
                    "meta": json.loads(v["meta_json"]),
                }
            )
            previous = current
        return versions
