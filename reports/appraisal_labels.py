"""Bilingual (Chinese / English) texts of the appraisal reports.

The appraisal forms go to HR and the legal representative, who read Chinese,
and to auditors who may not: every heading carries both languages.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from ..connector.appraisal import ListStatus, ScoreLine

_PAIRS: dict[str, tuple[str, str]] = {
    "scorecard_title": ("信用(合同)管理员年度考核评分表", "Annual appraisal scorecard"),
    "summary_title": ("信用(合同)管理员年度考核汇总表", "Annual appraisal summary"),
    "summary_sheet": ("汇总", "Summary"),
    "award_title": ("年度考核奖励名单", "Annual appraisal award list"),
    "disq_title": ("取消信用(合同)管理员资格名单", "Disqualification list"),
    "award_sheet": ("奖励名单", "Awards"),
    "disq_sheet": ("取消资格名单", "Disqualification"),
    "name": ("姓名", "Name"),
    "year": ("年度", "Year"),
    "company": ("公司", "Company"),
    "period_state": ("考核状态", "Period state"),
    "code": ("序号", "No."),
    "section": ("考核内容", "Section"),
    "item": ("考核项目", "Item"),
    "points": ("分值", "Points"),
    "score": ("得分", "Score"),
    "source": ("来源", "Source"),
    "evidence": ("依据", "Evidence"),
    "comment": ("备注", "Comment"),
    "total": ("合计", "Total"),
    "tier": ("奖励等级", "Award tier"),
    "penalty": ("处罚", "Penalty"),
    "failures": ("不合格次数", "Failures"),
    "earlier_failures": ("以往不合格年度", "Earlier failed years"),
    "state": ("状态", "State"),
    "rank": ("名次", "Rank"),
    "reason": ("理由", "Reason"),
    "people": ("人数", "People"),
    "tier_chart": ("奖励等级分布", "Tier distribution"),
    "computed": ("系统计算", "Computed"),
    "entered": ("评估人打分", "Entered"),
    "not_measurable": ("无法计量（待评估人打分）", "Not measurable (to be scored by hand)"),
    "hand_scored": ("无法计量，评估人据实打分", "Not measurable, hand-scored"),
    "not_measurable_reason": ("无法计量原因", "Why not measurable"),
    "hand_evidence": ("评估人依据", "Assessor's evidence"),
    "employee_number": ("工号", "Employee No."),
    "department": ("部门", "Department"),
    "bonus_withheld": ("扣发奖金", "Bonus withheld"),
    "unpaid": ("未缴费用与罚款", "Unpaid fees and fines"),
    "list_status": ("名单状态", "Status of the lists"),
    "list_by": ("经办人", "By"),
    "list_date": ("日期", "On"),
    "list_none": ("尚未拟定名单", "Not drawn yet"),
    "list_draft": ("草稿，未经审批", "Draft, not approved"),
    "list_submitted": (
        "已报送，待法定代表人审批",
        "Submitted, awaiting the legal representative's approval",
    ),
    "list_approved": ("法定代表人已审批", "Approved"),
    "draft_mark": ("草稿：名单未经法定代表人审批", "Draft: the lists are not approved"),
    "not_scored": ("未评分", "Not scored"),
    "tier_advanced": ("先进", "Advanced"),
    "tier_excellent": ("优胜", "Excellent"),
    "tier_commendation": ("表扬", "Commendation"),
    "tier_pass": ("合格", "Pass"),
    "tier_fail": ("不合格", "Failed"),
    "penalty_first_failure": (
        "首次不合格：教育帮助，扣发奖金",
        "First failure: education, bonus withheld",
    ),
    "penalty_revocation": ("取消管理员资格", "Qualification revoked"),
    "reason_misuse": ("利用合同进行违法活动", "Used contracts for unlawful acts"),
    "reason_failures": ("第 {n} 次考核不合格", "Failure number {n}"),
    "assessor_sign": (
        "考核机构（信用(合同)管理部门）负责人",
        "Head of the assessing department (credit/contract management)",
    ),
    "legal_rep_sign": ("法定代表人审批", "Approved by the legal representative"),
    "signature": ("签字", "Signature"),
    "date": ("日期", "Date"),
    "none": ("无", "None"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "thresholds": (
        "先进 ≥ {advanced:g}，优胜 ≥ {excellent:g}，表扬 ≥ {commendation:g}，"
        "低于 {fail:g} 为不合格",
        "Advanced ≥ {advanced:g}, Excellent ≥ {excellent:g}, Commendation ≥ {commendation:g}, "
        "under {fail:g} fails",
    ),
}

PAIRS = MappingProxyType(_PAIRS)


def zh(key: str) -> str:
    """The Chinese text."""
    return _PAIRS[key][0]


def en(key: str) -> str:
    """The English text."""
    return _PAIRS[key][1]


def both(key: str, sep: str = "\n") -> str:
    """Chinese, then English: '姓名\\nName'."""
    return f"{_PAIRS[key][0]}{sep}{_PAIRS[key][1]}"


def tier_label(tier: str, sep: str = " ") -> str:
    """'先进 Advanced'."""
    return both(f"tier_{tier}", sep)


def penalty_label(penalty: str, sep: str = " ") -> str:
    """'' or the bilingual penalty."""
    return both(f"penalty_{penalty}", sep) if penalty else ""


def list_status_label(lists: ListStatus, sep: str = " ") -> str:
    """'草稿，未经审批 Draft, not approved' (bilingual)."""
    return both(f"list_{lists.status}", sep) if f"list_{lists.status}" in _PAIRS else lists.status


def list_status_who(lists: ListStatus) -> tuple[str, str]:
    """(by whom, on which day) of the lists' latest step: approval, else submission."""
    if lists.status == "approved":
        return lists.approved_by, lists.date_approved
    if lists.status == "submitted":
        return lists.submitted_by, lists.date_submitted
    return "", ""


def chinese_date(iso: str) -> str:
    """'2026-12-03' -> '2026年12月03日', Odoo's zh_CN date format: an ISO date does not
    belong inside a Chinese sentence. Anything else is returned as it is."""
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def list_status_text(lists: ListStatus, lang: str) -> str:
    """The lists' status in one phrase of ``lang`` (zh_CN or en) for the command's summary;
    a draft list is never called approved."""
    index = 0 if lang == "zh_CN" else 1
    text = _PAIRS.get(f"list_{lists.status}", (lists.status, lists.status))[index]
    who, when = list_status_who(lists)
    if when and index == 0:
        when = chinese_date(when)
    if who or when:
        extra = f"{who} {when}".strip()
        text = f"{text}（{extra}）" if index == 0 else f"{text} ({extra})"
    return text


def line_evidence(line: ScoreLine) -> str:
    """What an item rests on, as the server worded it: its evidence, and for an item the
    records cannot measure why (and, once scored by hand, the assessor's evidence)."""
    parts = [line.evidence] if line.evidence else []
    if line.not_measurable:
        parts.insert(0, f"{both('not_measurable_reason', ' ')}: {line.not_measurable_reason}")
        if line.hand_scored:
            parts.append(f"{both('hand_evidence', ' ')}: {line.hand_evidence}")
    return "\n".join(parts)
