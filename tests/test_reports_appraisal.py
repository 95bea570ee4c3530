"""Scorecards workbook and award lists, opened with openpyxl and checked cell by cell."""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from credit_cli.connector.appraisal import AppraisalYear, ListStatus, Scorecard, ScoreLine
from credit_cli.reports.awards import (
    award_list,
    disqualification_list,
    render_awards_html,
    write_awards_html,
    write_awards_xlsx,
)
from credit_cli.reports.scorecards_html import render_scorecards_html, write_scorecards_html
from credit_cli.reports.scorecards_xlsx import (
    CARD_HEADER_ROW,
    SUMMARY_HEADER_ROW,
    write_scorecards_xlsx,
)
from credit_cli.reports.workbook import sheet_name

from tests.factories import make_card, make_year


def _lines(scores: list[float | None]) -> tuple[ScoreLine, ...]:
    return tuple(
        ScoreLine(
            code=f"{i // 3 + 1}.{i % 3 + 1}",
            section="合同签订 Signing",
            name=f"item {i}",
            points=10.0,
            score=score,
            computed=i % 2 == 0,
            evidence="12 of 12 contracts reviewed" if i % 2 == 0 else "",
            comment="ok" if i == 1 else "",
        )
        for i, score in enumerate(scores)
    )


def _card(aid: int, name: str, scores: list[float | None], tier: str, **kw) -> Scorecard:
    total = round(sum(s or 0.0 for s in scores), 1)
    return make_card(aid, name, total, tier, lines=_lines(scores), **kw)


@pytest.fixture
def year() -> AppraisalYear:
    return make_year(
        company="华东机械有限公司",
        scorecards=(
            _card(
                1,
                "王芳",
                [10.0] * 9 + [6.0],
                "advanced",
                employee_number="E01",
                department="销售一部",
            ),
            _card(2, "李强", [9.0] * 10, "excellent"),
            _card(3, '=HYPERLINK("x")', [8.0] * 9 + [None], "pass"),
            _card(4, "张伟", [5.0] * 10, "fail", penalty="revocation", failure_number=2),
            _card(5, "赵敏", [5.5] * 10, "fail", penalty="first_failure", failure_number=1),
        ),
    )


def test_scorecards_workbook_cell_by_cell(tmp_path: Path, year: AppraisalYear) -> None:
    path = write_scorecards_xlsx(tmp_path / "s.xlsx", year)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总 Summary", "王芳", "李强", '=HYPERLINK("x")', "张伟", "赵敏"]
    summary = book["汇总 Summary"]
    assert summary["A1"].value == "信用(合同)管理员年度考核汇总表 Annual appraisal summary"
    assert summary["B2"].value == 2025
    assert summary["B3"].value == "华东机械有限公司"
    header = SUMMARY_HEADER_ROW + 1
    assert summary["A4"].value == "名单状态 Status of the lists"
    assert summary["B4"].value == "草稿，未经审批 Draft, not approved"
    assert [summary.cell(header, c).value for c in range(1, 11)] == [
        "名次\nRank",
        "姓名\nName",
        "工号\nEmployee No.",
        "部门\nDepartment",
        "合计\nTotal",
        "奖励等级\nAward tier",
        "处罚\nPenalty",
        "不合格次数\nFailures",
        "扣发奖金\nBonus withheld",
        "状态\nState",
    ]
    rows = [[summary.cell(header + i, c).value for c in range(1, 11)] for i in range(1, 6)]
    assert rows == [
        [1, "王芳", "E01", "销售一部", 96.0, "先进 Advanced", None, 0, None, "draft"],
        [2, "李强", None, None, 90.0, "优胜 Excellent", None, 0, None, "draft"],
        [3, '=HYPERLINK("x")', None, None, 72.0, "合格 Pass", None, 0, None, "draft"],
        [
            4,
            "张伟",
            None,
            None,
            50.0,
            "不合格 Failed",
            "取消管理员资格 Qualification revoked",
            2,
            "是 Yes",
            "draft",
        ],
        [
            5,
            "赵敏",
            None,
            None,
            55.0,
            "不合格 Failed",
            "首次不合格：教育帮助，扣发奖金 First failure: education, bonus withheld",
            1,
            "是 Yes",
            "draft",
        ],
    ]
    # a name that looks like a formula stays text
    assert summary.cell(header + 3, 2).data_type == "s"
    # failures are highlighted red, awards green
    assert summary.cell(header + 4, 2).fill.fgColor.rgb.endswith("FFC7CE")
    assert summary.cell(header + 1, 2).fill.fgColor.rgb.endswith("C6EFCE")
    # tier distribution table below, feeding the chart
    table = header + 5 + 2
    assert summary.cell(table, 1).value == "奖励等级分布 Tier distribution"
    counts = {
        summary.cell(table + 1 + i, 1).value: summary.cell(table + 1 + i, 2).value
        for i in range(1, 6)
    }
    assert counts == {
        "先进 Advanced": 1,
        "优胜 Excellent": 1,
        "表扬 Commendation": 0,
        "合格 Pass": 1,
        "不合格 Failed": 2,
    }
    # openpyxl drops charts when reading: look for the chart part in the file itself
    with zipfile.ZipFile(path) as archive:
        assert any(name.startswith("xl/charts/chart") for name in archive.namelist())

    card = book["王芳"]
    assert card["A1"].value == "信用(合同)管理员年度考核评分表 Annual appraisal scorecard"
    assert card["C2"].value == "王芳"
    assert (card["A5"].value, card["C5"].value) == ("工号 Employee No.", "E01")
    assert (card["A6"].value, card["C6"].value) == ("部门 Department", "销售一部")
    head = CARD_HEADER_ROW + 1
    assert [card.cell(head, c).value for c in range(1, 9)] == [
        "序号\nNo.",
        "考核内容\nSection",
        "考核项目\nItem",
        "分值\nPoints",
        "得分\nScore",
        "来源\nSource",
        "依据\nEvidence",
        "备注\nComment",
    ]
    assert [card.cell(head + 1, c).value for c in range(1, 9)] == [
        "1.1",
        "合同签订 Signing",
        "item 0",
        10.0,
        10.0,
        "系统计算 Computed",
        "12 of 12 contracts reviewed",
        None,
    ]
    assert card.cell(head + 2, 6).value == "评估人打分 Entered"
    assert card.cell(head + 2, 8).value == "ok"
    total_row = head + 11
    assert card.cell(total_row, 1).value == "合计 Total"
    assert card.cell(total_row, 4).value == f"=SUM(D{head + 1}:D{head + 10})"
    assert card.cell(total_row, 5).value == f"=SUM(E{head + 1}:E{head + 10})"
    assert card.cell(total_row + 2, 3).value == "先进 Advanced"
    assert card.cell(total_row + 3, 3).value == "无 None"

    unscored = book['=HYPERLINK("x")']
    assert unscored.cell(head + 10, 5).value is None  # not scored: empty, not 0

    revoked = book["张伟"]
    assert revoked.cell(total_row + 3, 3).value == "取消管理员资格 Qualification revoked"
    assert revoked.cell(total_row + 4, 3).value == 2
    assert revoked.cell(total_row + 5, 3).value == "是 Yes"
    assert revoked.cell(total_row + 6, 1).value == "名单状态 Status of the lists"
    assert revoked.cell(total_row + 6, 3).value == "草稿，未经审批 Draft, not approved"

    cached = openpyxl.load_workbook(path, data_only=True)["王芳"]
    assert cached.cell(total_row, 5).value == 96.0


def test_empty_year_still_makes_a_workbook(tmp_path: Path) -> None:
    empty = make_year()
    book = openpyxl.load_workbook(write_scorecards_xlsx(tmp_path / "e.xlsx", empty))
    assert book.sheetnames == ["汇总 Summary"]


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("a/b:c", taken) == "a_b_c"
    assert sheet_name("A/B:C", taken) == "A_B_C (2)"
    long = "x" * 40
    assert sheet_name(long, taken) == "x" * 31
    assert sheet_name(long, taken) == "x" * 27 + " (2)"


def test_award_and_disqualification_lists(year: AppraisalYear) -> None:
    assert [c.name for c in award_list(year)] == ["王芳", "李强"]
    assert [c.name for c in disqualification_list(year)] == ["张伟"]


def test_awards_workbook_cell_by_cell(tmp_path: Path, year: AppraisalYear) -> None:
    book = openpyxl.load_workbook(write_awards_xlsx(tmp_path / "a.xlsx", year))
    assert book.sheetnames == ["奖励名单 Awards", "取消资格名单 Disqualification"]
    awards = book["奖励名单 Awards"]
    # a list the legal representative has not approved says so
    assert awards["A1"].value == (
        "2025 年度考核奖励名单 Annual appraisal award list (草稿，未经审批 Draft, not approved)"
    )
    assert awards["A3"].value == (
        "名单状态 Status of the lists: 草稿，未经审批 Draft, not approved — "
        "草稿：名单未经法定代表人审批 Draft: the lists are not approved"
    )
    assert [awards.cell(4, c).value for c in range(1, 5)] == [
        "名次\nRank",
        "姓名\nName",
        "合计\nTotal",
        "奖励等级\nAward tier",
    ]
    assert [awards.cell(5, c).value for c in range(1, 5)] == [1, "王芳", 96.0, "先进 Advanced"]
    assert [awards.cell(6, c).value for c in range(1, 5)] == [2, "李强", 90.0, "优胜 Excellent"]
    assert awards.cell(7, 1).value is None
    assert awards.cell(8, 1).value.startswith("考核机构")
    assert awards.cell(10, 1).value.startswith("法定代表人审批")
    disq = book["取消资格名单 Disqualification"]
    assert [disq.cell(5, c).value for c in range(1, 6)] == [
        1,
        "张伟",
        50.0,
        2,
        "第 2 次考核不合格 Failure number 2",
    ]


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs) -> None:
        self._in = tag == "td"

    def handle_endtag(self, tag) -> None:
        self._in = False

    def handle_data(self, data) -> None:
        if self._in and data.strip():
            self.cells.append(data.strip())


def test_awards_html(tmp_path: Path, year: AppraisalYear) -> None:
    html = write_awards_html(tmp_path / "a.html", year).read_text(encoding="utf-8")
    assert "size: A4 landscape" in html
    assert html.count('class="line"') == 4  # two signature lines per list
    assert "法定代表人审批" in html and "Approved by the legal representative" in html
    parser = _Collect()
    parser.feed(html)
    assert parser.cells == [
        "1",
        "王芳",
        "96.0",
        "先进 Advanced",
        "2",
        "李强",
        "90.0",
        "优胜 Excellent",
        "1",
        "张伟",
        "50.0",
        "2",
        "第 2 次考核不合格 Failure number 2",
    ]


def test_awards_html_escapes_names() -> None:
    year = make_year((_card(1, "<script>x</script>", [10.0] * 10, "advanced"),), company="<C>")
    html = render_awards_html(year)
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    html = render_scorecards_html(year)
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def _measured_year(lists: ListStatus) -> AppraisalYear:
    """One person whose items show each source: computed, entered, not measurable (with the
    server's reason) and hand-scored (with the assessor's evidence), worded in English."""
    lines = (
        ScoreLine("1.1", "S", "Legal exam", 3.0, 2.7, True, "Exam 90 of 100.", ""),
        ScoreLine("2.4", "S", "Right template", 6.0, 5.0, False, "10 sampled", ""),
        ScoreLine(
            "5.4",
            "S",
            "Archived",
            6.0,
            0.0,
            True,
            "Nothing to measure.",
            "",
            not_measurable=True,
            not_measurable_reason="No contract of the departments covered (Purchasing) "
            "ended in 2025.",
        ),
        ScoreLine(
            "5.3",
            "S",
            "Seal use",
            4.0,
            3.0,
            True,
            "Nothing to measure.",
            "",
            not_measurable=True,
            not_measurable_reason="No contract seal was used in 2025.",
            hand_scored=True,
            hand_score=3.0,
            hand_evidence="Seal register checked on 2025-12-01.",
        ),
    )
    card = make_card(1, "Admin B", 10.7, "fail", lines=lines, penalty="first_failure")
    return make_year((card,), lists=lists, lang="en_US")


APPROVED = ListStatus("approved", "Manager", "2026-01-05", "Legal Rep", "2026-01-10")


def test_not_measurable_and_hand_scored_lines_in_the_workbook(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(
        write_scorecards_xlsx(tmp_path / "s.xlsx", _measured_year(APPROVED))
    )
    card = book["Admin B"]
    head = CARD_HEADER_ROW + 1
    rows = {card.cell(r, 1).value: r for r in range(head + 1, head + 5)}
    source = {code: card.cell(row, 6).value for code, row in rows.items()}
    evidence = {code: card.cell(row, 7).value for code, row in rows.items()}
    assert source == {
        "1.1": "系统计算 Computed",
        "2.4": "评估人打分 Entered",
        "5.4": "无法计量（待评估人打分） Not measurable (to be scored by hand)",
        "5.3": "无法计量，评估人据实打分 Not measurable, hand-scored",
    }
    assert evidence["1.1"] == "Exam 90 of 100."
    assert evidence["5.4"] == (
        "无法计量原因 Why not measurable: No contract of the departments covered "
        "(Purchasing) ended in 2025.\nNothing to measure."
    )
    assert evidence["5.3"] == (
        "无法计量原因 Why not measurable: No contract seal was used in 2025.\n"
        "Nothing to measure.\n评估人依据 Assessor's evidence: Seal register checked on 2025-12-01."
    )
    summary = book["汇总 Summary"]
    assert summary["B4"].value == "法定代表人已审批 Approved  Legal Rep 2026-01-10"


def test_scorecards_html_shows_every_source_and_the_status(tmp_path: Path) -> None:
    draft = write_scorecards_html(tmp_path / "s.html", _measured_year(ListStatus("draft")))
    html = draft.read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "size: A4 landscape" in html
    assert "Not measurable (to be scored by hand)" in html
    assert "Not measurable, hand-scored" in html
    assert "No contract of the departments covered (Purchasing) ended in 2025." in html
    assert "Seal register checked on 2025-12-01." in html
    assert html.count('class="not-measurable"') == 2
    assert "草稿，未经审批 / Draft, not approved" in html
    assert "法定代表人已审批" not in html
    submitted = ListStatus("submitted", "Manager", "2026-01-05")
    html = render_scorecards_html(_measured_year(submitted))
    assert "已报送，待法定代表人审批 / Submitted, awaiting the legal representative's approval" in (
        html.replace("&#39;", "'")
    )
    assert "(Manager 2026-01-05)" in html
    html = render_scorecards_html(_measured_year(APPROVED))
    assert "法定代表人已审批 / Approved (Legal Rep 2026-01-10)" in html


def test_awards_say_the_lists_status(tmp_path: Path) -> None:
    year = _measured_year(APPROVED)
    book = openpyxl.load_workbook(write_awards_xlsx(tmp_path / "a.xlsx", year))
    awards = book["奖励名单 Awards"]
    assert awards["A1"].value == "2025 年度考核奖励名单 Annual appraisal award list"
    assert awards["A3"].value == (
        "名单状态 Status of the lists: 法定代表人已审批 Approved (Legal Rep 2026-01-10)"
    )
    html = render_awards_html(year)
    assert "Draft" not in html and "草稿" not in html
    html = render_awards_html(_measured_year(ListStatus("draft")))
    assert html.count("草稿，未经审批") >= 4  # both titles, both status lines
    assert "法定代表人已审批" not in html


def test_award_lists_are_the_servers(year: AppraisalYear) -> None:
    """Who is on a list is the server's answer, whatever the tier says."""
    kept_off = make_card(9, "钱多", 97.0, "advanced", on_award_list=False)
    misuse = make_card(8, "孙亮", 92.0, "excellent", on_disqualification_list=True, misuse=True)
    data = make_year((kept_off, misuse))
    assert award_list(data) == [misuse]
    assert disqualification_list(data) == [misuse]
