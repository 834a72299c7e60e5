"""A compact gazetteer: provinces and prefecture-level divisions of China.

Used to say where a notice's issuer sits (`region`, always starting with
the province so that the index can filter by prefix) and to tell the level
of an award (青海省… → province, 海西州… → prefecture).

The table is hand-written (no package with administrative divisions is
available); it holds every provincial-level division, every prefecture-level
division, the districts of the four municipalities and a few county-level
cities directly under a province.  County names are not listed: a county in
an issuer's name is kept as written after its province and prefecture.
Lookups are built once, lazily.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# province full name | short name : prefecture-level divisions
_DATA = """
北京市|北京: 东城区 西城区 朝阳区 丰台区 石景山区 海淀区 门头沟区 房山区 通州区 顺义区 昌平区 大兴区 怀柔区 平谷区 密云区 延庆区
天津市|天津: 和平区 河东区 河西区 南开区 河北区 红桥区 东丽区 西青区 津南区 北辰区 武清区 宝坻区 滨海新区 宁河区 静海区 蓟州区
河北省|河北|冀: 石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市 雄安新区 定州市 辛集市
山西省|山西|晋: 太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市
内蒙古自治区|内蒙古: 呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟
辽宁省|辽宁|辽: 沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市
吉林省|吉林: 长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州 长白山管委会 梅河口市
黑龙江省|黑龙江: 哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区
上海市|上海|沪: 黄浦区 徐汇区 长宁区 静安区 普陀区 虹口区 杨浦区 闵行区 宝山区 嘉定区 浦东新区 金山区 松江区 青浦区 奉贤区 崇明区
江苏省|江苏|苏: 南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市
浙江省|浙江|浙: 杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市
安徽省|安徽|皖: 合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市
福建省|福建|闽: 福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市 平潭综合实验区
江西省|江西|赣: 南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市
山东省|山东|鲁: 济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市
河南省|河南|豫: 郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市 济源市
湖北省|湖北|鄂: 武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 恩施土家族苗族自治州 仙桃市 潜江市 天门市 神农架林区
湖南省|湖南|湘: 长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州
广东省|广东|粤: 广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市
广西壮族自治区|广西|桂: 南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市
海南省|海南|琼: 海口市 三亚市 三沙市 儋州市 五指山市 琼海市 文昌市 万宁市 东方市 定安县 屯昌县 澄迈县 临高县 白沙黎族自治县 昌江黎族自治县 乐东黎族自治县 陵水黎族自治县 保亭黎族苗族自治县 琼中黎族苗族自治县
重庆市|重庆|渝: 万州区 涪陵区 渝中区 大渡口区 江北区 沙坪坝区 九龙坡区 南岸区 北碚区 綦江区 大足区 渝北区 巴南区 黔江区 长寿区 江津区 合川区 永川区 南川区 璧山区 铜梁区 潼南区 荣昌区 开州区 梁平区 武隆区 城口县 丰都县 垫江县 忠县 云阳县 奉节县 巫山县 巫溪县 石柱土家族自治县 秀山土家族苗族自治县 酉阳土家族苗族自治县 彭水苗族土家族自治县 两江新区
四川省|四川|川|蜀: 成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 阿坝藏族羌族自治州 甘孜藏族自治州 凉山彝族自治州
贵州省|贵州|黔: 贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州 黔东南苗族侗族自治州 黔南布依族苗族自治州
云南省|云南|滇: 昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州 红河哈尼族彝族自治州 文山壮族苗族自治州 西双版纳傣族自治州 大理白族自治州 德宏傣族景颇族自治州 怒江傈僳族自治州 迪庆藏族自治州
西藏自治区|西藏|藏: 拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区
陕西省|陕西|陕: 西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市 杨凌示范区
甘肃省|甘肃|甘|陇: 兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州 甘南藏族自治州 兰州新区
青海省|青海|青: 西宁市 海东市 海北藏族自治州 黄南藏族自治州 海南藏族自治州 果洛藏族自治州 玉树藏族自治州 海西蒙古族藏族自治州
宁夏回族自治区|宁夏: 银川市 石嘴山市 吴忠市 固原市 中卫市
新疆维吾尔自治区|新疆: 乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州 博尔塔拉蒙古自治州 巴音郭楞蒙古自治州 阿克苏地区 克孜勒苏柯尔克孜自治州 喀什地区 和田地区 伊犁哈萨克自治州 塔城地区 阿勒泰地区 石河子市 阿拉尔市 图木舒克市 五家渠市 北屯市 铁门关市 双河市 可克达拉市 昆玉市 胡杨河市 新星市 白杨市
台湾省|台湾: 台北市 新北市 桃园市 台中市 台南市 高雄市 基隆市 新竹市 嘉义市
香港特别行政区|香港:
澳门特别行政区|澳门:
"""

_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
# Special short forms of autonomous prefectures that are not base + 州.
_EXTRA_SHORT = {
    "博尔塔拉蒙古自治州": ("博州",),
    "巴音郭楞蒙古自治州": ("巴州",),
    "克孜勒苏柯尔克孜自治州": ("克州",),
    "西双版纳傣族自治州": ("版纳",),
}
# Short names that are also common words or other places: never matched alone.
_AMBIGUOUS_SHORT = frozenset({"青", "甘", "川", "藏", "苏", "鲁", "陕", "辽", "晋", "冀", "桂", "琼", "渝"})


@dataclass(frozen=True)
class Place:
    """A province or prefecture-level division."""

    name: str  # full name (青海省, 海西蒙古族藏族自治州)
    province: str  # full name of its province
    level: str  # "province" | "prefecture" | "county" (a municipality's district)

    @property
    def region(self) -> str:
        """`region` string: province, then prefecture (青海省海西蒙古族藏族自治州)."""
        if self.level == "province":
            return self.name
        return self.province + self.name


_ETHNIC_IN_NAME = re.compile(
    "(?:蒙古|藏|回|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|"
    "东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|怒|鄂温克|德昂|保安|裕固|"
    "京|独龙|鄂伦春|赫哲)族?"
)


def _short_forms(full: str) -> list[str]:
    """Forms that name a prefecture in running text (海西州, 西宁市, 阿里地区)."""
    forms = [full]
    if full.endswith("自治州"):
        base = full[: -len("自治州")]
        # strip trailing ethnic names: 海西蒙古族藏族 → 海西
        while True:
            m = None
            for m_ in _ETHNIC_IN_NAME.finditer(base):
                if m_.end() == len(base) and m_.start() > 0:
                    m = m_
            if m is None:
                break
            base = base[: m.start()]
        forms.append(base + "州")
        forms.extend(_EXTRA_SHORT.get(full, ()))
    elif full.endswith("自治县"):
        base = full[: -len("自治县")]
        base = re.sub(f"(?:{_ETHNIC_IN_NAME.pattern})+$", "", base)
        forms.append(base + "县")
    return forms


class _Match:
    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self, _n: int = 0) -> str:
        return self._text

    def end(self) -> int:
        return self._end


class _Scanner:
    """Longest-match search over ~3,000 literal names, faster than one big
    regex alternation (which tries every name at every position)."""

    def __init__(self, words) -> None:  # noqa: ANN001 - any iterable of str
        self.by_head: dict[str, list[str]] = {}
        for w in words:
            self.by_head.setdefault(w[:2], []).append(w)
        for lst in self.by_head.values():
            lst.sort(key=len, reverse=True)

    def match(self, text: str, pos: int = 0) -> _Match | None:
        for w in self.by_head.get(text[pos:pos + 2], ()):
            if text.startswith(w, pos):
                return _Match(w, pos, pos + len(w))
        return None

    def finditer(self, text: str):  # noqa: ANN201
        i, n = 0, len(text)
        heads = self.by_head
        while i < n - 1:
            lst = heads.get(text[i:i + 2])
            if lst:
                m = self.match(text, i)
                if m:
                    yield m
                    i = m.end()
                    continue
            i += 1


class _SuffixScanner:
    """Leftmost-longest search over names that all end in one of a few
    suffix characters (省 市 州 区 盟 县 旗): only the positions of those
    characters are looked at, which makes a long body cheap to scan (a regex
    alternation of ~400 names tries every name at every position).  Gives
    the same matches as ``re.finditer`` over the names sorted longest first.
    """

    def __init__(self, words) -> None:  # noqa: ANN001 - any iterable of str
        self.by_last: dict[str, list[str]] = {}
        for w in words:
            self.by_last.setdefault(w[-1], []).append(w)
        self.lengths = {c: sorted({len(w) for w in ws}, reverse=True) for c, ws in self.by_last.items()}
        self.words = {w for ws in self.by_last.values() for w in ws}
        self.suffix_re = re.compile("[" + "".join(map(re.escape, self.by_last)) + "]")

    def finditer(self, text: str):  # noqa: ANN201
        best: dict[int, int] = {}  # start → longest end
        words = self.words
        for m in self.suffix_re.finditer(text):
            end = m.end()
            for n in self.lengths[m.group(0)]:
                start = end - n
                if start >= 0 and text[start:end] in words:
                    if best.get(start, 0) < end:
                        best[start] = end
        pos = 0
        for start in sorted(best):
            if start >= pos:
                pos = best[start]
                yield _Match(text[start:pos], start, pos)


@dataclass(frozen=True)
class County:
    """A county-level division and the prefecture-level division above it."""

    name: str
    parent: Place

    @property
    def region(self) -> str:
        return self.parent.region + self.name


# County names that are also common words; never matched in running text.
_GENERIC_COUNTY = frozenset({"城区", "矿区", "郊区", "东区", "西区", "新区", "市中区", "城关区", "县"})
_SUFFIXED = re.compile(r"(?:省|市|州|区|盟|地区|县|旗)$")


class Gazetteer:
    """Name → place lookups, and regexes that find any of them."""

    def __init__(self) -> None:
        from .counties import COUNTIES

        self.by_form: dict[str, Place] = {}
        self.provinces: dict[str, Place] = {}
        self.prefectures: dict[str, Place] = {}
        self.counties: dict[str, list[County]] = {}
        for line in _DATA.strip().splitlines():
            head, _, tail = line.partition(":")
            names = head.split("|")
            province = Place(names[0], names[0], "province")
            self.provinces[names[0]] = province
            for form in names:
                if form not in _AMBIGUOUS_SHORT:
                    self.by_form.setdefault(form, province)
            for pref in tail.split():
                # districts of a municipality are county-level
                level = "county" if names[0] in _MUNICIPALITIES else "prefecture"
                place = Place(pref, names[0], level)
                self.prefectures[pref] = place
                for form in _short_forms(pref):
                    # a province's name wins over a prefecture's short form
                    self.by_form.setdefault(form, place)
        for line in COUNTIES.strip().splitlines():
            pref, _, tail = line.partition(":")
            parent = self.prefectures[pref.strip()]
            for name in tail.split():
                county = County(name, parent)
                for form in _short_forms(name):
                    if form not in self.by_form:
                        self.counties.setdefault(form, []).append(county)
        forms = sorted(self.by_form, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, forms)))
        # In running text only suffixed forms are safe: 重庆 hides in 隆重庆祝,
        # 青海 in a company's name.
        strict = [f for f in forms if _SUFFIXED.search(f) and len(f) >= 3]
        self.strict_pattern = _SuffixScanner(strict)
        self.county_pattern = _Scanner(
            f for f in self.counties if f not in _GENERIC_COUNTY and len(f) >= 2
        )

    def find_all(self, text: str, strict: bool = False) -> list[Place]:
        """Provinces and prefectures named in text, in order (longest form wins).

        `strict` matches only names with their suffix (青海省, 海西州)."""
        pattern = self.strict_pattern if strict else self.pattern
        return [self.by_form[m.group(0)] for m in pattern.finditer(text or "")]

    def find_counties(self, text: str, min_len: int = 2) -> list[list[County]]:
        """County-level names in text; each hit lists every county of that name.

        In running text pass min_len=3: two-character names hide in words
        (新县 in 创新县域)."""
        return [
            self.counties[m.group(0)]
            for m in self.county_pattern.finditer(text or "")
            if len(m.group(0)) >= min_len
        ]

    def lookup(self, form: str) -> Place | None:
        return self.by_form.get(form)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


_PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共|共青团|中国)")


@dataclass
class _Parsed:
    province: Place | None = None
    prefecture: Place | None = None
    counties: list[County] | None = None


def _parse_places(text: str) -> _Parsed:
    """Places at the start of a body's name: 中共青海省海西州天峻县委 → all three."""
    g = gazetteer()
    out = _Parsed()
    t = _PARTY_PREFIX.sub("", text)
    for _ in range(3):
        m = g.pattern.match(t)
        if m:
            place = g.by_form[m.group(0)]
            if place.level == "province":
                out.province = out.province or place
            else:
                out.prefecture = out.prefecture or place
            t = t[m.end():]
            continue
        m = g.county_pattern.match(t)
        if m and out.counties is None:
            out.counties = g.counties[m.group(0)]
            t = t[m.end():]
            continue
        break
    return out


def _resolve(parsed: _Parsed, context_counts: dict[str, int]) -> str | None:
    province, prefecture, counties = parsed.province, parsed.prefecture, parsed.counties
    if counties:
        cands = [c for c in counties
                 if (prefecture is None or c.parent == prefecture)
                 and (province is None or c.parent.province == province.name)]
        if len(cands) > 1:
            # several counties of that name: the one whose prefecture the text names most
            scored = sorted(cands, key=lambda c: context_counts.get(c.parent.name, 0), reverse=True)
            if context_counts.get(scored[0].parent.name, 0) > context_counts.get(scored[1].parent.name, 0):
                cands = scored[:1]
        if len(cands) == 1:
            return cands[0].region
    if prefecture is not None:
        return prefecture.region
    if province is not None:
        return province.name
    return None


def region_from_places(issuer_text: str | None, context_text: str | None = None) -> str | None:
    """The issuer's region: province + prefecture [+ county], or None.

    Places named at the start of the issuer come first (中共天峻县委组织部 →
    青海省海西蒙古族藏族自治州天峻县); then places anywhere in the issuer
    (国家税务总局海西州税务局); an issuer that names no place (县委组织部,
    州委统战部) takes the place of its level that the context names most.
    """
    g = gazetteer()
    issuer = re.sub(r"\s+", "", issuer_text or "")
    context = context_text or ""
    context_places = g.find_all(context, strict=True)
    counts: dict[str, int] = {}
    for p in context_places:
        counts[p.name] = counts.get(p.name, 0) + 1
    parsed = _parse_places(issuer)
    if parsed.province or parsed.prefecture or parsed.counties:
        return _resolve(parsed, counts)
    inner = g.find_all(issuer, strict=True)
    inner_counties = g.find_counties(issuer)
    if inner or inner_counties:
        parsed = _Parsed(
            next((p for p in inner if p.level == "province"), None),
            next((p for p in inner if p.level != "province"), None),
            inner_counties[0] if inner_counties else None,
        )
        return _resolve(parsed, counts)
    # No place in the issuer: its level word says what to look for.
    level = _level_word(issuer)
    if level == "county":
        hits = g.find_counties(context, min_len=3)
        if hits:
            tally: dict[str, tuple[int, list[County]]] = {}
            for h in hits:
                key = h[0].name
                tally[key] = (tally.get(key, (0, h))[0] + 1, h)
            best = max(tally.values(), key=lambda x: x[0])[1]
            return _resolve(_Parsed(None, None, best), counts)
    if level in ("county", "prefecture", None) and counts:
        prefs = [p for p in context_places if p.level != "province"]
        if prefs and level is not None:
            best = max(prefs, key=lambda p: counts[p.name])
            return best.region
    if counts and level is not None:
        provs = [p for p in context_places if p.level == "province"]
        if provs:
            return max(provs, key=lambda p: counts[p.name]).name
    return None


def _level_word(issuer: str) -> str | None:
    t = _PARTY_PREFIX.sub("", issuer)
    if re.match(r"^(?:县|旗|区委|区人民|区政府|区人大|区政协|区纪委)", t):
        return "county"
    if re.match(r"^(?:州|市|盟|地区|地委|行署)", t):
        return "prefecture"
    if re.match(r"^(?:省|自治区)", t):
        return "province"
    return None


def level_of_place_name(text: str) -> str | None:
    """'province' / 'prefecture' / 'county' for a name at the start of text."""
    g = gazetteer()
    m = g.pattern.match(text)
    if m:
        return g.by_form[m.group(0)].level
    m = g.county_pattern.match(text)
    if m:
        return "county"
    return None


@lru_cache(maxsize=1)
def place_bases() -> re.Pattern[str]:
    """Province and prefecture names without suffix (青海, 新乡), for finding
    a place inside an honour's name; place_bases.levels maps each to its level."""
    g = gazetteer()
    levels: dict[str, str] = {}
    for form, place in g.by_form.items():
        m = re.match(r"^(.{2,}?)(?:市|州|地区|盟|省|自治区)$", form)
        base = m.group(1) if m else (form if place.level == "province" else None)
        if base and len(base) >= 2 and base not in _AMBIGUOUS_BASES:
            levels.setdefault(base, place.level)
    place_bases.levels = levels
    return re.compile("|".join(sorted(map(re.escape, levels), key=len, reverse=True)))


# Two-character place names that are everyday words inside an honour's name.
_AMBIGUOUS_BASES = frozenset({"朝阳", "白山", "黄山", "中山", "东方", "安顺", "长治", "吉安", "永安",
                              "太平", "和平", "新区", "铜仁", "宣城", "三明", "丽水", "普洱", "白银",
                              "金昌", "大同", "阳泉", "通化", "辽源", "四平", "松原", "白城", "七台河",
                              "鸡西", "双鸭山", "大庆", "伊春", "黑河", "佳木斯"})
