"""The candidate check: the linker's rules applied to names a user brings."""

from __future__ import annotations

import pytest
from test_linking import collective, person, save

from archive.candidates import MAX_CANDIDATES, check_candidates
from archive.errors import BadInput
from archive.linking import link_records
from archive.store import open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "data")
    ids = {}
    (ids["award"],) = save(s, "a", "2021-12-20", "awarded", "海东市民族团结进步先进个人",
                           [person("张伟", "民和回族土族自治县第一中学")])
    (ids["rec"],) = save(s, "b", "2023-05-10", "recommended", "全国民族团结进步模范个人",
                         [person("张伟", "民和县第一中学", "1975-03", "男")])
    (ids["namesake"],) = save(s, "c", "2023-08-01", "proposed", "西宁市先进工作者",
                              [person("张伟", "西宁市城东区人民医院", "1980-11", "女")])
    (ids["org"],) = save(s, "d", "2022-01-01", "awarded", "先进集体", [collective("民和回族土族自治县教育局")])
    link_records(s, None)
    s.ids = ids
    yield s
    s.close()


def test_person_seen_before_is_matched_with_reason_and_stages(store):
    ids = store.ids
    answer = check_candidates(store, [{"name": "张 伟", "birth": "1975.3", "unit": "民和县第一中学"}])
    (result,) = answer["results"]
    assert result["candidate"] == {"name": "张 伟", "birth": "1975.3", "unit": "民和县第一中学"}
    (match,) = result["matches"]
    assert match["entity_id"] == store.record(ids["rec"])["entity_id"]
    assert "出生年月相同（1975-03）" in match["reason"]
    assert [r["record_id"] for r in match["records"]] == [ids["award"], ids["rec"]]
    assert [r["notice"]["stage"] for r in match["records"]] == ["awarded", "recommended"]
    assert [r["record_id"] for r in result["same_name_only"]] == [ids["namesake"]]


def test_birthless_candidate_matches_through_unit(store):
    (result,) = check_candidates(store, [{"name": "张伟", "unit": "青海省民和县第一中学"}])["results"]
    (match,) = result["matches"]
    assert match["reason"].startswith("同名，工作单位相符")
    assert len(result["same_name_only"]) == 1


def test_namesake_with_nothing_to_bridge_is_same_name_only(store):
    for cand in ({"name": "张伟", "birth": "1990-01", "unit": "民和县第一中学"}, {"name": "张伟"},
                 {"name": "张伟", "unit": "互助县林业局"}):
        (result,) = check_candidates(store, [cand])["results"]
        assert result["matches"] == [] and len(result["same_name_only"]) == 3


def test_new_name_has_neither(store):
    (result,) = check_candidates(store, [{"name": "欧阳娜娜", "unit": "民和县第一中学"}])["results"]
    assert result["matches"] == [] and result["same_name_only"] == []


def test_collective_matches_by_normalised_name(store):
    (result,) = check_candidates(store, [{"name": "民和县教育局"}])["results"]
    (match,) = result["matches"]
    assert match["entity_id"] == store.record(store.ids["org"])["entity_id"]
    assert match["reason"] == "单位名称相同（民和县教育局）"


def test_results_keep_the_order_given(store):
    names = ["欧阳娜娜", "张伟", "民和县教育局"]
    answer = check_candidates(store, [{"name": n} for n in names])
    assert [r["candidate"]["name"] for r in answer["results"]] == names


@pytest.mark.parametrize(
    "candidates, message",
    [
        ({"name": "张伟"}, "must be a list"),
        ([{"name": "张伟"}] * (MAX_CANDIDATES + 1), "at most 1000"),
        ([{"name": "张伟"}, {"unit": "x"}], "candidate 2 has no name"),
        ([{"name": "  "}], "candidate 1 has no name"),
        (["张伟"], "candidate 1 must be an object"),
        ([{"name": "张伟", "birth": "去年"}], "candidate 1: birth '去年'"),
        ([{"name": "张伟", "kind": "robot"}], "kind must be person or organization"),
    ],
)
def test_bad_input_is_one_line(store, candidates, message):
    with pytest.raises(BadInput) as err:
        check_candidates(store, candidates)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_thousand_candidates_are_fine(store):
    answer = check_candidates(store, [{"name": "张伟"}] * MAX_CANDIDATES)
    assert len(answer["results"]) == MAX_CANDIDATES
