from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestAgeing(CollectionCase):
    def test_as_at_with_partial_payments(self):
        inv1 = self.make_invoice(self.customer, 1000, due="2026-03-01")
        inv2 = self.make_invoice(self.customer, 500, due="2026-06-10")
        self.make_invoice(self.customer, 200, move_type="out_refund", due="2026-06-01")
        self.pay(inv1, 300, "2026-05-15")
        self.pay(inv1, 700, "2026-06-20")
        Ageing = self.env["credit.collection.ageing"].with_user(self.collector)

        def rows(day):
            lines = Ageing.with_context(collection_as_at=day).search(
                [("partner_id", "=", self.customer.id), ("company_id", "=", self.company.id)]
            )
            return {
                (line.move_id, line.bucket_id.name, line.days_overdue): line.amount_residual
                for line in lines
            }

        on_may = rows("2026-05-20")
        self.assertEqual(on_may, {(inv1, "31-90", 80): 700.0})
        on_june = rows("2026-06-15")
        self.assertEqual(on_june[(inv1, "90+", 106)], 700.0)
        self.assertEqual(on_june[(inv2, "1-30", 5)], 500.0)
        self.assertEqual(sum(on_june.values()), 700 + 500 - 200)
        after = rows("2026-06-25")
        self.assertNotIn(inv1, [k[0] for k in after], "paid in full by then")
        groups = Ageing.with_context(collection_as_at="2026-06-15")._read_group(
            [("company_id", "=", self.company.id)], ["bucket_id"], ["amount_residual:sum"]
        )
        self.assertEqual(
            {bucket.name: total for bucket, total in groups},
            {"Current": -200.0, "1-30": 500.0, "90+": 700.0},
        )

    @freeze_time("2026-06-30")
    def test_partner_ageing_and_dso(self):
        self.make_invoice(self.customer, 900, due="2026-06-29")  # 1 day overdue
        paid = self.make_invoice(self.customer, 900, due="2026-06-01")
        self.pay(paid, 900, "2026-06-10")
        customer = self.customer.with_company(self.company).with_user(self.collector)
        # open 900 / sales of 90 days 1800 x 90 days
        self.assertAlmostEqual(customer.collection_dso, 45.0)
        self.assertEqual(customer.collection_overdue_count, 1)
        self.assertIn("1-30", customer.collection_ageing_html)
        self.assertIn("DSO", type(customer)._fields["collection_dso"].help)
