"""Decoys: notices full of names, births and units that are not commendations.

Every one must yield zero records.  Each borrows the look of a commendation
list (a 姓名/性别/民族/出生年月 table, a 公示期, even the word 表彰) because
that is what sits next to real notices in a site's 通知公告 column.
"""

from __future__ import annotations

from binfmt import docx_bytes, xlsx_bytes
from casekit import Case, gov_page, html_table, notice, paras


def _decoy(name: str, main: str, files: dict[str, bytes], published: str, note: str,
           url: str | None = None, content_type: str | None = None) -> Case:
    return Case(name, main, files, notice(published, None, None), [], url=url,
                content_type=content_type, decoy=True, source="modelled on common 公示 genres", note=note)


def z01_appointment() -> Case:
    rows = [["姓名", "性别", "民族", "出生年月", "学历", "政治面貌", "现任职务", "拟任职务"],
            ["张卫国", "男", "汉族", "1978.05", "大学", "中共党员", "县财政局副局长", "县财政局局长"],
            ["马丽萍", "女", "回族", "1983.09", "研究生", "中共党员", "城关镇副镇长", "城关镇党委副书记、镇长候选人"],
            ["才让东主", "男", "藏族", "1980.11", "大学", "中共党员", "县委办公室副主任", "县委督查室主任"]]
    body = paras("""根据《党政领导干部选拔任用工作条例》有关规定,经县委常委会研究,拟任用以下同志,现将有关情况予以公示。
公示时间:2025年3月3日至2025年3月9日。
公示期间,干部群众可通过来信、来电、来访等方式向县委组织部反映公示对象在德、能、勤、绩、廉等方面的情况和问题。
举报电话:12380""") + "\n" + html_table(rows) + "\n<p align=right>中共贵德县委组织部</p><p align=right>2025年3月3日</p>"
    html = gov_page(site="贵德县人民政府", title="县委管理干部任前公示", body=body,
                    published_line="发布时间:2025-03-03", breadcrumbs=["首页", "政务公开", "人事信息"])
    return _decoy("z01_appointment", "page.html", {"page.html": html.encode("utf-8")}, "2025-03-03",
                  "任前公示 table with 姓名/性别/民族/出生年月 and positions",
                  url="http://www.guide.example.gov.cn/zwgk/rsxx/202503/t20250303.html")


def z02_hiring() -> Case:
    rows = [["序号", "准考证号", "姓名", "性别", "出生年月", "学历", "毕业院校", "拟聘岗位", "总成绩"],
            ["1", "2025630101012", "李思雨", "女", "1999.03", "本科", "青海师范大学", "初中语文教师", "78.45"],
            ["2", "2025630101108", "王浩然", "男", "1998.11", "本科", "西北师范大学", "初中数学教师", "76.20"],
            ["3", "2025630102215", "马雪莲", "女", "2000.06", "大专", "青海卫生职业技术学院", "护理", "74.85"]]
    body = paras("""根据《事业单位公开招聘人员暂行规定》,经笔试、面试、资格复审、体检和考察,现将大通县2025年事业单位公开招聘拟聘用人员名单予以公示。公示期为7个工作日(2025年8月4日至8月12日)。
对公示人员有异议的,请以书面形式向县人力资源和社会保障局反映。""") + "\n" + html_table(rows)
    html = gov_page(site="大通回族土族自治县人民政府", title="大通县2025年事业单位公开招聘拟聘用人员名单公示", body=body,
                    published_line="发布时间:2025-08-04 09:00 来源:县人社局", breadcrumbs=["首页", "人事考试"])
    return _decoy("z02_hiring", "t20250804.html", {"t20250804.html": html.encode("gbk", "xmlcharrefreplace")}, "2025-08-04",
                  "拟聘用人员 table (GBK, no charset)", content_type="text/html")


def z03_procurement() -> Case:
    body = paras("""一、项目编号:QHCG-2025-0312
二、项目名称:海北州民族团结进步示范州创建宣传品采购项目
三、中标(成交)信息
供应商名称:青海雪域文化传媒有限公司
供应商地址:西宁市城西区五四西路58号
中标(成交)金额:286,500.00元
四、主要标的信息
名称:宣传展板、手册印制;数量:1批;服务要求:详见采购文件
五、评审专家(单一来源采购人员)名单:
张明华、李秀琴、马永清(采购人代表)
六、代理服务收费标准及金额:按国家计委计价格〔2002〕1980号文件执行,8,150.00元
七、公告期限
自本公告发布之日起1个工作日。
八、凡对本次公告内容提出询问,请按以下方式联系。
1.采购人信息
名称:中共海北州委统一战线工作部
联系人:周丽  联系方式:0970-8640000
2.采购代理机构信息
名称:青海正信招标有限公司
项目联系人:韩晓东  电话:0971-6300000""")
    html = gov_page(site="青海省政府采购网", title="海北州民族团结进步示范州创建宣传品采购项目中标(成交)结果公告", body=body,
                    published_line="发布时间:2025-06-18 17:05:33", breadcrumbs=["首页", "采购公告", "结果公告"])
    return _decoy("z03_procurement", "result.html", {"result.html": html.encode("utf-8")}, "2025-06-18",
                  "procurement result naming experts and contacts; mentions 民族团结进步")


def z04_meeting_notice() -> Case:
    blank_row = " " * 54
    text = f"""关于召开全州民族团结进步表彰大会的通知

各县(市)委、人民政府,州直各部门:
    经州委、州政府研究,定于2025年9月26日召开全州民族团结进步表彰大会。现将有关事项通知如下:
    一、会议时间:2025年9月26日(星期五)上午9:30,会期半天。
    二、会议地点:州会议中心一楼大会议室。
    三、参会人员:州级领导;各县(市)党政主要负责同志;州直各部门主要负责同志;受表彰的先进集体代表和先进个人。
    四、有关要求:请各单位于9月24日前将参会回执报州委统战部。
    联系人:李明  电话:0977-8200000

附件:参会回执

单位名称    姓名    性别    民族    职务    联系电话
{blank_row}

中共海西州委办公室
2025年9月20日
"""
    return _decoy("z04_meeting_notice", "通知.txt", {"通知.txt": text.encode("utf-8")}, "2025-09-20",
                  "meeting notice about an award ceremony, with an empty reply-slip table and a contact name")


def z05_scholarship() -> Case:
    rows = [["2024-2025学年国家奖学金获奖学生名单公示"],
            ["序号", "学院", "姓名", "性别", "民族", "学号", "专业班级"],
            [1, "化学化工学院", "马晓婷", "女", "回族", "2022010101", "化学工程与工艺2201"],
            [2, "藏医学院", "多杰才让", "男", "藏族", "2021030215", "藏医学2102"],
            [3, "计算机技术与应用学院", "王一鸣", "男", "汉族", "2022050333", "软件工程2203"],
            [],
            ["公示期:2025年10月9日至10月15日。如有异议请向学生工作处反映。"],
            ["青海大学学生工作处  2025年10月9日"]]
    data = xlsx_bytes([{"title": "国家奖学金", "rows": rows, "merges": ["A1:G1"]}])
    return _decoy("z05_scholarship", "国家奖学金公示.xlsx", {"国家奖学金公示.xlsx": data}, "2025-10-09",
                  "student scholarship list with 姓名/性别/民族 columns")


def z06_civil_service() -> Case:
    rows = [["序号", "招录机关", "职位名称", "职位代码", "姓名", "性别", "准考证号", "学历", "毕业院校", "工作单位"],
            ["1", "海南州中级人民法院", "司法行政", "11301001", "赵欣然", "女", "163011201523", "本科", "青海民族大学", "无"],
            ["2", "共和县人民检察院", "检察官助理", "11302003", "尕藏东智", "男", "163011302217", "研究生", "四川大学", "无"],
            ["3", "贵德县市场监督管理局", "综合管理", "11305011", "马学忠", "男", "163011500911", "本科", "兰州大学", "贵德县河阴镇人民政府(三支一扶)"]]
    data = docx_bytes(["青海省2025年考试录用公务员海南州拟录用人员名单公示",
                       "根据公务员录用有关规定,经笔试、面试、体检和考察,现将拟录用人员名单予以公示。公示时间:2025年7月21日至7月25日。",
                       {"rows": rows},
                       "中共海南州委组织部  海南州人力资源和社会保障局",
                       "2025年7月21日"])
    return _decoy("z06_civil_service", "拟录用名单.docx", {"拟录用名单.docx": data}, "2025-07-21",
                  "civil service admission list (docx)")


def z07_election_candidates() -> Case:
    rows = [["姓名", "性别", "民族", "出生年月", "政治面貌", "学历", "工作单位及职务"],
            ["李国华", "男", "汉族", "1972.04", "中共党员", "大学", "城关镇党委书记"],
            ["马桂兰", "女", "回族", "1980.10", "群众", "高中", "城关镇南关村村民"],
            ["旦正加", "男", "藏族", "1976.01", "中共党员", "大专", "县人民医院医生"]]
    body = paras("""根据《中华人民共和国全国人民代表大会和地方各级人民代表大会选举法》,经各选民小组反复酝酿、讨论、协商,确定第三选区县第十八届人民代表大会代表正式候选人3名,现予公布。
选举日期为2026年11月16日。""") + "\n" + html_table(rows) + "\n<p align=right>尖扎县第三选区选举工作领导小组</p><p align=right>2026年11月8日</p>"
    html = gov_page(site="尖扎县人民政府", title="尖扎县第三选区县人大代表正式候选人名单公告", body=body,
                    published_line="发布时间:2026-11-08", breadcrumbs=["首页", "通知公告"], footer_year="2026")
    return _decoy("z07_election_candidates", "page.html", {"page.html": html.encode("utf-8")}, "2026-11-08",
                  "election candidates (正式候选人) with the exact columns of a nominee table")


def z08_title_review() -> Case:
    from binfmt import pdf_bytes

    rows = [["序号", "姓名", "工作单位", "专业", "拟评职称"],
            ["1", "张丽萍", "海北州人民医院", "内科学", "主任医师"],
            ["2", "才让", "门源县第一中学", "中学语文", "正高级教师"],
            ["3", "韩晓军", "海北州农牧科学研究所", "畜牧", "研究员"]]
    data = pdf_bytes(["##2025年度海北州高级职称评审通过人员名单公示",
                      "经海北州高级专业技术职务评审委员会评审,以下3名同志通过高级职称评审,现予以公示。"
                      "公示期:2025年12月8日至12月12日。",
                      {"rows": rows, "widths": [40, 70, 170, 90, 90]},
                      ">>海北州人力资源和社会保障局",
                      ">>2025年12月8日"])
    return _decoy("z08_title_review", "职称公示.pdf", {"职称公示.pdf": data}, "2025-12-08",
                  "professional-title review results (PDF table of names, units, titles)")


def cases() -> list[Case]:
    return [z01_appointment(), z02_hiring(), z03_procurement(), z04_meeting_notice(), z05_scholarship(),
            z06_civil_service(), z07_election_candidates(), z08_title_review()]
