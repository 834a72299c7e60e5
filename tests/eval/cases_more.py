"""More held-out shapes: Word-exported HTML, annotations in the name cell,
traps next to the real columns (推荐单位, 入党时间), dates in Chinese numerals."""

from __future__ import annotations

from casekit import Case, gov_page, html_table, notice, org, paras, person


def _mso_cell(text: str, width: int = 60) -> str:
    """A table cell as Word's "Save as Web Page" writes it."""
    spans = "".join(
        f"<span style='font-size:10.5pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>{part}</span>"
        if part.strip() else "<span style='mso-spacerun:yes'>&nbsp;&nbsp; </span>"
        for part in text.split("|"))
    return (f"<td width={width} valign=center style='width:{width}pt;border:solid windowtext 1.0pt;"
            f"padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'>"
            f"{spans or '&nbsp;'}<span lang=EN-US><o:p></o:p></span></p></td>")


def h14_word_export_html() -> Case:
    recs = [
        person("马建华", "男", "回族", "1971-08", "中共党员", "大学", "临夏州公安局交警支队一大队民警"),
        person("李淑贞", "女", "汉族", "1965-02", "中共党员", "中专", "定西市安定区凤翔镇中华路社区党委书记"),
        person("杨兴福", "男", "东乡族", "1978-10", "中共党员", "大专", "东乡族自治县龙泉镇拱北湾村党支部书记"),
        person("扎西才让", "男", "藏族", "1983-04", "中共党员", "研究生", "甘南州合作市人民医院副院长"),
        person("王晓东", "男", "汉族", "1988-12", "中共党员", "本科", "兰州石化公司炼油厂催化裂化车间主任"),
    ]
    recommenders = ["临夏州委", "定西市委", "临夏州委", "甘南州委", "省国资委党委"]
    names = ["马建华(追授)", "李淑贞", "杨兴福", "扎西才让", "王晓东"]
    head = ["序号", "姓| |名", "性别", "民族", "出生<br>年月", "政治<br>面貌", "学历", "现工作单位及职务", "推荐单位"]
    trs = ["<tr style='height:30pt'>" + "".join(_mso_cell(h) for h in head) + "</tr>"]
    for i, (p, n, rec) in enumerate(zip(recs, names, recommenders, strict=True), 1):
        y, m = p["birth"].split("-")
        cells = [str(i), n, p["gender"], p["ethnicity"], f"{y}.{m}", "中共<br>党员", p["education"], p["unit"], rec]
        trs.append("<tr>" + "".join(_mso_cell(c) for c in cells) + "</tr>")
    table = ("<div class=WordSection1><table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 "
             "style='border-collapse:collapse;mso-table-layout-alt:fixed'>" + "".join(trs) + "</table></div>")
    body = ("<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>"
            "根据省委部署,经各市州党委和省直各单位党组织推荐、省委组织部审核,拟表彰马建华等5名同志为全省优秀共产党员。"
            "现予以公示,公示时间为2024年6月11日至6月17日。</span></p>"
            "<p class=MsoNormal><span style='font-family:仿宋_GB2312'>举报电话:0931-12380</span></p>"
            + table +
            "<p class=MsoNormal align=right style='text-align:right'><span>中共甘肃省委组织部</span></p>"
            "<p class=MsoNormal align=right style='text-align:right'><span>2024年6月11日</span></p>")
    html = gov_page(site="甘肃党建网", title="全省优秀共产党员拟表彰对象公示", body=body,
                    published_line="发布时间:2024-06-11 18:30:00", breadcrumbs=["首页", "公示公告"],
                    charset_meta='<meta http-equiv=Content-Type content="text/html; charset=gb2312">',
                    extra_head='<meta name=Generator content="Microsoft Word 15 (filtered)">', footer_year="2024")
    return Case("h14_word_export_html", "gs.htm", {"gs.htm": html.encode("gbk", "xmlcharrefreplace")},
                notice("2024-06-11", "proposed", "province", "2024-06-11", "2024-06-17",
                       award="全省优秀共产党员", issuer="中共甘肃省委组织部"),
                recs, url="http://www.gsdj.example.gov.cn/gsgg/2024/0611/gs.htm", content_type="text/html",
                source="modelled on Word 'Save as Web Page' tables pasted into government CMSs",
                note="MsoNormal spans, <br> inside header and political cells, 姓 名 split by a spacerun span, "
                     "(追授) after a name, 推荐单位 column that is NOT the person's unit")


def h15_gender_in_name_no_column() -> Case:
    persons = [
        person("李娜", "女", unit="省第二人民医院", position="急诊科护士长"),
        person("周涛", unit="省交通运输厅公路局", position="养护科科长"),
        person("古丽米热", "女", "维吾尔族", unit="省民族宗教委", position="一级主任科员"),
        person("赵刚", unit="省应急管理厅", position="救援处副处长"),
    ]
    orgs = [org("省第二人民医院急诊科"), org("省应急管理厅救援协调和预案管理处")]
    rows = [["序号", "姓名", "单位和职务", ""]]
    attrs = {(0, 2): 'colspan="2"'}
    shown = ["李娜(女)", "周涛", "古丽米热(女,维吾尔族)", "赵刚"]
    for i, (p, s) in enumerate(zip(persons, shown, strict=True), 1):
        rows.append([str(i), s, p["unit"], p["position"]])
    table = html_table(rows, cell_attrs=attrs, skip={(0, 3)})
    otable = html_table([["序号", "集体名称"]] + [[str(i), o["name"]] for i, o in enumerate(orgs, 1)])
    body = paras("""为表彰在2024年防汛抗洪救灾工作中作出突出贡献的集体和个人,经各单位推荐、省人力资源社会保障厅会同省应急管理厅审核,拟表彰省第二人民医院急诊科等2个集体、李娜等4名同志。现将拟表彰对象予以公示。
公示时间:2024年11月5日-11月11日(5个工作日)
联系电话:0351-4650000""")
    body += "\n<p>一、拟表彰先进集体(2个)</p>\n" + otable + "\n<p>二、拟表彰先进个人(4名)</p>\n" + table
    body += "\n<p align=right>山西省人力资源和社会保障厅</p><p align=right>2024年11月5日</p>"
    html = gov_page(site="山西省人力资源和社会保障厅", title="2024年全省防汛抗洪救灾先进集体和先进个人拟表彰对象公示",
                    body=body, published_line="发布日期:2024年11月05日 来源:表彰奖励处",
                    breadcrumbs=["首页", "表彰奖励"], footer_year="2024")
    return Case("h15_gender_in_name_no_column", "index.shtml", {"index.shtml": html.encode("utf-8")},
                notice("2024-11-05", "proposed", "province", "2024-11-05", "2024-11-11",
                       award="全省防汛抗洪救灾先进集体和先进个人", issuer="山西省人力资源和社会保障厅"),
                orgs + persons, url="http://rst.shanxi.example.gov.cn/bzjl/202411/t20241105_1.shtml",
                content_type="text/html; charset=UTF-8",
                source="modelled on provincial HR-department award publicity",
                note="no 性别/民族 columns: (女) / (女,维吾尔族) inside the name cell; 单位和职务 header spanning two columns")


def t06_chinese_numeral_date() -> Case:
    recs = [
        person("韩桂英", "女", None, unit="临夏市城南街道办事处妇联主席"),
        person("马尔沙", None, "东乡族", unit="东乡族自治县锁南镇妇联主席"),
        person("张红霞", "女", None, unit="永靖县刘家峡镇罗川村妇联主席"),
        org("和政县妇女联合会"),
        org("临夏市八坊街道妇女联合会"),
    ]
    text = """临夏回族自治州妇女联合会文件

临州妇发〔2024〕21号

临夏州妇联关于表彰全州“三八”红旗手和“三八”红旗集体的决定

各县市妇联,州直各单位妇委会:
    为表彰先进、树立榜样,州妇联决定,授予韩桂英等3名同志全州“三八”红旗手称号,授予和政县妇女联合会等2个集体全州“三八”红旗集体称号。
    附件:全州“三八”红旗手和“三八”红旗集体名单

                                      临夏回族自治州妇女联合会
                                        二〇二四年十二月三十日

附件

全州“三八”红旗手(3名)
韩桂英(女)      临夏市城南街道办事处妇联主席
马尔沙(东乡族)  东乡族自治县锁南镇妇联主席
张红霞(女)      永靖县刘家峡镇罗川村妇联主席

全州“三八”红旗集体(2个)
和政县妇女联合会
临夏市八坊街道妇女联合会
"""
    return Case("t06_chinese_numeral_date", "决定.txt", {"决定.txt": text.encode("utf-8")},
                notice("2024-12-30", "awarded", "prefecture", None, None,
                       award="全州“三八”红旗手和“三八”红旗集体", issuer="临夏回族自治州妇女联合会"),
                recs, source="modelled on formal 红头文件 decisions",
                note="signature date in Chinese numerals (二〇二四年十二月三十日); document number line; awarded")


def h16_odd_values_decision() -> Case:
    recs = [
        person("包青松", "男", "蒙古族", "1985-10", "中共预备党员", "硕士研究生", "包头市稀土研究院", "高级工程师"),
        person("佟雪", "女", "满族", "1979-01", "中共党员", "大学本科", "包头医学院第一附属医院", "副主任医师"),
        person("金美玉", "女", "朝鲜族", "1992-01", "民进会员", "博士研究生", "内蒙古科技大学", "副教授"),
        person("刘宏", "男", "汉族", "1970-07", "无党派人士", "大专", "包头钢铁(集团)有限责任公司", "首席技师"),
    ]
    shown = [("蒙古", "1985年10月生", "中共党员(预备)"), ("满", "1979/01", "中国共产党党员"),
             ("朝鲜", "1992.1", "民进会员"), ("汉", "1970.07", "无党派")]
    rows = [["序号", "姓名", "性别", "民族", "出生时间", "党派", "文化程度", "工作单位", "现任职务"]]
    for i, (p, (eth, birth, pol)) in enumerate(zip(recs, shown, strict=True), 1):
        rows.append([str(i), p["name"], p["gender"], eth, birth, pol, p["education"], p["unit"], p["position"]])
    body = paras("""各旗县区人民政府,稀土高新区管委会,市直各委、办、局:
为激励广大科技工作者创新创造,市政府决定,授予包青松等4名同志“包头市优秀科技工作者”称号。
希望受表彰的同志珍惜荣誉,再创佳绩。
附件:包头市优秀科技工作者名单""") + "\n" + html_table(rows)
    body += "\n<p align=right>包头市人民政府</p><p align=right>2024年5月30日</p>"
    html = gov_page(site="包头市人民政府", title="包头市人民政府关于授予包青松等4名同志“包头市优秀科技工作者”称号的决定",
                    body=body, published_line="发布时间:2024-05-30 文号:包府发〔2024〕33号",
                    breadcrumbs=["首页", "政府文件"], footer_year="2024")
    return Case("h16_odd_values_decision", "t20240530.html", {"t20240530.html": html.encode("utf-8")},
                notice("2024-05-30", "awarded", "prefecture", None, None,
                       award="包头市优秀科技工作者", issuer="包头市人民政府"),
                recs, url="http://www.baotou.example.gov.cn/zfwj/202405/t20240530.html",
                source="modelled on municipal award decisions with a table attached",
                note="value variants: 蒙古/满/朝鲜, 1985年10月生, 1979/01, 1992.1, 中共党员(预备), 中国共产党党员, 无党派; header 党派/出生时间")


def cases() -> list[Case]:
    return [h14_word_export_html(), h15_gender_in_name_no_column(), t06_chinese_numeral_date(),
            h16_odd_values_decision()]
