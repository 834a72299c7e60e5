"""Where a person's name is in a piece of prose.

Han names are a surname (single or compound) and one or two given
characters; names of Tibetan, Mongolian, Uyghur and other nationalities have
no surname (东主才让, 斯琴高娃, 阿依古丽·买买提) and are recognised only at a
clear boundary: the whole item, or the text after a position word
(…副主任东主才让).  A name that follows its unit (…妇联主席张丽华,
…有限公司王建国) is found from the end of the text: the characters before it
must end in a position word or a unit suffix, so that 交警支队 is never read
as a person called 支队.

All functions work on the *view* (simplified, NFKC) of the text.
"""

from __future__ import annotations

import re

# The ~200 commonest surnames, which cover most of the population.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉萧冶喇妥敏拜鲜赛"
    "晋杭洪诸钮井邰蓬郦宿籍扶堵雍璩濮寿扈郏浦晁訾"
)
# Other surnames of 百家姓 and of the north-west (回族: 冶 喇 妥 马 韩 …): accepted
# only where the boundary is unmistakable, since many are ordinary words.
RARE_SURNAMES = (
    frozenset(
        "褚卫水窦云潘奚范郎昌凤酆鲍史费廉岑薛倪滕殷罗毕邬安常乐时皮卞齐康伍余元卜顾平和穆萧尹湛汪祁"
        "禹狄贝臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高"
        "蔡田樊胡凌霍虞支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁"
        "荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓全郗班仰秋仲伊宫宁仇栾暴甘钭"
        "厉戎祖武符景詹束龙叶幸司韶郜黎蓟薄印白怀蒲从鄂索咸赖屠蒙池乔阴郁胥能苍双闻莘党翟谭贡劳逄姬"
        "申冉宰郦雍却桑桂牛寿通边燕冀尚农温别庄晏柴瞿充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿"
        "满弘匡国文寇广禄阙东殳沃利蔚越夔隆师巩厍聂晁勾敖融冷辛那简饶空曾毋沙乜养鞠须丰巢关蒯相查后"
        "荆红游竺权逯盖益桓公仉督岳帅缑亢况郈有琴归海晋楚闫法汝鄢涂钦商牟佘佴伯赏墨哈谯笪年爱阳佟"
        "代才来门信达拉扎尼索铁买虎脱者仝逯蹇雒宦禄岐"
        # beyond 百家姓: surnames of today that unit-then-name text runs into
        "种亓迮郤言揭庹旷冼禤"
    )
    - COMMON_SURNAMES
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 端木 令狐 轩辕 西门 南宫 独孤 "
    "百里 呼延 申屠 太史 万俟 闻人 澹台 公冶 宗政 濮阳 淳于 单于 太叔 仲孙 钟离 拓跋 完颜 赫连 第五 "
    "乐正 鲜于 闾丘 东郭 左丘 梁丘 司空 司寇 亓官 巫马 羊舌 微生 公良 漆雕 壤驷 公西 谷梁 段干 "
    "南门 东门 公羊 梁丘 颛孙 锺离 宰父 谷粱 百里 东里 即墨 仉督 子车 夹谷".split()
)

# Characters that do not end (or stand in) a given name: unit suffixes,
# place words, function words and punctuation-like characters.
_NOT_GIVEN = frozenset(
    "局院所站队厂校馆委办处科室部组社村镇乡县市区省州旗盟会司团连营班厅署矿场店行园寺庙"
    "的了是与及等把被从对这那个们每该此"
    "员者户党"
)
# Unit and place characters that transliterated names do not contain.
_NOT_IN_MINORITY = frozenset("县市省镇乡村局院司厅委办处科室部组队站所厂校馆会社区州")
_NOT_NAME_CHARS = frozenset("的了是与及等把被这那们每该此第个")
_HAN_RE = re.compile(r"^[\u3400-\u9fff]+$")
_MINORITY_RE = re.compile(r"^[\u3400-\u9fff]{2,8}(?:·[\u3400-\u9fff]{1,8}){0,3}$")

# Positions and roles a person's entry ends with before the name (longest
# first when matched).  The list is of endings: 党支部书记 ends in 书记.
POSITION_WORDS = tuple(
    sorted(
        set(
            "书记 副书记 第一书记 主任 副主任 主席 副主席 局长 副局长 经理 总经理 副总经理 董事长 董事 "
            "总裁 总监 主管 校长 副校长 园长 院长 副院长 所长 站长 队长 副队长 村长 镇长 乡长 县长 市长 "
            "区长 州长 科长 处长 部长 厅长 组长 班长 社长 会长 行长 馆长 台长 厂长 段长 工段长 庭长 "
            "检察长 警长 秘书长 秘书 理事长 理事 监事 团长 营长 连长 排长 政委 教导员 指导员 辅导员 "
            "医生 医师 主任医师 主治医师 护士 护士长 护师 药师 技师 教师 老师 教授 讲师 研究员 工程师 "
            "高级工程师 会计 会计师 律师 记者 编辑 主编 总编辑 播音员 主持人 民警 辅警 交警 特警 法官 "
            "检察官 审判员 警员 消防员 战士 军人 村民 居民 农民 牧民 农牧民 渔民 职工 员工 工人 干部 "
            "科员 专员 委员 网格员 调解员 协管员 管理员 宣传员 联络员 信息员 护林员 保洁员 驾驶员 "
            "乘务员 营业员 技术员 操作员 监测员 检验员 巡查员 辅助员 服务员 安全员 质检员 "
            "列车长 机长 船长 值班长 分队长 中队长 大队长 支队长 带头人 负责人 创始人 传承人 "
            "志愿者 代表 会员 党员 团员 学生 个体户 户主 副部长 副处长 副科长 副县长 副市长 "
            "干事 助理 主任科员 一级主任科员 二级主任科员 科长 股长 所长 站长 骨干 标兵 能手 "
            "退休干部 退休教师 退休职工 退役军人 村医 乡村医生 炊事员 教练 教练员 运动员 "
            "技术骨干 店长 老板 法人 社员 主任委员 委员长 常委 副主任委员 支书 村支书 农民工 "
            "社工 保安 厨师 司机 快递员 外卖员 骑手 网格长 楼栋长 宣讲员 讲解员".split()
        ),
        key=len,
        reverse=True,
    )
)
POSITION_SET = frozenset(POSITION_WORDS)
_POSITION_END_RE = re.compile("(?:" + "|".join(map(re.escape, POSITION_WORDS)) + ")$")
_POSITION_ANY_RE = re.compile("|".join(map(re.escape, POSITION_WORDS)))
# Unit endings (also used to tell an organization from a person).
ORG_SUFFIXES = tuple(
    sorted(
        set(
            "人民政府 政府 委员会 公司 集团 医院 卫生院 卫生室 学校 中学 小学 大学 学院 幼儿园 中心 "
            "协会 学会 商会 联合会 合作社 基金会 研究院 研究所 设计院 事务所 办事处 派出所 检察院 "
            "法院 公安局 分局 支队 大队 中队 小组 服务队 工作队 突击队 车间 工区 党委 党组 总支 "
            "支部 工委 团委 集体 妇联 文联 侨联 残联 工商联 科协 社科联 工会 居委会 村委会 社区 街道 报社 电视台 监狱 部队 网格 窗口 家庭 "
            "校区 分校 中心校 有限公司 分公司 营业部 营业厅 服务厅 支行 分行 门诊部 卫生所 诊所 "
            "附中 附小 实小 职中 职高 完小 技校 中专 一中 二中 三中 四中 五中 六中 七中 八中 九中 十中 一小 二小 三小 "
            "文明岗 示范岗 先锋岗 服务岗 建功岗 文明号 先锋号 团支部 党小组 "
            "站 所 局 厅 委 办 院 处 科 室 部 组 社 会 村 厂 矿 场 园 馆 校 行 店 队 团 连 营 班 "
            "镇 乡 寺 庙 署 台 社 舰 号 线".split()
        ),
        key=len,
        reverse=True,
    )
)
_ORG_END_RE = re.compile("(?:" + "|".join(map(re.escape, ORG_SUFFIXES)) + r")(?:\([^()]*\))*$")
# A few one-character endings of titles that are not in the list above.
_GENERIC_ROLE_END = frozenset("长员师记任席理警官者民工士兵医手")

PLACE_SUFFIX_RE = re.compile(r"(?:省|市|县|区|州|旗|盟|镇|乡|自治州|自治县|地区|街道)$")


def surname_of(text: str) -> str | None:
    """The surname `text` starts with, compound first (欧阳 before 欧)."""
    if text[:2] in COMPOUND_SURNAMES:
        return text[:2]
    if text[:1] in COMMON_SURNAMES or text[:1] in RARE_SURNAMES:
        return text[:1]
    return None


def _given_ok(given: str) -> bool:
    """One or two given characters that cannot be read as a unit or role ending."""
    return (
        1 <= len(given) <= 2
        and _HAN_RE.match(given) is not None
        and given[-1] not in _NOT_GIVEN
        and not any(c in _NOT_NAME_CHARS for c in given)
    )


def is_han_name(text: str, *, common_only: bool = False) -> bool:
    """A surname plus one or two given characters (欧阳 + one or two)."""
    surname = surname_of(text)
    if not surname:
        return False
    if common_only and len(surname) == 1 and surname not in COMMON_SURNAMES:
        return False
    if _POSITION_END_RE.search(text) or _ORG_END_RE.search(text) or PLACE_SUFFIX_RE.search(text):
        return False  # 农民, 经理, 文联, 金县: a role, unit or place
    return _given_ok(text[len(surname) :])


def is_minority_name(text: str, *, strict: bool = True) -> bool:
    """A name without a surname: 2–8 Han characters (parts joined by ·).

    `strict` (the name stands alone, with nothing else to show it is a
    person) also asks that it be written with the characters used to
    transliterate Tibetan, Mongolian, Uyghur, Kazakh … names, so that a
    four-character phrase (强化理论宣传, 万籁俱寂) is not read as one.
    """
    if not _MINORITY_RE.match(text):
        return False
    plain = text.replace("·", "")
    if any(c in _NOT_NAME_CHARS or c in _NOT_IN_MINORITY for c in plain) or plain[-1] in _NOT_GIVEN:
        return False
    if (
        ends_with_org(text)
        or PLACE_SUFFIX_RE.search(text)
        or _POSITION_ANY_RE.search(text)
        or _PROSE_WORD_RE.search(plain)
    ):
        return False
    if not strict:
        return True
    phonetic = sum(c in TRANSLITERATION_CHARS for c in plain)
    if "·" in text:
        return phonetic * 2 >= len(plain)
    return phonetic == len(plain) or (len(plain) >= 4 and phonetic >= len(plain) - 1)


# Characters of transliterated Tibetan, Mongolian, Uyghur, Kazakh, Kyrgyz and
# other names (才让卓玛, 斯琴高娃, 阿依古丽, 努尔兰 …).
TRANSLITERATION_CHARS = frozenset(
    "才让卓玛扎西东主完多杰尼拉姆次仁旦增格桑德吉央金索南措加本巴周曲毛草宗尕昂秀旺堪布贡保切嘉果"
    "洛然丹却吾更登青斗太当智赛合闹日科羊知三确哇噶热丁珍琼达瓦普白平罗顿珠穷强朗晋美边泽益喜饶"
    "阿江尔康赤列群培久嘎宇拓坚赞米玉梅卡见官木龙特斯琴高娃其图雅那顺额敦宝音朝鲁苏和敖孟赖勒呼"
    "哈毕力坦乌云满都胡萨钦门克塔娜依古丽买提艾肯曼逊努不明帕麦汗别沙伊亚孜库迪穆罕默守则肉兰夏"
    "乃比英花吐鲁洪森海班甫叶兰衣道楞锡林查干赫包托娅来达沁仓欧若参航角夺拥端香卓措冷热提莫"
    "哲恩妮萨蒂莎纳吾斯坎尕旺秀加桑杰央拉姆琼嘎玛旦巴顿珠卓乌力吉其木格敖特根苏日图雅"
    "尼格买苏来曼艾尼瓦尔迪丽努尔阿娜尔古丽再努尔亚森江阿依多斯叶尔兰博拉提别克加尔肯"
    "阿卜杜克里木拜合提亚尔乎尔西提赛买提艾合买提帕尔哈提迪力夏提伊力哈木都来提热依汗"
)


# Words of ordinary prose and headings that no transliterated name contains.
_PROSE_WORD_RE = re.compile(
    r"先进|集体|个人|名单|对象|优秀|模范|标兵|单位|人选|同志|工作|人民|中国|全国|全省|国家|社会|发展|"
    r"建设|民族|团结|进步|中华|共产|表彰|推荐|公示|事迹|情况|基本|附件|活动|组织|管理|服务|教育|文化"
)


def ends_with_position(text: str) -> bool:
    return _POSITION_END_RE.search(text) is not None


def ends_with_org(text: str) -> bool:
    return _ORG_END_RE.search(text) is not None


def _boundary(prefix: str) -> int:
    """How clearly `prefix` ends before a name: 4 a position word, 3 a unit
    ending of two characters or more (校区, 幼儿园, 派出所), 2 a one-character
    unit ending (村, 队), 1 role-like, 0 no."""
    if not prefix:
        return 0
    if _POSITION_END_RE.search(prefix):
        return 4
    m = _ORG_END_RE.search(prefix)
    if m:
        return 3 if len(m.group(0).split("(")[0]) >= 2 else 2
    if prefix[-1] in _GENERIC_ROLE_END:
        return 1
    return 0


def split_trailing_name(text: str) -> tuple[str, str] | None:
    """(`unit text`, `name`) when `text` is unit/position followed by a name.

    `某市某区妇联主席张丽华` → (`某市某区妇联主席`, `张丽华`).  Among several
    readings the one with a common surname and the clearest boundary wins
    (护士长李梅 is 李梅, not 长李梅).
    """
    best: tuple[tuple[int, int, int], int] | None = None
    for k in (2, 3, 4):
        if len(text) - k < 2:
            continue
        cand, prefix = text[-k:], text[:-k]
        surname = surname_of(cand)
        if not surname or not _given_ok(cand[len(surname) :]):
            continue
        if _POSITION_END_RE.search(cand) or _ORG_END_RE.search(cand):
            continue  # 经理, 支书, 文联 …: a role or unit, not a person
        if k == 4 and len(surname) != 2:
            continue
        boundary = _boundary(prefix)
        common = len(surname) == 2 or surname in COMMON_SURNAMES
        if boundary == 0 or (not common and boundary < 3):
            continue  # a rare surname (种, 亓, 笪) only after a clear ending
        score = (int(common), boundary, k)
        if best is None or score > best[0]:
            best = (score, k)
    han = (text[: -best[1]], text[-best[1] :]) if best else None
    minority = _minority_after_position(text)
    if minority and (han is None or (best and best[0][1] < 4 and minority[1].endswith(han[1]))):
        return minority
    return han


def _minority_after_position(text: str) -> tuple[str, str] | None:
    """The text after the last position word, when it reads as a name."""
    last = None
    for m in _POSITION_ANY_RE.finditer(text):
        last = m
    if last is None or last.end() >= len(text):
        return None
    rest = text[last.end() :]
    if len(text) - len(rest) < 2 or not is_minority_name(rest, strict=False):
        return None
    plain = rest.replace("·", "")
    if sum(c in TRANSLITERATION_CHARS for c in plain) * 2 < len(plain):
        return None  # 代表张三发言: not a transliterated name
    return text[: last.end()], rest
