"""Chinese-aware search, run against both engines on a fixture archive.

The archive is built through the real store (documents, notices, records in
SQLite), then indexed; every test asks through `search_api`, as the web UI
and `gongshi search` do.
"""

from __future__ import annotations

import pytest

from archive.model import NoticeMeta, ParsedNotice, Record
from archive.store import open_store
from index import BadQuery, iter_search_ids, open_index, search_api

ENGINES = ("whoosh", "tantivy")


def person(name, ethnicity, unit, gender="男", deeds=None, position=None):
    return Record(
        kind="person", name=name, name_raw=name, gender=gender, ethnicity=ethnicity, unit=unit,
        position=position, deeds=deeds,
    )


NOTICES = [
    (
        "http://tzb.haixi.gov.cn/2025/0908.html",
        NoticeMeta(
            title="关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示", published="2025-09-08", year=2025,
            issuer="中共海西州委统一战线工作领导小组办公室", award="青海省民族团结进步先进集体和先进个人",
            level="province", stage="recommended", region="青海省海西蒙古族藏族自治州",
        ),
        [
            person("陈海忠", "汉族", "都兰县香加乡科尔村", position="党支部书记兼村委会主任"),
            person("阿依古丽·买买提", "维吾尔族", "天峻县新源镇城西社区居民委员会", gender="女"),
            person("花木措", "蒙古族", "海西州文体旅游广电局", gender="女"),
            person("郭海芳", "土族", "海西州人民检察院", gender="女"),
            person("东主才让", "藏族", "海西州融媒体中心"),
            Record(kind="organization", name="乌兰县柯柯镇人民政府", name_raw="乌兰县柯柯镇人民政府"),
        ],
    ),
    (
        "http://www.hunan.gov.cn/2023/biaozhang.html",
        NoticeMeta(
            title="湖南省人民政府关于表彰民族团结进步模范的决定", published="2023-05-10", year=2023,
            issuer="湖南省人民政府", award="湖南省民族团结进步模范", level="province", stage="awarded",
            region="湖南省",
        ),
        [
            person("陈海忠", "汉族", "长沙市第一中学", position="教师"),  # a namesake
            person("单雄信", "土家族", "湘西土家族苗族自治州民族事务委员会"),
            person("解红梅", "土家族", "吉首市人民医院", gender="女"),
            person("李明", "汉族", "长沙市雨花区城南街道", deeds="长期协助陈海忠开展民族团结宣传工作"),
        ],
    ),
    (
        "http://www.minhe.gov.cn/2024/gongshi.html",
        NoticeMeta(
            title="民和县拟表彰民族团结进步先进个人公示", published="2024-03-01", year=2024,
            issuer="民和县委统战部", award="民和县民族团结进步先进个人", level="county", stage="proposed",
            region="青海省海东市民和回族土族自治县",
        ),
        [
            person("曾小明", "汉族", "川口镇卫生院"),
            person("区志强", "回族", "民和县川口镇中心学校"),
            person("查海生", "土族", "官亭镇人民政府"),
            person("朴成哲", "朝鲜族", "民和县人民医院"),
            person("仇建国", "撒拉族", "马营镇卫生院"),
            person("王海忠", "汉族", "古鄯镇政府"),
        ],
    ),
]


def build_archive(path):
    store = open_store(path)
    for url, meta, records in NOTICES:
        doc = store.put_document(url=url, data=url.encode() + b" notice", content_type="text/html", status=None)
        store.save_notice(url, ParsedNotice(meta=meta, records=records, is_commendation=True, url=url), doc)
    return store


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    store = build_archive(tmp_path_factory.mktemp("archive"))
    indexes = {}
    for engine in ENGINES:
        idx = open_index(store, engine)
        idx.rebuild(store.iter_records())
        indexes[engine] = idx
    yield store, indexes
    for idx in indexes.values():
        idx.close()
    store.close()


@pytest.fixture(params=ENGINES)
def search(request, archive):
    store, indexes = archive
    idx = indexes[request.param]

    def run(**params):
        return search_api(store, idx, {k: str(v) for k, v in params.items()})

    return run


def names(answer):
    return [r["name"] for r in answer["results"]]


# --- finding people and units ----------------------------------------------------


def test_full_name_finds_both_namesakes_ranked_first(search):
    answer = search(q="陈海忠")
    assert names(answer)[:2] == ["陈海忠", "陈海忠"]
    units = {r["unit"] for r in answer["results"][:2]}
    assert units == {"都兰县香加乡科尔村", "长沙市第一中学"}
    # The deeds that mention him match too, but after the exact name.
    assert names(answer)[2:] == ["李明"]


def test_given_name(search):
    found = names(search(q="海忠"))
    assert sorted(found[:3]) == ["王海忠", "陈海忠", "陈海忠"]


@pytest.mark.parametrize("q", ["阿依古丽", "买买提", "阿依古丽·买买提", "阿依古丽•买买提", "阿依古丽买买提"])
def test_part_of_a_minority_name(search, q):
    assert names(search(q=q))[0] == "阿依古丽·买买提"


def test_rare_names_that_segmentation_would_miss(search):
    assert names(search(q="东主才让")) == ["东主才让"]
    assert names(search(q="才让")) == ["东主才让"]


@pytest.mark.parametrize(
    "q, expected",
    [("城西社区", "阿依古丽·买买提"), ("川口镇卫生院", "曾小明"), ("香加乡", "陈海忠"), ("融媒体", "东主才让")],
)
def test_unit_fragment(search, q, expected):
    assert names(search(q=q)) == [expected]


def test_unit_fragment_with_several_matches(search):
    assert sorted(names(search(q="卫生院"))) == ["仇建国", "曾小明"]


@pytest.mark.parametrize("q, expected", [("陳海忠", "陈海忠"), ("城西社區", "阿依古丽·买买提"), ("東主才讓", "东主才让")])
def test_traditional_characters(search, q, expected):
    assert names(search(q=q))[0] == expected


@pytest.mark.parametrize("q", ["chen haizhong", "chenhaizhong", "Chen Haizhong", "CHENHAIZHONG", "chz"])
def test_pinyin(search, q):
    assert names(search(q=q)) == ["陈海忠", "陈海忠"]


@pytest.mark.parametrize(
    "q, expected",
    [("zeng", "曾小明"), ("zeng xiaoming", "曾小明"), ("shan", "单雄信"), ("xie hongmei", "解红梅"),
     ("qiu", "仇建国"), ("ou", "区志强"), ("zha haisheng", "查海生"), ("piao", "朴成哲")],
)  # fmt: skip
def test_pinyin_reads_surnames_as_surnames(search, q, expected):
    assert names(search(q=q)) == [expected]


def test_pinyin_of_a_minority_name(search):
    assert names(search(q="ayiguli")) == ["阿依古丽·买买提"]


def test_organization_by_name(search):
    answer = search(q="柯柯镇")
    assert names(answer) == ["乌兰县柯柯镇人民政府"]
    assert answer["results"][0]["kind"] == "organization"


def test_nothing_found(search):
    answer = search(q="不存在的名字")
    assert answer["total"] == 0 and answer["results"] == []


# --- filters and facets --------------------------------------------------------------


def test_short_ethnicity_tu_is_tu_never_tujia(search):
    answer = search(ethnicity="土")
    assert sorted(names(answer)) == ["查海生", "郭海芳"]
    assert answer["facets"]["ethnicity"] == {"土族": 2}


def test_short_ethnicity_mongol(search):
    assert names(search(ethnicity="蒙古")) == ["花木措"]
    assert names(search(ethnicity="蒙古族")) == ["花木措"]


def test_ethnicity_filter_with_query(search):
    assert names(search(q="陈海忠", ethnicity="汉")) == ["陈海忠", "陈海忠", "李明"]
    assert sorted(names(search(q="海", ethnicity="土"))) == ["查海生", "郭海芳"]


def test_year_and_range(search):
    assert search(year=2023)["total"] == 4
    assert search(year_from=2024)["total"] == 12
    assert search(year_from=2023, year_to=2024)["total"] == 10
    assert search(q="陈海忠", year=2025)["results"][0]["unit"] == "都兰县香加乡科尔村"


def test_kind_stage_level(search):
    assert names(search(kind="organization")) == ["乌兰县柯柯镇人民政府"]
    assert search(stage="awarded")["total"] == 4
    assert search(level="county")["total"] == 6
    assert search(stage="proposed", level="province")["total"] == 0


def test_region_finds_everything_inside_it(search):
    assert search(region="青海省")["total"] == 12
    assert search(region="青海省海西蒙古族藏族自治州")["total"] == 6
    assert search(region="青海省海东市")["total"] == 6
    assert search(region="湖南省")["total"] == 4
    assert search(region="甘肃省")["total"] == 0


def test_empty_query_lists_everything_with_facets(search):
    answer = search()
    assert answer["total"] == 16
    facets = answer["facets"]
    assert set(facets) == {"ethnicity", "year", "kind", "stage", "level", "region"}
    assert facets["year"] == {"2025": 6, "2024": 6, "2023": 4}
    assert facets["kind"] == {"person": 15, "organization": 1}
    assert facets["stage"] == {"recommended": 6, "awarded": 4, "proposed": 6}
    assert facets["level"] == {"province": 10, "county": 6}
    assert facets["ethnicity"]["汉族"] == 5 and facets["ethnicity"]["土家族"] == 2
    assert sum(facets["ethnicity"].values()) == 15  # the organization has none
    assert facets["region"]["湖南省"] == 4


def test_facets_follow_the_query(search):
    facets = search(q="陈海忠")["facets"]
    assert facets["year"] == {"2025": 1, "2023": 2}
    assert facets["region"] == {"湖南省": 2, "青海省海西蒙古族藏族自治州": 1}


def test_filter_only_results_newest_first(search):
    years = [r["notice"]["year"] for r in search(size=100)["results"]]
    assert years == sorted(years, reverse=True)


def test_relevance_then_date_for_equal_scores(search):
    # The two namesakes score the same: the 2025 one comes first.
    results = search(q="chenhaizhong")["results"]
    assert [r["notice"]["year"] for r in results] == [2025, 2023]


# --- results -----------------------------------------------------------------------


def test_contract_shape_and_highlights(search):
    answer = search(q="城西社区")
    assert set(answer) == {"total", "page", "size", "results", "facets"}
    record = answer["results"][0]
    assert record["record_id"] and record["notice"]["region"] == "青海省海西蒙古族藏族自治州"
    assert record["highlights"]["unit"] == "天峻县新源镇<mark>城西社区</mark>居民委员会"


def test_highlight_of_traditional_query_marks_the_simplified_text(search):
    record = search(q="陳海忠")["results"][0]
    assert record["highlights"]["name"] == "<mark>陈海忠</mark>"


def test_pagination(search):
    first = search(size=5, page=1)
    second = search(size=5, page=2)
    last = search(size=5, page=4)
    assert first["total"] == 16 and len(first["results"]) == 5 and len(last["results"]) == 1
    ids = [r["record_id"] for page in (first, second) for r in page["results"]]
    assert len(set(ids)) == 10
    assert (second["page"], second["size"]) == (2, 5)


@pytest.mark.parametrize(
    "params",
    [{"size": "101"}, {"size": "0"}, {"page": "0"}, {"page": "abc"}, {"year": "二〇二五"}, {"year": "99999"},
     {"ethnicity": "火星族"}, {"kind": "alien"}, {"stage": "done"}, {"level": "planet"},
     {"year_from": "2025", "year_to": "2020"}, {"q": "长" * 201}, {"page": "100000", "size": "100"}],
)  # fmt: skip
def test_bad_parameters(search, params):
    with pytest.raises(BadQuery):
        search(**params)


@pytest.mark.parametrize("q", ['"', "(", "AND OR NOT", "*:*", "title:[a TO", "\\", "陈海忠)", "~!@#$%^&*"])
def test_query_syntax_is_never_an_error(search, q):
    assert search(q=q)["total"] >= 0


def test_iter_search_ids_streams_every_match(archive):
    store, indexes = archive
    for idx in indexes.values():
        ids = list(iter_search_ids(store, idx, {"region": "青海省", "size": "2"}))
        assert len(ids) == 12 and len(set(ids)) == 12
        assert list(iter_search_ids(store, idx, {"q": "陈海忠"}))[:2] == [
            r["record_id"] for r in search_api(store, idx, {"q": "陈海忠"})["results"][:2]
        ]


def test_engines_agree(archive):
    store, indexes = archive
    for params in ({"q": "海"}, {"q": "民族团结宣传"}, {"ethnicity": "汉"}, {"q": "卫生", "region": "青海省"}, {}):
        answers = [search_api(store, idx, {**params, "size": "100"}) for idx in indexes.values()]
        assert answers[0]["total"] == answers[1]["total"]
        assert answers[0]["facets"] == answers[1]["facets"]
        assert {r["record_id"] for r in answers[0]["results"]} == {r["record_id"] for r in answers[1]["results"]}
        # Same scoring in both (a constant per way of matching), ties newest first.
        assert [r["notice"]["published"] for r in answers[0]["results"]] == [
            r["notice"]["published"] for r in answers[1]["results"]
        ]


def test_deeds_match_is_highlighted_in_a_snippet(search):
    record = search(q="民族团结宣传")["results"][0]
    assert record["name"] == "李明"
    assert record["highlights"]["deeds"] == "长期协助陈海忠开展<mark>民族团结宣传</mark>工作"


def test_pinyin_match_highlights_the_name(search):
    assert search(q="chz")["results"][0]["highlights"] == {"name": "<mark>陈海忠</mark>"}
