import base64
import csv
import io

import xlsxwriter
from stdnum.cn import uscc

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.credit_management.tests.common import CreditCase

HEADER = (
    "统一社会信用代码",
    "来源",
    "日期",
    "信用评级",
    "注册资本",
    "经营状态",
    "失信被执行人",
    "被执行人",
    "行政处罚",
    "经营异常",
)


def code(number):
    """A valid unified social credit code, different for each number."""
    base = f"91310000MA1X{number:05d}"
    return base + uscc.calc_check_digit(base)


def csv_file(rows, header=HEADER):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(list(header))
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def xlsx_file(rows, header=HEADER):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, cells in enumerate([header, *rows]):
        for c, value in enumerate(cells):
            sheet.write(r, c, value)
    book.close()
    return out.getvalue()


class ExternalCase(CreditCase):
    """The credit test company with three customers holding credit codes, their analyst,
    and helpers building files in the documented format."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.analyst_2 = new_test_user(
            cls.env,
            login="ce_analyst2",
            groups="base.group_user,credit_management.group_credit_analyst",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        Partner = cls.env["res.partner"]
        cls.alpha = Partner.create(
            {
                "name": "Alpha Steel Ltd",
                "is_company": True,
                "customer_rank": 1,
                "credit_code": code(1),
                "credit_registered_capital": 1_000_000,
                "credit_operating_status": "active",
                "credit_analyst_id": cls.analyst_2.id,
            }
        )
        cls.beta = Partner.create(
            {
                "name": "Beta Trading Ltd",
                "is_company": True,
                "customer_rank": 1,
                "credit_code": code(2),
            }
        )
        cls.gamma = Partner.create(
            {
                "name": "Gamma Textiles Ltd",
                "is_company": True,
                "customer_rank": 1,
                "credit_code": code(3),
            }
        )

    @classmethod
    def make_import(cls, content, file_name="bank.csv", user=None, **vals):
        values = {
            "source_name": "Bank of Testing",
            "source_type": "bank",
            "file_data": base64.b64encode(content),
            "file_name": file_name,
        }
        values.update(vals)
        return cls.env["credit.external.import"].with_user(user or cls.analyst).create(values)

    def good_rows(self):
        return [
            [code(1), "", "2026-06-01", "AA", "2000000", "存续", "", "(2026)沪01执1号", "", ""],
            [
                code(2),
                "Association X",
                "2026-06-01",
                "B",
                "",
                "吊销",
                "(2026)沪01执2号",
                "",
                "",
                "",
            ],
            [code(9), "", "2026-06-01", "A", "500000", "", "", "", "", ""],
        ]

    def lines(self, imp, status):
        return imp.line_ids.filtered(lambda line: line.status == status)
