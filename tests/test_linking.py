"""Entity linking: one person, one history; namesakes apart; ids stable; judgements kept."""

from __future__ import annotations

import pytest

from archive.errors import BadInput, NotFound
from archive.linking import link_records, merge_entities, split_record
from archive.linking_rules import normalise_unit, unit_contains
from archive.model import NoticeMeta, ParsedNotice, Record
from archive.store import open_store

BASE = "http://www.example.gov.cn/tzgg/"


def person(name, unit=None, birth=None, gender=None, ethnicity=None, position=None):
    return Record(kind="person", name=name, name_raw=name, unit=unit, birth=birth, gender=gender,
                  ethnicity=ethnicity, position=position)


def collective(name):
    return Record(kind="organization", name=name, name_raw=name)


def save(store, slug, published, stage, award, records, level="province"):
    """Archive one notice through the real store; returns its record ids in order."""
    url = BASE + slug + ".html"
    doc = store.put_document(url=url, data=f"<html>{slug}</html>".encode(), content_type="text/html")
    for i, r in enumerate(records):
        r.document_url, r.location, r.raw = url, f"table 1 row {i + 1}", f"{r.name} | {r.unit}"
    meta = NoticeMeta(title=f"关于{award}的公示", published=published, year=int(published[:4]),
                      award=award, level=level, stage=stage)
    result = store.save_notice(url, ParsedNotice(meta=meta, records=records, is_commendation=True, url=url), doc)
    return result.added


def entity_of(store, record_id):
    return store.record(record_id)["entity_id"]


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def archive_2021_2025(store):
    """A person in three notices (saved out of date order), a namesake, a collective."""
    ids = {}
    # 2025 proposal arrives first (a crawl finds the newest notice first).
    ids["2025"], ids["org_2025"] = save(
        store, "t2025", "2025-09-08", "proposed", "青海省民族团结进步先进个人",
        [person("张伟", "海东市民和县第一中学", "1975-03", "男", "土族", "校长"), collective("民和回族土族自治县教育局")],
    )
    ids["2021"], ids["org_2021"] = save(
        store, "t2021", "2021-12-20", "awarded", "海东市民族团结进步先进个人",
        [person("张伟", "民和回族土族自治县第一中学"), collective("民和县教育局")], level="prefecture",
    )
    (ids["2023"],) = save(
        store, "t2023", "2023-05-10", "recommended", "全国民族团结进步模范个人",
        [person("张伟", "民和县第一中学", "1975-03", "男", "土族", "副校长")], level="national",
    )
    (ids["namesake"],) = save(
        store, "t2023b", "2023-08-01", "proposed", "西宁市先进工作者",
        [person("张伟", "西宁市城东区人民医院", "1980-11", "女", "汉族")], level="prefecture",
    )
    link_records(store, None)
    return ids


def test_one_person_across_three_notices_in_date_order(store, archive_2021_2025):
    ids = archive_2021_2025
    eid = entity_of(store, ids["2021"])
    assert eid and eid == entity_of(store, ids["2023"]) == entity_of(store, ids["2025"])
    entity = store.entity(eid)
    assert entity["kind"] == "person" and entity["name"] == "张伟"
    assert [r["record_id"] for r in entity["records"]] == [ids["2021"], ids["2023"], ids["2025"]]
    assert [t["year"] for t in entity["timeline"]] == [2021, 2023, 2025]
    # A recommendation is not an award: each stage stays as the notice said.
    assert [t["stage"] for t in entity["timeline"]] == ["awarded", "recommended", "proposed"]
    assert [t["level"] for t in entity["timeline"]] == ["prefecture", "national", "province"]
    assert all(t["notice_url"].startswith(BASE) and t["archive_url"].startswith("/archive/") for t in entity["timeline"])
    assert entity["units"] == ["民和回族土族自治县第一中学", "民和县第一中学", "海东市民和县第一中学"]
    assert entity["names"] == ["张伟"]


def test_each_link_keeps_its_reason(store, archive_2021_2025):
    ids = archive_2021_2025
    reasons = {k: store.record(ids[k])["link_reason"] for k in ("2021", "2023", "2025")}
    assert reasons["2021"] is None  # the first record of the person: nothing to explain
    assert "出生年月相同（1975-03）" in reasons["2025"] and "性别相同（男）" in reasons["2025"]
    # The 2023 record (birth and unit) bridges the 2021 decision (name and unit only).
    assert "工作单位" in reasons["2023"] and "民和县第一中学" in reasons["2023"]
    assert ids["2021"] in reasons["2023"]
    timeline = store.entity(entity_of(store, ids["2021"]))["timeline"]
    assert [t["reason"] for t in timeline] == [reasons["2021"], reasons["2023"], reasons["2025"]]


def test_namesake_with_other_birth_and_unit_is_another_entity(store, archive_2021_2025):
    ids = archive_2021_2025
    other = entity_of(store, ids["namesake"])
    assert other and other != entity_of(store, ids["2023"])
    assert [r["record_id"] for r in store.entity(other)["records"]] == [ids["namesake"]]


def test_collective_in_two_years_is_one_entity(store, archive_2021_2025):
    ids = archive_2021_2025
    eid = entity_of(store, ids["org_2021"])
    assert eid == entity_of(store, ids["org_2025"])
    entity = store.entity(eid)
    assert entity["kind"] == "organization" and len(entity["records"]) == 2
    assert "单位名称相同（民和县教育局）" in entity["records"][1]["link_reason"]


def test_unrelated_notice_leaves_entity_ids_unchanged(store, archive_2021_2025):
    before = {rid: entity_of(store, rid) for rid in archive_2021_2025.values()}
    added = save(store, "t2024", "2024-03-01", "proposed", "互助县先进个人",
                 [person("李娜", "互助县医院", "1990-01"), person("张伟", "大通县农业局", "1969-02"),
                  collective("互助县林业局")], level="county")
    link_records(store, added)
    assert {rid: entity_of(store, rid) for rid in before} == before
    assert len({entity_of(store, rid) for rid in added} | set(before.values())) == len(set(before.values())) + 3
    # A full relink gives the same ids as the incremental one.
    link_records(store, None)
    assert {rid: entity_of(store, rid) for rid in before} == before


def test_incremental_and_full_linking_agree(store):
    first = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("王芳", "湟中区卫生院")])
    link_records(store, first)
    second = save(store, "b", "2022-01-01", "proposed", "先进个人", [person("王芳", "西宁市湟中区卫生院", "1985-07")])
    link_records(store, second)
    incremental = {rid: (entity_of(store, rid), store.record(rid)["link_reason"]) for rid in first + second}
    assert incremental[first[0]][0] == incremental[second[0]][0]  # the older id is kept
    link_records(store, None)
    assert {rid: (entity_of(store, rid), store.record(rid)["link_reason"]) for rid in first + second} == incremental


def test_entity_id_kept_when_a_bridge_joins_two_entities(store):
    a = save(store, "a", "2020-01-01", "awarded", "先进个人", [person("马强", "化隆县扎巴镇政府")])
    b = save(store, "b", "2022-01-01", "proposed", "先进个人", [person("马强", "大通县教育局", "1977-09")])
    link_records(store, None)
    ea, eb = entity_of(store, a[0]), entity_of(store, b[0])
    assert ea != eb  # nothing connects them yet
    c = save(store, "c", "2023-01-01", "recommended", "先进个人", [person("马强", "化隆回族自治县扎巴镇人民政府", "1977-09")])
    link_records(store, c)
    assert entity_of(store, a[0]) == entity_of(store, b[0]) == entity_of(store, c[0]) == ea  # the older id


def test_ambiguous_birthless_record_is_left_alone(store):
    (plain,) = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("李军", "互助县第一中学")])
    x = save(store, "b", "2022-01-01", "proposed", "先进个人", [person("李军", "互助土族自治县第一中学", "1970-01")])
    y = save(store, "c", "2022-02-01", "proposed", "先进个人", [person("李军", "互助县第一中学", "1988-05")])
    link_records(store, None)
    ids = {entity_of(store, plain), entity_of(store, x[0]), entity_of(store, y[0])}
    assert len(ids) == 3


def test_stated_gender_or_ethnicity_keeps_same_birth_apart(store):
    a = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("刘洋", "甲单位一号", "1990-02", "男")])
    b = save(store, "b", "2022-01-01", "awarded", "先进个人", [person("刘洋", "乙单位二号", "1990-02", "女")])
    c = save(store, "c", "2023-01-01", "awarded", "先进个人", [person("刘洋", "丙单位三号", "1990-02", "男", "回族")])
    link_records(store, None)
    assert entity_of(store, a[0]) == entity_of(store, c[0]) != entity_of(store, b[0])


def test_name_alone_never_links(store):
    a = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("赵敏")])
    b = save(store, "b", "2022-01-01", "awarded", "先进个人", [person("赵敏", None, "1990-02")])
    link_records(store, None)
    assert entity_of(store, a[0]) != entity_of(store, b[0])


def test_merge_and_split_by_hand_survive_full_relink(store):
    (a,) = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("陈海忠", "都兰县香加乡科尔村", "1968-06")])
    (b,) = save(store, "b", "2022-01-01", "proposed", "先进个人", [person("陈海中", "都兰县香加乡科尔村", "1968-06")])
    (c,) = save(store, "c", "2023-01-01", "proposed", "先进个人", [person("陈海忠", "都兰县香加乡科尔村", "1968-06")])
    link_records(store, None)
    ea, eb = entity_of(store, a), entity_of(store, b)
    assert ea == entity_of(store, c) and ea != eb  # a misspelt name is another block
    result = merge_entities(store, ea, eb, note="同一人，姓名笔误")
    assert result.entity_id == ea and result.records == 3
    assert entity_of(store, b) == ea
    reason = store.record(b)["link_reason"]
    assert reason.startswith("人工合并（") and "姓名笔误" in reason
    # Split c off: it gets its own entity, and is not linked back although its birth agrees.
    split = split_record(store, c)
    ec = entity_of(store, c)
    assert ec == split.entity_id and ec != ea
    assert store.record(c)["link_reason"].startswith("人工拆分（")
    assert [r["record_id"] for r in store.entity(ea)["records"]] == [a, b]
    for _ in range(2):
        link_records(store, None)
        assert entity_of(store, a) == entity_of(store, b) == ea
        assert entity_of(store, c) == ec
    # A later record of the same person still joins the merged entity by evidence.
    (d,) = save(store, "d", "2024-01-01", "awarded", "先进个人", [person("陈海忠", "都兰县科尔村", "1968-06")])
    link_records(store, [d])
    assert entity_of(store, d) == ea and entity_of(store, c) == ec
    judgements = store.link_judgements()
    assert [j["action"] for j in judgements] == ["merge", "split"]
    assert all(len(j["created_at"]) == 20 for j in judgements)


def test_merge_after_split_reunites(store):
    (a,) = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("韩梅", "甲乡卫生院", "1980-01")])
    (b,) = save(store, "b", "2022-01-01", "awarded", "先进个人", [person("韩梅", "甲乡卫生院", "1980-01")])
    link_records(store, None)
    e = entity_of(store, a)
    split_record(store, b)
    assert entity_of(store, b) != e
    merge_entities(store, e, entity_of(store, b))
    link_records(store, None)
    assert entity_of(store, a) == entity_of(store, b) == e


def test_bad_judgements_change_nothing(store, archive_2021_2025):
    ids = archive_2021_2025
    before = {rid: entity_of(store, rid) for rid in ids.values()}
    with pytest.raises(NotFound):
        merge_entities(store, entity_of(store, ids["2021"]), "enosuchentity")
    with pytest.raises(BadInput):
        merge_entities(store, entity_of(store, ids["2021"]), entity_of(store, ids["2021"]))
    with pytest.raises(BadInput):
        merge_entities(store, entity_of(store, ids["2021"]), entity_of(store, ids["org_2021"]))
    with pytest.raises(NotFound):
        split_record(store, "rnosuchrecord")
    with pytest.raises(BadInput):
        split_record(store, ids["namesake"])  # alone already
    assert {rid: entity_of(store, rid) for rid in ids.values()} == before
    assert store.link_judgements() == []


def test_entity_unknown_is_none(store):
    assert store.entity("enope") is None


@pytest.mark.parametrize(
    "a, b",
    [
        ("民和回族土族自治县第一中学", "民和县第一中学"),
        ("海西蒙古族藏族自治州教育局", "海西州教育局"),
        ("中共民和县委员会组织部", "民和县委组织部"),
        ("中国共产党民和县委员会", "中共民和县委"),
        ("民和县人民政府", "民和县政府"),
        ("循化撒拉族自治县 街子镇", "循化县街子镇"),
    ],
)
def test_unit_spellings_of_one_body_normalise_alike(a, b):
    assert normalise_unit(a) == normalise_unit(b)


def test_unit_containment_needs_enough_characters():
    assert unit_contains("都兰县香加乡科尔村", "香加乡科尔村")
    assert unit_contains("香加乡科尔村", "都兰县香加乡科尔村")
    assert not unit_contains("都兰县教育局", "教育局")  # too little to say it is one place
    assert not unit_contains("大通县教育局", "湟中区教育局")


def test_records_archived_before_any_linking_are_still_met(store):
    # Archived while no linker ran: no block recorded for them yet.
    (old,) = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("马丽", "门源回族自治县教育局")])
    (new,) = save(store, "b", "2022-01-01", "proposed", "先进个人", [person("马丽", "门源县教育局", "1979-04")])
    link_records(store, [new])
    assert entity_of(store, new) == entity_of(store, old)


def test_full_relink_reads_whole_blocks_a_page_at_a_time(store):
    save(store, "a", "2021-01-01", "awarded", "先进个人",
         [person("甲一", "某单位一号"), person("甲一", "某单位二号"), person("甲一", "某单位三号"),
          person("乙二", "某单位一号"), person("丙三", "某单位一号"), person("丙三", "某单位二号")])
    store.start_link_work()
    try:
        store.add_link_work(
            ("p:" + r["name"], r["pk"], r["record_id"], r["kind"], r["name"], r["birth"], r["gender"],
             r["ethnicity"], r["unit"], r["date"], r["entity_id"], r["link_reason"])
            for batch in store.iter_link_source(batch_size=2) for r in batch
        )
        store.sort_link_work()
        pages = list(store.iter_link_work_blocks(page_size=2))
    finally:
        store.end_link_work()
    blocks = [[r["name"] for r in page] for page in pages]
    # A block larger than a page is read alone; no block is ever cut in two.
    assert sorted(n for page in blocks for n in page) == sorted(["甲一"] * 3 + ["乙二"] + ["丙三"] * 2)
    seen: set[str] = set()
    for page in blocks:
        for name in dict.fromkeys(page):
            assert name not in seen
            seen.add(name)


def test_a_namesake_making_a_link_doubtful_leaves_the_larger_part_its_id(store):
    (w,) = save(store, "a", "2021-01-01", "awarded", "先进个人", [person("杨帆", "乐都区高庙镇政府")])
    (b1,) = save(store, "b", "2022-01-01", "proposed", "先进个人", [person("杨帆", "海东市乐都区高庙镇政府", "1981-03")])
    (b2,) = save(store, "c", "2023-01-01", "recommended", "先进个人", [person("杨帆", "乐都区委组织部", "1981-03")])
    link_records(store, None)
    e = entity_of(store, w)
    assert entity_of(store, b1) == entity_of(store, b2) == e
    # Another 杨帆 of the same town, born 1990: the birth-less 2021 record could be either.
    (n,) = save(store, "d", "2024-01-01", "proposed", "先进个人", [person("杨帆", "乐都区高庙镇人民政府", "1990-12")])
    link_records(store, [n])
    assert entity_of(store, b1) == entity_of(store, b2) == e
    assert len({e, entity_of(store, w), entity_of(store, n)}) == 3
    link_records(store, None)
    assert entity_of(store, b1) == e and entity_of(store, w) not in (e, entity_of(store, n))
