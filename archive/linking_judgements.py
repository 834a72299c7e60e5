"""A person's judgements about links, resolved to what they mean per record.

`gongshi link --merge A B` and `gongshi link --split RECORD` are stored with
their date and the records they were about (`link_judgement_records`).  Read
oldest first, later ones winning, they say for each record which entity it
must belong to and which records it must never be linked with; the
clustering (`archive.linking_cluster`) obeys that before any evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from archive.store.base import short_hash


@dataclass
class Judgements:
    """Stored judgements, resolved to what they mean per record (oldest first, later wins)."""

    forced: dict[str, tuple[str, str]] = field(default_factory=dict)  # record_id → (entity_id, reason)
    forbidden: dict[str, set[str]] = field(default_factory=dict)  # record_id → records it must not join
    forced_ids: set[str] = field(default_factory=set)
    # Why a record that starts its cluster in this block still belongs where it is:
    # it was merged in (or split off) by hand.
    by_hand: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_stored(cls, judgements: Sequence[dict[str, Any]]) -> Judgements:
        out = cls()
        for j in judgements:
            date = (j["created_at"] or "")[:10]
            note = f"：{j['note']}" if j.get("note") else ""
            members = j["members"]
            if j["action"] == "merge":
                reason = f"人工合并（{date}）{note}"
                both = set(members.get("a", ())) | set(members.get("b", ()))
                for rid in both:
                    out.forced[rid] = (j["subject"], reason)
                for rid in members.get("b", ()):
                    out.by_hand[rid] = reason
                    if rid in out.forbidden:  # a merge lifts earlier splits between its records
                        out.forbidden[rid] -= both
            elif j["action"] == "split":
                rid = j["subject"]
                out.forced[rid] = (split_entity_id(rid), f"人工拆分（{date}）{note}")
                out.by_hand[rid] = out.forced[rid][1]
                out.forbidden[rid] = set(members.get("old", ())) - {rid}
        out.forced_ids = {eid for eid, _ in out.forced.values()}
        return out


def split_entity_id(record_id: str) -> str:
    """The entity of a record split off by hand: derived from the record alone."""
    return short_hash("split", record_id, prefix="e")


def new_entity_id(kind: str, record_id: str, salt: int = 0) -> str:
    parts = (kind, record_id) if salt == 0 else (kind, record_id, str(salt))
    return short_hash(*parts, prefix="e")




__all__ = ["Judgements", "new_entity_id", "split_entity_id"]
