from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.exceptions import CreditCheckBlocked

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestCreditCheck(CollectionCase):
    @freeze_time("2026-06-15")
    def test_blocking_stage_refuses_sale_order(self):
        self.company.write({"credit_check_sale": True, "credit_block_overdue": False})
        self.set_limit(self.customer, 1_000_000, self.grade_a)
        inv = self.make_invoice(self.customer, 1000, due="2026-05-25")
        order = self.make_order(self.customer, 100, user=self.salesman)
        self.run_daily("2026-06-15")  # 21 days overdue
        self.assertEqual(inv.collection_stage_id, self.s_call, "call does not block")
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self.run_daily("2026-06-25")  # 31 days overdue
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        order2 = self.make_order(self.customer, 100, user=self.salesman)
        with self.assertRaisesText(CreditCheckBlocked, "Formal letter"):
            order2.with_user(self.salesman).action_confirm()
        self.assertEqual(order2.state, "draft")
        # a disputed invoice leaves the procedure and blocks nothing
        self.env["credit.collection.dispute"].with_user(self.collector).create(
            {"move_id": inv.id, "reason": "Quality"}
        )
        order2.with_user(self.salesman).action_confirm()
        self.assertEqual(order2.state, "sale")

    @freeze_time("2026-06-15")
    def test_customer_45_days_overdue_blocked_on_the_first_run(self):
        """Issue 16 item 21: a customer 45 days overdue reaches the blocking stage on the
        first run (it used to sit in the reminder stage, escaping the block for days)."""
        self.company.write({"credit_check_sale": True, "credit_block_overdue": False})
        self.set_limit(self.customer, 1_000_000, self.grade_a)
        inv = self.make_invoice(self.customer, 1000, due="2026-05-01")  # 45 days on 06-15
        self.run_daily("2026-06-15")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        self.assertTrue(self.s_letter.blocks_credit)
        order = self.make_order(self.customer, 100, user=self.salesman)
        with self.assertRaisesText(CreditCheckBlocked, "Formal letter"):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")

    @freeze_time("2026-06-15")
    def test_block_preview_reads_stages_for_all_at_once(self):
        """The check's preview for many customers (the ``credit`` command's exposure
        report) gives the blocking stage as a reason, with the same number of queries
        for one customer as for five."""
        self.company.write({"credit_check_sale": True, "credit_block_overdue": False})
        customers = self.env["res.partner"].create(
            [{"name": f"Preview customer {i}", "is_company": True} for i in range(5)]
        )
        for customer in customers:
            self.make_invoice(customer, 100, due="2026-04-01")
        for day in ("2026-06-15", "2026-06-16", "2026-06-17"):
            self.run_daily(day)
        Partner = self.env["res.partner"].with_user(self.collection_manager)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        first = Partner.credit_block_preview(customers[:1].ids, self.company.id)
        queries_one = self.env.cr.sql_log_count - before
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        every = Partner.credit_block_preview(customers.ids, self.company.id)
        queries_five = self.env.cr.sql_log_count - before
        self.assertIn("Formal letter", " ".join(first["reasons"][customers[0].id]))
        for customer in customers:
            self.assertIn("Formal letter", " ".join(every["reasons"][customer.id]))
        self.assertLessEqual(queries_five, queries_one + 2, (queries_one, queries_five))
