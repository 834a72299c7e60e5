"""Whole notices written as prose, in the shapes different sites use, and the
page furniture around them that must give nothing."""

from __future__ import annotations

import pytest

from archive.extract.prose import records_from_paragraphs
from archive.model import Paragraph, Record


def parse_text(text: str) -> list[Record]:
    lines = [line for line in text.strip().split("\n") if line.strip()]
    return records_from_paragraphs(
        [Paragraph(t, f"paragraph {i + 1}") for i, t in enumerate(lines)]
    )


def test_provincial_decision_with_region_groups() -> None:
    recs = parse_text(
        """
省人民政府关于表彰全省民族团结进步模范集体和模范个人的决定
各市、自治州人民政府，省政府各委、办、厅、局：
近年来，全省各族干部群众凝心聚力，涌现出一大批先进典型。为表彰先进，省政府决定，授予西宁市城中区南滩街道办事处等100个单位“全省民族团结进步模范集体”称号，授予马海军等150名同志“全省民族团结进步模范个人”称号。
希望受到表彰的模范集体和模范个人珍惜荣誉。
附件：全省民族团结进步模范集体和模范个人名单
青海省人民政府
2024年9月20日
附件
全省民族团结进步模范集体和模范个人名单
一、模范集体（100个）
西宁市（3个）
西宁市城中区南滩街道办事处　西宁市城东区清真巷社区居民委员会　西宁市第十四中学
海东市（2个）
民和回族土族自治县官亭镇人民政府、化隆回族自治县扎巴镇中心学校
二、模范个人（150名）
西宁市（3名）
马海军（回族）　西宁市城东区东关大街清真巷社区党委书记
李秀兰（女）　西宁市城中区人民医院主任医师
才让东智（藏族）　西宁市湟中区上五庄镇包勒村村民
海东市（2名）
韩建国（撒拉族）　循化撒拉族自治县公安局民警
祁卫东（土族）　互助土族自治县威远镇干部
"""
    )
    orgs = [r.name for r in recs if r.kind == "organization"]
    assert orgs == [
        "西宁市城中区南滩街道办事处",
        "西宁市城东区清真巷社区居民委员会",
        "西宁市第十四中学",
        "民和回族土族自治县官亭镇人民政府",
        "化隆回族自治县扎巴镇中心学校",
    ]
    people = {r.name: r for r in recs if r.kind == "person"}
    assert list(people) == ["马海军", "李秀兰", "才让东智", "韩建国", "祁卫东"]
    assert people["马海军"].ethnicity == "回族"
    assert people["马海军"].unit == "西宁市城东区东关大街清真巷社区党委书记"
    assert people["李秀兰"].gender == "女" and people["李秀兰"].ethnicity is None
    assert people["韩建国"].ethnicity == "撒拉族"  # not the 撒拉族 of the county's name


def test_recommendation_with_chinese_numbered_entries() -> None:
    recs = parse_text(
        """
关于推荐2025年全国五一劳动奖章候选人的公示
根据全国总工会有关通知要求，经基层推荐、省总工会审核，拟推荐以下同志为2025年全国五一劳动奖章候选人，现予以公示。
一、候选人名单
（一）李志强，男，汉族，1978年10月出生，中共党员，大学本科学历，高级技师，青海盐湖工业股份有限公司钾肥分公司维修车间主任。
（二）卓玛，女，藏族，1986年4月出生，群众，中专学历，玉树州囊谦县香达镇卫生院护士。
（三）阿依古丽·买买提，女，维吾尔族，1990年2月出生，共青团员，大专学历，海西州格尔木市昆仑路街道办事处职工。
二、公示时间
2025年3月10日至2025年3月16日（5个工作日）。
三、受理方式
公示期间，对候选人有异议的，可通过来电、来信、来访等方式向省总工会反映。
联系电话：0971-8888888
青海省总工会
2025年3月10日
"""
    )
    assert [r.name for r in recs] == ["李志强", "卓玛", "阿依古丽·买买提"]
    li = recs[0]
    assert (li.education, li.title) == ("大学本科", "高级技师")
    assert li.unit == "青海盐湖工业股份有限公司钾肥分公司维修车间主任"
    assert recs[1].unit == "玉树州囊谦县香达镇卫生院护士"


def test_county_decision_with_space_separated_lists() -> None:
    recs = parse_text(
        """
中共门源县委 门源县人民政府关于表彰2024年度先进集体和先进个人的决定
各乡镇党委、政府，县直各部门：
为表彰先进，县委、县政府决定，授予浩门镇人民政府等3个单位“2024年度先进集体”称号，授予张三等3名同志“2024年度先进个人”称号。
附件：2024年度先进集体和先进个人名单
中共门源县委
门源县人民政府
2025年1月10日
附件
2024年度先进集体和先进个人名单
一、先进集体（3个）
县委办公室　　县政府办公室　　县发展和改革局
二、先进个人（3名）
张　三　县委办公室副主任
李四　县发展和改革局局长
东主才让　浩门镇牧民
"""
    )
    assert [(r.kind, r.name, r.unit) for r in recs] == [
        ("organization", "县委办公室", None),
        ("organization", "县政府办公室", None),
        ("organization", "县发展和改革局", None),
        ("person", "张三", "县委办公室副主任"),
        ("person", "李四", "县发展和改革局局长"),
        ("person", "东主才让", "浩门镇牧民"),
    ]


def test_single_nominee_notice_merges_sentence_and_details() -> None:
    recs = parse_text(
        """
经县委研究，拟推荐张建国同志为2025年全国劳动模范候选人，现予以公示。
张建国，男，汉族，1972年3月生，中共党员，门源县浩门镇头塘村党支部书记。
公示期间，如有异议，请与县总工会联系。
"""
    )
    assert len(recs) == 1
    r = recs[0]
    assert (r.name, r.gender, r.birth, r.unit) == (
        "张建国",
        "男",
        "1972-03",
        "门源县浩门镇头塘村党支部书记",
    )


def test_enumeration_comma_inside_a_unit_is_kept() -> None:
    recs = parse_text(
        """
二、先进个人（3名）
门源县浩门镇头塘村党支部书记、村委会主任马福海、门源县人民医院副院长、主任医师李红梅、王强
"""
    )
    assert [(r.name, r.unit) for r in recs] == [
        ("马福海", "门源县浩门镇头塘村党支部书记、村委会主任"),
        ("李红梅", "门源县人民医院副院长、主任医师"),
        ("王强", None),
    ]


def test_page_furniture_gives_nothing() -> None:
    recs = parse_text(
        """
当前位置：首页 > 通知公告
【字体：大 中 小】
关于2025年度优秀共产党员拟表彰对象的公示
发布时间：2025-06-20 来源：县委组织部 浏览次数：123
根据工作安排，经各基层党组织推荐、县委组织部审核，拟表彰以下同志为优秀共产党员，现予公示：
王建平　李秀英　张国强　刘海燕
二、公示时间
2025年6月20日至6月26日。
推荐单位：湟中区委组织部
主办单位：湟中区人民政府办公室
首页 机构概况 政务公开 新闻中心
打印本页 关闭窗口
"""
    )
    assert [r.name for r in recs] == ["王建平", "李秀英", "张国强", "刘海燕"]


def test_attachment_title_line_opens_the_list() -> None:
    recs = parse_text(
        """
附件1：拟表彰先进个人名单
1.马建华（海晏县三角城镇）
2.陈玉梅（女，海晏县人民医院）
"""
    )
    assert [r.name for r in recs] == ["马建华", "陈玉梅"]


def test_requirements_section_is_not_a_list() -> None:
    recs = parse_text(
        """
一、推荐对象条件
1.政治立场坚定，热爱本职工作
2.群众公认
3.全省各级党政机关、企事业单位干部职工
二、推荐程序
"""
    )
    assert recs == []


def test_decision_praising_named_people() -> None:
    recs = parse_text("对李明、王芳同志予以通报表扬。")
    assert [r.name for r in recs] == ["李明", "王芳"]


NEWS_SENTENCES = """
9月8日上午，州委书记王华杰主持召开州委常委会会议。
州长李明出席会议并讲话。
副州长张强、秘书长赵刚参加会议。
张海生说：“管道就是生命线。”
近年来，马福海带领村民发展特色产业，人均收入增长12%。
他先后荣获“全国劳动模范”“全国优秀共产党员”等称号。
2019年，李秀英被评为全省优秀教师。
村党支部书记王德明介绍，今年合作社分红达到50万元。
县委常委、组织部长刘建国，县委常委、宣传部长陈红出席活动。
本次活动由县委宣传部、县文明办、县妇联联合主办。
全县共评选出先进集体20个、先进个人50名。
医院院长马成龙表示，将持续提升医疗服务水平。
通讯员　李明　摄影　赵强
张军贤和研究员们集聚在实验台前。
项目负责人柴君平在会上再次强调
获奖者代表张三发言
午时·谋远(13:00—15:00)
更深露重，万籁俱寂。
党建引领促团结 石榴结籽心连心
(二)强化理论宣传，筑牢思想根基。
"""


@pytest.mark.parametrize(
    "heading", [None, "拟表彰对象名单如下：", "先进集体（3个）", "先进个人（3名）"]
)
def test_news_sentences_give_nothing_even_right_after_a_heading(heading: str | None) -> None:
    # The worst case: every sentence of a news story directly under a list heading.
    lines: list[str] = []
    for sentence in NEWS_SENTENCES.strip().split("\n"):
        lines += ([heading] if heading else []) + [sentence]
    recs = records_from_paragraphs([Paragraph(t, f"p{i}") for i, t in enumerate(lines)])
    assert [r.name for r in recs] == []


def test_label_followed_by_a_field_entry() -> None:
    recs = parse_text(
        "拟推荐对象：韩梅，女，撒拉族，1983年9月出生，中共党员，循化县街子镇党委书记。"
    )
    r = recs[0]
    assert (r.name, r.gender, r.ethnicity, r.birth, r.unit) == (
        "韩梅",
        "女",
        "撒拉族",
        "1983-09",
        "循化县街子镇党委书记",
    )


def test_name_bracket_then_unit_and_name_colon_unit() -> None:
    recs = parse_text(
        """
先进个人名单
1、张红（女，1985年6月出生，中共党员）海东市平安区人民医院职员
2.李国栋：平安区三合镇党委书记
3.阿依古丽.买买提（女，维吾尔族）
"""
    )
    got = {r.name: r for r in recs}
    assert got["张红"].unit == "海东市平安区人民医院职员" and got["张红"].birth == "1985-06"
    assert got["李国栋"].unit == "平安区三合镇党委书记"
    assert got["阿依古丽·买买提"].name_raw == "阿依古丽.买买提"


def test_award_with_title_in_quotes_and_no_comrade() -> None:
    assert [r.name for r in parse_text("决定授予王建平、李秀英“全国优秀教师”称号。")] == [
        "王建平",
        "李秀英",
    ]
    assert parse_text("决定授予湟中区人民医院“全国文明单位”称号。") == []


def test_minority_names_beside_han_names_under_a_mixed_heading() -> None:
    recs = parse_text("拟表彰对象名单如下：\n王建华（湟中区）、扎西、卓玛（女，藏族）")
    assert [r.name for r in recs] == ["王建华", "扎西", "卓玛"]


def test_flattened_table_rows_with_single_ideographic_spaces() -> None:
    recs = parse_text(
        """
序号　姓名　性别　民族　工作单位　职务
1　张三　男　汉族　湟中区教育局　局长
2　卓玛　女　藏族　湟中区群加乡人民政府　干部
"""
    )
    assert [(r.name, r.gender, r.ethnicity, r.unit, r.position) for r in recs] == [
        ("张三", "男", "汉族", "湟中区教育局", "局长"),
        ("卓玛", "女", "藏族", "湟中区群加乡人民政府", "干部"),
    ]


def test_count_after_a_list_and_title_in_brackets() -> None:
    recs = parse_text("先进个人名单\n张三、李四、王五（共3名）\n赵六（特级教师）")
    assert [r.name for r in recs] == ["张三", "李四", "王五", "赵六"]
    assert recs[2].unit is None and recs[3].title == "特级教师"


def test_extract_context_prefixes_locations() -> None:
    from archive.extract.context import ExtractContext

    ctx = ExtractContext(document_url="https://example.gov.cn/f.docx", location_prefix="附件2 ")
    paragraphs = [
        Paragraph("先进个人名单", "paragraph 1"),
        Paragraph("王海（湟中区鲁沙尔镇）", "paragraph 2"),
    ]
    recs = records_from_paragraphs(paragraphs, ctx)
    assert [(r.name, r.location, r.document_url) for r in recs] == [
        ("王海", "附件2 paragraph 2", "https://example.gov.cn/f.docx")
    ]


def test_group_labels_without_a_place_suffix() -> None:
    recs = parse_text(
        """
先进个人名单
海晏：张建、李梅（女，回族）
刚察：王五
门源：马福海（浩门镇干部）
李国栋：平安区三合镇党委书记
先进个人（2名）孙立、赵敏（女 回族）
"""
    )
    got = {r.name: r for r in recs}
    assert list(got) == ["张建", "李梅", "王五", "马福海", "李国栋", "孙立", "赵敏"]
    assert got["马福海"].unit == "浩门镇干部"
    assert got["李国栋"].unit == "平安区三合镇党委书记"
    assert (got["赵敏"].gender, got["赵敏"].ethnicity) == ("女", "回族")


def test_group_heading_that_names_a_unit_gives_the_members_their_unit() -> None:
    recs = parse_text(
        """
附：先进个人名单（按单位排列）
县教育局（3名）：李明、张海燕、韩永福
县卫生健康局（2名）：马晓红、才让吉（女）
城关镇人民政府（1名）：赵国栋（城关镇西街社区）
"""
    )
    assert [(r.name, r.unit) for r in recs] == [
        ("李明", "县教育局"),
        ("张海燕", "县教育局"),
        ("韩永福", "县教育局"),
        ("马晓红", "县卫生健康局"),
        ("才让吉", "县卫生健康局"),
        ("赵国栋", "城关镇西街社区"),  # its own unit wins
    ]


def test_last_collective_before_the_signature_is_kept_when_the_count_says_so() -> None:
    recs = parse_text(
        """
全县先进基层党组织（3个）
中共城关镇东街社区支部委员会
中共县人民医院内科支部委员会
中共河阴镇下排村支部委员会
中共化隆回族自治县委员会
2024年6月28日
"""
    )
    assert [r.name for r in recs] == [
        "中共城关镇东街社区支部委员会",
        "中共县人民医院内科支部委员会",
        "中共河阴镇下排村支部委员会",
    ]


def test_bulleted_news_list_with_brackets_in_units() -> None:
    recs = parse_text(
        """
厦门市入围的3人分别是：
●林雅琴 厦门大学附属第一医院副护士长(副主任护师)
●张水利 厦门象屿集团有限公司党委书记、董事长
●石　琳  合肥工业大学教授,安徽省汽车行业协会会长
（记者 陈晓东）
"""
    )
    assert [(r.name, r.unit) for r in recs] == [
        ("林雅琴", "厦门大学附属第一医院副护士长(副主任护师)"),
        ("张水利", "厦门象屿集团有限公司党委书记、董事长"),
        ("石琳", "合肥工业大学教授,安徽省汽车行业协会会长"),
    ]


def test_wrapped_position_and_four_character_name() -> None:
    recs = parse_text(
        """
全县优秀共产党员（2名）
韩乙四夫  县农业农村局农技推广站站长
欧阳兰  蚌埠国显科技有限公司、深圳市国显科技有限公司
总经理
"""
    )
    assert [(r.name, r.unit) for r in recs] == [
        ("韩乙四夫", "县农业农村局农技推广站站长"),
        ("欧阳兰", "蚌埠国显科技有限公司、深圳市国显科技有限公司总经理"),
    ]


def test_count_in_ge_with_names_and_collectives_mixed() -> None:
    recs = parse_text(
        """
一、2013年“最美新乡人”名单(5个,按姓氏笔画排序)
孙丛民    李 艳    娜 佳
新乡市对口援疆队员集体
小红帽义务督查大队
"""
    )
    assert [(r.kind, r.name) for r in recs] == [
        ("person", "孙丛民"),
        ("person", "李艳"),
        ("person", "娜佳"),
        ("organization", "新乡市对口援疆队员集体"),
        ("organization", "小红帽义务督查大队"),
    ]


def test_one_paragraph_with_intro_colon_and_semicolon_entries() -> None:
    recs = parse_text(
        "经各乡镇推荐、区卫生健康局审核，拟推荐以下2名同志为西宁市“最美乡村医生”推荐人选：杨春花，女，汉族，"
        "1978年3月生，中专学历，东峡镇卫生院乡村医生；拉毛措，女，藏族，1989年7月生，大专学历，日月乡卫生院全科医生。"
        "现予以公示，公示期为2024年6月3日至6月7日。"
    )
    assert [(r.name, r.ethnicity, r.birth, r.education, r.unit) for r in recs] == [
        ("杨春花", "汉族", "1978-03", "中专", "东峡镇卫生院乡村医生"),
        ("拉毛措", "藏族", "1989-07", "大专", "日月乡卫生院全科医生"),
    ]


def test_enumeration_comma_rows_under_a_field_header() -> None:
    recs = parse_text(
        """
序号、姓名、性别、民族、出生年月、政治面貌、学历、工作单位及职务
1、王丽华、女、汉族、1980.03、中共党员、本科、西宁市第五中学副校长
2、冶秀梅、女、撒拉族、1991.09、预备党员、本科、循化县积石镇人民政府科员
"""
    )
    assert [(r.name, r.birth, r.political, r.unit) for r in recs] == [
        ("王丽华", "1980-03", "中共党员", "西宁市第五中学副校长"),
        ("冶秀梅", "1991-09", "中共预备党员", "循化县积石镇人民政府科员"),
    ]


def test_salutation_closes_and_a_phrase_is_no_name_beside_one_person() -> None:
    recs = parse_text(
        """
先进个人名单
王强、更深露重
会议议程分别是：听取报告、审议文件
各乡镇党委、政府，县直各部门：
湟中区人民医院
"""
    )
    assert recs == []
