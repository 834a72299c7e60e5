"""Entity linking: records of the same person (or collective) share an entity_id.

`link_records(store, ids)` runs as records arrive (crawl, import): it relinks
only the blocks — same kind and normalised name — that the new records fall
into, so records of other names never change.  `link_records(store, None)`
relinks the whole archive (`gongshi reindex`), streaming block by block.
Both give the same result for the same archive: a block's clusters depend on
its records and the stored judgements only (see `archive.linking_cluster`).

A person's judgements (`gongshi link --merge/--split`) are stored with their
date and the records they were about, and re-applied on every relink.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from archive.errors import BadInput, NotFound
from archive.linking_cluster import LinkRow, cluster_block
from archive.linking_judgements import Judgements, split_entity_id
from archive.linking_rules import ORGANIZATION, PERSON, block_key
from archive.store import Store

_BLOCKS_PER_QUERY = 200


@dataclass
class LinkStats:
    records: int = 0
    blocks: int = 0
    changed: int = 0
    entities: int = 0
    seconds: float = 0.0


def link_records(
    store: Store,
    record_ids: Iterable[str] | None,
    *,
    progress: Callable[[int], None] | None = None,
) -> LinkStats:
    """Link the given records (None: every record) to entities; returns counts.

    `progress`, if given, is called with the number of records done so far.
    """
    started = time.monotonic()
    judgements = Judgements.from_stored(store.link_judgements())
    if record_ids is None:
        stats = _link_all(store, judgements, progress)
    else:
        stats = _link_some(store, list(record_ids), judgements)
    stats.seconds = time.monotonic() - started
    return stats


def _link_some(store: Store, record_ids: list[str], judgements: Judgements) -> LinkStats:
    """Relink the blocks the given records fall into, and nothing else."""
    stats = LinkStats()
    if not record_ids:
        return stats
    rows = store.records_for_linking(record_ids)
    person_names = sorted({r["name"] for r in rows if r["kind"] == PERSON})
    orgs = [r for r in rows if r["kind"] != PERSON]
    if orgs:  # collectives are filed under their normalised name
        orgs += store.records_without_link_keys({r["name"] for r in orgs}, ORGANIZATION)
        store.set_link_keys((r["record_id"], block_key(r["kind"], r["name"])) for r in orgs)
    org_blocks = sorted({block_key(r["kind"], r["name"]) for r in orgs})
    for start in range(0, len(person_names), _BLOCKS_PER_QUERY):
        found = store.link_rows_by_name(person_names[start : start + _BLOCKS_PER_QUERY], PERSON)
        _link_found(store, found, judgements, stats)
    for start in range(0, len(org_blocks), _BLOCKS_PER_QUERY):
        found = store.link_rows_in_blocks(org_blocks[start : start + _BLOCKS_PER_QUERY])
        _link_found(store, found, judgements, stats)
    return stats


def _link_found(store: Store, found: list[Any], judgements: Judgements, stats: LinkStats) -> None:
    blocks: dict[str, list[LinkRow]] = {}
    for row in found:
        link_row = LinkRow(row)
        blocks.setdefault(block_key(link_row.kind, link_row.name), []).append(link_row)
    updates: list[tuple[str, str | None, int]] = []
    for block in blocks.values():
        _link_one(block, judgements, updates, stats)
    if updates:
        store.write_links(updates)


def _link_all(store: Store, judgements: Judgements, progress: Callable[[int], None] | None) -> LinkStats:
    """Copy what linking needs into a work table in block order, cluster block
    by block, then write every change in record order."""
    stats = LinkStats()
    store.start_link_work()
    try:
        for batch in store.iter_link_source():
            store.add_link_work(
                (
                    block_key(r["kind"], r["name"]), r["pk"], r["record_id"], r["kind"], r["name"], r["birth"],
                    r["gender"], r["ethnicity"], r["unit"], r["date"], r["entity_id"], r["link_reason"],
                )  # fmt: skip
                for r in batch
            )
        store.sort_link_work()
        for rows in store.iter_link_work_blocks():
            updates = _cluster_rows(rows, judgements, stats)
            if updates:
                store.stage_links(updates)
            if progress:
                progress(stats.records)
        store.finish_link_work()
    finally:
        store.end_link_work()
    return stats


def _cluster_rows(rows: list[Any], judgements: Judgements, stats: LinkStats) -> list[tuple[str, str | None, int]]:
    """Cluster each block in `rows` (ordered by block); the links that changed."""
    updates: list[tuple[str, str | None, int]] = []
    block: list[LinkRow] = []
    current = None
    for row in rows:
        if row["block"] != current and block:
            _link_one(block, judgements, updates, stats)
            block = []
        current = row["block"]
        block.append(LinkRow(row))
    if block:
        _link_one(block, judgements, updates, stats)
    return updates


def _link_one(block: list[LinkRow], judgements: Judgements, updates: list, stats: LinkStats) -> None:
    stats.blocks += 1
    stats.records += len(block)
    entities = set()
    for a in cluster_block(block, judgements):
        entities.add(a.entity_id)
        if a.changed:
            updates.append((a.entity_id, a.reason, a.row.pk))
            stats.changed += 1
    stats.entities += len(entities)


# --- a person's judgements ------------------------------------------------------


@dataclass
class JudgementResult:
    action: str
    entity_id: str
    records: int
    message: str


def merge_entities(store: Store, keep: str, other: str, note: str | None = None) -> JudgementResult:
    """Judge that two entities are one: `other`'s records join `keep`."""
    if keep == other:
        raise BadInput(f"{keep} and {other} are the same entity: nothing to merge")
    a = store.entity_records(keep)
    b = store.entity_records(other)
    for eid, recs in ((keep, a), (other, b)):
        if not recs:
            raise NotFound(f"no entity {eid}")
    kinds = {r["kind"] for r in a} | {r["kind"] for r in b}
    if len(kinds) > 1:
        raise BadInput(f"{keep} and {other} are a person and a collective: they cannot be one")
    ids_a = [r["record_id"] for r in a]
    ids_b = [r["record_id"] for r in b]
    store.add_link_judgement("merge", keep, other, {"a": ids_a, "b": ids_b}, note)
    link_records(store, ids_a + ids_b)
    total = len(store.entity_record_ids(keep))
    return JudgementResult(
        "merge", keep, total,
        f"merged {other} ({len(ids_b)} records) into {keep} ({len(ids_a)} records): {keep} now has {total} records",
    )  # fmt: skip


def split_record(store: Store, record_id: str, note: str | None = None) -> JudgementResult:
    """Judge that a record is not the entity it was linked to: it gets its own."""
    record = store.record(record_id)
    if record is None or not record.get("current", True):
        raise NotFound(f"no current record {record_id}")
    old_entity = record["entity_id"]
    if not old_entity:
        raise BadInput(f"record {record_id} is not linked yet: run `gongshi reindex` first")
    old = store.entity_record_ids(old_entity)
    if old == [record_id]:
        raise BadInput(f"record {record_id} is the only record of entity {old_entity}: nothing to split")
    store.add_link_judgement("split", record_id, old_entity, {"record": [record_id], "old": old}, note)
    link_records(store, old)
    new_entity = split_entity_id(record_id)
    return JudgementResult(
        "split", new_entity, len(store.entity_record_ids(new_entity)),
        f"split record {record_id} from {old_entity} ({len(old) - 1} records left): it is now entity {new_entity}",
    )  # fmt: skip
