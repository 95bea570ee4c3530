from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import CreditCase


@tagged("post_install", "-at_install", "credit_management")
class TestCreditTour(CreditCase, HttpCase):
    def test_salesperson_exception_flow(self):
        self.set_limit(self.customer, 1000, self.grade_a)
        order = self.make_order(self.customer, 1800, user=self.salesman)
        order.user_id = self.salesman
        url = f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}"
        self.start_tour(url, "credit_management_request_exception", login="cm_sales")
        exception = self.env["credit.exception"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
        )
        self.assertEqual(exception.state, "requested")
        self.assertEqual(exception.requested_by_id, self.salesman)
        self.assertEqual(exception.request_note, "Deposit of 50% arrives on Monday")
        self.assertEqual(order.state, "draft")

        exception.with_user(self.manager)._action_decide("approve", "deposit seen")
        self.start_tour(url, "credit_management_confirm_after_exception", login="cm_sales")
        self.assertEqual(order.state, "sale")
        self.assertEqual(exception.state, "used")


@tagged("post_install", "-at_install", "credit_management")
class TestOverviewTour(CreditCase, HttpCase):
    def test_overview_to_documents(self):
        customer = self.env["res.partner"].create(
            {"name": "Overview Customer", "is_company": True, "customer_rank": 1}
        )
        self.set_limit(customer, 1000, self.grade_a)
        due = fields.Date.add(fields.Date.today(), days=30)
        self.make_invoice(customer, 950, due=due)
        self.manager.groups_id |= self.env.ref("account.group_account_invoice")
        self.start_tour(
            "/odoo/action-credit_management.action_credit_overview",
            "credit_management_overview",
            login="cm_manager",
        )
