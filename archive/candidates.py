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
    matching_units,
    normalise_unit,
    unit_reason,
    unit_variants,
)
from archive.store import Store

MAX_CANDIDATES = 1000
MAX_SAME_NAME = 100  # namesake records listed per candidate (the total is given too)


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
    rows_by_block: dict[str, list[LinkRow]] = {}
    person_names = sorted({c.name for c in parsed if PERSON in c.kinds})
    org_blocks = sorted({block_key(ORGANIZATION, c.name) for c in parsed if ORGANIZATION in c.kinds})
    found = [*store.link_rows_by_name(person_names, PERSON), *store.link_rows_in_blocks(org_blocks)]
    for row in found:
        rows_by_block.setdefault(block_key(row["kind"], row["name"]), []).append(LinkRow(row))
    entity_cache: dict[str, list[dict[str, Any]]] = {}
    results = []
    for raw, cand in zip(candidates, parsed, strict=True):
        rows = [r for b in cand.blocks() for r in rows_by_block.get(b, ())]
        matches, namesakes = judge_candidate(cand, rows)
        match_out = []
        for entity_id, reason in matches:
            if entity_id not in entity_cache:
                entity_cache[entity_id] = store.entity_records(entity_id)
            match_out.append({"entity_id": entity_id, "reason": reason, "records": entity_cache[entity_id]})
        namesakes.sort(key=lambda r: (r.date or "", r.pk))
        listed = store.records_by_ids([r.record_id for r in namesakes[:MAX_SAME_NAME]])
        results.append(
            {
                "candidate": raw,
                "matches": match_out,
                "same_name_only": listed,
                "same_name_total": len(namesakes),
            }
        )
    return {"results": results}


def judge_candidate(cand: Candidate, rows: list[LinkRow]) -> tuple[list[tuple[str, str]], list[LinkRow]]:
    """(entity_id, reason) of each entity the candidate would join; the namesake rows."""
    by_entity: dict[str, list[LinkRow]] = defaultdict(list)
    for r in rows:
        by_entity[r.entity_id or r.record_id].append(r)
    matches: list[tuple[str, str]] = []
    namesakes: list[LinkRow] = []
    for entity_id, recs in by_entity.items():
        reason = _evidence(cand, recs)
        if reason:
            matches.append((entity_id, reason))
        else:
            namesakes.extend(recs)
    matches.sort(key=lambda m: min((r.date or "", r.pk) for r in by_entity[m[0]]))
    if len(matches) > 1 and not full_birth(cand.birth):
        # The linker would join none of them: say so, and let a person judge.
        matches = [(eid, reason + "（另有同名者也相符，请核对）") for eid, reason in matches]
    return matches, namesakes


def _evidence(cand: Candidate, recs: list[LinkRow]) -> str | None:
    """Why the candidate is this entity, by the linker's rules; None if it is not."""
    if any(r.kind == ORGANIZATION for r in recs):
        key = normalise_unit(cand.name) or cand.name
        return f"单位名称相同（{key}）"
    genders = {r.gender for r in recs if r.gender}
    ethnicities = {r.ethnicity for r in recs if r.ethnicity}
    if (cand.gender and genders and cand.gender not in genders) or (
        cand.ethnicity and ethnicities and cand.ethnicity not in ethnicities
    ):
        return None
    births = {b for r in recs if (b := full_birth(r.birth))}
    years = {r.birth[:4] for r in recs if r.birth}
    cand_birth = full_birth(cand.birth)
    if cand_birth and cand_birth in births:
        details = [f"出生年月相同（{cand_birth}）"]
        if cand.gender and cand.gender in genders:
            details.append(f"性别相同（{cand.gender}）")
        if cand.ethnicity and cand.ethnicity in ethnicities:
            details.append(f"民族相同（{cand.ethnicity}）")
        return "同名，" + "，".join(details)
    if (cand_birth and births) or (cand.birth and years and cand.birth[:4] not in years):
        return None  # another birth: a namesake
    # A birth month on at most one side: only the unit can bridge them.
    for r in recs:
        pair = matching_units(cand.units, unit_variants(r.unit)) if cand.units else None
        if pair:
            return "同名，" + unit_reason(pair)
    return None
