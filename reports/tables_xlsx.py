"""Plain tabular workbooks: training records, HR's annual export, ageing.

Each sheet is a title, a subtitle, a bilingual header row and typed rows (text
stays text, numbers stay numbers with a format, empty stays empty); totals are
SUM formulas. Written in constant-memory mode, atomically.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from xlsxwriter.utility import xl_rowcol_to_cell

from .workbook import open_workbook, sheet_name

Kind = Literal["text", "int", "number", "money", "date", "flag"]
HEADER_ROW = 3

_NUM_FORMATS = {"int": "0", "number": "0.0", "money": "#,##0.00", "date": "yyyy-mm-dd"}


@dataclass(frozen=True)
class Col:
    header: str
    kind: Kind = "text"
    width: int = 14
    summed: bool = False


@dataclass
class Table:
    name: str
    title: str
    subtitle: str
    columns: Sequence[Col]
    rows: Sequence[Sequence[Any]]
    highlight: Sequence[bool] = field(default_factory=list)
    empty_text: str = "无 None"


def write_tables(path: str | os.PathLike[str], tables: Sequence[Table], title: str) -> Path:
    """Write every table on its own sheet; return the path."""
    target = Path(path)
    with open_workbook(target) as workbook:
        workbook.set_properties({"title": title})
        base = {"font_name": "Arial", "font_size": 10}
        bad = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
        fmt: dict[tuple[str, bool], Any] = {}
        for kind in ("text", "int", "number", "money", "date", "flag"):
            for hl in (False, True):
                props = dict(base)
                if kind in _NUM_FORMATS:
                    props["num_format"] = _NUM_FORMATS[kind]
                if kind == "flag":
                    props["align"] = "center"
                if hl:
                    props.update(bad)
                fmt[(kind, hl)] = workbook.add_format(props)
        title_fmt = workbook.add_format({**base, "bold": True, "font_size": 14})
        header_fmt = workbook.add_format(
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
        total_fmt = {
            kind: workbook.add_format(
                {
                    **base,
                    "bold": True,
                    "top": 1,
                    "bottom": 6,
                    **({"num_format": _NUM_FORMATS[kind]} if kind in _NUM_FORMATS else {}),
                }
            )
            for kind in ("text", "int", "number", "money")
        }
        taken: set[str] = set()
        for table in tables:
            sheet = workbook.add_worksheet(sheet_name(table.name, taken))
            sheet.write_string(0, 0, table.title, title_fmt)
            sheet.write_string(1, 0, table.subtitle, fmt[("text", False)])
            sheet.set_row(HEADER_ROW, 30)
            for col, column in enumerate(table.columns):
                sheet.set_column(col, col, column.width)
                sheet.write_string(HEADER_ROW, col, column.header, header_fmt)
            row = HEADER_ROW
            for index, values in enumerate(table.rows):
                row += 1
                hl = bool(table.highlight[index]) if index < len(table.highlight) else False
                for col, (column, value) in enumerate(zip(table.columns, values, strict=True)):
                    cell_fmt = fmt[(column.kind, hl)]
                    if value is None or value == "":
                        sheet.write_blank(row, col, None, cell_fmt)
                    elif column.kind == "flag":
                        if value:
                            sheet.write_string(row, col, "✓", cell_fmt)
                        else:
                            sheet.write_blank(row, col, None, cell_fmt)
                    elif column.kind == "date":
                        moment = dt.datetime.fromisoformat(str(value)[:10])
                        sheet.write_datetime(row, col, moment, cell_fmt)
                    elif column.kind in ("int", "number", "money"):
                        sheet.write_number(row, col, float(value), cell_fmt)
                    else:
                        sheet.write_string(row, col, str(value), cell_fmt)
            if not table.rows:
                row += 1
                sheet.write_string(row, 0, table.empty_text, fmt[("text", False)])
            elif any(c.summed for c in table.columns):
                row += 1
                count = len(table.rows)
                for col, column in enumerate(table.columns):
                    if col == 0:
                        sheet.write_string(row, col, "合计 Total", total_fmt["text"])
                    elif column.summed:
                        value = sum(float(r[col] or 0) for r in table.rows)
                        first = xl_rowcol_to_cell(HEADER_ROW + 1, col)
                        last = xl_rowcol_to_cell(HEADER_ROW + count, col)
                        sheet.write_formula(
                            row, col, f"=SUM({first}:{last})", total_fmt[column.kind], value
                        )
                    else:
                        sheet.write_blank(row, col, None, total_fmt["text"])
            sheet.freeze_panes(HEADER_ROW + 1, 1)
            if table.rows:
                sheet.autofilter(
                    HEADER_ROW, 0, HEADER_ROW + len(table.rows), len(table.columns) - 1
                )
            sheet.set_landscape()
            sheet.set_paper(9)
            sheet.fit_to_pages(1, 0)
    return target
