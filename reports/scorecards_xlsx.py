"""The year's scorecards: a summary sheet, then one sheet per administrator.

The summary lists everyone (employee number, department, total, tier, penalty,
failures, bonus withheld) and the tier distribution with a column chart; each person's
sheet follows the scorecard's layout (item, points, score, where it came from: computed,
entered, not measurable or hand-scored, evidence with the reason an item is not
measurable and the assessor's evidence, comment, total, tier, penalty). Every figure is
the server's (credit_scorecards); the texts it words (evidence, reasons) are in the
report's language. Written in constant-memory mode, rows top to bottom.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook

from ..connector.appraisal import TIERS, AppraisalYear, Scorecard
from .appraisal_labels import (
    both,
    line_evidence,
    list_status_label,
    list_status_who,
    penalty_label,
    tier_label,
)
from .workbook import open_workbook, sheet_name

#: Summary sheet: header row and first person's row (zero-based).
SUMMARY_HEADER_ROW = 5
SUMMARY_COLUMNS: tuple[tuple[str, int], ...] = (
    ("rank", 8),
    ("name", 20),
    ("employee_number", 12),
    ("department", 16),
    ("total", 10),
    ("tier", 16),
    ("penalty", 34),
    ("failures", 12),
    ("bonus_withheld", 12),
    ("state", 12),
)
#: Person sheet: header row (zero-based); lines follow.
CARD_HEADER_ROW = 7
CARD_COLUMNS: tuple[tuple[str, int], ...] = (
    ("code", 7),
    ("section", 22),
    ("item", 48),
    ("points", 9),
    ("score", 9),
    ("source", 14),
    ("evidence", 60),
    ("comment", 30),
)
FAIL_STYLE = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
AWARD_STYLE = {"bg_color": "#C6EFCE", "font_color": "#006100"}


class _Formats:
    def __init__(self, workbook: Workbook) -> None:
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        self.title = workbook.add_format({**base, "bold": True, "font_size": 14})
        self.key = workbook.add_format({**base, "bold": True})
        self.text = workbook.add_format(base)
        self.wrap = workbook.add_format({**base, "text_wrap": True})
        self.number = workbook.add_format({**base, "num_format": "0.0"})
        self.header = workbook.add_format(
            {
                **base,
                "bold": True,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "bg_color": "#DDEBF7",
                "border": 1,
            }
        )
        self.total_text = workbook.add_format({**base, "bold": True, "top": 1, "bottom": 6})
        self.total_number = workbook.add_format(
            {**base, "bold": True, "top": 1, "bottom": 6, "num_format": "0.0"}
        )
        self.fail_text = workbook.add_format({**base, **FAIL_STYLE})
        self.fail_number = workbook.add_format({**base, **FAIL_STYLE, "num_format": "0.0"})
        self.award_text = workbook.add_format({**base, **AWARD_STYLE})
        self.integer = workbook.add_format({**base, "num_format": "0"})


def _write_summary(
    workbook: Workbook, data: AppraisalYear, formats: _Formats, taken: set[str]
) -> None:
    sheet = workbook.add_worksheet(sheet_name(both("summary_sheet", " "), taken))
    sheet.write_string(0, 0, both("summary_title", " "), formats.title)
    sheet.write_string(1, 0, both("year", " "), formats.key)
    sheet.write_number(1, 1, data.year, formats.integer)
    sheet.write_string(2, 0, both("company", " "), formats.key)
    sheet.write_string(2, 1, data.company, formats.text)
    _write_list_status(sheet, 3, 1, data, formats)
    sheet.set_row(SUMMARY_HEADER_ROW, 30)
    for col, (key, width) in enumerate(SUMMARY_COLUMNS):
        sheet.set_column(col, col, width)
        sheet.write_string(SUMMARY_HEADER_ROW, col, both(key), formats.header)
    row = SUMMARY_HEADER_ROW
    for rank, card in enumerate(data.scorecards, start=1):
        row += 1
        failed = card.tier == "fail" or card.disqualified
        text = formats.fail_text if failed else formats.award_text if card.awarded else formats.text
        number = formats.fail_number if failed else formats.number
        sheet.write_number(row, 0, rank, formats.integer)
        sheet.write_string(row, 1, card.name, text)
        _write_text(sheet, row, 2, card.employee_number, formats.text)
        _write_text(sheet, row, 3, card.department, formats.text)
        sheet.write_number(row, 4, card.total, number)
        sheet.write_string(row, 5, tier_label(card.tier), text)
        _write_text(sheet, row, 6, penalty_label(card.penalty), text)
        sheet.write_number(row, 7, card.failure_number, formats.integer)
        _write_text(sheet, row, 8, both("yes", " ") if card.bonus_withheld else "", text)
        sheet.write_string(row, 9, card.state, formats.text)

    # tier distribution and its chart
    row += 2
    table_header = row
    sheet.write_string(row, 0, both("tier_chart", " "), formats.key)
    row += 1
    sheet.write_string(row, 0, both("tier"), formats.header)
    sheet.write_string(row, 1, both("people"), formats.header)
    first = row + 1
    counts = data.tier_counts()
    for tier in TIERS:
        row += 1
        sheet.write_string(row, 0, tier_label(tier), formats.text)
        sheet.write_number(row, 1, counts[tier], formats.integer)
    last = row
    chart = workbook.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": both("people", " "),
            "categories": [sheet.name, first, 0, last, 0],
            "values": [sheet.name, first, 1, last, 1],
            "data_labels": {"value": True},
        }
    )
    chart.set_title({"name": both("tier_chart", " ")})
    chart.set_legend({"none": True})
    sheet.insert_chart(table_header, 4, chart)
    sheet.freeze_panes(SUMMARY_HEADER_ROW + 1, 2)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _write_card(
    workbook: Workbook, data: AppraisalYear, card: Scorecard, formats: _Formats, taken: set[str]
) -> None:
    sheet = workbook.add_worksheet(sheet_name(card.name, taken))
    sheet.write_string(0, 0, both("scorecard_title", " "), formats.title)
    sheet.write_string(1, 0, both("name", " "), formats.key)
    sheet.write_string(1, 2, card.name, formats.text)
    sheet.write_string(2, 0, both("year", " "), formats.key)
    sheet.write_number(2, 2, data.year, formats.integer)
    sheet.write_string(3, 0, both("company", " "), formats.key)
    sheet.write_string(3, 2, data.company, formats.text)
    sheet.write_string(4, 0, both("employee_number", " "), formats.key)
    _write_text(sheet, 4, 2, card.employee_number, formats.text)
    sheet.write_string(5, 0, both("department", " "), formats.key)
    _write_text(sheet, 5, 2, card.department, formats.text)
    sheet.set_row(CARD_HEADER_ROW, 30)
    for col, (key, width) in enumerate(CARD_COLUMNS):
        sheet.set_column(col, col, width)
        sheet.write_string(CARD_HEADER_ROW, col, both(key), formats.header)
    row = CARD_HEADER_ROW
    for line in card.lines:
        row += 1
        sheet.write_string(row, 0, line.code, formats.text)
        sheet.write_string(row, 1, line.section, formats.wrap)
        sheet.write_string(row, 2, line.name, formats.wrap)
        sheet.write_number(row, 3, line.points, formats.number)
        if line.score is None:
            sheet.write_blank(row, 4, None, formats.number)
        else:
            sheet.write_number(row, 4, line.score, formats.number)
        sheet.write_string(row, 5, both(line.source, " "), formats.wrap)
        _write_text(sheet, row, 6, line_evidence(line), formats.wrap)
        _write_text(sheet, row, 7, line.comment, formats.wrap)
    row += 1
    count = len(card.lines)
    sheet.write_string(row, 0, both("total", " "), formats.total_text)
    sheet.write_blank(row, 1, None, formats.total_text)
    sheet.write_blank(row, 2, None, formats.total_text)
    for col, value in ((3, sum(line.points for line in card.lines)), (4, card.total)):
        if count:
            first = xl_rowcol_to_cell(CARD_HEADER_ROW + 1, col)
            last = xl_rowcol_to_cell(CARD_HEADER_ROW + count, col)
            sheet.write_formula(row, col, f"=SUM({first}:{last})", formats.total_number, value)
        else:
            sheet.write_number(row, col, value, formats.total_number)
    row += 2
    failed = card.tier == "fail" or card.disqualified
    sheet.write_string(row, 0, both("tier", " "), formats.key)
    sheet.write_string(row, 2, tier_label(card.tier), formats.fail_text if failed else formats.text)
    row += 1
    sheet.write_string(row, 0, both("penalty", " "), formats.key)
    sheet.write_string(
        row,
        2,
        penalty_label(card.penalty) or both("none", " "),
        formats.fail_text if card.penalty else formats.text,
    )
    row += 1
    sheet.write_string(row, 0, both("failures", " "), formats.key)
    sheet.write_number(row, 2, card.failure_number, formats.integer)
    row += 1
    sheet.write_string(row, 0, both("bonus_withheld", " "), formats.key)
    sheet.write_string(
        row,
        2,
        both("yes" if card.bonus_withheld else "no", " "),
        formats.fail_text if card.bonus_withheld else formats.text,
    )
    row += 1
    _write_list_status(sheet, row, 2, data, formats)
    sheet.freeze_panes(CARD_HEADER_ROW + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(CARD_HEADER_ROW)


def _write_list_status(
    sheet: Any, row: int, col: int, data: AppraisalYear, formats: _Formats
) -> None:
    """The lists' status as the server says it: a draft is never shown as approved."""
    sheet.write_string(row, 0, both("list_status", " "), formats.key)
    who, when = list_status_who(data.lists)
    text = list_status_label(data.lists) + (f"  {who} {when}".rstrip() if who or when else "")
    approved = data.lists.approved
    sheet.write_string(row, col, text, formats.text if approved else formats.fail_text)


def _write_text(sheet: Any, row: int, col: int, value: str, fmt: Any) -> None:
    if value:
        sheet.write_string(row, col, value, fmt)
    else:
        sheet.write_blank(row, col, None, fmt)


def write_scorecards_xlsx(path: str | os.PathLike[str], data: AppraisalYear) -> Path:
    """Write the workbook atomically and return its path."""
    target = Path(path)
    with open_workbook(target) as workbook:
        workbook.set_properties({"title": both("scorecard_title", " "), "company": data.company})
        formats = _Formats(workbook)
        taken: set[str] = set()
        _write_summary(workbook, data, formats, taken)
        for card in data.scorecards:
            _write_card(workbook, data, card, formats, taken)
    return target
