"""The search the web UI, the JSON API and `gongshi search` share.

`search_api` turns request parameters into a `SearchQuery` (a bad value is a
`BadQuery`, which the web layer answers with HTTP 400), asks the engine, and
returns the contract's JSON: the page of records loaded from the store in
ranked order, each with its `highlights`, and the facet counts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from archive.extract.normalise import normalise_ethnicity
from index.analysis import fold_cached, plan_query
from index.base import MAX_PAGE_SIZE, MAX_RESULT_WINDOW, BadQuery, SearchIndex, SearchQuery
from index.highlight import highlight_record

PARAMETERS = ("q", "ethnicity", "year", "year_from", "year_to", "kind", "stage", "level", "region", "page", "size")
MAX_QUERY_LENGTH = 200
YEAR_RANGE = (1900, 2100)
KINDS = {"person": "person", "organization": "organization", "个人": "person", "集体": "organization",
         "单位": "organization", "organisation": "organization"}  # fmt: skip
STAGES = ("recommended", "proposed", "awarded")
LEVELS = ("national", "province", "prefecture", "county", "other")


def _text(params: Mapping[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise BadQuery(f"{name} must be text")
    value = unicodedata.normalize("NFKC", value).strip()
    return value or None


def _int(params: Mapping[str, Any], name: str, lo: int, hi: int) -> int | None:
    value = _text(params, name)
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise BadQuery(f"{name} must be a whole number, not {value!r}") from None
    if not lo <= number <= hi:
        raise BadQuery(f"{name} must be between {lo} and {hi}, not {number}")
    return number


def _choice(params: Mapping[str, Any], name: str, allowed) -> str | None:
    value = _text(params, name)
    if value is None:
        return None
    key = value.lower()
    if isinstance(allowed, dict):
        if key in allowed:
            return allowed[key]
    elif key in allowed:
        return key
    raise BadQuery(f"{name} must be one of {', '.join(sorted(set(allowed if not isinstance(allowed, dict) else allowed.values())))}, not {value!r}")


def parse_search_params(params: Mapping[str, Any]) -> SearchQuery:
    """Validate the API's query parameters (unknown ones are ignored)."""
    q = _text(params, "q") or ""
    if len(q) > MAX_QUERY_LENGTH:
        raise BadQuery(f"q is too long ({len(q)} characters, at most {MAX_QUERY_LENGTH})")
    ethnicity = None
    raw_ethnicity = _text(params, "ethnicity")
    if raw_ethnicity is not None:
        ethnicity = normalise_ethnicity(raw_ethnicity)
        if ethnicity is None:
            raise BadQuery(f"ethnicity {raw_ethnicity!r} is not one of the 56 ethnic groups")
    year = _int(params, "year", *YEAR_RANGE)
    year_from = _int(params, "year_from", *YEAR_RANGE)
    year_to = _int(params, "year_to", *YEAR_RANGE)
    if year is not None:
        year_from = year if year_from is None else max(year, year_from)
        year_to = year if year_to is None else min(year, year_to)
    if year_from is not None and year_to is not None and year_from > year_to:
        raise BadQuery(f"year_from ({year_from}) is after year_to ({year_to})")
    region = _text(params, "region")
    page = _int(params, "page", 1, 10**6) or 1
    size = _int(params, "size", 1, MAX_PAGE_SIZE)
    size = 20 if size is None else size
    if (page - 1) * size >= MAX_RESULT_WINDOW:
        raise BadQuery(f"page {page} is too deep: results stop at {MAX_RESULT_WINDOW}; narrow the search or export it")
    return SearchQuery(
        text=q,
        ethnicity=ethnicity,
        year_from=year_from,
        year_to=year_to,
        kind=_choice(params, "kind", KINDS),
        stage=_choice(params, "stage", STAGES),
        level=_choice(params, "level", LEVELS),
        region="".join(fold_cached(region).split()) if region else None,
        page=page,
        size=size,
    )


def search_api(store, idx: SearchIndex, params: Mapping[str, Any]) -> dict[str, Any]:
    """`GET /api/search` as the contract shapes it (also the `/` page's data)."""
    query = parse_search_params(params)
    results = idx.search(query)
    records = store.records_by_ids([h.record_id for h in results.hits])
    plan = plan_query(query.text)
    by_id = {h.record_id: h for h in results.hits}
    out_records = []
    for record in records:
        highlights = dict(by_id[record["record_id"]].highlights)
        if plan:
            for name, marked in highlight_record(record, plan).items():
                highlights.setdefault(name, marked)
        out_records.append({**record, "highlights": highlights})
    return {
        "total": results.total,
        "page": results.page,
        "size": results.size,
        "results": out_records,
        "facets": results.facets,
    }


def iter_search_ids(store, idx: SearchIndex, params: Mapping[str, Any]) -> Iterator[str]:
    """Every record_id matching the parameters, in result order (page and size ignored)."""
    query = parse_search_params({k: v for k, v in params.items() if k not in ("page", "size")})
    yield from idx.iter_ids(query)


# The name the web UI uses.
iter_matching_ids = iter_search_ids


def iter_search_records(store, idx: SearchIndex, params: Mapping[str, Any], batch: int = 500) -> Iterator[dict]:
    """Every matching record (contract shape), in result order, loaded in batches:
    for streaming an export of a whole result set."""
    chunk: list[str] = []
    for rid in iter_search_ids(store, idx, params):
        chunk.append(rid)
        if len(chunk) >= batch:
            yield from store.records_by_ids(chunk)
            chunk = []
    if chunk:
        yield from store.records_by_ids(chunk)
