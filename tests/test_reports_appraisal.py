"""Scorecards workbook and award lists, opened with openpyxl and checked cell by cell."""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from credit_cli.connector.appraisal import AppraisalYear, Scorecard, ScoreLine, Thresholds
from credit_cli.reports.awards import (
    award_list,
    disqualification_list,
    render_awards_html,
    write_awards_html,
    write_awards_xlsx,
)
from credit_cli.reports.scorecards_xlsx import (
    CARD_HEADER_ROW,
    SUMMARY_HEADER_ROW,
    write_scorecards_xlsx,
)
from credit_cli.reports.workbook import sheet_name


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
    values = {
        "appraisal_id": aid,
        "administrator_id": aid,
        "name": name,
        "year": 2025,
        "state": "draft",
        "lines": _lines(scores),
        "total": total,
        "tier": tier,
        "failure_number": 0,
        "penalty": "",
        "misuse": False,
    }
    values.update(kw)
    return Scorecard(**values)


@pytest.fixture
def year() -> AppraisalYear:
    return AppraisalYear(
        year=2025,
        company="华东机械有限公司",
        period_state="open",
        thresholds=Thresholds(),
        scorecards=(
            _card(1, "王芳", [10.0] * 9 + [6.0], "advanced"),
            _card(2, "李强", [9.0] * 10, "excellent"),
            _card(3, '=HYPERLINK("x")', [8.0] * 9 + [None], "pass"),
            _card(
                4,
                "张伟",
                [5.0] * 10,
                "fail",
                failure_number=2,
                penalty="revocation",
                earlier_failures=(2023,),
            ),
            _card(5, "赵敏", [5.5] * 10, "fail", failure_number=1, penalty="first_failure"),
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
    assert [summary.cell(header, c).value for c in range(1, 9)] == [
        "名次\nRank",
        "姓名\nName",
        "合计\nTotal",
        "奖励等级\nAward tier",
        "处罚\nPenalty",
        "不合格次数\nFailures",
        "以往不合格年度\nEarlier failed years",
        "状态\nState",
    ]
    rows = [[summary.cell(header + i, c).value for c in range(1, 9)] for i in range(1, 6)]
    assert rows == [
        [1, "王芳", 96.0, "先进 Advanced", None, 0, None, "draft"],
        [2, "李强", 90.0, "优胜 Excellent", None, 0, None, "draft"],
        [3, '=HYPERLINK("x")', 72.0, "合格 Pass", None, 0, None, "draft"],
        [
            4,
            "张伟",
            50.0,
            "不合格 Failed",
            "取消管理员资格 Qualification revoked",
            2,
            "2023",
            "draft",
        ],
        [
            5,
            "赵敏",
            55.0,
            "不合格 Failed",
            "首次不合格：教育帮助，扣发奖金 First failure: education, bonus withheld",
            1,
            None,
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
    assert revoked.cell(total_row + 5, 3).value == "2023"

    cached = openpyxl.load_workbook(path, data_only=True)["王芳"]
    assert cached.cell(total_row, 5).value == 96.0


def test_empty_year_still_makes_a_workbook(tmp_path: Path) -> None:
    empty = AppraisalYear(2025, "C", "open", Thresholds(), ())
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
    assert awards["A1"].value == "2025 年度考核奖励名单 Annual appraisal award list"
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
    year = AppraisalYear(
        2025,
        "<C>",
        "open",
        Thresholds(),
        (_card(1, "<script>x</script>", [10.0] * 10, "advanced"),),
    )
    html = render_awards_html(year)
    assert "<script>x" not in html and "&lt;script&gt;x" in html
