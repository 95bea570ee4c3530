"""Training records, HR's annual export and ageing, as workbooks of plain tables."""

from __future__ import annotations

import os
from pathlib import Path

from ..connector.ageing import Ageing
from ..connector.appraisal import AppraisalYear
from ..connector.training import HrRow, TrainingYear
from .appraisal_labels import list_status_label, list_status_who, penalty_label, tier_label
from .tables_xlsx import Col, Table, write_tables

SESSION_TYPES = {
    "integrity": "诚信教育 Integrity education",
    "legal": "法律知识 Legal knowledge",
    "other": "其他 Other",
}
ASSESSMENTS = {"none": "无 None", "exam": "考试 Exam", "sample": "抽查 Sample check"}
FEE_KINDS = {"makeup_fee": "补考费 Make-up exam fee", "fine": "抽查罚款 Sample check fine"}
HALVES = {"1": "上半年 H1", "2": "下半年 H2"}
QUALIFICATION = {
    "qualified": "合格 Qualified",
    "revocation_pending": "待取消 Revocation pending",
    "revoked": "已取消 Revoked",
}


def _period_text(year: int, half: str | None) -> str:
    return f"{year} {HALVES[half]}" if half else f"{year}"


def write_training_xlsx(path: str | os.PathLike[str], data: TrainingYear, company: str) -> Path:
    """Sessions, results (exams, sample checks, make-ups) and fees and fines."""
    subtitle = f"{company} · {_period_text(data.year, data.half)}"
    sessions = Table(
        name="培训 Sessions",
        title="培训记录 Training sessions",
        subtitle=subtitle,
        columns=(
            Col("日期\nDate", "date", 12),
            Col("半年\nHalf-year", "text", 12),
            Col("培训\nSession", "text", 36),
            Col("类型\nType", "text", 22),
            Col("考核方式\nAssessment", "text", 16),
            Col("应到\nInvited", "int", 10, summed=True),
            Col("实到\nAttended", "int", 10, summed=True),
        ),
        rows=[
            (
                s.date,
                HALVES.get(s.half, s.half),
                s.name,
                SESSION_TYPES.get(s.session_type, s.session_type),
                ASSESSMENTS.get(s.assessment, s.assessment),
                s.invited,
                s.attended,
            )
            for s in data.sessions
        ],
        highlight=[s.attended < s.invited for s in data.sessions],
    )
    results = Table(
        name="考试与抽查 Results",
        title="考试与抽查成绩 Exam and sample-check results",
        subtitle=subtitle,
        columns=(
            Col("日期\nDate", "date", 12),
            Col("培训\nSession", "text", 30),
            Col("姓名\nName", "text", 16),
            Col("方式\nAssessment", "text", 16),
            Col("次数\nAttempt", "int", 8),
            Col("补考\nMake-up", "flag", 8),
            Col("分数\nScore", "number", 8),
            Col("掌握程度 %\nMastery %", "number", 12),
            Col("合格\nPassed", "flag", 8),
            Col("需补考\nMake-up due", "flag", 10),
        ),
        rows=[
            (
                r.date,
                r.session,
                r.person,
                ASSESSMENTS.get(r.kind, r.kind),
                r.attempt,
                r.makeup,
                r.score,
                r.mastery,
                r.passed,
                r.makeup_required,
            )
            for r in data.results
        ],
        highlight=[not r.passed for r in data.results],
    )
    fees = Table(
        name="补考费与罚款 Fees",
        title="补考费与罚款 Make-up fees and fines",
        subtitle=subtitle,
        columns=(
            Col("日期\nDate", "date", 12),
            Col("姓名\nName", "text", 16),
            Col("类别\nKind", "text", 26),
            Col("事由\nReason", "text", 40),
            Col("金额\nAmount", "money", 12, summed=True),
            Col("已缴\nPaid", "flag", 8),
        ),
        rows=[
            (f.date, f.person, FEE_KINDS.get(f.kind, f.kind), f.reason, f.amount, f.paid)
            for f in data.fees
        ],
        highlight=[not f.paid for f in data.fees],
    )
    return write_tables(path, (sessions, results, fees), "培训与考试记录 Training and exam records")


def write_hr_export_xlsx(
    path: str | os.PathLike[str], appraisal: AppraisalYear, rows: list[HrRow]
) -> Path:
    """One row per person: the server's appraisal result, the lists' status, qualification,
    training, fees and fines (and what is unpaid)."""
    who, when = list_status_who(appraisal.lists)
    status = list_status_label(appraisal.lists)
    table = Table(
        name=f"{appraisal.year} HR",
        title="年度考核人事导出 HR annual export",
        subtitle=f"{appraisal.company} · {appraisal.year} · 名单状态 Status of the lists: {status}"
        + (f" ({who} {when})" if who or when else ""),
        columns=(
            Col("姓名\nName", "text", 18),
            Col("工号\nEmployee No.", "text", 12),
            Col("部门\nDepartment", "text", 16),
            Col("考核得分\nTotal", "number", 10),
            Col("奖励等级\nAward tier", "text", 16),
            Col("处罚\nPenalty", "text", 30),
            Col("不合格次数\nFailures", "int", 10),
            Col("扣发奖金\nBonus withheld", "flag", 10),
            Col("名单状态\nStatus of the lists", "text", 22),
            Col("经办人\nBy", "text", 14),
            Col("日期\nOn", "date", 12),
            Col("资格状态\nQualification", "text", 18),
            Col("参加培训\nSessions attended", "int", 12),
            Col("考试合格\nPassed", "int", 10),
            Col("考试不合格\nFailed", "int", 10),
            Col("补考\nMake-ups", "int", 10),
            Col("补考费\nMake-up fees", "money", 12, summed=True),
            Col("罚款\nFines", "money", 12, summed=True),
            Col("未缴费用与罚款\nUnpaid fees and fines", "money", 14, summed=True),
        ),
        rows=[
            (
                r.name,
                r.employee_number,
                r.department,
                r.total,
                tier_label(r.tier),
                penalty_label(r.penalty),
                r.failure_number,
                r.bonus_withheld,
                status,
                who,
                when,
                QUALIFICATION.get(r.qualification, r.qualification),
                r.sessions_attended,
                r.exams_passed,
                r.exams_failed,
                r.makeups,
                r.fees,
                r.fines,
                r.unpaid,
            )
            for r in rows
        ],
        highlight=[r.tier == "fail" for r in rows],
    )
    return write_tables(path, (table,), "年度考核人事导出 HR annual export")


def write_ageing_xlsx(path: str | os.PathLike[str], ageing: Ageing, report_date: str) -> Path:
    """Open receivables by customer and ageing bucket; collection stages."""
    bucket_cols = tuple(Col(name, "money", 14, summed=True) for name in ageing.bucket_names)
    customers = Table(
        name="账龄 Ageing",
        title="应收账款账龄分析 Receivable ageing",
        subtitle=f"{ageing.company} · {report_date}",
        columns=(
            Col("客户\nCustomer", "text", 30),
            *bucket_cols,
            Col("合计\nTotal", "money", 14, summed=True),
            Col("未结发票\nOpen invoices", "int", 10, summed=True),
            Col("最长逾期天数\nMax days overdue", "int", 12),
            Col("催收阶段\nCollection stage", "text", 20),
        ),
        rows=[
            (r.partner, *r.buckets, r.total, r.invoices, r.max_days_overdue, r.stage)
            for r in ageing.rows
        ],
        highlight=[r.stage_blocks or r.max_days_overdue > 0 for r in ageing.rows],
    )
    stages = Table(
        name="催收阶段 Stages",
        title="催收状态 Collection status",
        subtitle=f"{ageing.company} · {report_date}",
        columns=(
            Col("催收阶段\nStage", "text", 24),
            Col("发票数\nInvoices", "int", 10, summed=True),
            Col("金额\nAmount", "money", 16, summed=True),
        ),
        rows=list(ageing.stages),
    )
    return write_tables(path, (customers, stages), "应收账款账龄 Receivable ageing")
