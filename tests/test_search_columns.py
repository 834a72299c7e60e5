"""The whoosh engine's in-memory filters and facets agree with brute force,
on both paths: bitmaps (filter-only, large result sets) and per-document."""

from __future__ import annotations

import random
from collections import Counter

from index.base import FACET_FIELDS, SearchQuery
from index.columns import BITMAP_FACETS_FROM, FacetColumns, facet_dict

N = 4 * BITMAP_FACETS_FROM


def make_columns(seed: int = 3):
    rnd = random.Random(seed)
    values = {
        "ethnicity": [rnd.choice(["汉族", "汉族", "汉族", "土族", "土家族", None]) for _ in range(N)],
        "year": [rnd.choice([2019, 2020, 2021, None]) for _ in range(N)],
        "kind": [rnd.choice(["person", "person", "organization"]) for _ in range(N)],
        "stage": [rnd.choice(["recommended", "proposed", "awarded"]) for _ in range(N)],
        "level": [rnd.choice(["province", "county", None]) for _ in range(N)],
        "region": [rnd.choice(["青海省", "青海省海西州", "青海省海西州都兰县", "湖南省", None]) for _ in range(N)],
    }
    published = [rnd.randint(20190101, 20211231) for _ in range(N)]
    deleted = set(rnd.sample(range(N), 50))
    live = [d for d in range(N) if d not in deleted]
    return FacetColumns.build(values, published, live), values, published, set(live)


def brute_facets(values, docs):
    return {
        name: facet_dict(name, Counter(values[name][d] for d in docs if values[name][d] is not None).items())
        for name in FACET_FIELDS
    }


def test_filter_only_matches_brute_force_newest_first():
    cols, values, published, live = make_columns()
    query = SearchQuery(ethnicity="土族", year_from=2020, region="青海省海西")
    expected = [
        d for d in live
        if values["ethnicity"][d] == "土族" and (values["year"][d] or 0) >= 2020
        and (values["region"][d] or "").startswith("青海省海西")
    ]  # fmt: skip
    docs = cols.filter(query)
    assert len(docs) == len(expected) > 0
    assert sorted(docs) == sorted(expected)
    page = docs[0:20]
    assert [published[d] for d in page] == sorted((published[d] for d in expected), reverse=True)[:20]
    assert cols.facets(docs) == brute_facets(values, expected)


def test_facets_of_many_text_matches_use_bitmaps_and_agree():
    cols, values, _, live = make_columns()
    candidates = [d for d in range(N) if d % 2 == 0]  # deleted ones included: filter drops them
    docs = cols.filter(SearchQuery(kind="person"), candidates)
    assert len(docs) >= BITMAP_FACETS_FROM
    expected = [d for d in candidates if d in live and values["kind"][d] == "person"]
    assert docs == expected  # candidates' order kept
    assert cols.facets(docs) == brute_facets(values, expected)
    few = docs[:10]
    assert cols.facets(few) == brute_facets(values, few)


def test_no_filters_lists_everything():
    cols, values, _, live = make_columns()
    docs = cols.filter(SearchQuery())
    assert len(docs) == len(live)
    assert cols.facets(docs) == brute_facets(values, live)


def test_unit_list_finds_each_unit_once_and_never_across_units():
    from index.units import UnitList

    units = UnitList(["川口镇卫生院", "卫生院卫生院", "海东市民和县", "民和县川口镇中心学校", ""])
    assert units.containing("卫生院") == ["川口镇卫生院", "卫生院卫生院"]
    assert units.containing("川口镇") == ["川口镇卫生院", "民和县川口镇中心学校"]
    assert units.containing("学校") == ["民和县川口镇中心学校"]
    assert units.containing("院海东") == []  # the end of one unit and the start of the next
    assert units.containing("院\n海") == [] and units.containing("") == []
