"""Field normalisation: names, ethnicity, birth, gender, political, education."""

import pytest

from archive.extract.normalise import (
    clean_value,
    normalise_birth,
    normalise_education,
    normalise_ethnicity,
    normalise_free_text,
    normalise_gender,
    normalise_name,
    normalise_political,
    split_name,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("夏 露", "夏露"),
        ("王\u3000强", "王强"),
        ("王\u00a0强", "王强"),
        ("陈海忠同志", "陈海忠"),
        ("1.张三", "张三"),
        ("（3）李四", "李四"),
        ("一、王五", "王五"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("阿依古丽．买买提", "阿依古丽·买买提"),
        ("阿依古丽.买买提", "阿依古丽·买买提"),
        ("阿依古丽▪买买提", "阿依古丽·买买提"),
        ("阿依古丽･买买提", "阿依古丽·买买提"),
        ("阿依古丽‧买买提", "阿依古丽·买买提"),
        ("阿依古丽⋅买买提", "阿依古丽·买买提"),
        ("阿依古丽∙买买提", "阿依古丽·买买提"),
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("张三（女，朝鲜族）", "张三"),
        ("", None),
        ("  ", None),
    ],
)
def test_normalise_name(raw, expected):
    assert normalise_name(raw) == expected


def test_split_name_reads_annotations():
    parts = split_name("张三（女，朝鲜族）")
    assert (parts.name, parts.gender, parts.ethnicity) == ("张三", "女", "朝鲜族")
    parts = split_name("李四(男、土族)")
    assert (parts.name, parts.gender, parts.ethnicity) == ("李四", "男", "土族")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("汉", "汉族"), ("汉族", "汉族"), ("蒙古", "蒙古族"), ("回", "回族"), ("藏", "藏族"),
        ("土", "土族"), ("土族", "土族"), ("土家", "土家族"), ("土家族", "土家族"),
        ("维吾尔", "维吾尔族"), ("柯尔克孜", "柯尔克孜族"), ("京", "京族"), ("水", "水族"),
        (" 白 ", "白族"), ("漢族", "汉族"), ("火星族", None), ("", None), (None, None),
        ("汉族人", None), ("蒙古族乡", None),
    ],
)  # fmt: skip
def test_normalise_ethnicity(raw, expected):
    assert normalise_ethnicity(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1968.6", "1968-06"), ("1968.06", "1968-06"), ("1990.10", "1990-10"),
        ("1968年6月", "1968-06"), ("1968年06月", "1968-06"), ("196806", "1968-06"),
        ("1968-06", "1968-06"), ("1968/6", "1968-06"), ("1968-06-15", "1968-06"),
        ("1968.6.15", "1968-06"), ("1968.1", "1968-01"), ("1968 年 6 月", "1968-06"),
        ("1968年6月15日", "1968-06"), ("19680615", "1968-06"), ("1968年", "1968"),
        ("1968", "1968"), ("1968.13", None), ("1968.0", None), ("abc", None), ("", None),
        ("１９６８．０６", "1968-06"), ("1968年6月生", "1968-06"),
    ],
)  # fmt: skip
def test_normalise_birth(raw, expected):
    assert normalise_birth(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [("男", "男"), ("女", "女"), ("男性", "男"), ("女性", "女"), ("M", "男"), ("F", "女"),
     (" 女 ", "女"), ("未知", None), (None, None)],
)
def test_normalise_gender(raw, expected):
    assert normalise_gender(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("中共党员", "中共党员"), ("党员", "中共党员"), ("中共预备党员", "中共预备党员"),
        ("预备党员", "中共预备党员"), ("共青团员", "共青团员"), ("团员", "共青团员"),
        ("群众", "群众"), ("民盟盟员", "民盟盟员"), ("九三学社社员", "九三学社社员"),
        ("致公党党员", "致公党党员"), ("无党派人士", "无党派人士"), ("无党派", "无党派人士"),
        ("中 共 党 员", "中共党员"), ("宗教界人士", "宗教界人士"), ("", None), ("无", None),
    ],
)  # fmt: skip
def test_normalise_political(raw, expected):
    assert normalise_political(raw) == expected


def test_education_kept_as_written():
    assert normalise_education(" 大学 ") == "大学"
    assert normalise_education("硕士 研究生") == "硕士研究生"
    assert normalise_education("本科") == "本科"
    assert normalise_education("—") is None


def test_free_text_and_placeholders():
    assert normalise_free_text("都兰县香加乡 科尔村") == "都兰县香加乡科尔村"
    assert normalise_free_text("Intel 中国") == "Intel 中国"
    assert clean_value("无") is None
    assert clean_value(" / ") is None
    assert clean_value("讲师") == "讲师"


def test_free_text_keeps_characters_as_written():
    assert normalise_free_text("统战部（宣传部）副部长") == "统战部（宣传部）副部长"
    assert normalise_free_text("\u3000海西州 教育局\u3000") == "海西州教育局"


@pytest.mark.parametrize(
    "raw, expected",
    [("1980.05（44岁）", "1980-05"), ("1980年5月出生", "1980-05"), ("29221", "1980-01"),
     ("29221.0", "1980-01"), ("12345678", None)],
)
def test_birth_with_notes_and_spreadsheet_serials(raw, expected):
    assert normalise_birth(raw) == expected


def test_political_with_joining_date():
    assert normalise_political("中共党员（2001.07）") == "中共党员"
    assert normalise_political("中共党员2001.07入党") == "中共党员"


def test_fast_nfkc_and_squeeze_agree_with_unicodedata():
    import random
    import re
    import unicodedata

    from archive.extract.normalise import nfkc, squeeze

    space = re.compile(r"[\s\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff]+")
    rng = random.Random(7)
    alphabet = "王海 西州，（）：；！？．％－／＋＝＂［］\u3000\u00a0\u200b\ufeff…①⑴ＡＢ１２\t\n¨﹒㎡Ⅲ·•、。“”"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert nfkc(text) == unicodedata.normalize("NFKC", text), text
        assert squeeze(text) == space.sub("", unicodedata.normalize("NFKC", text)), text
