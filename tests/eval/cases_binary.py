"""Cases whose list sits in a docx, xlsx, xls or pdf (alone or attached to a page)."""

from __future__ import annotations

import datetime as dt

from binfmt import docx_bytes, pdf_bytes, xls_bytes, xlsx_bytes
from casekit import Case, cn_birth, dotted_birth, gov_page, notice, org, pad_name, paras, person

# --- docx ----------------------------------------------------------------------------------


def d01_docx_merged_title() -> Case:
    recs = [
        person("孙丽娟", "女", "汉族", "1979-08", None, "本科", "市财政局预算科科长"),
        person("马文斌", "男", "回族", "1983-01", None, "研究生", "市发展和改革委员会综合科副科长"),
        person("旦增", "男", "藏族", "1987-05", None, "大学", "市生态环境局生态保护科一级科员"),
        person("韩雪", "女", "满族", "1990-12", None, "本科", "市委党校教研室讲师"),
    ]
    joined = ["2008.06", "2010.07", "2012.05", "2015.06"]
    rows = [["市直机关优秀共产党员拟表彰对象名单", "", "", "", "", "", "", ""],
            ["序号", "姓名", "性别", "民族", "出生年月", "入党时间", "学历", "工作单位及职务"]]
    for i, (p, j) in enumerate(zip(recs, joined, strict=True), 1):
        rows.append([str(i), pad_name(p["name"], fill=" "), p["gender"], p["ethnicity"],
                     dotted_birth(p["birth"], pad=True), j, p["education"], p["unit"]])
    data = docx_bytes([
        "关于市直机关优秀共产党员拟表彰对象的公示",
        "经各基层党组织推荐、市直机关工委审核,拟表彰孙丽娟等4名同志为市直机关优秀共产党员,现予以公示。"
        "公示时间:2024年6月17日至6月21日。如有异议,请向市直机关工委组织部反映,联系电话:0971-8100000。",
        {"rows": rows, "merges": [(0, 0, 0, 7)]},
        "中共西宁市直属机关工作委员会",
        "2024年6月17日",
    ])
    return Case("d01_docx_merged_title", "公示.docx", {"公示.docx": data},
                notice("2024-06-17", "proposed", "prefecture", "2024-06-17", "2024-06-21",
                       award="市直机关优秀共产党员", issuer="中共西宁市直属机关工作委员会"),
                recs, source="modelled on 市直机关工委 award publicity in Word",
                note="merged title row inside the table; 入党时间 date column next to 出生年月; padded names with ascii space")


def d02_docx_two_row_header() -> Case:
    recs = [
        person("阿不都热合曼·买买提", "男", "维吾尔族", "1974-03", "中共党员", None, "喀什地区第一人民医院", "副院长"),
        person("古丽娜尔·托合提", "女", "维吾尔族", "1986-09", "中共党员", None, "疏附县托克扎克镇中心小学", "校长"),
        person("张建新", "男", "汉族", "1969-11", "中共党员", None, "喀什地区公安局", "政治部主任"),
        person("努尔兰·赛力克", "男", "哈萨克族", "1981-06", "群众", None, "塔什库尔干县畜牧兽医站", "技术员"),
    ]
    rows = [["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "工作单位及职务", ""],
            ["", "", "", "", "", "", "单位", "职务"]]
    for i, p in enumerate(recs, 1):
        rows.append([str(i), p["name"], p["gender"], p["ethnicity"], cn_birth(p["birth"]),
                     p["political"], p["unit"], p["position"]])
    merges = [(0, c, 1, c) for c in range(6)] + [(0, 6, 0, 7)]
    data = docx_bytes([
        "附件",
        "自治区民族团结进步模范个人推荐人选基本情况表",
        {"rows": rows, "merges": merges},
        "填报单位:喀什地委统战部      填报时间:2024年7月",
    ])
    page = gov_page(site="喀什地区行政公署", title="关于自治区民族团结进步模范个人推荐人选的公示",
                    body=paras("""根据自治区民族团结进步表彰工作安排,经各县(市)推荐、地区审核,拟推荐阿不都热合曼·买买提等4名同志为自治区民族团结进步模范个人推荐人选,现予以公示。公示时间为2024年7月8日至7月12日。
如有异议,请在公示期内向地委统战部反映。联系电话:0998-2820000。""")
                    + '\n<p><a href="P020240708553317766124.docx">附件:自治区民族团结进步模范个人推荐人选基本情况表.docx</a></p>'
                    + "\n<p align=right>中共喀什地委统战部</p><p align=right>2024年7月8日</p>",
                    published_line="发布时间:2024-07-08 信息来源:地委统战部", breadcrumbs=["首页", "通知公告"],
                    footer_year="2024")
    return Case("d02_docx_two_row_header", "page.html",
                {"page.html": page.encode("utf-8"), "P020240708553317766124.docx": data},
                notice("2024-07-08", "recommended", "province", "2024-07-08", "2024-07-12",
                       award="自治区民族团结进步模范个人", issuer="中共喀什地委统战部"),
                recs, url="http://www.kashi.example.gov.cn/tzgg/202407/t20240708_1.html",
                attachments=["P020240708553317766124.docx"],
                source="modelled on Xinjiang recommendation forms sent as Word attachments",
                note="page + docx attachment; two-row header (工作单位及职务 over 单位/职务, vertical merges); dotted minority names")


def d04_docx_grouped_by_unit() -> Case:
    groups = [
        ("县教育局", ["李明", "张海燕", "韩永福"]),
        ("县卫生健康局", ["马晓红", "才让吉"]),
        ("城关镇人民政府", ["赵国栋"]),
    ]
    items = ["中共门源回族自治县委员会 门源回族自治县人民政府",
             "关于表彰2024年度全县脱贫攻坚成果巩固先进个人的决定",
             "各乡镇党委、人民政府,县直各单位:",
             "2024年,全县上下坚决守住不发生规模性返贫底线。为表彰先进,县委、县政府决定,授予李明等6名同志“2024年度全县巩固拓展脱贫攻坚成果先进个人”称号。",
             "附:先进个人名单(按单位排列)"]
    for unit, names in groups:
        items.append(f"{unit}({len(names)}名):{'、'.join(names)}")
    items += ["中共门源回族自治县委员会", "门源回族自治县人民政府", "2025年1月10日"]
    recs = [person(n, unit=u) for u, ns in groups for n in ns]
    return Case("d04_docx_grouped_by_unit", "决定.docx", {"决定.docx": docx_bytes(items)},
                notice("2025-01-10", "awarded", "county", None, None,
                       award="2024年度全县巩固拓展脱贫攻坚成果先进个人",
                       issuer="中共门源回族自治县委员会 门源回族自治县人民政府"),
                recs, source="modelled on county decisions listing names by unit",
                note="paragraphs 'unit(N名):name、name' — unit comes before the names")


def h11_page_with_docx() -> Case:
    recs = [
        person("仁青加", "男", "藏族", "1958-04", "中共党员", None, "同仁市隆务镇加毛村村民", category="助人为乐"),
        person("马海燕", "女", "回族", "1980-02", "群众", None, "尖扎县马克唐镇个体经营户", category="诚实守信"),
        person("李卫东", "男", "汉族", "1975-09", "中共党员", None, "黄南州人民医院急诊科主任", category="敬业奉献"),
        person("卓玛吉", "女", "藏族", "1992-12", "共青团员", None, "泽库县和日镇中心小学教师", category="孝老爱亲"),
        person("华旦", "男", "土族", "1966-06", "群众", None, "河南县优干宁镇牧民", category="见义勇为"),
    ]
    rows = [["序号", "姓  名", "性别", "民族", "出 生 年 月", "政治面貌", "工作单位及职务", "类别"]]
    for i, p in enumerate(recs, 1):
        rows.append([str(i), p["name"], p["gender"], p["ethnicity"], cn_birth(p["birth"]),
                     p["political"], p["unit"], p["category"]])
    att = docx_bytes(["附件", "黄南州第二届道德模范拟表彰对象名单", {"rows": rows}])
    body = paras("""根据《黄南州第二届道德模范评选表彰活动实施方案》,经基层推荐、资格审查、评委会评审,确定仁青加等5名同志为黄南州第二届道德模范拟表彰对象。现予以公示,公示时间为2024年5月15日至5月21日。
对拟表彰对象有异议的,请于公示期内以电话、信函等方式实名向州文明办反映。
联系电话:0973-8720000""")
    body += ('\n<p>附件:<a href="/xxgk/P020240515384512345678.docx" target="_blank">'
             "黄南州第二届道德模范拟表彰对象名单.docx</a></p>"
             "\n<p align=right>黄南州精神文明建设指导委员会办公室</p><p align=right>2024年5月15日</p>")
    page = gov_page(site="黄南藏族自治州人民政府", title="黄南州第二届道德模范拟表彰对象公示", body=body,
                    published_line="发布时间:2024-05-15 11:02 来源:州文明办", breadcrumbs=["首页", "信息公开", "公示公告"],
                    footer_year="2024")
    return Case("h11_page_with_docx", "page.html",
                {"page.html": page.encode("utf-8"), "P020240515384512345678.docx": att},
                notice("2024-05-15", "proposed", "prefecture", "2024-05-15", "2024-05-21",
                       award="黄南州第二届道德模范", issuer="黄南州精神文明建设指导委员会办公室"),
                recs, url="http://www.huangnan.example.gov.cn/xxgk/gsgg/202405/t20240515_1.html",
                attachments=["P020240515384512345678.docx"],
                attachment_urls={"P020240515384512345678.docx":
                                 "http://www.huangnan.example.gov.cn/xxgk/P020240515384512345678.docx"},
                source="modelled on prefecture pages that carry the list only in a Word attachment",
                note="page text + docx attachment; header 出 生 年 月 with spaces; 类别 column")


# --- xlsx / xls --------------------------------------------------------------------------------


def x01_xlsx_dates() -> Case:
    recs = [
        person("刘海霞", "女", "汉族", "1976-05", "中共党员", "本科", "青海省人民医院", "护理部主任"),
        person("索南卓玛", "女", "藏族", "1984-10", "中共党员", "研究生", "青海大学附属医院", "主任医师"),
        person("马秀珍", "女", "回族", "1969-01", "群众", "初中", "民和县川口镇", "家政服务员"),
        person("祁玉梅", "女", "土族", "1990-07", "共青团员", "大专", "互助县五十镇班彦村", "驻村干部"),
        person("杨帆", "女", "汉族", "1987-03", "中共党员", "本科", "西宁市城西区人民法院", "审判员"),
    ]
    short = {"汉族": "汉", "藏族": "藏", "回族": "回", "土族": "土"}
    pol = {"中共党员": "党员", "群众": "群众", "共青团员": "团员"}
    rows = [["2025年青海省三八红旗手拟表彰对象名单"] + [None] * 8,
            ["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "学历", "工作单位", "职务"]]
    for i, p in enumerate(recs, 1):
        y, m = map(int, p["birth"].split("-"))
        birth: object = dt.datetime(y, m, 1) if i % 2 else f"{y}.{m:02d}"
        rows.append([i, pad_name(p["name"], fill=" "), p["gender"], short[p["ethnicity"]], birth,
                     pol[p["political"]], p["education"], p["unit"], p["position"]])
    rows.append([None] * 9)
    rows.append(["公示时间:2025年2月24日至2月28日。联系电话:0971-8230000", None, None, None, None, None, None, None, None])
    rows.append(["青海省妇女联合会  2025年2月24日", None, None, None, None, None, None, None, None])
    formats = {(r, 5): "yyyy.mm" for r in range(3, 3 + len(recs))}
    data = xlsx_bytes([{"title": "Sheet1", "rows": rows, "merges": ["A1:I1"], "formats": formats}])
    return Case("x01_xlsx_dates", "名单.xlsx", {"名单.xlsx": data},
                notice("2025-02-24", "proposed", "province", "2025-02-24", "2025-02-28",
                       award="青海省三八红旗手", issuer="青海省妇女联合会"),
                recs, source="modelled on spreadsheets published as the whole notice",
                note="merged title row; births as real Excel dates (yyyy.mm) and as text; 党员/团员 short forms; short ethnicities")


def x02_xlsx_two_sheets() -> Case:
    orgs = [org("乐都区高庙镇人民政府"), org("乐都区碾伯镇东关村村民委员会"), org("乐都区农业农村和科技局")]
    persons = [
        person("赵天明", "男", "汉族", "1978-06", "中共党员", "大专", "乐都区高庙镇新庄村党支部书记"),
        person("李永花", "女", "土族", "1985-02", "中共党员", "本科", "乐都区蒲台乡人民政府副乡长"),
        person("冶福全", "男", "回族", "1971-11", "群众", "初中", "乐都区雨润镇养殖大户"),
    ]
    s1 = [["乐都区2024年度乡村振兴先进集体拟表彰名单"], ["序号", "单位名称", "推荐单位"]]
    s1 += [[i, o["name"], "区乡村振兴局"] for i, o in enumerate(orgs, 1)]
    s2 = [["乐都区2024年度乡村振兴先进个人拟表彰名单"],
          ["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "文化程度", "工作单位及职务"]]
    s2 += [[i, p["name"], p["gender"], p["ethnicity"], int(p["birth"].replace("-", "")),
            p["political"], p["education"], p["unit"]] for i, p in enumerate(persons, 1)]
    s2 += [[], ["公示时间:2024年12月2日—12月6日"], ["海东市乐都区人民政府办公室 2024年12月2日"]]
    data = xlsx_bytes([{"title": "先进集体", "rows": s1, "merges": ["A1:C1"]},
                       {"title": "先进个人", "rows": s2, "merges": ["A1:H1"]}])
    return Case("x02_xlsx_two_sheets", "乐都区拟表彰名单.xlsx", {"乐都区拟表彰名单.xlsx": data},
                notice("2024-12-02", "proposed", "county", "2024-12-02", "2024-12-06",
                       award="乐都区2024年度乡村振兴先进集体和先进个人",
                       issuer="海东市乐都区人民政府办公室"),
                orgs + persons, source="modelled on county spreadsheets with one sheet per kind",
                note="two sheets (集体 / 个人); births as integers 197806")


def h13_page_with_xlsx() -> Case:
    recs = [
        person("许志强", "男", "汉族", "1985-10", "中共党员", "本科", "海东市第一人民医院", "骨科副主任"),
        person("马丽", "女", "回族", "1990-05", "群众", "大专", "青海互助青稞酒股份有限公司", "品酒师"),
        person("朱有成", "男", "土族", "1979-11", "中共党员", "高中", "互助县威远镇小庄村", "党支部书记"),
        person("李春莲", "女", "汉族", "1983-01", "中共党员", "本科", "海东市平安区第二小学", "教师"),
    ]
    rows = [["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "学历", "工作单位", "职务"]]
    formats = {}
    for i, p in enumerate(recs, 1):
        y, m = p["birth"].split("-")
        rows.append([i, p["name"], p["gender"], p["ethnicity"], float(f"{y}.{m}"),
                     p["political"], p["education"], p["unit"], p["position"]])
        formats[(i + 1, 5)] = "0.00"
    att = xlsx_bytes([{"title": "附件", "rows": rows, "formats": formats}])
    body = paras("""经各县(区)总工会、市直产业工会推荐,市总工会审核,拟授予许志强等4名同志“海东市五一劳动奖章”。现将拟表彰对象予以公示。
公示期:2025年4月7日—4月11日
如有异议,请于公示期内向市总工会组织部实名反映。联系电话:0972-8610000""")
    body += ('\n<p>附件:<a href="./W020250407561234567890.xlsx">2025年海东市五一劳动奖章拟表彰对象名单.xlsx</a></p>'
             "\n<p align=right>海东市总工会</p><p align=right>2025年4月7日</p>")
    page = gov_page(site="海东市总工会", title="2025年海东市五一劳动奖章拟表彰对象公示", body=body,
                    published_line="发布时间:2025-04-07 15:40", breadcrumbs=["首页", "通知公告"],
                    footer_year="2025")
    return Case("h13_page_with_xlsx", "page.html",
                {"page.html": page.encode("utf-8"), "W020250407561234567890.xlsx": att},
                notice("2025-04-07", "proposed", "prefecture", "2025-04-07", "2025-04-11",
                       award="海东市五一劳动奖章", issuer="海东市总工会"),
                recs, url="http://www.hdzgh.example.org.cn/tzgg/202504/t20250407_1.html",
                attachments=["W020250407561234567890.xlsx"],
                source="modelled on trade-union pages with the list in an xlsx attachment",
                note="births stored as floats (1985.1 shown as 1985.10 by number format 0.00)")


def x04_xls_legacy() -> Case:
    recs = [
        person("黄永明", "男", "汉族", "1976-03", "中共党员", "本科", "格尔木市人民医院", "院长"),
        person("才让东智", "男", "藏族", "1983-08", "中共党员", "大专", "格尔木市唐古拉山镇", "副镇长"),
        person("王淑芬", "女", "汉族", "1980-12", "群众", "本科", "格尔木市第三中学", "教师"),
        person("马成", "男", "撒拉族", "1987-05", "中共党员", "研究生", "格尔木市发展和改革委员会", "科员"),
    ]
    births = ["19760315", "1983-08", "19801201", "1987-05"]
    head = ["序号", "姓名", "性别", "民族", "出生日期", "文化程度", "政治面貌", "单位", "职务"]
    rows = [head] + [[i, p["name"], p["gender"], p["ethnicity"], b, p["education"], p["political"],
                      p["unit"], p["position"]] for i, (p, b) in enumerate(zip(recs, births, strict=True), 1)]
    rows += [[None], ["格尔木市人力资源和社会保障局", None, None, None, None, None, None, None, None],
             ["2025年5月6日"]]
    data = xls_bytes("Sheet1", rows, [(0, 0, 0, 8, "格尔木市推荐2025年青海省先进工作者人选名单(公示期:2025年5月6日至5月12日)")])
    return Case("x04_xls_legacy", "推荐人选.xls", {"推荐人选.xls": data},
                notice("2025-05-06", "recommended", "province", "2025-05-06", "2025-05-12",
                       award="青海省先进工作者", issuer="格尔木市人力资源和社会保障局"),
                recs, source="modelled on legacy .xls lists",
                note="xls; merged title holding the period; 出生日期 as 19760315 strings and 1983-08")


# --- pdf -------------------------------------------------------------------------------------


def p01_pdf_wrapped_name() -> Case:
    recs = [
        person("阿依古丽·买买提江", "女", "维吾尔族", "1982-04", "中共党员", "本科", "和田地区人民医院", "护士长"),
        person("艾尔肯·吐尔逊", "男", "维吾尔族", "1975-09", "中共党员", "大专", "墨玉县喀尔赛镇", "党委书记"),
        person("刘建华", "男", "汉族", "1970-02", "中共党员", "本科", "和田地区公安局", "副局长"),
        person("帕提古丽·吾斯曼", "女", "维吾尔族", "1990-06", "共青团员", "研究生", "和田师范专科学校", "讲师"),
    ]
    rows = [["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "学历", "工作单位", "职务"]]
    for i, p in enumerate(recs, 1):
        # STSong-Light has no glyph for U+00B7; PDF producers write the GB dot (U+30FB).
        name = p["name"].replace("·", "\u30fb<br/>" if i == 1 else "\u30fb")
        rows.append([str(i), name, p["gender"], p["ethnicity"], dotted_birth(p["birth"], pad=True),
                     p["political"], p["education"], p["unit"], p["position"]])
    data = pdf_bytes([
        "##关于自治区民族团结进步模范个人推荐人选的公示",
        "根据自治区党委统战部、自治区民宗委有关通知要求,经各县市推荐、地委审核,拟推荐阿依古丽\u30fb买买提江等4名同志为"
        "自治区民族团结进步模范个人推荐人选。现予以公示,公示时间为2024年7月15日至2024年7月19日。",
        "如有异议,请于公示期内向地委统战部反映。联系电话:0903-2020000。",
        {"rows": rows, "widths": [28, 80, 28, 48, 52, 52, 40, 110, 60]},
        ">>中共和田地委统战部",
        ">>2024年7月15日",
    ])
    return Case("p01_pdf_wrapped_name", "公示.pdf", {"公示.pdf": data},
                notice("2024-07-15", "recommended", "province", "2024-07-15", "2024-07-19",
                       award="自治区民族团结进步模范个人", issuer="中共和田地委统战部"),
                recs, source="modelled on prefecture recommendation PDFs",
                note="ruled table; one name wrapped over two lines inside its cell (阿依古丽· / 买买提江)")


def p02_pdf_two_pages() -> Case:
    first = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
             "何", "林", "罗", "高", "梁", "郑", "谢", "宋", "唐", "韩", "冯", "邓", "曹", "彭"]
    given = ["建平", "秀英", "志强", "海燕", "国华", "玉兰", "永福", "红梅", "德明", "丽萍", "文斌", "春花",
             "占海", "桂芳", "学军", "晓燕", "成林", "淑珍", "明亮", "金花", "宏伟", "雪梅", "振华", "翠兰",
             "有福", "艳红", "长青", "玉珍", "世杰", "小梅"]
    villages = ["新庄", "下寨", "上营", "河滩", "东沟", "西岔", "红崖", "柳湾", "大庄", "杨家"]
    towns = ["威远镇", "丹麻镇", "五十镇", "南门峡镇", "哈拉直沟乡", "东山乡"]
    recs = []
    for i in range(30):
        g = "女" if i % 2 else "男"
        eth = ["汉族", "土族", "回族", "藏族"][i % 4]
        birth = f"{1965 + i % 20}-{(i * 5) % 12 + 1:02d}"
        unit = f"互助县{towns[i % 6]}{villages[i % 10]}村"
        pos = "党支部书记" if i % 3 else "党支部书记、村委会主任"
        recs.append(person(first[i] + given[i], g, eth, birth, "中共党员", ["高中", "大专", "初中"][i % 3], unit, pos))
    rows = [["序号", "姓名", "性别", "民族", "出生年月", "学历", "所在村", "职务"]]
    for i, p in enumerate(recs, 1):
        rows.append([str(i), p["name"], p["gender"], p["ethnicity"], cn_birth(p["birth"]), p["education"],
                     p["unit"], p["position"]])
    for r in recs:
        r["political"] = None  # the table does not state it
    data = pdf_bytes([
        "##互助县2024年度优秀村党组织书记拟表彰对象公示",
        "经各乡镇党委推荐、县委组织部考察,拟表彰张建平等30名同志为全县优秀村党组织书记。公示期为2024年6月24日至6月28日,"
        "如有异议,请向县委组织部反映(电话:0972-8320000)。",
        {"rows": rows, "widths": [30, 55, 30, 40, 70, 40, 150, 110]},
        ">>中共互助土族自治县委组织部",
        ">>2024年6月24日",
    ])
    return Case("p02_pdf_two_pages", "gs.pdf", {"gs.pdf": data},
                notice("2024-06-24", "proposed", "county", "2024-06-24", "2024-06-28",
                       award="全县优秀村党组织书记", issuer="中共互助土族自治县委组织部"),
                recs, source="modelled on county PDFs with long tables",
                note="table over two pages with the header repeated; 所在村 column as unit")


def p03_pdf_name_list_decision() -> Case:
    recs = [
        person("王秀兰", "女"), person("马青山", None, "回族"), person("李德胜"), person("完玛才让", None, "藏族"),
        person("赵丽", "女"), person("韩福德", None, "撒拉族"), person("张国庆"), person("祁梅", "女", "土族"),
    ]

    def fmt(p: dict) -> str:
        notes = [x for x in (p["gender"], p["ethnicity"]) if x]
        return p["name"] + (f"({','.join(notes)})" if notes else "")

    data = pdf_bytes([
        "##海东市人民政府关于表彰2024年度见义勇为先进个人的决定",
        "东政〔2025〕8号",
        "各县(区)人民政府,市政府各部门:",
        "2024年,全市广大干部群众弘扬社会正气,涌现出一批见义勇为先进典型。为弘扬正气、树立榜样,市政府决定,"
        "授予王秀兰等8名同志“海东市见义勇为先进个人”称号。",
        "希望受表彰的同志珍惜荣誉,再接再厉。",
        "海东市见义勇为先进个人名单:",
        "、".join(fmt(p) for p in recs[:5]) + "、",
        "、".join(fmt(p) for p in recs[5:]),
        ">>海东市人民政府",
        ">>2025年1月20日",
    ])
    return Case("p03_pdf_name_list_decision", "决定.pdf", {"决定.pdf": data},
                notice("2025-01-20", "awarded", "prefecture", None, None,
                       award="海东市见义勇为先进个人", issuer="海东市人民政府"),
                recs, source="modelled on municipal award decisions listing names only",
                note="names only, joined by 、 over two lines, with (女) / (回族) notes")


def cases() -> list[Case]:
    return [d01_docx_merged_title(), d02_docx_two_row_header(), d04_docx_grouped_by_unit(),
            h11_page_with_docx(), x01_xlsx_dates(), x02_xlsx_two_sheets(), h13_page_with_xlsx(),
            x04_xls_legacy(), p01_pdf_wrapped_name(), p02_pdf_two_pages(), p03_pdf_name_list_decision()]
