"""Training records, HR's export and ageing: the rules on rows, the workbooks cell by cell.

Rows are built here in the shape ``search_read`` / ``read_group`` return, to exercise
the rules; they stand for no particular server answer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from credit_cli.connector import schema
from credit_cli.connector.ageing import build_ageing
from credit_cli.connector.appraisal import ListStatus
from credit_cli.connector.training import build_hr_rows, build_training_year
from credit_cli.connector.transport import ConnectorError
from credit_cli.reports.records import (
    write_ageing_xlsx,
    write_hr_export_xlsx,
    write_training_xlsx,
)

from tests.factories import make_card, make_year


def _session(sid: int, date: str, **kw: Any) -> dict[str, Any]:
    row = {
        "id": sid,
        "name": f"Session {sid}",
        "session_type": "integrity",
        "date": date,
        "year": int(date[:4]),
        "half": "1" if int(date[5:7]) <= 6 else "2",
        "company_id": [1, "C"],
        "assessment": "exam",
        "invited_ids": [1, 2],
        "attendee_ids": [1, 2],
    }
    row.update(kw)
    return row


def _result(rid: int, sid: int, emp: int, **kw: Any) -> dict[str, Any]:
    row = {
        "id": rid,
        "session_id": [sid, f"Session {sid}"],
        "employee_id": [emp, f"Person {emp}"],
        "year": 2025,
        "date": "2025-03-10",
        "kind": "exam",
        "score": 75.0,
        "mastery": False,
        "attempt": 1,
        "makeup_of_id": False,
        "pass_mark": 60.0,
        "passed": True,
        "makeup_required": False,
        "fee_id": False,
    }
    row.update(kw)
    return row


def _fee(fid: int, emp: int, kind: str, amount: float, date: str, paid: bool) -> dict[str, Any]:
    return {
        "id": fid,
        "employee_id": [emp, f"Person {emp}"],
        "company_id": [1, "C"],
        "kind": kind,
        "amount": amount,
        "reason": "make-up" if kind == "makeup_fee" else "sample check",
        "date": date,
        "session_id": [1, "Session 1"],
        "paid": paid,
    }


@pytest.fixture
def data() -> dict[str, list[dict[str, Any]]]:
    return {
        schema.COMPANY.model: [{"id": 1, "name": "C", "currency_id": [1, "CNY"]}],
        schema.TRAINING_SESSION.model: [
            _session(1, "2025-03-10"),
            _session(2, "2025-09-15", assessment="sample", attendee_ids=[1]),
            _session(3, "2024-09-15"),
        ],
        schema.TRAINING_RESULT.model: [
            _result(1, 1, 1),
            _result(2, 1, 2, score=50.0, passed=False, makeup_required=True),
            _result(3, 1, 2, score=70.0, attempt=2, makeup_of_id=[2, "x"], date="2025-04-01"),
            _result(
                4, 2, 1, kind="sample", score=False, mastery=40.0, passed=False, date="2025-09-15"
            ),
        ],
        schema.TRAINING_FEE.model: [
            _fee(1, 2, "makeup_fee", 30.0, "2025-03-11", True),
            _fee(2, 1, "fine", 20.0, "2025-09-16", False),
        ],
    }


def test_training_year_and_half(data) -> None:
    year = build_training_year(data, 2025)
    assert [s.name for s in year.sessions] == ["Session 1", "Session 2"]
    assert [(r.person, r.attempt, r.makeup, r.passed) for r in year.results] == [
        ("Person 1", 1, False, True),
        ("Person 2", 1, False, False),
        ("Person 2", 2, True, True),
        ("Person 1", 1, False, False),
    ]
    assert year.results[3].score is None and year.results[3].mastery == 40.0
    assert [(f.person, f.amount) for f in year.fees] == [("Person 2", 30.0), ("Person 1", 20.0)]
    first_half = build_training_year(data, 2025, "1")
    assert [s.name for s in first_half.sessions] == ["Session 1"]
    assert [f.amount for f in first_half.fees] == [30.0]
    assert all(r.session == "Session 1" for r in first_half.results)


def test_training_year_names_the_companies_it_lists(data) -> None:
    """The heading names the companies whose records are listed, not every company the
    reader may enter: an administrator of two companies and a manager of one get the same
    training workbook."""
    data[schema.TRAINING_SESSION.model].append(_session(9, "2024-03-01", company_id=[2, "Other"]))
    assert build_training_year(data, 2025).companies == ("C",)
    assert build_training_year(data, 2024).companies == ("C", "Other")


def test_training_year_without_sessions(data) -> None:
    with pytest.raises(
        ConnectorError, match=r"no training sessions in 2023 \(years with sessions: 2024, 2025\)"
    ):
        build_training_year(data, 2023)


def test_training_workbook_cell_by_cell(tmp_path: Path, data) -> None:
    path = write_training_xlsx(tmp_path / "t.xlsx", build_training_year(data, 2025), "C")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["培训 Sessions", "考试与抽查 Results", "补考费与罚款 Fees"]
    sessions = book["培训 Sessions"]
    assert sessions["A1"].value == "培训记录 Training sessions"
    assert sessions["A2"].value == "C · 2025"
    assert [c.value for c in sessions[5]] == [
        dt.datetime(2025, 3, 10),
        "上半年 H1",
        "Session 1",
        "诚信教育 Integrity education",
        "考试 Exam",
        2,
        2,
    ]
    assert sessions["C6"].value == "Session 2" and sessions["G6"].value == 1
    assert sessions["A7"].value == "合计 Total" and sessions["F7"].value == "=SUM(F5:F6)"
    results = book["考试与抽查 Results"]
    assert [c.value for c in results[6]] == [
        dt.datetime(2025, 3, 10),
        "Session 1",
        "Person 2",
        "考试 Exam",
        1,
        None,
        50.0,
        None,
        None,
        "✓",
    ]
    assert results["C6"].fill.fgColor.rgb.endswith("FFC7CE")  # failed: highlighted
    assert results["F7"].value == "✓"  # the make-up
    fees = book["补考费与罚款 Fees"]
    assert [c.value for c in fees[5]] == [
        dt.datetime(2025, 3, 11),
        "Person 2",
        "补考费 Make-up exam fee",
        "make-up",
        30.0,
        "✓",
    ]
    assert fees["E7"].value == "=SUM(E5:E6)"


def test_training_lists_the_fines_of_people_who_are_not_administrators(data) -> None:
    """Sample checks reach salespeople too: their fines are in the training report, whoever
    they are (the HR export is per administrator, the training records are everyone's)."""
    data[schema.TRAINING_RESULT.model].append(
        _result(9, 2, 7, kind="sample", mastery=30.0, passed=False, date="2025-09-15")
    )
    data[schema.TRAINING_FEE.model].append(_fee(9, 7, "fine", 20.0, "2025-09-16", False))
    year = build_training_year(data, 2025)
    assert ("Person 7", 20.0, "fine") in [(f.person, f.amount, f.kind) for f in year.fees]
    assert "Person 7" in [r.person for r in year.results]


def test_hr_rows_and_workbook(tmp_path: Path, data) -> None:
    lists = ListStatus("approved", "Manager", "2026-01-05", "Legal Rep", "2026-01-10")
    appraisal = make_year(
        (
            make_card(
                2,
                "Person 2",
                81.0,
                "commendation",
                employee_number="E2",
                department="Sales",
                qualification="revocation_pending",
            ),
            make_card(
                1,
                "Person 1",
                55.0,
                "fail",
                penalty="first_failure",
                failure_number=1,
                qualification="qualified",
            ),
        ),
        lists=lists,
    )
    rows = build_hr_rows(appraisal, data)
    assert [
        (
            r.name,
            r.sessions_attended,
            r.exams_passed,
            r.exams_failed,
            r.makeups,
            r.fees,
            r.fines,
            r.unpaid,
            r.bonus_withheld,
        )
        for r in rows
    ] == [
        ("Person 1", 2, 1, 1, 0, 0.0, 20.0, 20.0, True),
        ("Person 2", 1, 1, 1, 1, 30.0, 0.0, 0.0, False),
    ]
    book = openpyxl.load_workbook(write_hr_export_xlsx(tmp_path / "h.xlsx", appraisal, rows))
    sheet = book["2025 HR"]
    assert sheet["A2"].value == (
        "C · 2025 · 名单状态 Status of the lists: 法定代表人已审批 Approved (Legal Rep 2026-01-10)"
    )
    assert [c.value for c in sheet[4]] == [
        "姓名\nName",
        "工号\nEmployee No.",
        "部门\nDepartment",
        "考核得分\nTotal",
        "奖励等级\nAward tier",
        "处罚\nPenalty",
        "不合格次数\nFailures",
        "扣发奖金\nBonus withheld",
        "名单状态\nStatus of the lists",
        "经办人\nBy",
        "日期\nOn",
        "资格状态\nQualification",
        "参加培训\nSessions attended",
        "考试合格\nPassed",
        "考试不合格\nFailed",
        "补考\nMake-ups",
        "补考费\nMake-up fees",
        "罚款\nFines",
        "未缴费用与罚款\nUnpaid fees and fines",
    ]
    assert [c.value for c in sheet[5]] == [
        "Person 1",
        None,
        None,
        55.0,
        "不合格 Failed",
        "首次不合格：教育帮助，扣发奖金 First failure: education, bonus withheld",
        1,
        "✓",
        "法定代表人已审批 Approved",
        "Legal Rep",
        dt.datetime(2026, 1, 10),
        "合格 Qualified",
        2,
        1,
        1,
        0,
        0.0,
        20.0,
        20.0,
    ]
    assert sheet["B6"].value == "E2" and sheet["C6"].value == "Sales"
    assert sheet["L6"].value == "待取消 Revocation pending"
    assert sheet["Q7"].value == "=SUM(Q5:Q6)" and sheet["S7"].value == "=SUM(S5:S6)"


def test_hr_export_of_a_draft_list_never_says_approved(tmp_path: Path, data) -> None:
    appraisal = make_year((make_card(1, "Person 1", 55.0, "fail"),))
    rows = build_hr_rows(appraisal, data)
    sheet = openpyxl.load_workbook(write_hr_export_xlsx(tmp_path / "h.xlsx", appraisal, rows))[
        "2025 HR"
    ]
    assert sheet["I5"].value == "草稿，未经审批 Draft, not approved"
    assert sheet["J5"].value is None and sheet["K5"].value is None
    assert "已审批" not in sheet["A2"].value


def _group(
    partner: int, bucket: int | None, stage: int | None, amount: float, count: int, days: int
) -> dict[str, Any]:
    return {
        "company_id": [1, "C"],
        "partner_id": [partner, f"Customer {partner}"],
        "bucket_id": [bucket, f"B{bucket}"] if bucket else False,
        "stage_id": [stage, f"S{stage}"] if stage else False,
        "amount_residual": amount,
        "days_overdue": days,
        "move_id": count,
        "__count": count + 1,  # receivable items: not the documents counted
    }


def test_ageing_rows_and_workbook(tmp_path: Path) -> None:
    data = {
        schema.COMPANY.model: [{"id": 1, "name": "C", "currency_id": [1, "CNY"]}],
        schema.COLLECTION_BUCKET.model: [
            {"id": 11, "name": "逾期1-30天", "days_from": 1, "company_id": [1, "C"]},
            {"id": 10, "name": "未逾期", "days_from": 0, "company_id": [1, "C"]},
            {"id": 12, "name": "逾期30天以上", "days_from": 31, "company_id": [1, "C"]},
        ],
        schema.COLLECTION_STAGE.model: [
            {
                "id": 1,
                "name": "提醒",
                "days_from": 1,
                "action_type": "reminder",
                "company_id": [1, "C"],
                "blocks_credit": False,
            },
            {
                "id": 2,
                "name": "法务",
                "days_from": 60,
                "action_type": "legal",
                "company_id": [1, "C"],
                "blocks_credit": True,
            },
        ],
    }
    groups = [
        _group(5, 10, None, 1000.0, 1, 0),
        _group(5, 11, 1, 500.0, 1, 12),
        _group(6, 12, 2, 9000.0, 2, 75),
        _group(7, None, None, 300.0, 1, 0),  # no bucket: counted in the first
    ]
    ageing = build_ageing(data, groups, None)
    assert ageing.bucket_names == ("未逾期", "逾期1-30天", "逾期30天以上")
    assert [(r.partner, r.buckets, r.total, r.max_days_overdue, r.stage) for r in ageing.rows] == [
        ("Customer 6", (0.0, 0.0, 9000.0), 9000.0, 75, "法务"),
        ("Customer 5", (1000.0, 500.0, 0.0), 1500.0, 12, "提醒"),
        ("Customer 7", (300.0, 0.0, 0.0), 300.0, 0, ""),
    ]
    assert ageing.rows[0].stage_blocks
    assert ageing.stages == (("提醒", 1, 500.0), ("法务", 2, 9000.0))
    book = openpyxl.load_workbook(write_ageing_xlsx(tmp_path / "a.xlsx", ageing, "2025-03-31"))
    sheet = book["账龄 Ageing"]
    assert [c.value for c in sheet[4]] == [
        "客户\nCustomer",
        "未逾期",
        "逾期1-30天",
        "逾期30天以上",
        "合计\nTotal",
        "未结发票\nOpen invoices",
        "最长逾期天数\nMax days overdue",
        "催收阶段\nCollection stage",
    ]
    assert [c.value for c in sheet[5]] == ["Customer 6", 0.0, 0.0, 9000.0, 9000.0, 2, 75, "法务"]
    assert sheet["E8"].value == "=SUM(E5:E7)"
    stages = book["催收阶段 Stages"]
    assert [c.value for c in stages[5]] == ["提醒", 1, 500.0]


def test_ageing_with_several_companies_needs_company() -> None:
    data = {schema.COMPANY.model: [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]}
    groups = [
        {**_group(5, None, None, 1.0, 1, 0), "company_id": [1, "A"]},
        {**_group(6, None, None, 1.0, 1, 0), "company_id": [2, "B"]},
    ]
    with pytest.raises(ConnectorError, match="--company"):
        build_ageing(data, groups, None)
    assert [r.partner for r in build_ageing(data, groups, "B").rows] == ["Customer 6"]
    with pytest.raises(ConnectorError, match="no company 'Z'"):
        build_ageing(data, groups, "Z")
