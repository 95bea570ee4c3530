from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_supplier.tests.common import TODAY, SupplierCase


class OnTimeCase(SupplierCase):
    """Two receipts of the supplier done today: one by its planned day, one late. Days
    relative to the clock (the tour runs on a real one)."""

    @classmethod
    def receive(cls, order):
        picking = order.picking_ids
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.button_validate()
        return picking

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.today = now.date()
        cls.period = (cls.today - timedelta(days=180), cls.today)
        on_time = cls.purchase(cls.supplier, 100, confirm=False)
        on_time.order_line.date_planned = now + timedelta(days=5)
        late = cls.purchase(cls.supplier, 100, confirm=False)
        late.order_line.date_planned = now - timedelta(days=14)
        (on_time | late).button_confirm()
        cls.receipts = cls.receive(on_time) | cls.receive(late)


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestOnTime(OnTimeCase):
    def test_on_time_rate(self):
        """Receipts done by the day their order lines planned are on time (SQL,
        sql/credit_supplier_on_time.sql)."""
        self.assertEqual(self.receipts.mapped("state"), ["done", "done"])
        figures = self.supplier._credit_supplier_figures(self.company, *self.period)
        self.assertEqual(figures[self.supplier.id]["receipt_count"], 2)
        self.assertEqual(figures[self.supplier.id]["on_time_rate"], 50.0)
        evaluation = self.evaluation(date_from=self.period[0], date_to=self.period[1])
        evaluation.action_compute_figures()
        line = evaluation.line_ids.filtered(lambda line: line.source == "on_time_rate")
        self.assertEqual(line.value_display, "50.00")
        self.assertEqual(line.points, 0.0)  # [0, 60) -> 0

    def test_no_receipt_no_figure(self):
        other = self.env["res.partner"].create({"name": "Hongda", "is_company": True})
        figures = other._credit_supplier_figures(self.company, *self.period)
        self.assertNotIn("on_time_rate", figures[other.id])
