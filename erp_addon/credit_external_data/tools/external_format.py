"""The documented exchange format (readme/USAGE.md): one row per customer and report.

The same columns are read by the file provider (providers/file_import.py) and written by
the share export (wizards/credit_external_share_wizard.py) and the template download
(controllers/main.py), so that a file the company shares can be imported back as it is.
"""

import csv
import io

import xlsxwriter

# (key, header of the template): the header in Chinese as the institutions' files have
# it; the key is accepted as a header too
COLUMNS = (
    ("credit_code", "统一社会信用代码"),
    ("source", "来源"),
    ("date", "日期"),
    ("rating", "信用评级"),
    ("registered_capital", "注册资本"),
    ("operating_status", "经营状态"),
    ("dishonest_debtor", "失信被执行人"),
    ("judgment_debtor", "被执行人"),
    ("admin_penalty", "行政处罚"),
    ("abnormal_operation", "经营异常"),
)
REQUIRED = ("credit_code", "date")
# the adverse-record columns: each cell lists the records' numbers (case or decision
# numbers) separated by ";" (or the Chinese "；", "、" or a line break)
ADVERSE_TYPES = [
    ("dishonest_debtor", "Dishonest judgment debtor (失信被执行人)"),
    ("judgment_debtor", "Judgment debtor (被执行人)"),
    ("admin_penalty", "Administrative penalty (行政处罚)"),
    ("abnormal_operation", "Abnormal operation (经营异常)"),
]
ADVERSE_KEYS = tuple(key for key, _label in ADVERSE_TYPES)
SEPARATORS = (";", "；", "、", "\n")
# the operating statuses as the registers write them, and credit_management's keys
OPERATING_STATUS_WORDS = {
    "存续": "active",
    "在业": "active",
    "存续(在业)": "active",
    "存续（在业）": "active",
    "开业": "active",
    "迁出": "moved_out",
    "停业": "suspended",
    "歇业": "suspended",
    "清算": "liquidation",
    "吊销": "revoked",
    "注销": "deregistered",
}
OPERATING_STATUS_OUT = {
    "active": "存续",
    "moved_out": "迁出",
    "suspended": "停业",
    "liquidation": "清算",
    "revoked": "吊销",
    "deregistered": "注销",
}


def split_references(value):
    """The record numbers of one adverse cell, in order, without blanks or repeats."""
    text = str(value or "")
    for sep in SEPARATORS[1:]:
        text = text.replace(sep, SEPARATORS[0])
    seen = []
    for part in text.split(SEPARATORS[0]):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


def rows_as_cells(rows):
    """``rows``: dicts by column key (adverse columns: lists) -> lists of cell values."""
    for row in rows:
        cells = []
        for key, _header in COLUMNS:
            value = row.get(key)
            if key in ADVERSE_KEYS:
                value = ";".join(value or [])
            elif key == "operating_status":
                value = OPERATING_STATUS_OUT.get(value, value or "")
            elif key == "date":
                value = value.isoformat() if value else ""
            elif value is None or value is False:
                value = ""
            cells.append(value)
        yield cells


def write_csv(rows):
    """The rows as a CSV file (UTF-8 with a byte-order mark, as Excel opens it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([header for _key, header in COLUMNS])
    writer.writerows(rows_as_cells(rows))
    return out.getvalue().encode("utf-8-sig")


def write_xlsx(rows):
    """The rows as an XLSX workbook of one sheet."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("征信数据")
    bold = book.add_format({"bold": True})
    for col, (_key, header) in enumerate(COLUMNS):
        sheet.write_string(0, col, header, bold)
        sheet.set_column(col, col, 22 if col in (0, 6, 7, 8, 9) else 14)
    for r, cells in enumerate(rows_as_cells(rows), start=1):
        for col, value in enumerate(cells):
            if isinstance(value, int | float):
                sheet.write_number(r, col, value)
            else:
                sheet.write_string(r, col, str(value))
    book.close()
    return out.getvalue()


def write_file(rows, file_format):
    return write_xlsx(rows) if file_format == "xlsx" else write_csv(rows)
