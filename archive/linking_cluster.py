"""Clustering one block (same kind, same normalised name) into entities.

A pure function of the block's records and the stored judgements: the same
input gives the same clusters whether the block is relinked because one new
record arrived or because the whole archive is relinked.  Records are taken
in a fixed order (notice date, then arrival), so every tie is broken the
same way every time.

Steps, strongest evidence first:

1. persons with the same birth month (and no conflict in stated gender or
   ethnicity) are one;
2. a record without a birth month joins through its unit: a unit containing,
   or contained in, the unit of another record of the same name.  It joins
   only if that leads to at most one person with a birth month — a record
   that could belong to two namesakes is left alone;
3. collectives with the same normalised name are one;
4. a person's judgements outrank all of this: records merged by hand are
   one, a record split by hand is never linked back to what it was split
   from.

Then each cluster gets its entity id: the judged id; else the id most of its
records already carry (so ids are stable as records arrive, and merged
clusters keep the older id); else a new id derived from its earliest record.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from archive.linking_judgements import Judgements, new_entity_id
from archive.linking_rules import (
    ORGANIZATION,
    birth_reason,
    full_birth,
    normalise_unit,
    unit_contains,
    unit_reason,
    unit_variants,
    values_conflict,
)

# Above this many record pairs, unit matches are found through a substring
# index instead of comparing every pair (common names: thousands of records).
_PAIRWISE_LIMIT = 2000


class LinkRow:
    """What linking needs of one record."""

    __slots__ = (
        "pk", "record_id", "kind", "name", "birth", "gender", "ethnicity", "unit", "date",
        "entity_id", "link_reason",
    )  # fmt: skip

    def __init__(self, row: Any) -> None:
        self.pk, self.record_id, self.kind, self.name = row["pk"], row["record_id"], row["kind"], row["name"]
        self.birth, self.gender, self.ethnicity, self.unit = row["birth"], row["gender"], row["ethnicity"], row["unit"]
        self.date, self.entity_id, self.link_reason = row["date"], row["entity_id"], row["link_reason"]


@dataclass
class Assignment:
    row: LinkRow
    entity_id: str
    reason: str | None

    @property
    def changed(self) -> bool:
        return self.row.entity_id != self.entity_id or self.row.link_reason != self.reason


class _Clusters:
    """Union-find over a block, each root carrying what its records state."""

    def __init__(self, rows: list[LinkRow], judgements: Judgements) -> None:
        n = len(rows)
        self.rows = rows
        self.parent = list(range(n))
        self.members: list[list[int]] = [[i] for i in range(n)]
        self.births: list[set[str]] = []
        self.years: list[set[str]] = []
        self.genders: list[set[str]] = []
        self.ethnicities: list[set[str]] = []
        self.forced: list[str | None] = []
        self.forbidden: list[set[str]] = []
        for r in rows:
            b = full_birth(r.birth)
            self.births.append({b} if b else set())
            self.years.append({r.birth[:4]} if r.birth else set())
            self.genders.append({r.gender} if r.gender else set())
            self.ethnicities.append({r.ethnicity} if r.ethnicity else set())
            forced = judgements.forced.get(r.record_id)
            self.forced.append(forced[0] if forced else None)
            self.forbidden.append(set(judgements.forbidden.get(r.record_id, ())))
        self.edges: list[tuple[int, int, str]] = []

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def compatible(self, a: int, b: int) -> bool:
        """Could the clusters rooted at a and b be one entity by evidence?"""
        if self.forced[a] and self.forced[b] and self.forced[a] != self.forced[b]:
            return False
        if values_conflict(self.births[a], self.births[b]) or values_conflict(self.years[a], self.years[b]):
            return False
        if values_conflict(self.genders[a], self.genders[b]):
            return False
        if values_conflict(self.ethnicities[a], self.ethnicities[b]):
            return False
        if self.forbidden[a] or self.forbidden[b]:
            ids_a = {self.rows[m].record_id for m in self.members[a]}
            ids_b = {self.rows[m].record_id for m in self.members[b]}
            if self.forbidden[a] & ids_b or self.forbidden[b] & ids_a:
                return False
        return True

    def union(self, i: int, j: int, reason: str, *, force: bool = False) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b or not (force or self.compatible(a, b)):
            return False
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members[b])
        self.members[b] = []
        for attr in (self.births, self.years, self.genders, self.ethnicities, self.forbidden):
            attr[a] |= attr[b]
            attr[b] = set()
        self.forced[a] = self.forced[a] or self.forced[b]
        self.edges.append((i, j, reason))
        return True


def _link_same_birth(cl: _Clusters, order: list[int]) -> None:
    """Step 1: same birth month, stated gender and ethnicity agreeing."""
    by_birth: dict[str, list[int]] = defaultdict(list)
    for i in order:
        b = full_birth(cl.rows[i].birth)
        if b:
            by_birth[b].append(i)
    for birth, group in by_birth.items():
        parts: dict[tuple[str | None, str | None], list[int]] = {}
        for i in group:
            r = cl.rows[i]
            parts.setdefault((r.gender, r.ethnicity), []).append(i)
        for (gender, ethnicity), idx in parts.items():
            reason = birth_reason(birth, gender, ethnicity)
            heads = [idx[0]]  # the first record of each cluster in this part, oldest first
            for cur in idx[1:]:
                # Join the oldest cluster that may take it (a split by hand may forbid one).
                if not any(cl.union(head, cur, reason) for head in heads):
                    heads.append(cur)
        if len(parts) == 1:
            continue
        # A part that leaves gender or ethnicity unstated joins the one
        # more specific part it agrees with — never a choice between two.
        for key, idx in sorted(parts.items(), key=lambda kv: _stated(kv[0])):
            if _stated(key) == 2:
                continue
            targets = {
                cl.find(other[0])
                for okey, other in parts.items()
                if okey != key and _stated(okey) >= _stated(key) and _agree(key, okey)
            }
            targets.discard(cl.find(idx[0]))
            if len(targets) == 1:
                target = targets.pop()
                cl.union(idx[0], cl.members[target][0], birth_reason(birth, key[0], key[1]))


def _stated(key: tuple[str | None, str | None]) -> int:
    return (key[0] is not None) + (key[1] is not None)


def _agree(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def _rows_agree(x: LinkRow, y: LinkRow) -> bool:
    """Record-level: no stated field contradicts (birth year, gender, ethnicity)."""
    if x.birth and y.birth and x.birth[:4] != y.birth[:4]:
        return False
    if x.gender and y.gender and x.gender != y.gender:
        return False
    return not (x.ethnicity and y.ethnicity and x.ethnicity != y.ethnicity)


def _related_units(units: list[str], weak_units: set[str]) -> dict[str, list[str]]:
    """For each unit seen on a record without a birth month: the block's units
    that contain it or that it contains (itself included).

    Works on distinct units, not records: a common name brings thousands of
    records but far fewer distinct units.
    """
    related: dict[str, list[str]] = {u: [u] for u in weak_units}
    if len(units) * len(weak_units) <= _PAIRWISE_LIMIT:
        for u in weak_units:
            related[u].extend(v for v in units if v != u and unit_contains(u, v))
        return related
    # Substring index: each containment pair (shorter ⊆ longer) is found by
    # looking up the substrings of the longer unit among the block's units.
    known = set(units)
    lengths = sorted({len(v) for v in units})
    for longer in units:
        n = len(longer)
        found = set()
        for length in lengths:
            if length >= n:
                break
            for s in range(n - length + 1):
                sub = longer[s : s + length]
                if sub in known and sub not in found:
                    found.add(sub)
                    if sub in related:
                        related[sub].append(longer)
                    if longer in related:
                        related[longer].append(sub)
    return related


def _link_through_units(cl: _Clusters, order: list[int]) -> None:
    """Step 2: records without a birth month join by unit, if unambiguous."""
    rows = cl.rows
    weak = [full_birth(r.birth) is None for r in rows]
    if not any(weak[i] and rows[i].unit for i in range(len(rows))):
        return
    variants = [unit_variants(r.unit) for r in rows]
    holders: dict[str, list[int]] = defaultdict(list)  # unit → records stating it, in block order
    for i in order:
        for v in variants[i]:
            holders[v].append(i)
    weak_units = {v for i, vs in enumerate(variants) if weak[i] for v in vs}
    related = _related_units(list(holders), weak_units)
    rank = {i: k for k, i in enumerate(order)}
    births, find = cl.births, cl.find
    for w in order:
        if not weak[w] or not variants[w]:
            continue
        row = rows[w]
        own = find(w)
        person = own if births[own] else None  # the one namesake with a birth month it may join
        ambiguous = False
        joins: list[tuple[int, tuple[str, str]]] = []
        for u in variants[w]:
            for v in related[u]:
                for j in holders[v]:
                    if j == w or not _rows_agree(row, rows[j]):
                        continue
                    root = find(j)
                    if births[root]:
                        if person is None:
                            person = root
                        elif person != root:
                            ambiguous = True  # could be either namesake: leave it for a person
                            break
                    joins.append((j, (u, v)))
                if ambiguous:
                    break
            if ambiguous:
                break
        if ambiguous or not joins:
            continue
        joins.sort(key=lambda t: (not births[find(t[0])], rank[t[0]]))
        for j, pair in joins:
            cl.union(w, j, "同名，" + unit_reason(pair))


def _link_collectives(cl: _Clusters, order: list[int]) -> None:
    """Step 3: collectives of one block share a normalised name."""
    first = order[0]
    reason = f"单位名称相同（{normalise_unit(cl.rows[first].name) or cl.rows[first].name}）"
    heads = [first]
    for cur in order[1:]:
        if not any(cl.union(head, cur, reason) for head in heads):
            heads.append(cur)


def _apply_judgements(cl: _Clusters, order: list[int]) -> None:
    """Step 4: records merged by hand are one, whatever the evidence says."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i in order:
        if cl.forced[i] is not None:
            groups[cl.forced[i]].append(i)  # type: ignore[index]
    for idx in groups.values():
        for i in idx[1:]:
            cl.union(idx[0], i, "", force=True)


def _reasons(cl: _Clusters, judgements: Judgements, order: list[int]) -> dict[int, str | None]:
    """Each record's reason: the evidence that tied it to a record seen before it."""
    rank = {i: k for k, i in enumerate(order)}
    adjacent: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for i, j, reason in cl.edges:
        adjacent[i].append((j, reason))
        adjacent[j].append((i, reason))
    out: dict[int, str | None] = {}
    for root in {cl.find(i) for i in range(len(cl.rows))}:
        anchor = min(cl.members[root], key=rank.__getitem__)
        out[anchor] = None
        queue = [anchor]
        while queue:
            cur = queue.pop()
            for nxt, reason in sorted(adjacent[cur], key=lambda t: rank[t[0]]):
                if nxt in out:
                    continue
                if not reason:  # joined by hand
                    reason = judgements.forced.get(cl.rows[nxt].record_id, (None, "人工合并"))[1]
                out[nxt] = f"{reason}；对照记录 {cl.rows[cur].record_id}"
                queue.append(nxt)
    for i, r in enumerate(cl.rows):  # merged in or split off by hand: say so, even alone
        if out.get(i) is None and r.record_id in judgements.by_hand:
            out[i] = judgements.by_hand[r.record_id]
    return out


def cluster_block(rows: list[LinkRow], judgements: Judgements) -> list[Assignment]:
    """Entity id and reason for every record of one block."""
    if len(rows) == 1:  # most names occur once: nothing to link
        return [_alone(rows[0], judgements)]
    order = sorted(range(len(rows)), key=lambda i: (rows[i].date or "", rows[i].pk))
    cl = _Clusters(rows, judgements)
    if len(rows) > 1:
        if rows[order[0]].kind == ORGANIZATION:
            _link_collectives(cl, order)
        else:
            _link_same_birth(cl, order)
            _link_through_units(cl, order)
        _apply_judgements(cl, order)
    reasons = _reasons(cl, judgements, order)
    ids = _entity_ids(cl, judgements, order)
    return [Assignment(rows[i], ids[cl.find(i)], reasons.get(i)) for i in order]


def _alone(row: LinkRow, judgements: Judgements) -> Assignment:
    """A block of one record: the same id `cluster_block` would give, faster."""
    forced = judgements.forced.get(row.record_id)
    if forced:
        entity_id = forced[0]
    elif row.entity_id and row.entity_id not in judgements.forced_ids:
        entity_id = row.entity_id
    else:
        entity_id = new_entity_id(row.kind, row.record_id)
        salt = 0
        while entity_id in judgements.forced_ids:
            salt += 1
            entity_id = new_entity_id(row.kind, row.record_id, salt)
    return Assignment(row, entity_id, judgements.by_hand.get(row.record_id))


def _entity_ids(cl: _Clusters, judgements: Judgements, order: list[int]) -> dict[int, str]:
    rank = {i: k for k, i in enumerate(order)}
    roots = sorted({cl.find(i) for i in order}, key=lambda r: min(rank[m] for m in cl.members[r]))
    taken = set(judgements.forced_ids)
    ids: dict[int, str] = {}
    for root in roots:
        if cl.forced[root]:
            ids[root] = cl.forced[root]  # type: ignore[assignment]
    # Stable ids.  An old id stays with the cluster holding most of the records
    # that carried it (a cluster that lost a record keeps its id); a cluster
    # holding several old ids (two entities joined by a bridge) keeps the
    # older one: the id carried by its oldest record.
    carried: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, len(order)]))
    for root in roots:
        if root in ids:
            continue
        for m in cl.members[root]:
            eid = cl.rows[m].entity_id
            if eid and eid not in taken:
                tally = carried[eid][root]
                tally[0] += 1
                tally[1] = min(tally[1], rank[m])
    owned: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for eid, by_root in carried.items():
        owner = max(by_root, key=lambda r: (by_root[r][0], -by_root[r][1]))
        owned[owner].append((by_root[owner][1], eid))
    for root, claims in owned.items():
        eid = min(claims)[1]
        ids[root] = eid
        taken.add(eid)
    for root in roots:
        if root in ids:
            continue
        anchor = cl.rows[min(cl.members[root], key=rank.__getitem__)]
        salt = 0
        eid = new_entity_id(anchor.kind, anchor.record_id)
        while eid in taken:
            salt += 1
            eid = new_entity_id(anchor.kind, anchor.record_id, salt)
        ids[root] = eid
        taken.add(eid)
    return ids
