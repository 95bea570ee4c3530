from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestAccess(CreditCommon):
    def _application(self, user, amount=50_000):
        return (
            self.env["credit.application"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "requested_limit": amount,
                    "justification": "steady buyer",
                    "company_id": self.company.id,
                }
            )
        )

    def test_salesperson_cannot_change_credit_limit(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.salesman).write({"credit_limit": 1_000_000})
        # not even a billing user, who may see Odoo's own limit field
        with self.assertRaises(AccessError):
            self.customer.with_user(self.accountant).write({"credit_limit": 1_000_000})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.accountant).create(
                {"name": "New", "credit_limit": 5000}
            )
        with self.assertRaises(AccessError):
            self.customer.with_user(self.salesman).write({"credit_grade_id": self.grade_a.id})

    def test_salesperson_cannot_approve_or_grant(self):
        app = self._application(self.analyst)
        app.with_user(self.analyst).action_submit()
        with self.assertRaises(AccessError):
            app.with_user(self.salesman)._action_decide("approve", "ok")
        # nor write the decision fields directly
        with self.assertRaises(AccessError):
            app.with_user(self.salesman).write({"state": "approved"})
        self.assertEqual(app.state, "submitted")
        self.assertEqual(self.customer.with_company(self.company).sudo().credit_limit, 0)

    def test_salesperson_cannot_forge_a_granted_exception(self):
        self.set_limit(self.customer, 50)
        order = self.make_order(self.customer, 100, user=self.salesman)
        Exception_ = self.env["credit.exception"].with_user(self.salesman)
        document = {"res_model": "sale.order", "res_id": order.id, "request_note": "please"}
        # a value of the check's or of the decision is refused (credit.guard.mixin)
        for forged in (
            {"amount": 1_000_000},
            {"credit_limit": 1e9},
            {"reasons": "made up"},
            {"state": "granted"},
            {"requested_by_id": self.manager.id},
        ):
            with self.subTest(forged=forged):
                with self.assertRaisesText(AccessError, "set by its workflow"):
                    Exception_.create(dict(document, **forged))
        # context defaults are ignored
        exception = Exception_.with_context(
            default_state="granted", default_decided_by_id=self.manager.id
        ).create(dict(document, partner_id=self.customer.id, company_id=self.company.id))
        self.assertEqual(exception.state, "requested")
        self.assertFalse(exception.decided_by_id)
        self.assertEqual(exception.requested_by_id, self.salesman)
        # the figures are the check's own, not the requester's
        self.assertEqual(exception.amount, 100)
        self.assertEqual(exception.credit_limit, 50)
        self.assertIn("over the credit limit", exception.reasons)
        with self.assertRaises(AccessError):
            exception.with_user(self.salesman).write({"state": "granted"})

    def test_nobody_approves_their_own_application(self):
        app = self._application(self.manager)
        app.with_user(self.manager).action_submit()
        with self.assertRaisesText(AccessError, "own"):
            app.with_user(self.manager)._action_decide("approve", "mine")
        with self.assertRaisesText(AccessError, "own"):
            app.with_user(self.manager).action_approve()
        app.with_user(self.manager_2)._action_decide("approve", "checked")
        self.assertEqual(app.state, "approved")

    def test_analyst_keeps_files_but_not_limits(self):
        self.customer.with_user(self.analyst).write(
            {"credit_legal_representative": "Wang Fang", "credit_operating_status": "active"}
        )
        self.assertEqual(self.customer.credit_legal_representative, "Wang Fang")
        with self.assertRaises(AccessError):
            self.customer.with_user(self.salesman).write({"credit_legal_representative": "X"})
        with self.assertRaises(AccessError):
            self.customer.with_user(self.analyst).write({"credit_limit": 10})
        with self.assertRaises(AccessError):
            self.grade_a.with_user(self.analyst).write({"max_credit_limit": 1})

    def test_hr_sees_no_credit_data(self):
        self._application(self.analyst)
        for model in (
            "credit.application",
            "credit.exception",
            "credit.grade",
            "credit.exposure.line",
            "credit.warning.entry",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.hr_user).search([])

    def test_manager_cannot_configure_outside_role(self):
        with self.assertRaises(AccessError):
            self.env["credit.authority.band"].with_user(self.analyst).create(
                {"amount_from": 0, "amount_to": 1, "level": "manager"}
            )
        with self.assertRaises(AccessError):
            self.env["credit.decision"].with_user(self.salesman).create(
                {"res_model": "credit.application", "res_id": 1, "decision": "approve", "note": "x"}
            )

    def test_multi_company_rule(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        app = (
            self.env["credit.application"]
            .sudo()
            .create(
                {
                    "partner_id": self.customer.id,
                    "requested_limit": 10,
                    "justification": "x",
                    "company_id": other.id,
                }
            )
        )
        visible = self.env["credit.application"].with_user(self.manager).search([])
        self.assertNotIn(app, visible)

    def test_new_company_gets_the_shipped_configuration(self):
        template = self.env.ref("base.main_company")
        new = self.env["res.company"].create({"name": "Branch Co"})
        Grade = self.env["credit.grade"].sudo()
        shipped = Grade.search([("company_id", "=", template.id)]).mapped("code")
        self.assertTrue(shipped)
        self.assertEqual(
            sorted(Grade.search([("company_id", "=", new.id)]).mapped("code")), sorted(shipped)
        )
        Band = self.env["credit.authority.band"].sudo()
        self.assertEqual(Band._band_for_amount(10**9, new).level, "committee")
        model = new.sudo().credit_score_model_id
        self.assertEqual(model.company_id, new)
        self.assertTrue(model.factor_ids.range_ids)
