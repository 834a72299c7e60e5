"""The whoosh index runs large segment merges in a forked child (their memory
goes back to the OS); the index must come out the same as merged in-process."""

from __future__ import annotations

import os

import pytest

from index import whoosh_engine
from index.base import SearchQuery
from index.whoosh_engine import WhooshIndex

SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "海忠建国秀英丽华志强明"


def batch(b: int, size: int = 3) -> list[dict]:
    return [
        {
            "record_id": f"r{b:02d}{i}",
            "name": SURNAMES[b % 10] + GIVEN[i % 10] + GIVEN[(b + i) % 10],
            "kind": "person",
            "ethnicity": "汉族" if i % 2 else "回族",
            "unit": f"第{b}中学",
            "notice": {"year": 2020 + b % 3, "published": f"202{b % 3}-0{i + 1}-01", "stage": "拟推荐"},
        }
        for i in range(size)
    ]


def crawl_like(path, batches: int) -> WhooshIndex:
    idx = WhooshIndex(path)
    for b in range(batches):
        idx.add(batch(b))
    idx.add([{**batch(0)[0], "unit": "改过的单位"}])  # a recrawl replaces a record
    return idx


def answers(idx: WhooshIndex) -> list:
    out = []
    for text in ("", "王", "海忠", "wang", "第3中学", "改过"):
        res = idx.search(SearchQuery(text=text, size=100))
        out.append((text, res.total, [(h.record_id, h.score) for h in res.hits]))
    return out


def segment_count(idx: WhooshIndex) -> int:
    from whoosh import index as windex

    ix = windex.open_dir(str(idx.path))
    try:
        return len(ix._segments())
    finally:
        ix.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_large_merge_in_a_child_gives_the_same_index(tmp_path, monkeypatch):
    monkeypatch.setattr(whoosh_engine, "CHILD_MERGE_DOCS", 10**9)
    here = crawl_like(tmp_path / "here", 12)
    expected, expected_segments = answers(here), segment_count(here)
    here.close()

    children = []
    real = WhooshIndex._merge_in_child

    def counted(self, merge):
        ok = real(self, merge)
        children.append(ok)
        return ok

    monkeypatch.setattr(whoosh_engine, "CHILD_MERGE_DOCS", 1)
    monkeypatch.setattr(WhooshIndex, "_merge_in_child", counted)
    forked = crawl_like(tmp_path / "forked", 12)
    assert children and all(children)  # the merges ran, in children, and succeeded
    assert segment_count(forked) == expected_segments < 12
    assert answers(forked) == expected
    forked.close()


def test_failed_child_merge_falls_back_to_merging_here(tmp_path, monkeypatch):
    monkeypatch.setattr(whoosh_engine, "CHILD_MERGE_DOCS", 1)
    monkeypatch.setattr(WhooshIndex, "_merge_in_child", lambda self, merge: False)
    idx = crawl_like(tmp_path / "ix", 12)
    assert segment_count(idx) < 12
    assert idx.count() == 36
    idx.close()
