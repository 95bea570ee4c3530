"""Issue 19, items b and f: what the collector reads in Chinese on the worklist and in its
export. The kanban card says how many days an invoice is overdue in Chinese (逾期 N 天);
the invoice number column reads 发票号码 on the screen and in the XLSX export (Odoo's own
"Number" of an invoice reads 数量, a quantity, in zh_CN; an export labels a column by its
field's label, not the list's)."""

import io

import openpyxl
from lxml import etree

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase


@freeze_time("2026-06-01")
@tagged("post_install", "-at_install", "credit_collection")
class TestZhLabels(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["account", "credit_collection"], ["zh_CN"])
        cls.collector.lang = "zh_CN"

    def view(self, model, xmlid, view_type):
        """The view's arch and fields as the web client reads them for the collector."""
        Model = self.env[model].with_user(self.collector).with_context(lang="zh_CN")
        view = self.env.ref(xmlid)
        result = Model.get_views([(view.id, view_type)])
        return etree.fromstring(result["views"][view_type]["arch"]), result["models"][model][
            "fields"
        ]

    def columns(self, model, xmlid):
        """{field: (the list's column label, the export's column label)}: the list shows
        the view's string or the field's; an export (the list's "Export All") the field's."""
        arch, fields = self.view(model, xmlid, "list")
        labels = self.env[model].with_user(self.collector).with_context(lang="zh_CN")
        strings = labels.fields_get(list(fields), ["string"])
        return {
            node.get("name"): (node.get("string") or strings[node.get("name")]["string"],)
            + (strings[node.get("name")]["string"],)
            for node in arch.iter("field")
            if node.get("column_invisible") not in ("1", "True")
        }

    def test_kanban_days_overdue_in_chinese(self):
        arch, _fields = self.view(
            "account.move", "credit_collection.view_move_collection_kanban", "kanban"
        )
        spans = [
            span
            for span in arch.iter("span")
            if span.find("field[@name='collection_days_overdue']") is not None
        ]
        self.assertEqual(len(spans), 1)
        span = spans[0]
        self.assertEqual((span.text, span[0].tail), ("逾期 ", " 天"))
        # the figure the card shows between them, for the collector
        invoice = self.make_invoice(self.customer, 1000, due="2026-05-22")
        self.assertEqual(invoice.with_user(self.collector).collection_days_overdue, 10)

    def test_worklist_invoice_number_column(self):
        columns = self.columns("account.move", "credit_collection.view_move_collection_list")
        self.assertEqual(columns["collection_invoice_number"], ("发票号码", "发票号码"))
        self.assertNotIn("name", columns)
        shown = [label for pair in columns.values() for label in pair]
        self.assertNotIn("数量", shown)
        # the same number as the invoice's own
        invoice = self.make_invoice(self.customer, 1000, due="2026-05-22")
        self.assertEqual(invoice.collection_invoice_number, invoice.name)

    def test_ageing_columns_and_xlsx(self):
        columns = self.columns(
            "credit.collection.ageing", "credit_collection.credit_collection_ageing_view_list"
        )
        self.assertEqual(columns["move_id"], ("单据", "单据"))
        self.assertNotIn("数量", [label for pair in columns.values() for label in pair])
        self.make_invoice(self.customer, 1000, due="2026-05-22")
        wizard = (
            self.env["credit.collection.ageing.wizard"]
            .with_user(self.collector)
            .with_context(lang="zh_CN")
            .create({"as_at": "2026-06-01"})
        )
        wizard.action_export_xlsx()
        sheet = openpyxl.load_workbook(io.BytesIO(wizard._ageing_xlsx())).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertEqual(rows[0][0], "截至 2026年06月01日 的应收账款账龄")
        self.assertNotIn("数量", rows[2])
