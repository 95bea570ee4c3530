from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..exceptions import CreditCheckBlocked
from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestCreditCheck(CreditCommon):
    def setUp(self):
        super().setUp()
        self.set_limit(self.customer, 1000, self.grade_a)

    def test_order_within_limit_confirms(self):
        order = self.make_order(self.contact, 900, user=self.salesman)
        self.assertFalse(order.credit_check_warning)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_order_over_limit_is_blocked_with_figures(self):
        self.make_invoice(self.customer, 700)
        order = self.make_order(self.customer, 400, user=self.salesman)
        self.assertIn("over the credit limit", order.credit_check_warning)
        with self.assertRaises(CreditCheckBlocked) as caught:
            order.with_user(self.salesman).action_confirm()
        message = caught.exception.args[0]
        self.assertIn("1,100.00", message)  # exposure after the order
        self.assertIn("1,000.00", message)  # the limit
        self.assertIn("700.00", message)  # open receivables
        action = caught.exception.args[1]
        self.assertEqual(action["res_model"], "credit.exception.request")
        self.assertEqual(order.state, "draft")

    def test_exception_lets_one_document_through(self):
        order = self.make_order(self.customer, 1500, user=self.salesman)
        wizard = (
            self.env["credit.exception.request"]
            .with_user(self.salesman)
            .with_context(default_res_model="sale.order", default_res_id=order.id)
            .create({"request_note": "customer pays a deposit next week"})
        )
        self.assertIn("over the credit limit", wizard.reasons)
        self.assertAlmostEqual(wizard.amount, 1500)
        wizard.action_request()
        exception = self.env["credit.exception"].search([("res_id", "=", order.id)])
        self.assertEqual(exception.state, "requested")
        self.assertEqual(exception.requested_by_id, self.salesman)
        self.assertTrue(exception.activity_ids)
        # one pending request is enough
        with self.assertRaisesText(UserError, "already has a pending or granted credit exception"):
            self.env["credit.exception.request"].with_user(self.salesman).create(
                {"res_model": "sale.order", "res_id": order.id, "request_note": "again"}
            ).action_request()
        with self.assertRaises(AccessError):
            exception.with_user(self.salesman)._action_decide("approve", "self-service")
        exception.with_user(self.manager)._action_decide("approve", "deposit confirmed")
        self.assertEqual(exception.decided_by_id, self.manager)
        self.assertFalse(order.credit_check_warning)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(exception.state, "used")
        self.assertTrue(exception.used_date)
        # the next order is checked again
        order2 = self.make_order(self.customer, 10, user=self.salesman)
        with self.assertRaises(CreditCheckBlocked):
            order2.with_user(self.salesman).action_confirm()

    def test_exception_does_not_cover_a_larger_amount(self):
        order = self.make_order(self.customer, 1500, user=self.salesman)
        self.env["credit.exception.request"].with_user(self.salesman).create(
            {"res_model": "sale.order", "res_id": order.id, "request_note": "x"}
        ).action_request()
        exception = self.env["credit.exception"].search([("res_id", "=", order.id)])
        exception.with_user(self.manager)._action_decide("approve", "ok")
        order.order_line.price_unit = 5000
        with self.assertRaises(CreditCheckBlocked):
            order.action_confirm()
        self.assertEqual(exception.state, "granted")

    def test_refused_exception_keeps_block(self):
        order = self.make_order(self.customer, 1500, user=self.salesman)
        self.env["credit.exception.request"].with_user(self.salesman).create(
            {"res_model": "sale.order", "res_id": order.id, "request_note": "x"}
        ).action_request()
        exception = self.env["credit.exception"].search([("res_id", "=", order.id)])
        exception.with_user(self.manager)._action_decide("refuse", "no guarantee")
        self.assertEqual(exception.state, "refused")
        with self.assertRaises(CreditCheckBlocked):
            order.action_confirm()

    def test_no_exception_needed_when_passing(self):
        order = self.make_order(self.customer, 10, user=self.salesman)
        wizard = (
            self.env["credit.exception.request"]
            .with_user(self.salesman)
            .create({"res_model": "sale.order", "res_id": order.id, "request_note": "x"})
        )
        with self.assertRaisesText(UserError, "no exception is needed"):
            wizard.action_request()

    def test_prepayment_grade(self):
        self.set_limit(self.customer, 1000, self.grade_c)
        order = self.make_order(self.customer, 100)
        with self.assertRaisesText(CreditCheckBlocked, "prepayment"):
            order.action_confirm()
        # an advance payment covers the order
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.customer.id,
                "amount": 150,
                "journal_id": self.company_data["default_journal_bank"].id,
            }
        )
        payment.action_post()
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_blocked_grade_and_warning_list(self):
        self.set_limit(self.customer, 1000, self.grade_d)
        with self.assertRaisesText(CreditCheckBlocked, "blocks sales"):
            self.make_order(self.customer, 1).action_confirm()
        self.set_limit(self.customer, 1000, self.grade_a)
        self.env["credit.warning.entry"].create(
            {"name": "x", "partner_id": self.customer.id, "reason": "court list"}
        )
        with self.assertRaisesText(CreditCheckBlocked, "warning list"):
            self.make_order(self.contact, 1).action_confirm()

    def test_overdue_tolerance(self):
        self.make_invoice(self.customer, 200, due="2026-05-01")
        with self.assertRaisesText(CreditCheckBlocked, "Overdue receivables"):
            self.make_order(self.customer, 1).action_confirm()
        self.company.credit_overdue_tolerance = 250
        order = self.make_order(self.customer, 1)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_check_can_be_switched_off(self):
        self.company.credit_check_sale = False
        order = self.make_order(self.customer, 5000)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_batch_confirmation_counts_each_order(self):
        orders = self.make_order(self.customer, 600) | self.make_order(self.customer, 600)
        with self.assertRaises(CreditCheckBlocked):
            orders.action_confirm()
        self.assertEqual(set(orders.mapped("state")), {"draft"})

    def test_confirmation_checks_once_after_its_own_work(self):
        """The check of a confirmation (and so the customer's lock) comes once the
        confirmation's own work (``_action_confirm``: deliveries, procurements) is under
        way, not in the write of the state before it, and before the confirmation mail:
        a refused order never mails the customer."""
        SaleOrder = type(self.env["sale.order"])
        events = []
        confirm = SaleOrder._action_confirm
        enforce = SaleOrder._credit_enforce

        def action_confirm(orders):
            events.append(("work", orders.ids))
            return confirm(orders)

        def credit_enforce(orders):
            events.append(("check", orders.ids))
            return enforce(orders)

        def mail(orders):
            events.append(("mail", orders.ids))

        order = self.make_order(self.customer, 400, user=self.salesman)
        over = self.make_order(self.customer, 900, user=self.salesman)
        with (
            patch.object(SaleOrder, "_action_confirm", action_confirm),
            patch.object(SaleOrder, "_credit_enforce", credit_enforce),
            patch.object(SaleOrder, "_send_order_confirmation_mail", mail),
        ):
            order.with_user(self.salesman).with_context(send_email=True).action_confirm()
            self.assertEqual(
                events, [("work", order.ids), ("check", order.ids), ("mail", order.ids)]
            )
            events.clear()
            with self.assertRaisesText(CreditCheckBlocked, "1,300.00"):
                over.with_user(self.salesman).with_context(send_email=True).action_confirm()
        self.assertEqual(events, [("work", over.ids), ("check", over.ids)])
        self.assertEqual(order.state, "sale")
        self.assertEqual(over.state, "draft")

    def test_direct_write_is_checked_at_once(self):
        """Outside a confirmation, writing the state is checked in the write itself."""
        order = self.make_order(self.customer, 1500)
        with self.assertRaisesText(CreditCheckBlocked, "over the credit limit"):
            order.write({"state": "sale"})

    def test_invoice_posting(self):
        self.make_invoice(self.customer, 800)
        small = self.make_invoice(self.customer, 100, post=False)
        small.action_post()
        self.assertEqual(small.state, "posted")
        invoice = self.make_invoice(self.customer, 300, post=False)
        self.assertIn("over the credit limit", invoice.credit_check_warning)
        with self.assertRaisesText(CreditCheckBlocked, "1,200.00"):
            invoice.action_post()
        self.assertEqual(invoice.state, "draft")
        # credit notes are never blocked
        refund = self.make_invoice(self.customer, 100, post=False, move_type="out_refund")
        refund.action_post()
        self.assertEqual(refund.state, "posted")
        # an exception for the invoice
        self.env["credit.exception.request"].create(
            {"res_model": "account.move", "res_id": invoice.id, "request_note": "x"}
        ).action_request()
        exception = self.env["credit.exception"].search([("res_model", "=", "account.move")])
        exception.with_user(self.manager)._action_decide("approve", "ok")
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(exception.state, "used")

    def test_check_query_count_does_not_grow(self):
        small = self.env["res.partner"].create({"name": "Small", "is_company": True})
        big = self.env["res.partner"].create({"name": "Big", "is_company": True})
        for partner, count in ((small, 1), (big, 25)):
            self.set_limit(partner, 10**9, self.grade_a)
            for _i in range(count):
                self.make_invoice(partner, 10)
        orders = [self.make_order(partner, 10) for partner in (small, big)]
        counts = []
        for order in orders + orders:  # the first pass warms Odoo's caches
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.assertFalse(order._credit_check())
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[2], counts[3])
