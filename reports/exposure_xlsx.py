"""The exposure report as an Excel workbook, ready to filter, sort and print.

Amounts stay numbers with a money format (never pre-formatted text) and the
totals are SUM formulas, so a credit analyst can re-sort, filter or add rows in
Excel and still get right totals.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ..connector.atomic import atomic_path
from ..connector.models import CompanyInfo, PartnerExposure
from .columns import DASH, Column, check_state, columns_for
from .labels import DEFAULT_LANG, labels_for

#: Zero-based row of the column headers; rows above hold title, company, currency, date.
HEADER_ROW = 5
FIRST_DATA_ROW = HEADER_ROW + 1
#: Columns kept in view when scrolling right: ref and customer name.
FROZEN_COLUMNS = 2

_KIND_FORMATS: Mapping[str, Mapping[str, Any]] = {
    "text": {},
    "choice": {},
    "int": {"num_format": "0", "align": "right"},
    "money": {"num_format": "#,##0.00"},
    "number": {"num_format": "0.0"},
    "percent": {"num_format": "0.0%"},
    "date": {"num_format": "yyyy-mm-dd", "align": "center"},
    "flag": {"align": "center"},
}
#: Excel's own "Bad" cell style, which readers already know as a warning.
OVER_LIMIT_STYLE: Mapping[str, Any] = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
REVIEW_DUE_STYLE: Mapping[str, Any] = {"bold": True}
OVERDUE_STYLE: Mapping[str, Any] = {"font_color": "#C00000", "bold": True}
TOTAL_STYLE: Mapping[str, Any] = {"bold": True, "top": 1, "bottom": 6}
HEADER_STYLE: Mapping[str, Any] = {
    "bold": True,
    "text_wrap": True,
    "valign": "vcenter",
    "align": "center",
    "bg_color": "#DDEBF7",
    "border": 1,
}


class _Formats:
    """Create each cell format once per workbook (xlsxwriter limits their number)."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._cache: dict[tuple[str, bool, bool, bool, bool], Any] = {}

    def get(
        self,
        kind: str,
        over: bool = False,
        due: bool = False,
        total: bool = False,
        overdue: bool = False,
    ) -> Any:
        key = (kind, over, due, total, overdue)
        if key not in self._cache:
            props: dict[str, Any] = {"font_name": "Arial", "font_size": 10}
            props.update(_KIND_FORMATS[kind])
            if over:
                props.update(OVER_LIMIT_STYLE)
            if overdue:
                props.update(OVERDUE_STYLE)
            if due:
                props.update(REVIEW_DUE_STYLE)
            if total:
                props.update(TOTAL_STYLE)
            self._cache[key] = self._workbook.add_format(props)
        return self._cache[key]


def _write_cell(
    sheet: Worksheet,
    row: int,
    col: int,
    column: Column,
    value: Any,
    fmt: Any,
    labels: Mapping[str, str],
) -> None:
    """Write one value with the type Excel should see (number, date, text or blank)."""
    if column.kind == "flag":
        if value is None and column.dash:
            sheet.write_string(row, col, DASH, fmt)
        elif value:
            sheet.write_string(row, col, labels["yes"], fmt)
        else:
            sheet.write_blank(row, col, None, fmt)
    elif value is None or value == "":
        if column.dash and value is None:
            sheet.write_string(row, col, DASH, fmt)
        else:
            sheet.write_blank(row, col, None, fmt)
    elif column.kind == "choice":
        sheet.write_string(row, col, labels.get(f"{column.key}_{value}", str(value)), fmt)
    elif column.kind == "date":
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), fmt)
    elif column.kind in ("money", "number", "percent", "int"):
        sheet.write_number(row, col, float(value), fmt)
    else:
        # write_string: a name such as "=1+1" stays text, never becomes a formula.
        sheet.write_string(row, col, str(value), fmt)


def _write_partner_row(
    sheet: Worksheet,
    row: int,
    partner: PartnerExposure,
    formats: _Formats,
    labels: Mapping[str, str],
    today: dt.date,
    columns: Sequence[Column],
) -> None:
    """One customer; the whole row is red when the customer is over the limit."""
    over = partner.over_limit
    for col, column in enumerate(columns):
        due = column.key == "next_review_date" and partner.review_due(today)
        overdue = column.overdue_mark and partner.has_overdue and bool(column.value(partner))
        fmt = formats.get(column.kind, over=over, due=due, overdue=overdue and not over)
        _write_cell(sheet, row, col, column, column.value(partner), fmt, labels)


def _write_totals_row(
    sheet: Worksheet,
    row: int,
    partners: Sequence[PartnerExposure],
    formats: _Formats,
    labels: Mapping[str, str],
    columns: Sequence[Column],
) -> None:
    """SUM formulas over the data rows, with their values cached for viewers."""
    count = len(partners)
    for col, column in enumerate(columns):
        fmt = formats.get(column.kind if column.summed else "text", total=True)
        if col == 0:
            sheet.write_string(row, col, labels["total"], fmt)
        elif column.key == "name":
            sheet.write_string(row, col, f"{labels['customers']}: {count}", fmt)
        elif column.summed:
            value = column.total(partners)
            if count:
                first = xl_rowcol_to_cell(FIRST_DATA_ROW, col)
                last = xl_rowcol_to_cell(FIRST_DATA_ROW + count - 1, col)
                sheet.write_formula(row, col, f"=SUM({first}:{last})", fmt, value)
            else:
                sheet.write_number(row, col, 0.0, fmt)
        else:
            sheet.write_blank(row, col, None, fmt)


def build_workbook(
    workbook: Workbook,
    company: CompanyInfo,
    partners: Sequence[PartnerExposure],
    today: dt.date,
    lang: str = DEFAULT_LANG,
) -> None:
    """Lay the report out in ``workbook`` (which the caller opens and closes)."""
    labels = labels_for(lang)
    formats = _Formats(workbook)
    workbook.set_properties(
        {
            "title": labels["title"],
            "company": company.name,
            "created": dt.datetime.combine(today, dt.time()),
        }
    )
    sheet = workbook.add_worksheet(labels["sheet_name"])
    columns = columns_for(company)
    last_col = len(columns) - 1

    title_fmt = workbook.add_format({"bold": True, "font_size": 14, "font_name": "Arial"})
    key_fmt = workbook.add_format({"bold": True, "font_name": "Arial", "font_size": 10})
    text_fmt = formats.get("text")
    sheet.write_string(0, 0, labels["title"], title_fmt)
    sheet.write_string(1, 0, labels["company"], key_fmt)
    sheet.write_string(1, 1, company.name, text_fmt)
    sheet.write_string(2, 0, labels["currency"], key_fmt)
    sheet.write_string(2, 1, company.currency, text_fmt)
    sheet.write_string(3, 0, labels["report_date"], key_fmt)
    sheet.write_string(3, 1, today.isoformat(), text_fmt)
    sheet.write_string(4, 0, labels["credit_check"], key_fmt)
    sheet.write_string(4, 1, check_state(company, labels), text_fmt)

    header_fmt = workbook.add_format({"font_name": "Arial", "font_size": 10, **HEADER_STYLE})
    sheet.set_row(HEADER_ROW, 30)
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width)
        sheet.write_string(HEADER_ROW, col, column.heading(labels), header_fmt)

    for offset, partner in enumerate(partners):
        _write_partner_row(sheet, FIRST_DATA_ROW + offset, partner, formats, labels, today, columns)

    count = len(partners)
    totals_row = FIRST_DATA_ROW + count
    _write_totals_row(sheet, totals_row, partners, formats, labels, columns)
    legend_fmt = workbook.add_format({"italic": True, "font_name": "Arial", "font_size": 9})
    sheet.write_string(totals_row + 2, 0, labels["legend"], legend_fmt)

    sheet.freeze_panes(FIRST_DATA_ROW, FROZEN_COLUMNS)
    sheet.autofilter(HEADER_ROW, 0, max(HEADER_ROW, totals_row - 1), last_col)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)


def write_exposure_xlsx(
    path: str | os.PathLike[str],
    company: CompanyInfo,
    partners: Sequence[PartnerExposure],
    today: dt.date,
    lang: str = DEFAULT_LANG,
) -> Path:
    """Write the XLSX report to ``path`` atomically and return the path."""
    target = Path(path)
    with atomic_path(target) as tmp:
        workbook = xlsxwriter.Workbook(
            str(tmp),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        try:
            build_workbook(workbook, company, partners, today, lang)
        except BaseException:
            # Release the workbook; the half-built temp file is then discarded.
            with contextlib.suppress(Exception):
                workbook.close()
            raise
        workbook.close()  # this is what actually writes the file
    return target
