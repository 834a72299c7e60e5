"""Realistic synthetic commendation notices, for benchmarks.

`synthetic_notices(n_records, seed)` yields `(url, ParsedNotice)` pairs whose
records look like the real ones: common surnames with their real skew,
rare and compound surnames, Uyghur names with a middle dot, Tibetan and
Mongolian names, units built from a fixed geography (a village committee, a
township health centre, a county bureau; about 35 distinct units per 1,000
records, as in real data), the 56 ethnic groups with a realistic skew,
notices of several levels and stages from 2012 to 2025, and deeds text for
about half of the people.  Deterministic for a given seed.

    from bench.synthetic import synthetic_notices, build_archive
    build_archive(store, 100_000)          # saves through the real store
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import accumulate

from archive.model import NoticeMeta, ParsedNotice, Record

# Surnames with rough frequencies per 1,000 people (王 李 张 刘 陈 lead).
SURNAMES = (
    ("王", 72), ("李", 72), ("张", 68), ("刘", 53), ("陈", 46), ("杨", 31), ("黄", 23), ("赵", 22),
    ("吴", 20), ("周", 19), ("徐", 15), ("孙", 15), ("马", 15), ("朱", 13), ("胡", 12), ("郭", 12),
    ("何", 11), ("高", 10), ("林", 10), ("罗", 10), ("郑", 9), ("梁", 9), ("谢", 8), ("宋", 7),
    ("唐", 7), ("许", 7), ("韩", 7), ("冯", 6), ("邓", 6), ("曹", 6), ("彭", 6), ("曾", 6),
    ("肖", 6), ("田", 5), ("董", 5), ("袁", 5), ("潘", 5), ("于", 5), ("蒋", 5), ("蔡", 5),
    ("余", 5), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4),
    ("任", 4), ("沈", 3), ("姚", 3), ("卢", 3), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3),
    ("陆", 3), ("汪", 3), ("范", 3), ("金", 3), ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3),
    ("韦", 3), ("付", 3), ("方", 3), ("白", 3), ("邹", 2), ("孟", 2), ("熊", 2), ("秦", 2),
    ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("闫", 2), ("段", 2), ("雷", 2), ("侯", 2),
    ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2),
    ("单", 1), ("解", 1), ("仇", 1), ("区", 1), ("查", 1), ("朴", 1), ("覃", 1), ("翟", 1),
    ("欧阳", 1), ("司马", 1), ("诸葛", 1), ("上官", 1), ("尉迟", 1), ("令狐", 1), ("皇甫", 1),
)  # fmt: skip
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强海忠海燕"
    "文斌晓东晓明丽娟宏伟俊杰子涵浩然欣怡梓萱宇航雨桐嘉怡思远国庆春梅秋菊永红德明学军"
    "卫东利民振华淑珍凤英桂兰秀珍玉梅成林晨阳佳琪晓燕发清海芳金山银花建平立新红梅"
)
UYGHUR_PARTS = (
    "阿依古丽", "买买提", "艾力", "古丽娜尔", "热合曼", "阿不都", "努尔", "依明", "吐尔逊", "帕提古丽",
    "阿布都热依木", "迪丽拜尔", "艾尼瓦尔", "米日古丽", "亚森", "阿迪力", "再努尔", "如克亚", "克然木", "祖丽皮亚",
)  # fmt: skip
TIBETAN_PARTS = ("才让", "卓玛", "多杰", "扎西", "东主", "拉毛", "尼玛", "措", "旦增", "央金", "索南", "仁青", "贡保", "完玛", "加措")
MONGOL_NAMES = ("巴特尔", "乌兰", "其其格", "花木措", "斯琴", "额尔敦", "宝音", "那仁", "苏和", "图雅", "呼斯楞", "阿拉坦")

# The 56 groups with weights per 1,000 nominees (minority regions publish many notices).
ETHNIC_WEIGHTS = (
    ("汉族", 760), ("回族", 40), ("藏族", 35), ("蒙古族", 25), ("维吾尔族", 25), ("壮族", 18),
    ("满族", 12), ("土家族", 10), ("苗族", 10), ("彝族", 9), ("土族", 8), ("撒拉族", 6),
    ("哈萨克族", 5), ("朝鲜族", 4), ("侗族", 4), ("瑶族", 4), ("白族", 3), ("布依族", 3),
    ("哈尼族", 2), ("傣族", 2), ("黎族", 2), ("东乡族", 2), ("傈僳族", 1), ("佤族", 1), ("畲族", 1),
    ("高山族", 1), ("拉祜族", 1), ("水族", 1), ("纳西族", 1), ("景颇族", 1), ("柯尔克孜族", 1),
    ("达斡尔族", 1), ("仫佬族", 1), ("羌族", 1), ("布朗族", 1), ("毛南族", 1), ("仡佬族", 1),
    ("锡伯族", 1), ("阿昌族", 1), ("普米族", 1), ("塔吉克族", 1), ("怒族", 1), ("乌孜别克族", 1),
    ("俄罗斯族", 1), ("鄂温克族", 1), ("德昂族", 1), ("保安族", 1), ("裕固族", 1), ("京族", 1),
    ("塔塔尔族", 1), ("独龙族", 1), ("鄂伦春族", 1), ("赫哲族", 1), ("门巴族", 1), ("珞巴族", 1),
    ("基诺族", 1),
)  # fmt: skip

PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
    "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
    "宁夏回族自治区", "新疆维吾尔自治区",
)  # fmt: skip
PLACE_SYLLABLES = "东西南北安平康宁泰和兴隆德庆丰阳山川河湖海源城林江华新昌定远明清永乐富华都兰乌峻柯格尔木民互助化隆循"
PREFECTURE_SUFFIXES = ("市", "市", "州", "地区")
COUNTY_SUFFIXES = ("县", "县", "县", "区", "市", "自治县")
TOWN_SUFFIXES = ("镇", "乡", "街道")
VILLAGE_SUFFIXES = ("村", "社区")
INSTITUTIONS = (
    "{county}人民医院", "{town}卫生院", "{county}第{n}中学", "{county}第{n}小学", "{town}中心学校",
    "{county}公安局", "{county}人民检察院", "{county}人民法院", "{prefecture}教育局", "{prefecture}民族宗教事务委员会",
    "{county}委统战部", "{town}人民政府", "{town}{village}村民委员会", "{town}{village}社区居民委员会",
    "{county}融媒体中心", "{prefecture}税务局", "{county}农牧水利局", "{county}{village}村", "{county}妇幼保健院",
    "{prefecture}第{n}人民医院", "国网{county}供电公司", "{county}市场监督管理局", "{town}派出所",
)  # fmt: skip
POSITIONS = ("党支部书记", "村委会主任", "教师", "医生", "护士", "副局长", "科员", "所长", "校长", "主任", "职员", "民警", "副主任", "院长")
DEEDS_PHRASES = (
    "长期扎根基层", "积极开展民族团结进步创建工作", "带领群众脱贫致富", "铸牢中华民族共同体意识",
    "组织各族群众交往交流交融", "化解矛盾纠纷一百余起", "帮助困难群众解决实际问题", "在疫情防控中冲锋在前",
    "推动乡村振兴取得实效", "坚持以人民为中心的发展思想", "连续多年被评为优秀共产党员", "深入开展双语教学",
    "培养少数民族学生三百余名", "热心公益事业", "协调解决群众用水难题", "带头发展特色产业",
)  # fmt: skip
STAGE_WORDS = {"recommended": "拟推荐对象", "proposed": "拟表彰对象", "awarded": "表彰决定"}
LEVELS = (("national", 5), ("province", 35), ("prefecture", 35), ("county", 25))
STAGES = (("recommended", 40), ("proposed", 35), ("awarded", 25))


class _Weighted:
    def __init__(self, pairs) -> None:
        self.items = [p[0] for p in pairs]
        self.cum = list(accumulate(p[1] for p in pairs))

    def pick(self, rnd: random.Random):
        return rnd.choices(self.items, cum_weights=self.cum)[0]


class _Geography:
    """Provinces → prefectures → counties → towns → villages, invented but plausible."""

    def __init__(self, rnd: random.Random, n_counties: int) -> None:
        def place(k: int) -> str:
            return "".join(rnd.choice(PLACE_SYLLABLES) for _ in range(k))

        self.counties: list[tuple[str, str, str]] = []  # (province, prefecture, county)
        per_province = max(1, n_counties // len(PROVINCES))
        for province in PROVINCES:
            prefectures = [place(2) + rnd.choice(PREFECTURE_SUFFIXES) for _ in range(max(1, per_province // 6))]
            for _ in range(per_province):
                self.counties.append((province, rnd.choice(prefectures), place(2) + rnd.choice(COUNTY_SUFFIXES)))
        self.towns = {c: [place(2) + rnd.choice(TOWN_SUFFIXES) for _ in range(4)] for c in self.counties}
        self.villages = {c: [place(2) for _ in range(6)] for c in self.counties}


def _person_name(rnd: random.Random, ethnicity: str, surnames: _Weighted) -> str:
    if ethnicity == "维吾尔族" or (ethnicity in ("哈萨克族", "柯尔克孜族") and rnd.random() < 0.7):
        return rnd.choice(UYGHUR_PARTS) + "·" + rnd.choice(UYGHUR_PARTS)
    if ethnicity == "藏族" and rnd.random() < 0.8:
        return "".join(rnd.sample(TIBETAN_PARTS, 2))
    if ethnicity == "蒙古族" and rnd.random() < 0.5:
        return rnd.choice(MONGOL_NAMES)
    given = "".join(rnd.choice(GIVEN_CHARS) for _ in range(1 if rnd.random() < 0.3 else 2))
    return surnames.pick(rnd) + given


def synthetic_notices(n_records: int, seed: int = 20250908) -> Iterator[tuple[str, ParsedNotice]]:
    """Notices holding `n_records` records in all (the last one may be short)."""
    rnd = random.Random(seed)
    n_units_target = max(2_000, n_records * 35 // 1000)
    geo = _Geography(rnd, max(200, n_units_target // 12))
    surnames = _Weighted(SURNAMES)
    ethnicities = _Weighted(ETHNIC_WEIGHTS)
    levels, stages = _Weighted(LEVELS), _Weighted(STAGES)
    # A fixed pool of units per county: real archives repeat units a lot.
    per_county = max(3, n_units_target // len(geo.counties))
    units = {
        c: list(dict.fromkeys(
            rnd.choice(INSTITUTIONS).format(
                prefecture=c[1], county=c[2], town=rnd.choice(geo.towns[c]), village=rnd.choice(geo.villages[c]),
                n=rnd.randint(1, 5),
            )
            for _ in range(per_county)
        ))
        for c in geo.counties
    }  # fmt: skip
    made = 0
    notice_no = 0
    while made < n_records:
        notice_no += 1
        province, prefecture, county = rnd.choice(geo.counties)
        level = levels.pick(rnd)
        stage = stages.pick(rnd)
        depth = rnd.choice((1, 2, 2, 3, 3))
        region = "".join((province, prefecture, county)[:depth])
        issuer_place = (province, prefecture, county)[depth - 1]
        year = rnd.randint(2012, 2025)
        published = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        award_place = {"national": "全国", "province": province}.get(level, issuer_place)
        award = f"{award_place}民族团结进步先进集体和先进个人"
        meta = NoticeMeta(
            title=f"关于{award}{STAGE_WORDS[stage]}的公示", published=published, year=year,
            issuer=f"中共{issuer_place}委统一战线工作部", award=award, level=level, stage=stage,  # type: ignore[arg-type]
            region=region, period_start=published, period_end=published,
        )  # fmt: skip
        size = min(n_records - made, rnd.choice((5, 8, 10, 12, 15, 20, 20, 30, 40, 60)))
        records = []
        for _ in range(size):
            c = rnd.choice(geo.counties) if rnd.random() < 0.3 else (province, prefecture, county)
            unit = rnd.choice(units[c])
            if rnd.random() < 0.08:
                records.append(Record(kind="organization", name=unit, name_raw=unit, industry="行政基层"))
                continue
            ethnicity = ethnicities.pick(rnd)
            name = _person_name(rnd, ethnicity, surnames)
            deeds = None
            if rnd.random() < 0.5:
                phrases = rnd.sample(DEEDS_PHRASES, rnd.randint(3, 8))
                deeds = f"{name}同志在{unit}工作期间，" + "，".join(phrases) + "。"
            records.append(
                Record(
                    kind="person", name=name, name_raw=name, gender=rnd.choice("男女"), ethnicity=ethnicity,
                    birth=f"{rnd.randint(1960, 2000)}-{rnd.randint(1, 12):02d}", political=rnd.choice(("中共党员", "群众", "中共党员")),
                    education=rnd.choice(("本科", "大专", "研究生", "高中")), unit=unit, position=rnd.choice(POSITIONS), deeds=deeds,
                )  # fmt: skip
            )
        made += size
        yield f"https://synthetic.example/{province}/{year}/{notice_no}.html", ParsedNotice(
            meta=meta, records=records, is_commendation=True, url=None
        )


def build_archive(store, n_records: int, seed: int = 20250908, progress=None) -> int:
    """Save `n_records` synthetic records through the real store; returns notices saved."""
    notices = 0
    for url, parsed in synthetic_notices(n_records, seed):
        parsed.url = url
        doc = store.put_document(url=url, data=url.encode(), content_type="text/html", status=None)
        store.save_notice(url, parsed, doc)
        notices += 1
        if progress is not None and notices % 1000 == 0:
            progress(notices)
    return notices
