"""The candidate check (`POST /api/check`, page `/check`).

Someone about to recommend people asks: has the archive seen them before?
Each candidate (a name, perhaps a unit and a birth month) is judged against
the archive with the linker's own rules (`archive.linking_rules`):

* a **match** is an entity that the linker would join the candidate to —
  same name and birth month, or (where one side has no birth month) same
  name and a matching unit — returned with that reason and the entity's
  records (each record's `notice.stage` tells a recommendation from an award);
* **same_name_only** are records of namesakes with nothing to bridge them;
* a new name gets neither.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from archive.errors import BadInput
from archive.extract.normalise import (
    normalise_birth,
    normalise_ethnicity,
    normalise_gender,
    normalise_name,
)
from archive.linking_cluster import LinkRow
from archive.linking_rules import (
    ORGANIZATION,
    PERSON,
    block_key,
    full_birth,
    normalise_unit,
    unit_contains,
    unit_reason,
    unit_variants,
)
from archive.store import Store

MAX_CANDIDATES = 1000
MAX_SAME_NAME = 50  # namesake records listed per candidate (`same_name_total` gives the count)


class Candidate:
    """One candidate, normalised the way records are."""

    def __init__(self, raw: dict[str, Any], position: int) -> None:
        def text(key: str) -> str | None:
            value = raw.get(key)
            if value is None:
                return None
            if not isinstance(value, str | int):
                raise BadInput(f"candidate {position}: {key} must be text")
            value = str(value).strip()
            return value or None

        name = normalise_name(text("name"))
        if not name:
            raise BadInput(f"candidate {position} has no name")
        self.name = name
        self.unit = text("unit")
        birth_text = text("birth")
        self.birth = normalise_birth(birth_text)
        if birth_text and self.birth is None:
            raise BadInput(f"candidate {position}: birth {birth_text!r} is not a year and month such as 1968-06")
        self.gender = normalise_gender(text("gender"))
        self.ethnicity = normalise_ethnicity(text("ethnicity"))
        kind = text("kind")
        if kind not in (None, PERSON, ORGANIZATION):
            raise BadInput(f"candidate {position}: kind must be person or organization")
        self.kinds = (kind,) if kind else (PERSON, ORGANIZATION)
        self.units = unit_variants(self.unit)

    def blocks(self) -> list[str]:
        return [block_key(kind, self.name) for kind in self.kinds]


def validate_candidates(candidates: Any) -> list[Candidate]:
    if not isinstance(candidates, list):
        raise BadInput("candidates must be a list of objects with a name")
    if len(candidates) > MAX_CANDIDATES:
        raise BadInput(f"at most {MAX_CANDIDATES} candidates at a time, got {len(candidates)}")
    out = []
    for position, raw in enumerate(candidates, 1):
        if not isinstance(raw, dict):
            raise BadInput(f"candidate {position} must be an object with a name")
        out.append(Candidate(raw, position))
    return out


def check_candidates(store: Store, candidates: list[dict]) -> dict[str, Any]:
    """`{"results": [{"candidate", "matches", "same_name_only"}, ...]}`, in the order given."""
    parsed = validate_candidates(candidates)
    rows_by_block: dict[str, list[LinkRow]] = defaultdict(list)
    person_names = sorted({c.name for c in parsed if PERSON in c.kinds})
    org_blocks = sorted({block_key(ORGANIZATION, c.name) for c in parsed if ORGANIZATION in c.kinds})
    for row in [*store.link_rows_by_name(person_names, PERSON), *store.link_rows_in_blocks(org_blocks)]:
        rows_by_block[block_key(row["kind"], row["name"])].append(LinkRow(row))
    blocks = {key: BlockIndex(rows) for key, rows in rows_by_block.items()}
    entity_cache: dict[str, list[dict[str, Any]]] = {}
    results = []
    for raw, cand in zip(candidates, parsed, strict=True):
        matches: list[tuple[str, str]] = []
        namesakes: list[LinkRow] = []
        total = 0
        for key in cand.blocks():
            if key in blocks:
                found, others, count = blocks[key].judge(cand)
                matches += found
                namesakes += others
                total += count
        match_out = []
        for entity_id, reason in matches:
            if entity_id not in entity_cache:
                entity_cache[entity_id] = store.entity_records(entity_id)
            match_out.append({"entity_id": entity_id, "reason": reason, "records": entity_cache[entity_id]})
        results.append(
            {
                "candidate": raw,
                "matches": match_out,
                "same_name_only": store.records_by_ids([r.record_id for r in namesakes]),
                "same_name_total": total,
            }
        )
    return {"results": results}


class _Entity:
    """What one entity of a block states, for judging a candidate against it."""

    __slots__ = ("births", "years", "genders", "ethnicities", "kind", "size")

    def __init__(self, kind: str) -> None:
        self.births: set[str] = set()
        self.years: set[str] = set()
        self.genders: set[str] = set()
        self.ethnicities: set[str] = set()
        self.kind = kind
        self.size = 0

    def conflicts(self, cand: Candidate) -> bool:
        """A stated gender or ethnicity differs: another person."""
        return bool(
            (cand.gender and self.genders and cand.gender not in self.genders)
            or (cand.ethnicity and self.ethnicities and cand.ethnicity not in self.ethnicities)
        )


class BlockIndex:
    """One block (a name) grouped by entity, indexed by birth and unit.

    Built once per request, so a thousand candidates of a common name cost
    one pass over its records, not a thousand.
    """

    def __init__(self, rows: list[LinkRow]) -> None:
        self.rows = sorted(rows, key=lambda r: (r.date or "", r.pk))
        self.entities: dict[str, _Entity] = {}
        self.by_birth: dict[str, list[str]] = defaultdict(list)
        self.by_unit: dict[str, list[str]] = defaultdict(list)
        for r in self.rows:
            eid = r.entity_id or r.record_id
            ent = self.entities.get(eid)
            if ent is None:
                ent = self.entities[eid] = _Entity(r.kind)
            ent.size += 1
            birth = full_birth(r.birth)
            if birth and birth not in ent.births:
                ent.births.add(birth)
                self.by_birth[birth].append(eid)
            if r.birth:
                ent.years.add(r.birth[:4])
            if r.gender:
                ent.genders.add(r.gender)
            if r.ethnicity:
                ent.ethnicities.add(r.ethnicity)
            for unit in unit_variants(r.unit):
                holders = self.by_unit[unit]
                if not holders or holders[-1] != eid:
                    holders.append(eid)

    def judge(self, cand: Candidate) -> tuple[list[tuple[str, str]], list[LinkRow], int]:
        """Matches as (entity_id, reason), oldest first; the first namesake records; their count."""
        found = self._evidence(cand)
        matches = [(eid, found[eid]) for eid in self.entities if eid in found]  # entities in order of first record
        if len(matches) > 1 and not full_birth(cand.birth):
            # The linker would join none of them: say so, and let a person judge.
            matches = [(eid, reason + "（另有同名者也相符，请核对）") for eid, reason in matches]
        namesakes: list[LinkRow] = []
        total = 0
        for r in self.rows:
            if (r.entity_id or r.record_id) not in found:
                total += 1
                if len(namesakes) < MAX_SAME_NAME:
                    namesakes.append(r)
        return matches, namesakes, total

    def _evidence(self, cand: Candidate) -> dict[str, str]:
        """entity_id → why the candidate is that entity, by the linker's rules."""
        out: dict[str, str] = {}
        if any(e.kind == ORGANIZATION for e in self.entities.values()):
            reason = f"单位名称相同（{normalise_unit(cand.name) or cand.name}）"
            return {eid: reason for eid, e in self.entities.items() if e.kind == ORGANIZATION}
        cand_birth = full_birth(cand.birth)
        if cand_birth:
            for eid in self.by_birth.get(cand_birth, ()):
                ent = self.entities[eid]
                if not ent.conflicts(cand):
                    details = [f"出生年月相同（{cand_birth}）"]
                    if cand.gender and cand.gender in ent.genders:
                        details.append(f"性别相同（{cand.gender}）")
                    if cand.ethnicity and cand.ethnicity in ent.ethnicities:
                        details.append(f"民族相同（{cand.ethnicity}）")
                    out[eid] = "同名，" + "，".join(details)
        if not cand.units:
            return out
        # A birth month on at most one side: only the unit can bridge them.
        for unit, holders in self.by_unit.items():
            pair = next(((u, unit) for u in cand.units if unit_contains(u, unit)), None)
            if pair is None:
                continue
            for eid in holders:
                if eid in out:
                    continue
                ent = self.entities[eid]
                if ent.conflicts(cand) or (cand_birth and ent.births):
                    continue
                if cand.birth and ent.years and cand.birth[:4] not in ent.years:
                    continue
                out[eid] = "同名，" + unit_reason(pair)
        return out
