"""事迹材料: deeds sections in a notice, linked to the records they describe.

A section starts at a heading such as ``——青海省民族团结进步先进集体乌兰县柯柯镇
人民政府事迹材料``, ``陈海忠同志先进事迹`` or a paragraph that is exactly a
nominee's name (一、陈海忠), and runs until the next heading, a table, an
``附件N`` line, or text that is plainly about something else (pages of
government sites interleave unrelated articles: a paragraph that hardly uses
the vocabulary of official reporting ends it).

A heading often names its subject in a shorter form than the record
(……城西社区事迹材料 → 天峻县新源镇城西社区居民委员会): subjects are matched by
the longest common substring after stripping the award prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.model import DocumentContent, Paragraph, Record, SourceDocument

from .normalise import looks_like_org_name, looks_like_person_name, split_name, squeeze

_DEEDS_HEADING_RE = re.compile(
    r"^[—\-–－―~～]*\s*(.{2,70}?)\s*(?:同志)?(?:的)?(?:先进|主要|简要|典型|突出)?事迹(?:材料|简介|介绍|概要|摘要|综述)?$"
)
_DASH_HEADING_RE = re.compile(r"^[—\-–－―]{1,3}\s*\S")
_ATTACHMENT_RE = re.compile(r"^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*$|^\s*附\s*件\s*\d")
# Time headings of feature articles (午时·谋远（13:00—15:00）): never deeds.
_FEATURE_HEADING_RE = re.compile(r"^.{1,4}[·・•]\s*.{1,8}[（(]\s*\d{1,2}[:：]\d{2}")
_AWARD_WORDS_RE = re.compile(
    r"^.*?(?:先进集体|先进个人|先进单位|先进工作者|劳动模范|优秀共产党员|优秀党务工作者|先进基层党组织|"
    r"模范集体|模范个人|标兵|示范单位|红旗手|红旗集体|奖章|称号|表彰对象|推荐对象|候选人)"
)
_NUMBERING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）])\s*")


@dataclass
class DeedsSection:
    subject: str  # what the heading names (award prefix stripped)
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text.strip() for p in self.paragraphs)


def _heading_subject(heading: str) -> str | None:
    """What a deeds heading (……事迹材料, 陈海忠同志先进事迹) names, else None."""
    text = squeeze(heading)
    m = _DEEDS_HEADING_RE.match(text)
    if m:
        subject = m.group(1).strip("—-–－―:：")
        stripped = _AWARD_WORDS_RE.sub("", subject)
        return stripped if len(stripped) >= 2 else subject
    return None


def _name_subject(heading: str, known_names: set[str]) -> str | None:
    """A paragraph that is a nominee's name, perhaps numbered (一、陈海忠)."""
    text = squeeze(heading)
    bare = _NUMBERING_RE.sub("", text)
    parts = split_name(bare)
    if parts and parts.name in known_names and len(text) <= len(parts.name) + 8:
        return parts.name
    return None


# Words of official reporting.  Deeds written for a commendation use them
# densely (6–12 per 100 characters); a feature article or a news story that a
# page happens to interleave uses almost none (under 3).
_REPORT_WORDS = frozenset(
    """开展 工作 群众 民族 发展 建设 服务 组织 党建 推进 活动 治理 社区 积极 提升 加强 全面 落实
    宣传 团结 教育 管理 干部 实施 机制 坚持 创新 促进 深入 累计 截至 先进 完善 强化 保障 引领
    党员 领导 共同 精神 思想 体系 构建 平台 为民 实事 解决 困难 荣获 获得 先后 带领 带头
    扎实 有效 有力 打造 助力 政策 法治 安全 维护 稳定 和谐 文明 示范 基层 村民 居民 牧民
    企业 单位 部门 学习 培训 志愿 帮扶 脱贫 振兴 乡村 经济 文化 责任 制度 规范 质量 效率
    水平 能力 作用 阵地 载体 模式 特色 亮点 成效 成果 形成 取得 实现 推动 深化 聚焦 围绕
    紧扣 着力 坚定 主线 意识 中华 交流 交融 交往 融合 宗教 政府 岗位 荣誉 称号 表彰 奖励
    同志 职工 员工 患者 学生 教学 科研 技术 项目 业务 任务 工程 生产 经营 收入 带动 就业
    防控 救援 一线 奉献 爱岗 敬业 担当 使命 初心 改革 攻坚 重点 优秀 贡献 业绩""".split()
)
_WS_RE = re.compile(r"\s+")
_MIN_REPORT_DENSITY = 3.0  # report words per 100 characters
_CHECK_MIN_CHARS = 25


def _off_topic(text: str) -> bool:
    """A paragraph that reads as something other than official deeds."""
    t = _WS_RE.sub("", text[:600])[:400]  # the opening says what a paragraph is about
    if len(t) < _CHECK_MIN_CHARS:
        return False
    if len(t) > 150 and _density(t[:150]) >= 2 * _MIN_REPORT_DENSITY:
        return False  # plainly on topic from its first lines (most deeds): no need to read on
    return _density(t) < _MIN_REPORT_DENSITY


def _density(t: str) -> float:
    """Distinct report words per 100 characters."""
    grams = {t[i:i + 2] for i in range(len(t) - 1)}
    return 100 * len(grams & _REPORT_WORDS) / len(t)


def find_deeds_sections(
    doc: DocumentContent, known_names: set[str], *, deeds_document: bool = False
) -> list[DeedsSection]:
    """Deeds sections of one document, in order.

    Only a deeds heading (…事迹材料, 主要事迹, 先进事迹) starts a section on its
    own.  A paragraph that is just a nominee's name (一、陈海忠) starts one
    only inside a deeds part — after such a heading, or anywhere in a
    document that is all deeds (`deeds_document`: its name or title says
    事迹) — for elsewhere it is an item of the list itself, and the lines
    after the list's last item (公示时间, the signature, the date) are no
    one's deeds.  A list heading or an 附件N line ends the deeds part; the
    closing lines of a notice end a section."""
    sections: list[DeedsSection] = []
    current: DeedsSection | None = None
    in_deeds = deeds_document
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            current = None
            continue
        text = block.text.strip()
        short = len(text) <= 120 and len(squeeze(text)) <= 90
        subject = _heading_subject(text) if short else None
        if subject is not None:
            in_deeds = True
        elif short and _GENERIC_DEEDS_RE.match(squeeze(text)):
            in_deeds, current = True, None  # 事迹材料: the deeds part begins, its sections follow
            continue
        elif short and in_deeds:
            subject = _name_subject(text, known_names)
        if subject is not None:
            if current is not None and current.paragraphs and _is_title_line(current.paragraphs[-1].text):
                current.paragraphs.pop()  # the next section's own title line
            current = DeedsSection(subject, text)
            sections.append(current)
            continue
        if short and (_ATTACHMENT_RE.match(text) or _LIST_HEADING_RE.search(squeeze(text))):
            in_deeds = False  # the next attachment, or a list of nominees
        if current is None:
            continue
        if _ATTACHMENT_RE.match(text) or _FEATURE_HEADING_RE.match(text):
            current = None
            continue
        if short and _is_closing(text):
            _drop_signature(current)
            current = None
            continue
        if _off_topic(text):
            current = None
            continue
        current.paragraphs.append(block)
    return [s for s in sections if s.paragraphs]


# A deeds heading that names nobody: 事迹材料, 附件2：事迹简介, 三、主要事迹
_GENERIC_DEEDS_RE = re.compile(
    r"^(?:附件\d*[:.、]?)?(?:[一二三四五六七八九十]+[、.])?(?:先进|主要|简要|典型|突出)?事迹"
    r"(?:材料|简介|介绍|概要|摘要|综述)?[:]?$"
)
# The closing lines of a notice, which no deeds run into.
_CLOSING_RE = re.compile(
    r"^[(]?(?:公示时间|公示期|公示日期|公示期间|公示期限|如有异议|如对|对公示|特此|抄送|抄报|联系人|联系电话|"
    r"联系方式|监督电话|举报电话|咨询电话|受理电话|电话|传真|地址|邮箱|电子邮箱|邮编|通讯地址)"
)
_DATE_LINE_RE = re.compile(
    r"^[(]?(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}[-./]\d{1,2}[-./]\d{1,2}|"
    r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)[)]?$"
)
_LIST_HEADING_RE = re.compile(r"(?:名单|名录|一览表|汇总表|情况表)[)]?[:]?$")


def _is_closing(text: str) -> bool:
    t = squeeze(text)
    return _CLOSING_RE.match(t) is not None or _DATE_LINE_RE.match(t) is not None


def _drop_signature(section: DeedsSection) -> None:
    """Short unpunctuated lines just above the date are the signature."""
    while section.paragraphs and _is_signature_line(section.paragraphs[-1].text):
        section.paragraphs.pop()


def _is_signature_line(text: str) -> bool:
    t = squeeze(text)
    return len(t) <= 30 and not _SENTENCE_PUNCT_RE.search(t)


_SENTENCE_PUNCT_RE = re.compile(r"[。，,；;！!？?：:]")


def _is_title_line(text: str) -> bool:
    t = text.strip()
    return len(t) <= 40 and not re.search(r"[。；！？]$", t)


def _longest_common_substring(a: str, b: str) -> int:
    if not a or not b:
        return 0
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best = cur[j]
        prev = cur
    return best


# Generic tails that do not identify a collective on their own.
_GENERIC = re.compile(r"(?:社区居民委员会|村民委员会|委员会|人民政府|办事处|有限公司|有限责任公司|党支部|党委)$")


def match_subject(subject: str, records: list[Record]) -> Record | None:
    """The record a deeds heading names: exact or contained name first, then the
    longest distinctive common substring (at least 4 characters)."""
    for rec in records:
        if rec.name == subject:
            return rec
    contained = [r for r in records if len(r.name) >= 2 and r.name in subject]
    if contained:
        return max(contained, key=lambda r: len(r.name))
    best: tuple[int, Record | None] = (0, None)
    tie = False
    for rec in records:
        if rec.kind != "organization" and len(subject) > 8:
            continue
        name = _GENERIC.sub("", rec.name)
        n = _longest_common_substring(subject, name)
        if n > best[0]:
            best, tie = (n, rec), False
        elif n == best[0] and n:
            tie = True
    if best[1] is not None and best[0] >= 4 and not tie:
        return best[1]
    return None


DocSections = list[tuple[DocumentContent, list[DeedsSection]]]


def deeds_sections(records: list[Record], docs: list[tuple[SourceDocument, DocumentContent, str]]) -> DocSections:
    """The deeds sections of every document, headed by what the records name."""
    names = {r.name for r in records}
    return [
        (doc, find_deeds_sections(doc, names, deeds_document=_is_deeds_document(src, doc)))
        for src, doc, _prefix in docs
    ]


def _is_deeds_document(src: SourceDocument, doc: DocumentContent) -> bool:
    """An attachment that holds only deeds: its file name or title says so
    (附件2：先进事迹材料.docx) and names no list."""
    label = squeeze(f"{src.filename or ''} {doc.title or ''}")
    return "事迹" in label and not _LIST_WORD_RE.search(label)


_LIST_WORD_RE = re.compile(r"名单|名录|一览表|汇总表|情况表|基本情况")


def link_deeds(records: list[Record], sections: DocSections) -> None:
    """Fill `deeds` of records from the deeds sections found."""
    for _doc, found in sections:
        for section in found:
            rec = match_subject(section.subject, records)
            if rec is not None and not rec.deeds:
                rec.deeds = section.text


def deeds_paragraphs(sections: DocSections, records: list[Record]) -> list[Paragraph]:
    """Paragraphs inside deeds sections (prose must not read nominees out of
    them).  A section whose heading names nobody (附件2：先进事迹材料) may hold
    the list itself, so it is left to prose."""
    out: list[Paragraph] = []
    for _doc, found in sections:
        for s in found:
            if match_subject(s.subject, records) is not None or _names_someone(s.subject):
                out.extend(s.paragraphs)
    return out


def _names_someone(subject: str) -> bool:
    parts = split_name(subject)
    name = parts.name if parts else subject
    return looks_like_person_name(name) or looks_like_org_name(name)
