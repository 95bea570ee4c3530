"""The first provider: a file in the documented format (XLSX or CSV) the user uploads."""

import csv
import datetime
import io
import re

from odoo import fields
from odoo.exceptions import UserError

from odoo.addons.credit_management.models.res_partner import OPERATING_STATUSES, uscc_error

from ..tools.external_format import (
    ADVERSE_KEYS,
    COLUMNS,
    OPERATING_STATUS_WORDS,
    REQUIRED,
    split_references,
)
from .base import ExternalProvider, ExternalRow, RowError, register

DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日")
MAX_RATING = 20


def _norm(header):
    return re.sub(r"\s+", "", str(header or "")).lower()


HEADERS = {}
for _key, _header in COLUMNS:
    HEADERS[_norm(_key)] = _key
    HEADERS[_norm(_header)] = _key
STATUS_KEYS = {key for key, _label in OPERATING_STATUSES}


@register
class FileImportProvider(ExternalProvider):
    code = "file"
    kind = "file"

    def label(self):
        return self.env._("File import (XLSX/CSV)")

    # ---------------------------------------------------------------- reading
    def parse(self, content, filename):
        table = self._read_table(content, filename or "")
        if not table:
            raise UserError(self.env._("The file is empty."))
        header, *body = table
        columns, errors = self._columns(header)
        rows = []
        for number, cells in enumerate(body, start=2):
            if not any(str(c).strip() for c in cells if c is not None):
                continue  # a blank line
            values = {key: cells[i] if i < len(cells) else None for key, i in columns.items()}
            row, row_errors = self._row(number, values, header, columns)
            errors += row_errors
            if row is not None and not row_errors:
                rows.append(row)
        return rows, errors

    def _read_table(self, content, filename):
        if filename.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
            return self._read_xlsx(content)
        if filename.lower().endswith(".xls"):
            raise UserError(self.env._("Save the workbook as .xlsx or .csv: .xls is not read."))
        return self._read_csv(content)

    def _read_xlsx(self, content):
        import openpyxl  # noqa: PLC0415 (only when a workbook is read)

        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:
            raise UserError(
                self.env._("The file cannot be read as an XLSX workbook: %(error)s", error=exc)
            ) from exc
        try:
            return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()

    def _read_csv(self, content):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UserError(self.env._("The CSV file is neither UTF-8 nor GB18030 text."))
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return [row for row in csv.reader(io.StringIO(text), dialect)]

    def _columns(self, header):
        """``({key: index}, errors)``: the documented columns found in the header."""
        columns, errors = {}, []
        for index, cell in enumerate(header):
            key = HEADERS.get(_norm(cell))
            if key and key not in columns:
                columns[key] = index
            elif cell not in (None, "") and not key:
                errors.append(RowError(1, str(cell), self.env._("Unknown column: it is not read.")))
        missing = [key for key in REQUIRED if key not in columns]
        if missing:
            headers = dict(COLUMNS)
            raise UserError(
                self.env._(
                    "The file lacks the required columns: %(columns)s. Download the "
                    "template for the format.",
                    columns=", ".join(headers[key] for key in missing),
                )
            )
        return columns, errors

    # ---------------------------------------------------------------- one row
    def _row(self, number, values, header, columns):
        errors = []

        def error(key, message):
            errors.append(RowError(number, str(header[columns[key]]), message))

        code = str(values.get("credit_code") or "").strip().upper()
        if not code:
            error("credit_code", self.env._("The unified social credit code is missing."))
        else:
            reason = uscc_error(self.env, code)
            if reason:
                error("credit_code", reason)
        date = self._date(values.get("date"))
        if date is None:
            error(
                "date",
                self.env._("The date is missing or not a date (write it as 2026-06-15)."),
            )
        elif date > fields.Date.context_today(self.env["res.users"]):
            error("date", self.env._("The date %(date)s is in the future.", date=date))
        rating = str(values.get("rating") or "").strip()
        if len(rating) > MAX_RATING:
            error(
                "rating",
                self.env._("A rating has at most %(max)s characters.", max=MAX_RATING),
            )
        capital = None
        raw = values.get("registered_capital")
        if raw not in (None, ""):
            capital = self._number(raw)
            if capital is None or capital < 0:
                error(
                    "registered_capital",
                    self.env._("The registered capital is not an amount: %(value)s", value=raw),
                )
        status = ""
        raw = str(values.get("operating_status") or "").strip()
        if raw:
            status = OPERATING_STATUS_WORDS.get(raw) or (raw if raw in STATUS_KEYS else "")
            if not status:
                error(
                    "operating_status",
                    self.env._(
                        "Unknown operating status %(value)s "
                        "(存续, 迁出, 停业, 清算, 吊销 or 注销).",
                        value=raw,
                    ),
                )
        adverse = {key: split_references(values.get(key)) for key in ADVERSE_KEYS}
        if errors:
            return None, errors
        return (
            ExternalRow(
                row=number,
                credit_code=code,
                date=date,
                source=str(values.get("source") or "").strip(),
                rating=rating,
                registered_capital=capital,
                operating_status=status,
                adverse={key: refs for key, refs in adverse.items() if refs},
            ),
            [],
        )

    @staticmethod
    def _date(value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value or "").strip()
        for fmt in DATE_FORMATS:  # the template's form (2026-06-15) first
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None

    @staticmethod
    def _number(value):
        if isinstance(value, int | float):
            return float(value)
        text = str(value).strip().replace(",", "").replace("，", "")
        factor = 1.0
        if text.endswith("万元") or text.endswith("万"):
            text, factor = text.rstrip("元").rstrip("万"), 10_000.0
        elif text.endswith("元"):
            text = text[:-1]
        try:
            return float(text) * factor
        except ValueError:
            return None
