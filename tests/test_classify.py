"""Commendation or decoy; stage; level of the award."""

import pytest

from archive.extract.classify import classify_notice, stage_of
from archive.extract.levels import (
    level_from_text,
    level_named_in,
    level_of_award,
    level_of_conferrer,
    level_of_issuer,
    level_of_place_before,
    level_of_whole_region,
)

COMMENDATIONS = [
    "关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示",
    "关于表彰2024年度全县优秀共产党员的决定",
    "中共某县委关于表彰2024年度先进基层党组织和优秀共产党员的决定",
    "关于2025年全国五一劳动奖章拟推荐对象的公示",
    "关于第九届全国道德模范候选人的公示",
    "某市2024年度“最美家庭”拟命名名单公示",
    "关于授予张三同志“人民满意公务员”称号的决定",
    "关于对2024年度安全生产工作先进单位和先进个人予以通报表扬的通报",
    "关于公布2024年度县级文明单位名单的通知",
    "我县3名同志拟被推荐为全省优秀共产党员",
    "2025年三八红旗手（集体）推荐人选公示",
    "關於2024年度優秀教師擬表彰對象的公示",
]
DECOYS = [
    "任前公示",
    "关于王某某等同志任前公示",
    "关于2025年公开招聘教师拟聘用人员名单的公示",
    "某县2025年事业单位公开招聘体检结果公告",
    "某县人民医院医疗设备采购项目中标结果公告",
    "关于召开全县安全生产工作会议的通知",
    "关于开展2025年度“最美家庭”评选活动的通知",
    "关于做好2025年全国劳动模范推荐评选工作的通知",
    "2025年国家助学金拟资助学生名单公示",
    "关于2025年度拟发展党员对象的公示",
    "关于拟提拔任用干部的公示",
    "2025年第二批公务员拟录用人员名单公示",
    "关于2024年度耕地地力保护补贴发放情况的公示",
    "关于某某同志拟任职务的公示",
    "县政府办公室关于印发某县表彰奖励办法的通知",
    "某镇2025年低保对象名单公示",
]


@pytest.mark.parametrize("title", COMMENDATIONS)
def test_commendation_titles(title):
    assert classify_notice(title, "")


@pytest.mark.parametrize("title", DECOYS)
def test_decoy_titles(title):
    assert not classify_notice(title, "")


def test_body_decides_when_title_is_bare():
    body = "经研究，拟表彰张三等10名同志为全县优秀共产党员，现予以公示。"
    assert classify_notice("公示", body)
    assert not classify_notice("公示", "根据干部选拔任用工作条例，现将拟提拔任用干部任前公示如下：")
    assert not classify_notice("公告", "现将拟聘用人员名单公示如下", extra="姓名 性别 报考岗位 笔试成绩 面试成绩")


@pytest.mark.parametrize(
    "title, expected",
    [
        ("关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示", "recommended"),
        ("我县3名同志拟被推荐为全省优秀共产党员", "recommended"),
        ("关于推荐2025年全国文明家庭候选的公示", "recommended"),
        ("关于2024年度全县优秀共产党员拟表彰对象的公示", "proposed"),
        ("某市2024年度“最美家庭”拟命名名单公示", "proposed"),
        ("关于拟授予王某“优秀教师”称号的公示", "proposed"),
        ("关于表彰2024年度全县优秀共产党员的决定", "awarded"),
        ("关于命名第三批民族团结进步示范单位的决定", "awarded"),
        ("关于对2024年度先进单位予以通报表扬的通报", "awarded"),
        ("关于公布2024年度县级文明单位名单的通知", "awarded"),
    ],
)
def test_stage(title, expected):
    assert stage_of(title, "", None, None) == expected


def test_candidates_for_a_higher_award_are_recommended():
    title = "关于第九届全国道德模范候选人的公示"
    assert stage_of(title, "", "national", "province") == "recommended"
    assert stage_of(title, "", "national", "national") == "proposed"


@pytest.mark.parametrize(
    "award, issuer, expected",
    [
        ("青海省民族团结进步先进集体和先进个人", "中共海西州委统一战线工作领导小组办公室", "province"),
        ("2025年全国五一劳动奖章", None, "national"),
        ("中华全国总工会五一劳动奖章", None, "national"),
        ("全省优秀共产党员", None, "province"),
        ("海西州劳动模范", None, "prefecture"),
        ("西宁市优秀教师", None, "prefecture"),
        ("全县优秀共产党员", "中共天峻县委", "county"),
        ("格尔木市优秀教师", "格尔木市教育局", "county"),
        ("最美社区工作者", "某市民政局", None),
        ("优秀共产党员", None, None),
    ],
)
def test_level_of_award(award, issuer, expected):
    assert level_of_award(award, issuer) == expected


@pytest.mark.parametrize(
    "issuer, expected",
    [
        ("中共海西州委统一战线工作领导小组办公室", "prefecture"),
        ("青海省人民政府", "province"),
        ("中共天峻县委组织部", "county"),
        ("中共西宁市城东区委", "county"),
        ("西宁市人民政府", "prefecture"),
        ("中华全国总工会", "national"),
        ("州委统一战线工作领导小组办公室", "prefecture"),
    ],
)
def test_level_of_issuer(issuer, expected):
    assert level_of_issuer(issuer) == expected


@pytest.mark.parametrize(
    "title, expected",
    [
        ("关于表彰2024年度政府采购工作先进单位的决定", True),
        ("关于表彰在2024年高考中取得优异成绩的学校的决定", True),
        ("关于张某某同志作为全国劳动模范推荐人选考察对象的公示", True),
        ("2025年优秀教师招聘公告", False),
        ("关于优秀人才引进拟聘用人员的公示", False),
    ],
)
def test_titles_with_both_kinds_of_words(title, expected):
    assert classify_notice(title, "") is expected


def test_candidates_for_the_issuers_own_honour_are_proposed():
    title = "关于海西州2024年度优秀教师推荐人选的公示"
    assert stage_of(title, "", "prefecture", "prefecture") == "proposed"
    assert stage_of(title, "", "prefecture", "county") == "recommended"
    assert stage_of(title, "", None, "prefecture") == "recommended"


def test_recommendation_words_in_a_title_but_not_a_bodys_selection_process():
    assert stage_of("关于推荐2025年全省五一劳动奖章人选的公示", "", "province", "county") == "recommended"
    body = "经各单位推荐、县委审核，拟表彰以下对象为全县优秀共产党员，现予公示。"
    assert stage_of("公示", body, None, None) == "proposed"


@pytest.mark.parametrize(
    "title",
    [
        "关于2025年度拟推荐高级职称评审人员的公示",
        "关于拟推荐某某同志为县人大代表候选人的公示",
        "关于村（社区）“两委”换届拟推荐人选的公示",
        "关于2025年拟推荐后备干部人选的公示",
    ],
)
def test_recommendations_that_are_not_honours(title):
    assert not classify_notice(title, "")


# --- stage: who puts forward, who awards ----------------------------------------------


@pytest.mark.parametrize(
    "title, body, award_level, issuer_level, issuer, expected",
    [
        # a sub-body of the province (省直机关工会) puts forward for the province's own award
        ("关于2025年青海省五一劳动奖章推荐对象的公示", "", "province", "province",
         "青海省直机关工会工作委员会", "recommended"),
        ("关于推荐甘肃省三八红旗手人选的公示", "", "province", "province", "甘肃省教育工会", "recommended"),
        # the same level, but the body says the list goes on to the awarding body
        ("关于2025年度全省劳动模范推荐人选的公示", "经研究，拟推荐以下同志，报省总工会审定。", "province", "province",
         "某省交通运输厅", "recommended"),
        # the issuer's own honour stays proposed
        ("关于2025年度全省劳动模范推荐人选的公示", "", "province", "province", "某省人民政府", "proposed"),
        # a county puts forward for a city's honour
        ("湟中区推荐西宁市“最美家庭”的公示", "", "prefecture", "county", "湟中区妇女联合会", "recommended"),
        ("关于推荐王某某等3名同志参评海东市优秀教师的公示", "", "prefecture", "county", "乐都区教育局", "recommended"),
        # (正式)候选人 for a national honour, published by a city
        ("西宁市2025年全国五一劳动奖章正式候选人公示", "", "national", "prefecture", "西宁市总工会", "recommended"),
    ],
)  # fmt: skip
def test_stage_of_recommendations(title, body, award_level, issuer_level, issuer, expected):
    assert stage_of(title, body, award_level, issuer_level, issuer) == expected


@pytest.mark.parametrize(
    "title, body, expected",
    [
        ("我市10人荣获“西宁好人”称号", "9月19日，“西宁好人”发布仪式举行，李某某等10人获此称号。", "awarded"),
        ("2024年度“感动乐都”十大人物揭晓", "颁奖典礼在区文化中心举行。", "awarded"),
        ("我县表彰一批“最美家庭”", "大通县召开“最美家庭”表彰大会，20户家庭受到表彰。", "awarded"),
        ("新闻", "经过层层推荐、评审，市文明委确定了10名“最美教师”。", "awarded"),
        ("新闻", "张三等5人被授予“全县劳动模范”称号。", "awarded"),
        # still in publicity: not a decision
        ("新闻", "荣获提名的10人现予公示，公示期为5个工作日。", "proposed"),
        ("关于拟表彰荣获市级以上荣誉个人的公示", "", "proposed"),
    ],
)  # fmt: skip
def test_news_reports_of_a_decision_are_awarded(title, body, expected):
    assert stage_of(title, body, None, None) == expected


# --- level: from the honour, the place before it, the issuer ----------------------------


@pytest.mark.parametrize(
    "award, text, expected",
    [
        ("最美退役军人", "关于四川“最美退役军人”拟推荐人选的公示", "province"),
        ("优秀教师", "2024年度互助县优秀教师拟表彰名单", "county"),
        ("新时代好少年", "西宁市2025年“新时代好少年”拟推选对象公示", "prefecture"),
        ("新时代好少年", "关于2025年“新时代好少年”拟推选对象的公示", None),
        ("最美家庭", "经各乡镇推荐，评选出一批最美家庭", None),
    ],
)  # fmt: skip
def test_level_of_place_before(award, text, expected):
    assert level_of_place_before(award, text) == expected


@pytest.mark.parametrize(
    "award, expected",
    [
        ("全國道德模範", "national"),
        ("第九屆全國道德模範", "national"),
        ("某某县最美教师", "county"),  # a county-shaped name not in the gazetteer
        ("优秀县委书记", None),
        ("示范县创建先进个人", None),
    ],
)  # fmt: skip
def test_level_of_award_more(award, expected):
    assert level_of_award(award) == expected


@pytest.mark.parametrize(
    "title, body, expected",
    [
        ("大通县召开“最美家庭”表彰大会", "", "county"),
        ("“西宁好人”发布", "经我市文明委研究", "prefecture"),
        ("好人榜", "我省评出10名好人", "province"),
        ("好人榜", "评出10名好人", None),
    ],
)  # fmt: skip
def test_level_from_text(title, body, expected):
    assert level_from_text(title, body) == expected


def test_a_sub_bodys_own_honour_stays_proposed():
    # 县直机关工委 puts forward for the county's honour, but awards its own
    assert stage_of("关于全县优秀共产党员推荐人选的公示", "", "county", "county", "中共某某县直机关工委",
                    "全县优秀共产党员") == "recommended"
    assert stage_of("关于县直机关优秀共产党员推荐人选的公示", "", "county", "county", "中共某某县直机关工委",
                    "县直机关优秀共产党员") == "proposed"


# --- the level is the honour's: 全国…, 全区…, a conferring body -------------------------------


@pytest.mark.parametrize(
    "award, issuer, expected",
    [
        # 全区 by an autonomous region's body is the province's honour
        ("全区民族团结进步模范集体和模范个人", "内蒙古自治区民族事务委员会", "province"),
        ("第十次全区民族团结进步模范个人", "广西壮族自治区民族宗教事务委员会", "province"),
        ("全区优秀教师", "宁夏回族自治区教育厅", "province"),
        ("全区三八红旗手", "自治区妇联", "province"),
        # …by a banner, a city or a county of one: theirs is not a 区
        ("全区民族团结进步模范", "中共准格尔旗委统战部", "province"),
        ("全区民族团结进步模范", "鄂尔多斯市委统战部", "province"),
        # …by a district: the district's own
        ("全区优秀共产党员", "中共西宁市城东区委", "county"),
        ("全区优秀共产党员", "兴庆区妇联", "county"),
        ("全区优秀教师", "北京市海淀区教育委员会", "county"),
        ("全区优秀共产党员", None, "county"),
        # national and provincial names win whoever publishes them
        ("全国三八红旗手", "某某县妇女联合会", "national"),
        ("中华全国总工会五一劳动奖章", "某某县总工会", "national"),
        ("本省优秀教师", None, "province"),
        ("三八红旗手", None, None),  # 红旗 is no banner (旗)
        ("黔东南好人", None, "prefecture"),  # not 黔 (贵州)
    ],
)  # fmt: skip
def test_level_of_award_whole_region_and_national(award, issuer, expected):
    assert level_of_award(award, issuer) == expected


def test_whole_region_put_forward_by_a_district_of_an_autonomous_region():
    assert level_of_whole_region("银川市兴庆区总工会") == "county"
    assert level_of_whole_region("银川市兴庆区总工会", recommends=True) == "province"
    # a district elsewhere that recommends has no 自治区 to send to
    assert level_of_whole_region("中共西宁市城东区委", recommends=True) == "county"
    # an unnamed issuer: the text says where it is
    assert level_of_whole_region(None, "经自治区民族团结进步表彰领导小组研究") == "province"
    assert level_of_whole_region(None, "经区委研究，我区拟表彰") == "county"


@pytest.mark.parametrize(
    "title, award_level, issuer_level, issuer",
    [
        ("关于拟推荐全省民族团结进步模范候选人的公示", "province", "county", "麻江县民族宗教事务局"),
        ("麻江县2025年全省五一劳动奖章拟推荐候选人公示", None, "county", "麻江县总工会"),
        ("关于拟推荐民族团结进步模范候选对象的公示", None, None, None),
        # 拟推荐 even where the level was read as the issuer's own
        ("关于拟推荐2025年度优秀教师候选人的公示", "county", "county", "某某县教育局"),
        ("我县2人拟被推荐为全国优秀共青团员", "national", "county", None),
    ],
)  # fmt: skip
def test_ni_tuijian_is_always_recommended(title, award_level, issuer_level, issuer):
    assert stage_of(title, "", award_level, issuer_level, issuer) == "recommended"


def test_own_candidates_stay_proposed_without_ni_tuijian():
    assert stage_of("关于2024年度青海省优秀教师候选人的公示", "", "province", "province", "青海省教育厅") == "proposed"
    assert stage_of("关于海西州2024年度优秀教师推荐人选的公示", "", "prefecture", "prefecture") == "proposed"


def test_youth_league_and_news_titles_are_commendations():
    assert classify_notice("我县2人拟被推荐为全国优秀共青团员", "")
    assert classify_notice("关于2025年度优秀共青团员推荐人选的公示", "")


@pytest.mark.parametrize(
    "title, body, above, expected",
    [
        # a recommendation that names no level cites the call for the honour
        ("关于2025年度优秀共青团员推荐人选的公示",
         "根据团中央《关于评选表彰2025年度全国优秀共青团员的通知》，团市委拟推荐以下同志。", "prefecture", "national"),
        ("关于拟推荐民族团结进步模范集体和模范个人候选对象的公示",
         "根据省民宗委《关于开展第七次贵州省民族团结进步表彰活动的通知》要求，拟推荐以下对象。", "county", "province"),
        ("关于拟推荐候选人的公示", "经研究，拟推荐以下同志参加全省“最美科技工作者”评选。", "county", "province"),
        # a level no higher than the issuer's is its own, not the one it recommends for
        ("关于拟推荐候选人的公示", "为贯彻全市表彰大会精神，拟推荐以下同志。", "prefecture", None),
        # a place in a sentence about people is not an honour's name
        ("酒泉市2人获评全国三八红旗手", "", None, "national"),
        ("关于拟推荐候选人的公示", "经研究，现予公示。", "county", None),
    ],
)  # fmt: skip
def test_level_named_in(title, body, above, expected):
    assert level_named_in(title, body, above) == expected


@pytest.mark.parametrize(
    "award, text, expected",
    [
        ("五一劳动奖章", "近日，中华全国总工会授予我省韩晓梅、马福林“五一劳动奖章”。", "national"),
        ("三八红旗手", "3月6日，全国妇联授予我市韩晓梅“三八红旗手”称号。", "national"),
        ("劳动模范", "近日，省委、省政府决定，授予韩晓梅等同志“劳动模范”称号。", "province"),
        ("优秀共产党员", "县委决定，授予韩晓梅等3名同志“优秀共产党员”称号。", "county"),
        ("优秀共产党员", "韩晓梅同志曾被评为优秀共产党员。", None),
        # a higher body cited before the one that decides
        ("优秀共产党员", "根据中共中央《中国共产党党内功勋荣誉表彰条例》，县委决定，授予韩晓梅“优秀共产党员”称号。",
         "county"),
    ],
)  # fmt: skip
def test_level_of_conferrer(award, text, expected):
    assert level_of_conferrer(award, text) == expected
