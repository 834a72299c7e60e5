"""Which links to fetch, judged from their titles alone.

Permissive on purpose: a wrongly fetched page costs one request, a wrongly
skipped notice is lost.  What is kept is decided later from the content.
Decoy words (appointments, hiring, procurement) exclude a title only when
no unmistakable commendation word is in it.
"""

from __future__ import annotations

import unicodedata

# Unmistakable: the title is about honouring someone.
STRONG_WORDS = (
    "表彰", "表扬", "先进集体", "先进个人", "先进工作者", "劳动模范", "劳模", "模范", "标兵", "荣誉称号",
    "拟授予", "授予", "嘉奖", "记功", "立功", "楷模", "英雄", "功勋", "五一劳动奖", "三八红旗", "五四奖章",
    "最美", "道德模范", "好人", "巾帼", "青年文明号", "先进单位", "先进基层党组织",
)
# Likely: common in commendation titles, common elsewhere too.
WEAK_WORDS = (
    "先进", "优秀", "推荐", "评选", "评审结果", "拟表彰", "称号", "荣誉", "命名", "示范", "文明", "红旗",
    "奖", "先锋", "光荣", "拟推荐", "候选", "人选", "获奖",
)
# Notices that list people too, and are not commendations (the foundation issue's decoys).
DECOY_WORDS = (
    "任前", "拟任", "任职", "任免", "招聘", "聘用", "录用", "招录", "考录", "遴选", "选调", "选拔", "转任",
    "采购", "招标", "中标", "成交", "比选", "询价", "竞争性", "拍卖", "挂牌", "出让", "征收", "征地",
    "补贴", "补助", "救助", "低保", "资助", "职称", "资格审查", "体检", "考察", "许可", "审批", "环评",
    "征求意见", "规划", "预算", "决算", "处罚", "注销", "吊销",
)


def _normal(title: str) -> str:
    return "".join(unicodedata.normalize("NFKC", title).split())


def title_may_be_commendation(title: str) -> bool:
    """True if a link with this title is worth fetching as a possible commendation notice."""
    t = _normal(title)
    if any(w in t for w in STRONG_WORDS):
        return True
    if any(w in t for w in DECOY_WORDS):
        return False
    return any(w in t for w in WEAK_WORDS)
