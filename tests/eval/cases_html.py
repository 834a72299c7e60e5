"""HTML notice cases (government pages, news reprints), some GBK-encoded.

Structures follow real notices seen through the search tool (Qinghai ethnic
unity recommendation tables, Tibet 两优一先 prose lines with (女,藏族) notes,
Anhui 三八红旗手 padded-name lines, Guangdong traditional-character lists,
Xinxiang 最美 name grids, Xiamen news reprints, Jiangsu per-person prose);
names, units and dates are invented.
"""

from __future__ import annotations

from casekit import (
    Case,
    cn_birth,
    dotted_birth,
    gov_page,
    html_table,
    notice,
    org,
    pad_name,
    paras,
    person,
)

QH = "青海省海南藏族自治州人民政府"


def h01_hainan_mztj_table() -> Case:
    persons = [
        person("才让多杰", "男", "藏族", "1975-03", "中共党员", "大专", "共和县倒淌河镇黑科村", "党支部书记"),
        person("马秀兰", "女", "回族", "1983-11", "中共党员", "本科", "贵德县河阴镇人民政府", "副镇长"),
        person("韩明", "男", "撒拉族", "1979-06", "群众", "高中", "同德县巴水镇个体工商户", None),
        person("李永红", "女", "汉族", "1990-10", "共青团员", "研究生", "海南州人民医院", "主治医师"),
        person("更登加", "男", "土族", "1968-12", "无党派人士", "大学", "兴海县子科滩镇卫生院", "乡村医生"),
    ]
    short = {"藏族": "藏", "回族": "回", "撒拉族": "撒拉", "汉族": "汉", "土族": "土"}
    births = ["1975.3", "1983.11", "1979.06", "1990.10", "1968.12"]
    rows = [["序 号", "姓 名", "性 别", "民 族", "出生年月", "政治面貌", "学 历", "工作单位", "职 务", "备 注"]]
    for i, (p, b) in enumerate(zip(persons, births, strict=True), 1):
        rows.append([str(i), pad_name(p["name"], fill="&nbsp;"), p["gender"], short[p["ethnicity"]], b,
                     p["political"], p["education"], p["unit"], p["position"] or "无", ""])
    orgs = [org("共和县恰卜恰镇西香卡社区居民委员会"), org("海南州中级人民法院"), org("贵南县森多镇人民政府")]
    orows = [["序 号", "单位名称", "单位性质", "所属行业", "备 注"],
             ["1", orgs[0]["name"], "基层群众性自治组织", "行政基层", ""],
             ["2", orgs[1]["name"], "国家机关", "政法", ""],
             ["3", orgs[2]["name"], "行政单位", "政府机构", ""]]
    body = paras("""根据中共青海省委办公厅 青海省人民政府办公厅《关于做好青海省民族团结进步先进集体和先进个人推荐评选工作的通知》(青办字〔2025〕32号)精神,州委统一战线工作领导小组办公室在各县、各部门积极推荐的基础上,经综合评定,拟推荐共和县恰卜恰镇西香卡社区居民委员会等3个单位、才让多杰等5名个人分别为青海省民族团结进步先进集体和先进个人。
现对推荐对象进行公示,公示时间为2025年9月10日至2025年9月16日(5个工作日)。公示期间,请各界干部群众通过来电、来信、来访等形式,署名反映情况和问题。
地 址:海南州委统战部(恰卜恰镇团结路18号)
联系电话:0974—8512345(传真)""")
    body += '\n<p style="text-align:center"><strong>附件1 青海省民族团结进步先进集体拟推荐对象基本情况表</strong></p>\n'
    body += html_table(orows)
    body += '\n<p style="text-align:center"><strong>附件2 青海省民族团结进步先进个人拟推荐对象基本情况表</strong></p>\n'
    body += html_table(rows)
    body += '\n<p style="text-align:right">中共海南州委统一战线工作部</p>\n<p style="text-align:right">2025年9月10日</p>'
    html = gov_page(site=QH, title="关于青海省民族团结进步先进集体和先进个人拟推荐对象的公示", body=body,
                    published_line="<span>发布时间:2025-09-10 17:32:08</span> <span>来源:州委统战部</span> <span>浏览次数:1032</span>",
                    breadcrumbs=["首页", "政务公开", "通知公告"])
    return Case("h01_hainan_mztj_table", "page.html", {"page.html": html.encode("utf-8")},
                notice("2025-09-10", "recommended", "province", "2025-09-10", "2025-09-16",
                       award="青海省民族团结进步先进集体和先进个人", issuer="中共海南州委统一战线工作部"),
                orgs + persons, url="http://www.hainanzhou.gov.cn/zwgk/tzgg/202509/t20250910_112233.html",
                content_type="text/html; charset=utf-8",
                source="modelled on the Haixi seed notice (Qinghai ethnic unity, seed 000)",
                note="separate 工作单位/职务 columns, short ethnicities (土, 撒拉), padded names, 无 → null, footer dates")


def h02_tibet_lyyx_prose() -> Case:
    recs = [
        person("卓嘎拉姆", "女", "藏族", unit="西藏自治区山南市错那市勒布办事处麻玛乡原护林员"),
        person("边巴次仁", None, "藏族", unit="西藏自治区阿里地区普兰县公安局交通管理大队二级辅警"),
        person("德吉央宗", "女", "藏族", unit="党的二十大代表,西藏自治区日喀则市特殊教育学校党委副书记、校长"),
        person("周建军", unit="西藏自治区地质矿产勘查开发局第五地质大队党委副书记,第五地质大队矿产勘查院副院长"),
        org("中共林芝市米林市南伊珞巴民族乡才召村支部委员会"),
        org("中共拉萨市生态环境局机关支部委员会"),
        org("中共那曲市双湖县嘎措乡委员会"),
    ]
    body = paras("""党中央决定,在中国共产党成立105周年之际,以中共中央名义表彰一批全国优秀共产党员、全国优秀党务工作者和全国先进基层党组织。根据有关通知精神,经自治区党委同意,现将自治区全国优秀共产党员、全国优秀党务工作者和全国先进基层党组织拟推荐对象予以公示。
1.优秀共产党员拟推荐对象(2名)
卓嘎拉姆 (女,藏族) 西藏自治区山南市错那市勒布办事处麻玛乡原护林员
边巴次仁(藏族) 西藏自治区阿里地区普兰县公安局交通管理大队二级辅警
2.优秀党务工作者拟推荐对象(2名)
德吉央宗(女,藏族) 党的二十大代表,西藏自治区日喀则市特殊教育学校党委副书记、校长
周建军 西藏自治区地质矿产勘查开发局第五地质大队党委副书记,第五地质大队矿产勘查院副院长
3.先进基层党组织拟推荐对象(3个)
中共林芝市米林市南伊珞巴民族乡才召村支部委员会
中共拉萨市生态环境局机关支部委员会
中共那曲市双湖县嘎措乡委员会
公示期为2026年3月9日—13日。公示期间,如对拟推荐对象有异议,可向自治区党委组织部反映。反映形式为电话、信函、电子邮件,信函以到达日邮戳为准。
联系电话:
0891—6190000 6190001
通信地址:
拉萨市城关区娘热路5号
中共西藏自治区委员会组织部
2026年3月9日""")
    html = gov_page(site="中共那曲市委员会", title="全国“两优一先”拟推荐对象公示", body=body,
                    published_line="发布时间:2026-03-09 作者: 来源:西藏日报",
                    breadcrumbs=["首页", "新闻中心", "头条新闻"], footer_year="2026")
    return Case("h02_tibet_lyyx_prose", "page.html", {"page.html": html.encode("utf-8")},
                notice("2026-03-09", "recommended", "national", "2026-03-09", "2026-03-13",
                       award="全国优秀共产党员、全国优秀党务工作者和全国先进基层党组织",
                       issuer="中共西藏自治区委员会组织部"),
                recs, url="http://nq.example.gov.cn/xwzx/ttxw/202603/t20260309_650001.html",
                source="structure of a real Tibet 两优一先 notice reprinted on a prefecture site (names invented)",
                note="prose lines 'name (女,藏族) unit+position', gender omitted for one, short period end 9日—13日")


def h03_anhui_sbhqs_gbk() -> Case:
    recs = [
        person("任晓萍", unit="科大讯飞股份有限公司党委副书记、副总裁"),
        person("苏琴", unit="合肥市蓝天救援队队长"),
        person("王月华", unit="宿州市农业科学院农业技术推广研究员"),
        person("石琳", unit="合肥工业大学教授,安徽省汽车行业协会会长"),
        person("吴秋萍", unit="安徽省女子监狱三级高级警长"),
        person("欧阳兰", unit="蚌埠国显科技有限公司、深圳市国显科技有限公司总经理"),
        person("周冰冰", unit="马鞍山市当涂县人民法院副院长"),
        org("安徽青松食品有限公司"),
        org("阜阳市颍上县村嫂理事会"),
        org("淮南市中级人民法院诉讼服务中心"),
    ]
    sp = "\u3000"
    lines = f"""根据安徽省妇联《关于开展推荐2023年度全国三八红旗手(集体)和评选安徽省三八红旗手(集体)活动的通知》要求,在各市妇联及有关单位层层推荐的基础上,经省妇联党组研究,确定推荐全国妇联表彰的全国三八红旗手标兵候选人2名,全国三八红旗手候选人5名、全国三八红旗集体候选集体3个,现公示如下:
一、推荐全国三八红旗手标兵候选人名单(2名)
任晓萍&nbsp;&nbsp;科大讯飞股份有限公司党委副书记、副总裁
苏{sp}琴&nbsp;&nbsp;合肥市蓝天救援队队长
二、推荐全国三八红旗手候选人名单(5名,按姓氏笔画)
王月华&nbsp;&nbsp;宿州市农业科学院农业技术推广研究员
石{sp}琳&nbsp;&nbsp;合肥工业大学教授,安徽省汽车行业协会会长
吴秋萍&nbsp;&nbsp;安徽省女子监狱三级高级警长
欧阳兰&nbsp;&nbsp;蚌埠国显科技有限公司、深圳市国显科技有限公司
总经理
周冰冰&nbsp;&nbsp;马鞍山市当涂县人民法院副院长
三、推荐全国三八红旗集体候选集体名单(3个)
安徽青松食品有限公司
阜阳市颍上县村嫂理事会
淮南市中级人民法院诉讼服务中心
公示时间为2024年1月10日至1月16日。如有异议,请于公示期内以书面形式并署真实姓名向省妇联宣传部反映。
联系电话:0551-62600000
安徽省妇女联合会
2024年1月10日"""
    body = paras(lines)
    html = gov_page(site="安徽省妇女联合会", title="关于推荐2023年度全国三八红旗手(集体)候选人的公示", body=body,
                    published_line="发布日期:2024-01-10", breadcrumbs=["首页", "通知公告"],
                    charset_meta='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
                    footer_year="2024")
    return Case("h03_anhui_sbhqs_gbk", "index.html", {"index.html": html.encode("gbk", "xmlcharrefreplace")},
                notice("2024-01-10", "recommended", "national", "2024-01-10", "2024-01-16",
                       award="全国三八红旗手(集体)", issuer="安徽省妇女联合会"),
                recs, url="http://www.ahwomen.example.org.cn/tzgg/202401/t20240110_9001.html",
                content_type="text/html",
                source="structure of a real Anhui 三八红旗手 recommendation (names invented)",
                note="GBK bytes with gb2312 meta; name padded with U+3000; position wrapped onto its own line; compound surname 欧阳")


def h04_guangdong_traditional() -> Case:
    recs = [
        person("盧宇彤", unit="國家超級計算廣州中心主任、中山大學計算機學院教授"),
        person("梁淑儀", unit="中山大學附屬第一醫院護理部主任"),
        person("陳愛蓮", unit="廣州醫科大學第一附屬醫院心血管內科副主任醫師"),
        person("張瑩", unit="廣東省深圳市雨燕殘疾人關愛事業發展中心主任"),
        person("李曉燕", unit="廣東省汕頭市公安局金平分局禁毒大隊大隊長"),
        person("羅新燕", unit="廣東聖火傳媒科技股份有限公司創始人"),
        org("廣東省廣州重癥孕產婦救治中心"),
        org("廣東省河源市圖書館"),
        org("白雲出入境邊防檢查站執勤三隊"),
    ]
    body = paras("""按照全國婦聯《關於開展2021年度全國三八紅旗手標兵、全國三八紅旗手(集體)評選活動的通知》(婦廳字〔2021〕50號)要求,經各地婦聯和有關單位推薦,好中選優,省婦聯黨組審批,擬推薦全國三八紅旗手標兵候選人1名、全國三八紅旗手候選人5名、全國三八紅旗集體候選單位3個,現將推薦名單予以公示,公示時間為2021年12月13日至2021年12月17日。公示名單如下:
一、全國三八紅旗手標兵候選人推薦名單(1名)
盧宇彤 國家超級計算廣州中心主任、中山大學計算機學院教授
二、全國三八紅旗手候選人推薦名單(5名)
1.梁淑儀 中山大學附屬第一醫院護理部主任
2.陳愛蓮 廣州醫科大學第一附屬醫院心血管內科副主任醫師
3.張 瑩 廣東省深圳市雨燕殘疾人關愛事業發展中心主任
4.李曉燕 廣東省汕頭市公安局金平分局禁毒大隊大隊長
5.羅新燕 廣東聖火傳媒科技股份有限公司創始人
三、全國三八紅旗集體候選單位推薦名單(3個)
1.廣東省廣州重癥孕產婦救治中心
2.廣東省河源市圖書館
3.白雲出入境邊防檢查站執勤三隊
對候選人或候選單位如有異議,請以書面形式并署真實姓名和聯系電話,于2021年12月17日前將意見提交至省婦聯宣傳部(地址:廣州市越秀區中山一路梅花村3號,郵編:510080,聯系電話:020-87180000)。
廣東省婦女聯合會
2021年12月13日""")
    html = gov_page(site="廣東省婦女聯合會", title="關於推薦2021年度全國三八紅旗手標兵、全國三八紅旗手(集體)候選人的公示",
                    body=body, published_line="發佈時間:2021-12-13 16:20 來源:本網",
                    breadcrumbs=["首頁", "最新公告"], footer_year="2022")
    return Case("h04_guangdong_traditional", "content.html", {"content.html": html.encode("utf-8")},
                notice("2021-12-13", "recommended", "national", "2021-12-13", "2021-12-17",
                       award="全國三八紅旗手標兵、全國三八紅旗手(集體)", issuer="廣東省婦女聯合會"),
                recs, url="http://www.gdwomen.example.org.cn/zxgg/content/post_652360.html",
                source="structure of a real Guangdong women's federation notice in traditional characters (names invented)",
                note="traditional characters throughout; numbered lines; padded 張 瑩; ranking headings")


def h05_xinxiang_namegrid() -> Case:
    main = ["王强", "王玉玲", "牛秀丽", "朱义兵", "闫见海", "任少云", "孙丛民", "李艳", "茹振刚", "娜佳", "魏杰彪"]
    nominees = ["王开付", "孔繁鑫", "卢远", "刘菲", "刘红霞", "孙合林", "岐欢", "张红彩", "罗晶", "秦松山", "海宝丽", "樊立顺"]
    groups = ["新乡市对口援疆队员集体", "新乡市新区育才幼儿园芒果班小朋友集体", "小红帽义务督查大队"]

    def grid(names: list[str]) -> str:
        out, line = [], []
        for n in names:
            line.append(pad_name(n, fill="&nbsp;"))
            if len(line) == 3:
                out.append("&nbsp;&nbsp;&nbsp;&nbsp;".join(line))
                line = []
        if line:
            out.append("&nbsp;&nbsp;&nbsp;&nbsp;".join(line))
        return "\n".join(f"<p>{x}</p>" for x in out)

    body = paras("""为了弘扬凡人善举,壮大社会正能量,由市委宣传部牵头,市文明办、市直工委、市总工会、团市委、市妇联、新乡日报社、新乡广播电视台共同举办了2013年“最美新乡人”评选活动。根据代表性、可学性和群众性原则,在汇总公众投票和评委意见之后,评出了14个2013年“最美新乡人”(11位个人,3个集体)和12个2013年“最美新乡人”提名奖。现将评选结果予以公告:
一、2013年“最美新乡人”名单(14个,按姓氏笔画排序)""")
    body += "\n" + grid(main) + "\n" + "\n".join(f"<p>{g}</p>" for g in groups)
    body += "\n<p>二、2013年“最美新乡人”提名奖名单(12个,按姓氏笔画排序)</p>\n" + grid(nominees)
    body += "\n" + paras("""公示日期为2013年9月23日至24日,欢迎社会各界监督举报,电话:0373-3690000。
2013年“最美新乡人”评选活动领导小组
2013年9月23日""")
    html = gov_page(site="新乡新闻网", title="2013年“最美新乡人”评选结果的公告", body=body,
                    published_line="2013-09-23 09:12:45 来源:新乡日报 编辑:王静",
                    breadcrumbs=["新乡新闻网", "新乡", "正文"], footer_year="2013")
    recs = [person(n) for n in main] + [org(g) for g in groups] + [person(n) for n in nominees]
    return Case("h05_xinxiang_namegrid", "182827.html", {"182827.html": html.encode("utf-8")},
                notice("2013-09-23", "proposed", "prefecture", "2013-09-23", "2013-09-24",
                       award="最美新乡人"),
                recs, url="http://news.xinxiang.example.cn/html/2013/xinxiang_0923/182827.html",
                source="structure of a real Xinxiang 最美新乡人 result notice (names altered)",
                note="name grid: 3 names per line, 2-char names padded with one nbsp, names separated by 4 nbsp; collectives in the list")


def h06_liaoning_gbk_nometa() -> Case:
    persons = [
        person("张立国", "男", "汉族", "1975-03", "中共党员", "大学", "营口港务集团有限公司集装箱码头分公司桥吊司机"),
        person("关红梅", "女", "满族", "1981-07", "中共党员", "大专", "盖州市九垄地街道东果园村党支部书记、村委会主任"),
        person("佟德志", "男", "锡伯族", "1969-12", "群众", "高中", "大石桥市周家镇农民"),
        person("包春花", "女", "蒙古族", "1986-04", "中共党员", "研究生", "营口市中心医院心血管内科主任医师"),
        person("金哲浩", "男", "朝鲜族", "1978-09", "民盟盟员", "本科", "营口理工学院机械与动力工程学院院长"),
        person("赵永胜", "男", "汉族", "1972-01", "中共党员", "中专", "鞍钢股份鲅鱼圈钢铁分公司炼钢部转炉炉长"),
    ]
    rows = [["辽宁省劳动模范和先进工作者拟推荐对象名单"] + [""] * 7,
            ["序号", "姓名", "性别", "出生年月", "民族", "政治面貌", "文化程度", "工作单位及职务"]]
    for i, p in enumerate(persons, 1):
        rows.append([str(i), p["name"], p["gender"], cn_birth(p["birth"]), p["ethnicity"],
                     p["political"], p["education"], p["unit"]])
    table = html_table(rows, header_rows=2, attrs='width="600" border="1" cellspacing="0"',
                       cell_attrs={(0, 0): 'colspan="8"'}, skip={(0, c) for c in range(1, 8)})
    orgs = [org("营口市站前区建设街道办事处")]
    body = paras("""按照《中共辽宁省委办公厅 辽宁省人民政府办公厅关于做好2025年辽宁省劳动模范、先进工作者和先进集体推荐评选表彰工作的通知》(辽委办传发〔2025〕11号)要求,现将我市拟推荐对象名单予以公示,其中辽宁省劳动模范和先进工作者6名、先进集体1个。公示时间为2025年4月18日至4月22日(注:公示期为五个工作日),在此期间,任何单位和个人对公示名单如有异议,请以电话、信函等方式向市推荐评选工作领导小组办公室反映。
通讯地址:营口市站前区渤海大街西18号 邮编:115000
联系电话:0417-2800000""")
    body += "\n" + table + "\n<p>辽宁省先进集体拟推荐对象(1个)</p>\n"
    body += html_table([["序号", "单位名称"], ["1", orgs[0]["name"]]])
    body += "\n<p align=right>营口市推荐评选工作领导小组办公室</p><p align=right>2025年4月18日</p>"
    html = gov_page(site="营口市总工会", title="辽宁省劳动模范、先进工作者和先进集体拟推荐对象公示", body=body,
                    published_line="发布日期:2025年04月18日 点击:2035", breadcrumbs=["首页", "工会动态", "公示公告"],
                    charset_meta=None)
    return Case("h06_liaoning_gbk_nometa", "showtopic-14303.html", {"showtopic-14303.html": html.encode("gbk", "xmlcharrefreplace")},
                notice("2025-04-18", "recommended", "province", "2025-04-18", "2025-04-22",
                       award="辽宁省劳动模范、先进工作者和先进集体", issuer="营口市推荐评选工作领导小组办公室"),
                persons + orgs, url="http://www.ykzgh.example.cn/gsgg/showtopic-14303.html",
                content_type="text/html",
                source="structure of a real Yingkou recommendation notice (names invented)",
                note="GBK bytes, no charset anywhere; merged title row; 工作单位及职务 in one column; births 1975年3月; birth column before 民族")


def h07_news_reprint() -> Case:
    recs = [
        person("林雅琴", unit="厦门大学附属第一医院副护士长(副主任护师)"),
        person("王可欣", unit="厦门第一中学教务主任(中学高级教师)"),
        person("陈水旺", unit="厦门市集美区灌口镇田头村农民"),
        person("叶杉明", unit="厦门惠尔康食品有限公司行政部经理"),
        person("朱文霞", unit="厦门航空有限公司客舱经理"),
        person("陈国信", unit="国网福建省电力有限公司厦门供电公司不停电作业高级师兼带电班副班长(工程师)"),
        person("张水利", unit="厦门象屿集团有限公司党委书记、董事长"),
    ]
    lines = "\n".join(f"●{r['name']} {r['unit']}" for r in recs)
    body = paras(f"""台海网5月15日讯 据厦门晚报报道 根据中共福建省委办公厅、福建省人民政府办公厅关于做好2020年全国劳动模范和先进工作者推荐评选工作的通知精神,福建省2020年全国劳动模范和先进工作者推荐委员会今天公示了我省全国劳动模范和先进工作者推荐人选名单,厦门市有7人入围。此次公示时间为5月15日至21日(工作日)。
厦门市入围的7人分别是:
{lines}
(记者 陈晓东)""", indent=False)
    html = gov_page(site="台海网", title="厦门7人入围全国劳模和先进工作者推荐人选", body=body,
                    published_line="2020-05-15 08:05 ", source_line="来源:厦门晚报 作者:陈晓东 ",
                    breadcrumbs=["台海网", "新闻频道", "厦门"], footer_year="2020",
                    related=[("厦门新增3家省级工业旅游示范基地", "2020-05-14"),
                             ("翔安大道改造工程进入收尾阶段", "2020-05-13")])
    return Case("h07_news_reprint", "2384831.html", {"2384831.html": html.encode("utf-8")},
                notice("2020-05-15", "recommended", "national", "2020-05-15", "2020-05-21",
                       award="全国劳动模范和先进工作者"),
                recs, url="http://news.taihainet.example.com/news/xmnews/2020-05-15/2384831.html",
                source="structure of a real news report reprinting a Fujian recommendation (names altered)",
                note="news chrome, ● bullets, unit+position in one run, year-less period, reporter name in brackets")


def h08_county_award_decision() -> Case:
    people = [
        ("王建国", "县人民医院党委委员、外科主任"),
        ("李芳", "城关镇东街社区党支部书记"),
        ("马福林", "河阴镇下排村党支部书记、村委会主任"),
        ("苏海燕", "县第一高级中学教师"),
        ("韩乙四夫", "县农业农村局农技推广站站长"),
    ]
    workers = [("陈海", "县委组织部组织科科长"), ("冶生兰", "县市场监督管理局机关党委专职副书记")]
    orgs = ["中共城关镇东街社区支部委员会", "中共县人民医院内科支部委员会", "中共河阴镇下排村支部委员会"]

    def line(n: str, u: str) -> str:
        return f"<p>{pad_name(n, fill='&emsp;')}&emsp;&emsp;{u}</p>"

    body = paras("""各乡镇党委,县直各部门党组(党委):
2023年以来,全县各级党组织和广大党员深入学习贯彻习近平新时代中国特色社会主义思想,涌现出一批先进典型。为表彰先进、树立典型,县委决定,授予王建国等5名同志“全县优秀共产党员”称号,授予陈海等2名同志“全县优秀党务工作者”称号,授予中共城关镇东街社区支部委员会等3个基层党组织“全县先进基层党组织”称号。
希望受到表彰的先进集体和个人珍惜荣誉,再接再厉。
附件:全县优秀共产党员、优秀党务工作者和先进基层党组织名单""")
    body += "\n<p>全县优秀共产党员(5名)</p>\n" + "\n".join(line(n, u) for n, u in people)
    body += "\n<p>全县优秀党务工作者(2名)</p>\n" + "\n".join(line(n, u) for n, u in workers)
    body += "\n<p>全县先进基层党组织(3个)</p>\n" + "\n".join(f"<p>{o}</p>" for o in orgs)
    body += "\n<p align=right>中共化隆回族自治县委员会</p><p align=right>2024年6月28日</p>"
    html = gov_page(site="化隆回族自治县人民政府", title="中共化隆回族自治县委关于表彰全县优秀共产党员、优秀党务工作者和先进基层党组织的决定",
                    body=body, published_line="发布时间:2024-06-28 信息来源:县委组织部",
                    breadcrumbs=["首页", "政务公开", "党建工作"], footer_year="2024")
    recs = ([person(n, unit=u) for n, u in people] + [person(n, unit=u) for n, u in workers]
            + [org(o) for o in orgs])
    return Case("h08_county_award_decision", "t20240628.html", {"t20240628.html": html.encode("utf-8")},
                notice("2024-06-28", "awarded", "county", None, None,
                       award="全县优秀共产党员、优秀党务工作者和先进基层党组织",
                       issuer="中共化隆回族自治县委员会"),
                recs, url="http://www.hualong.example.gov.cn/zwgk/djgz/202406/t20240628_1.html",
                source="modelled on county 两优一先 decisions",
                note="awarded decision; name+unit only, emsp padding; no period")


def h09_jiangsu_prose_persons() -> Case:
    recs = [
        person("盛立豪", "男", "汉族", "2004-12", "共青团员", "中专", "江苏省方山体育训练基地射击运动员"),
        person("顾玉芬", "女", "汉族", "1971-05", "中共党员", "大专", "苏州市吴江区七都镇开弦弓村党委书记"),
        person("马骏", "男", "回族", "1982-09", "中共党员", "研究生", "南京市第一医院心胸外科主任"),
        person("徐建华", "男", "汉族", "1968-02", "群众", "高中", "徐州市铜山区棠张镇种粮大户"),
        person("朱丽娜", "女", "满族", "1985-11", "民盟盟员", "大学", "江苏中天科技股份有限公司研发中心总工程师"),
        person("陈卫东", "男", "汉族", "1976-07", "中共党员", "大学", "江苏省公安厅高速公路交通警察总队宁通支队副支队长"),
    ]

    def line(r: dict) -> str:
        return (f"{r['name']},{r['gender']},{r['ethnicity']},{cn_birth(r['birth'])}出生,{r['political']},"
                f"{r['education']},{r['unit']}。")

    body = paras(f"""根据中共中央办公厅、国务院办公厅《关于做好全国劳动模范和先进工作者推荐评选工作的通知》要求,经过自下而上、逐级推荐、审核把关,省推荐评选工作领导小组研究确定了全国劳动模范和先进工作者推荐人选。现予以公示,公示时间:2025年3月6日—3月12日。
一、全国劳动模范推荐人选(4名)
{line(recs[0])}
{line(recs[1])}
{line(recs[3])}
{line(recs[4])}
二、全国先进工作者推荐人选(2名)
{line(recs[2])}
{line(recs[5])}
公示期间,如对推荐人选有异议,请以书面或电话形式实名向省推荐评选工作领导小组办公室(设在省总工会)反映。
联系电话:025-83300000
江苏省全国劳动模范和先进工作者推荐评选工作领导小组办公室
2025年3月6日""")
    html = gov_page(site="江苏省总工会", title="关于2025年全国劳动模范和先进工作者推荐人选的公示", body=body,
                    published_line="时间:2025-03-06 来源:省总工会 【字体:大 中 小】",
                    breadcrumbs=["首页", "公示公告"])
    order = [recs[0], recs[1], recs[3], recs[4], recs[2], recs[5]]
    return Case("h09_jiangsu_prose_persons", "art_1.html", {"art_1.html": html.encode("utf-8")},
                notice("2025-03-06", "recommended", "national", "2025-03-06", "2025-03-12",
                       award="全国劳动模范和先进工作者",
                       issuer="江苏省全国劳动模范和先进工作者推荐评选工作领导小组办公室"),
                order, url="http://www.jsgh.example.org/gsgg/art/2025/3/6/art_1.html",
                source="per-person prose as in Jiangsu's 2025 全国劳模 list (names invented)",
                note="one sentence per person: 姓名,性别,民族,YYYY年M月出生,政治面貌,学历,单位职务。")


def h10_region_grouped_table() -> Case:
    groups = {
        "西宁市(3名)": [
            person("韩秀英", "女", "撒拉族", "1972-02", "中共党员", "大专", "西宁市城东区周家泉社区党委书记、居委会主任"),
            person("祁永福", "男", "土族", "1980-08", "中共党员", "本科", "西宁市湟中区上五庄镇人民政府镇长"),
            person("张卫红", "女", "汉族", "1977-12", "群众", "高中", "西宁市城中区南川西路街道个体户"),
        ],
        "海东市(2名)": [
            person("马哈三", "男", "回族", "1966-05", "中共党员", "初中", "循化撒拉族自治县街子镇三兰巴亥村党支部书记"),
            person("才让卓玛", "女", "藏族", "1988-03", "共青团员", "研究生", "化隆回族自治县第一中学教师"),
        ],
        "省直单位(1名)": [
            person("李红军", "男", "汉族", "1970-10", "中共党员", "研究生", "青海省民族宗教事务委员会政策法规处处长"),
        ],
    }
    rows = [["姓名", "性别", "民族", "出生年月", "学历", "政治面貌", "单位及职务"]]
    attrs, skip = {}, set()
    for g, ps in groups.items():
        r = len(rows)
        rows.append([g] + [""] * 6)
        attrs[(r, 0)] = 'colspan="7" style="text-align:left"'
        skip |= {(r, c) for c in range(1, 7)}
        for p in ps:
            rows.append([p["name"], p["gender"], p["ethnicity"], dotted_birth(p["birth"], pad=True),
                         p["education"], p["political"], p["unit"]])
    table = html_table(rows, cell_attrs=attrs, skip=skip, attrs='class="MsoNormalTable" border="1"')
    body = paras("""为表彰在铸牢中华民族共同体意识、推进民族团结进步事业中作出突出贡献的先进个人,省委、省政府决定召开全省民族团结进步表彰大会。经各地各部门推荐、审核,拟表彰韩秀英等6名同志为“青海省民族团结进步先进个人”。现将拟表彰对象予以公示,公示期为2024年8月20日至8月26日。
如有异议,请在公示期内向省民族团结进步表彰工作领导小组办公室反映。电话:0971-8240000。""")
    body += "\n<p style='text-align:center'>青海省民族团结进步先进个人拟表彰对象名单</p>\n" + table
    body += "\n<p align=right>青海省民族团结进步表彰工作领导小组办公室</p><p align=right>2024年8月20日</p>"
    html = gov_page(site="青海省民族宗教事务委员会", title="青海省民族团结进步先进个人拟表彰对象公示", body=body,
                    published_line="发布时间:2024年08月20日 来源:本站", breadcrumbs=["首页", "公示公告"], footer_year="2024")
    recs = [p for ps in groups.values() for p in ps]
    return Case("h10_region_grouped_table", "t20240820.html", {"t20240820.html": html.encode("utf-8")},
                notice("2024-08-20", "proposed", "province", "2024-08-20", "2024-08-26",
                       award="青海省民族团结进步先进个人",
                       issuer="青海省民族团结进步表彰工作领导小组办公室"),
                recs, url="http://mzw.qinghai.example.gov.cn/gsgg/202408/t20240820.html",
                source="modelled on provincial proposed-award tables grouped by region",
                note="region rows spanning the table; 单位及职务 one column; births 1972.02")


def h12_two_row_header() -> Case:
    recs = [
        person("杨晓梅", "女", "汉族", "1979-04", None, "本科", "湟源县第一中学", "高级教师、教研组长"),
        person("铁成林", "男", "回族", "1985-06", None, "大专", "湟源县城关第二小学", "一级教师"),
        person("星才旦", "男", "藏族", "1990-01", None, "本科", "湟源县日月藏族乡寄宿制学校", "二级教师、班主任"),
        person("朱莉", "女", "土族", "1982-09", None, "研究生", "湟源县职业技术学校", "讲师"),
    ]
    rows = [["序号", "姓名", "基本情况", "", "", "学历", "工作单位", "职务/职称"],
            ["", "", "性别", "民族", "出生年月", "", "", ""]]
    for i, p in enumerate(recs, 1):
        rows.append([str(i), p["name"], p["gender"], p["ethnicity"], dotted_birth(p["birth"]),
                     p["education"], p["unit"], p["position"]])
    attrs = {(0, 0): 'rowspan="2"', (0, 1): 'rowspan="2"', (0, 2): 'colspan="3"', (0, 5): 'rowspan="2"',
             (0, 6): 'rowspan="2"', (0, 7): 'rowspan="2"'}
    skip = {(0, 3), (0, 4), (1, 0), (1, 1), (1, 5), (1, 6), (1, 7)}
    table = html_table(rows, header_rows=2, cell_attrs=attrs, skip=skip)
    body = paras("""为弘扬尊师重教的良好风尚,经学校推荐、县教育局审核,拟表彰杨晓梅等4名同志为2023年度湟源县优秀教师。现将拟表彰对象予以公示,公示期为2023年9月4日至9月8日。
公示期间如有异议,请向县教育局人事股反映,联系电话:0971-2430000。""")
    body += "\n" + table + "\n<p align=right>湟源县教育局</p><p align=right>2023年9月4日</p>"
    html = gov_page(site="湟源县人民政府", title="2023年度湟源县优秀教师拟表彰对象公示", body=body,
                    published_line="发布时间:2023-09-04 10:21 来源:县教育局", breadcrumbs=["首页", "信息公开", "公示公告"],
                    footer_year="2023")
    return Case("h12_two_row_header", "t20230904.html", {"t20230904.html": html.encode("utf-8")},
                notice("2023-09-04", "proposed", "county", "2023-09-04", "2023-09-08",
                       award="湟源县优秀教师", issuer="湟源县教育局"),
                recs, url="http://www.huangyuan.example.gov.cn/xxgk/gsgg/202309/t20230904.html",
                source="modelled on county teacher-award publicity tables",
                note="two-row header with rowspan/colspan (基本情况 over 性别/民族/出生年月); 职务/职称 column")


def cases() -> list[Case]:
    return [h01_hainan_mztj_table(), h02_tibet_lyyx_prose(), h03_anhui_sbhqs_gbk(),
            h04_guangdong_traditional(), h05_xinxiang_namegrid(), h06_liaoning_gbk_nometa(),
            h07_news_reprint(), h08_county_award_decision(), h09_jiangsu_prose_persons(),
            h10_region_grouped_table(), h12_two_row_header()]
