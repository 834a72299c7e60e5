"""Plain-text notice cases: the real seed, PDF-copied space-aligned columns,
one-paragraph prose, numbered comma lines, GBK text with middle-dot variants,
sectioned lists with (民族) annotations."""

from __future__ import annotations

from pathlib import Path

from casekit import Case, cn_birth, dotted_birth, notice, org, person

SEED = Path("/work/shared/seeds/000_c760ebe8a9762f7a.txt")


def t00_seed_haixi() -> Case | None:
    if not SEED.exists():
        return None
    recs = [
        org("乌兰县柯柯镇人民政府"), org("格尔木市委政法委"), org("天峻县新源镇城西社区居民委员会"),
        org("德令哈市火车站街道办事处黄河路社区"), org("海西州教育局"), org("国家税务总局海西州税务局"),
        person("陈海忠", "男", "汉族", "1968-06", "中共党员", "大专", "都兰县香加乡科尔村", "党支部书记兼村委会主任"),
        person("郑发清", "男", "回族", "1987-06", "中共党员", "本科", "中共茫崖市委统一战线工作部",
               "副部长、市民宗局局长市长工商联副主席"),
        person("花木措", "女", "蒙古族", "1988-06", "群众", "本科", "海西州文体旅游广电局", "职员"),
        person("东主才让", "男", "藏族", "1971-08", "无党派人士", "本科", "海西州融媒体中心", "编委会副主任"),
        person("郭海芳", "女", "土族", "1990-10", "中共党员", "大学", "海西州人民检察院", "机关党委副书记"),
        person("夏露", "女", "汉族", "1986-05", "中共党员", "本科", "青海柴达木职业技术学院", "统战部(宣传部)副部长"),
    ]
    return Case("t00_seed_haixi", "notice.txt", {"notice.txt": SEED.read_bytes()},
                notice("2025-09-08", "recommended", "province", "2025-09-08", "2025-09-12",
                       award="青海省民族团结进步先进集体和先进个人",
                       issuer="中共海西州委统一战线工作领导小组办公室"),
                recs, source="the real seed notice (shared/seeds/000)",
                note="tab tables interleaved with deeds prose; 附件3 deeds between 附件1 and 附件2")


def t01_space_aligned() -> Case:
    recs = [
        person("刘志刚", "男", "汉族", "1978-05", "中共党员", "大专", "东风汽车集团有限公司襄阳工厂", "装调工"),
        person("王磊", "男", "汉族", "1986-11", "中共党员", "本科", "中铁大桥局集团第五工程有限公司", "项目总工程师"),
        person("向春燕", "女", "土家族", "1983-02", "群众", "高中", "恩施州宣恩县伍家台贡茶有限公司", "制茶技师"),
        person("田小兵", "男", "苗族", "1990-08", "共青团员", "中专", "武汉地铁运营有限公司", "电客车司机"),
        person("胡冬梅", "女", "汉族", "1975-12", "中共党员", "研究生", "华中科技大学同济医学院附属协和医院", "护士长"),
    ]
    head = "序号  姓 名   性别  民族    出生年月   政治面貌   学历    工作单位                              职务"
    lines = [head]
    for i, p in enumerate(recs, 1):
        name = p["name"] if len(p["name"]) == 3 else p["name"][0] + " " + p["name"][1]
        lines.append(f"{i:<4}  {name:<6}  {p['gender']}    {p['ethnicity']:<6}  {dotted_birth(p['birth'], pad=True):<9}  "
                     f"{p['political']:<8}  {p['education']:<6}  {p['unit']:<36}  {p['position']}")
    text = f"""湖北省总工会
关于2025年全国五一劳动奖章推荐人选的公示

    根据全国总工会《关于做好2025年全国五一劳动奖和全国工人先锋号推荐评选工作的通知》要求,经基层推荐、市州和产业工会审核、省总工会研究,拟推荐刘志刚等5名同志为2025年全国五一劳动奖章人选。现予公示,公示时间为2025年3月28日至4月3日。
    如有异议,请于公示期内以书面形式向省总工会劳动和经济工作部反映,并署真实姓名和联系方式。
    联系电话:027-85780000

附件:2025年全国五一劳动奖章推荐人选名单

{chr(10).join(lines)}

                                                湖北省总工会
                                              2025年3月28日
"""
    return Case("t01_space_aligned", "公示.txt", {"公示.txt": text.replace("\n", "\r\n").encode("utf-8")},
                notice("2025-03-28", "recommended", "national", "2025-03-28", "2025-04-03",
                       award="全国五一劳动奖章", issuer="湖北省总工会"),
                recs, source="modelled on text copied out of a PDF attachment",
                note="columns aligned with runs of spaces; padded name 王 磊 with one space; CRLF")


def t02_prose_paragraph() -> Case:
    recs = [
        person("杨春花", "女", "汉族", "1978-03", None, "中专", "东峡镇卫生院乡村医生"),
        person("李德全", "男", "回族", "1965-10", None, "高中", "城关镇新民村卫生室乡村医生"),
        person("拉毛措", "女", "藏族", "1989-07", None, "大专", "日月乡卫生院全科医生"),
        person("赵永祥", "男", "土族", "1972-01", None, "中专", "和平乡卫生院副院长"),
    ]
    parts = [f"{p['name']},{p['gender']},{p['ethnicity']},{cn_birth(p['birth'])}生,{p['education']}学历,{p['unit']}"
             for p in recs]
    text = f"""湟中区2024年“最美乡村医生”拟推荐人选公示

为深入贯彻落实市卫生健康委《关于开展2024年度西宁市“最美乡村医生”推荐评选活动的通知》精神,经各乡镇推荐、区卫生健康局审核,拟推荐以下4名同志为西宁市“最美乡村医生”推荐人选:{";".join(parts)}。现予以公示,公示期为2024年6月3日至6月7日。如有异议,请向区卫生健康局反映,电话:0971-2230000。

西宁市湟中区卫生健康局
2024年6月3日
"""
    return Case("t02_prose_paragraph", "notice.txt", {"notice.txt": text.encode("utf-8")},
                notice("2024-06-03", "recommended", "prefecture", "2024-06-03", "2024-06-07",
                       award="西宁市“最美乡村医生”", issuer="西宁市湟中区卫生健康局"),
                recs, source="modelled on county recommendation notices written as one paragraph",
                note="all nominees inside one sentence, separated by ;; 'X学历' and 'YYYY年M月生'")


def t03_numbered_comma_lines() -> Case:
    recs = [
        person("王丽华", "女", "汉族", "1980-03", "中共党员", "本科", "西宁市第五中学副校长"),
        person("马成龙", "男", "回族", "1976-11", "中共党员", "大专", "青海盐湖工业股份有限公司钾肥分公司工段长"),
        person("索南达杰", "男", "藏族", "1984-06", "群众", "中专", "玉树州称多县珍秦镇牧民"),
        person("冶秀梅", "女", "撒拉族", "1991-09", "中共预备党员", "本科", "循化县积石镇人民政府科员"),
        person("吕建新", "男", "汉族", "1969-04", "九三学社社员", "研究生", "青海大学农林科学院研究员"),
    ]
    pol = {"中共党员": "中共党员", "群众": "群众", "中共预备党员": "预备党员", "九三学社社员": "九三学社社员"}
    lines = [f"{i}、{p['name']}、{p['gender']}、{p['ethnicity']}、{dotted_birth(p['birth'], pad=True)}、"
             f"{pol[p['political']]}、{p['education']}、{p['unit']}" for i, p in enumerate(recs, 1)]
    text = f"""2025年青海省五一劳动奖章拟表彰对象公示
根据《青海省五一劳动奖评选表彰管理办法》,经各市州总工会、省产业工会推荐,省总工会审核,拟对王丽华等5名同志授予2025年青海省五一劳动奖章。现将拟表彰对象予以公示,公示期为2025年4月14日至4月18日。
序号、姓名、性别、民族、出生年月、政治面貌、学历、工作单位及职务
{chr(10).join(lines)}
受理电话:0971-6100000
青海省总工会
2025年4月14日
"""
    return Case("t03_numbered_comma_lines", "gs.txt", {"gs.txt": b"\xef\xbb\xbf" + text.encode("utf-8")},
                notice("2025-04-14", "proposed", "province", "2025-04-14", "2025-04-18",
                       award="青海省五一劳动奖章", issuer="青海省总工会"),
                recs, source="modelled on text notices listing one nominee per line with 、",
                note="UTF-8 BOM; header line and rows separated by 、; 预备党员 → 中共预备党员")


def t04_gbk_dot_variants() -> Case:
    recs = [
        person("阿依古丽·买买提", "女", "维吾尔族", unit="县人民医院内科护士长"),
        person("买买提江·吐尔逊", "男", "维吾尔族", unit="托格拉克乡阿克其村党支部书记"),
        person("热依拉·阿不都", "女", "维吾尔族", unit="县第二中学教师"),
        person("王建军", "男", "汉族", unit="县公安局治安大队大队长"),
        person("叶尔兰·努尔兰", "男", "哈萨克族", unit="县农业农村局畜牧兽医站站长"),
        org("县第一小学"),
        org("托格拉克乡阿克其村村民委员会"),
    ]
    text = """中共沙雅县委 沙雅县人民政府
关于表彰民族团结进步模范集体和模范个人的决定

各乡镇党委、人民政府,县直各单位:
    近年来,全县各族干部群众深入开展民族团结进步创建活动,涌现出一批先进典型。为表彰先进,县委、县人民政府决定,授予县第一小学等2个集体“沙雅县民族团结进步模范集体”称号,授予阿依古丽•买买提等5名同志“沙雅县民族团结进步模范个人”称号。
    希望受到表彰的集体和个人珍惜荣誉,再接再厉。

一、民族团结进步模范集体(2个)
    县第一小学
    托格拉克乡阿克其村村民委员会
二、民族团结进步模范个人(5名)
    阿依古丽•买买提(女,维吾尔族)  县人民医院内科护士长
    买买提江．吐尔逊(男,维吾尔族)  托格拉克乡阿克其村党支部书记
    热依拉・阿不都(女,维吾尔族)  县第二中学教师
    王建军(男,汉族)  县公安局治安大队大队长
    叶尔兰 · 努尔兰(男,哈萨克族)  县农业农村局畜牧兽医站站长

                                  中共沙雅县委  沙雅县人民政府
                                        2024年9月25日
"""
    return Case("t04_gbk_dot_variants", "jueding.txt", {"jueding.txt": text.encode("gb18030")},
                notice("2024-09-25", "awarded", "county", None, None,
                       award="沙雅县民族团结进步模范集体和模范个人", issuer="中共沙雅县委 沙雅县人民政府"),
                recs, source="modelled on Xinjiang county award decisions",
                note="GB18030 text; middle dots • ． ・ and spaced ' · '; (男,维吾尔族) annotations; awarded")


def t05_sections_ethnic_notes() -> Case:
    recs = [
        org("德令哈市河西街道办事处"), org("格尔木市郭勒木德镇中村"),
        person("巴特尔", None, "蒙古族", unit="德令哈市柯鲁柯镇希望村党支部书记"),
        person("马玉兰", None, "回族", unit="格尔木市金峰路街道富康社区居委会主任"),
        person("才仁旺姆", None, "藏族", unit="天峻县苏里乡中心寄宿制学校教师"),
        person("李国庆", None, "汉族", unit="海西州公安局特警支队副支队长"),
    ]
    text = """海西州2024年度“十佳”民族团结进步模范候选集体和候选人公示

    根据《海西州民族团结进步“十佳”模范评选活动实施方案》,经各地各部门推荐、州评审委员会评审,产生候选集体2个、候选人4名,现予以公示。
    公示期:7个工作日(2024年7月1日至7月9日)
    一、模范集体候选单位(2个)
        1.德令哈市河西街道办事处
        2.格尔木市郭勒木德镇中村
    二、模范个人候选人(4名)
        1.巴特尔(蒙古族)    德令哈市柯鲁柯镇希望村党支部书记
        2.马玉兰(回族)      格尔木市金峰路街道富康社区居委会主任
        3.才仁旺姆(藏族)    天峻县苏里乡中心寄宿制学校教师
        4.李国庆(汉族)      海西州公安局特警支队副支队长
    监督电话:0977-8220000

海西州民族团结进步创建工作领导小组办公室
2024年7月1日
"""
    return Case("t05_sections_ethnic_notes", "候选人公示.txt", {"候选人公示.txt": text.encode("utf-8")},
                notice("2024-07-01", "proposed", "prefecture", "2024-07-01", "2024-07-09",
                       award="海西州“十佳”民族团结进步模范", issuer="海西州民族团结进步创建工作领导小组办公室"),
                recs, source="modelled on prefecture candidate lists with (民族) notes",
                note="collectives first; numbered 'name(民族)  unit' lines; period given as 7个工作日(…)")


def cases() -> list[Case]:
    out = [t00_seed_haixi(), t01_space_aligned(), t02_prose_paragraph(), t03_numbered_comma_lines(),
           t04_gbk_dot_variants(), t05_sections_ethnic_notes()]
    return [c for c in out if c is not None]
