from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from ..exceptions import CreditCheckBlocked
from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestApplication(CreditCommon):
    def _app(self, amount, app_type="limit_change", user=None, **extra):
        return (
            self.env["credit.application"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "requested_limit": amount,
                    "application_type": app_type,
                    "justification": "regular buyer",
                    "company_id": self.company.id,
                    **extra,
                }
            )
        )

    def limit_of(self):
        """The customer as its credit limit is read in the test company."""
        return self.customer.with_company(self.company).sudo()

    def test_manager_band_approval_writes_odoo_limit(self):
        self.set_limit(self.customer, 0, self.grade_a)
        app = self._app(150_000)
        app.action_submit()
        self.assertEqual(app.state, "submitted")
        self.assertEqual(app.required_level, "manager")
        self.assertEqual(app.grade_id, self.grade_a)
        self.assertTrue(app.activity_ids, "approvers get an activity")
        decision = (
            self.env["credit.decision"]
            .with_user(self.manager)
            .create(
                {
                    "res_model": "credit.application",
                    "res_id": app.id,
                    "decision": "approve",
                    "note": "good payer",
                }
            )
        )
        decision.action_confirm()
        self.assertEqual(app.state, "approved")
        self.assertEqual(app.decided_by_id, self.manager)
        self.assertEqual(app.decision_note, "good payer")
        self.assertTrue(app.decision_date)
        self.assertEqual(self.limit_of().credit_limit, 150_000)
        self.assertTrue(self.limit_of().use_partner_credit_limit)
        self.assertFalse(app.activity_ids)

    def test_committee_needed_above_band(self):
        self.set_limit(self.customer, 0, self.grade_a)
        app = self._app(500_000)
        app.action_submit()
        self.assertEqual(app.required_level, "committee")
        with self.assertRaisesText(AccessError, "Credit committee"):
            app.with_user(self.manager)._action_decide("approve", "ok")
        app.with_user(self.committee)._action_decide("approve", "committee meeting 12")
        self.assertEqual(self.limit_of().credit_limit, 500_000)

    def test_refusal_keeps_limit(self):
        self.set_limit(self.customer, 10_000, self.grade_a)
        app = self._app(90_000)
        app.action_submit()
        app.with_user(self.manager)._action_decide("refuse", "too many overdue")
        self.assertEqual(app.state, "refused")
        self.assertEqual(self.limit_of().credit_limit, 10_000)
        with self.assertRaisesText(UserError, "is not awaiting approval"):
            app.with_user(self.manager_2)._action_decide("approve", "again")

    def test_grade_maximum_and_policy(self):
        self.set_limit(self.customer, 0, self.grade_b)
        app = self._app(150_000)
        app.action_submit()
        with self.assertRaisesText(UserError, "exceeds the maximum limit"):
            app.with_user(self.manager)._action_decide("approve", "ok")
        app.with_user(self.salesman).action_cancel()
        self.set_limit(self.customer, 0, self.grade_c)
        app2 = self._app(1000)
        app2.action_submit()
        with self.assertRaisesText(UserError, "does not allow credit"):
            app2.with_user(self.manager)._action_decide("approve", "ok")

    def limit_in_force(self):
        return self.customer._credit_exposure_figures(self.company)[self.customer.id]["limit"]

    def test_temporary_limit_reverts(self):
        self.set_limit(self.customer, 20_000, self.grade_a)
        app = self._app(80_000, "temporary", expiry_date="2026-06-30")
        app.action_submit()
        app.with_user(self.manager)._action_decide("approve", "season peak")
        self.assertEqual(self.limit_of().credit_limit, 20_000, "the permanent limit stays")
        self.assertEqual(self.limit_in_force(), 80_000)
        self.env["credit.application"]._cron_expire_temporary_limits()
        self.assertEqual(app.state, "approved", "still in force on its last day")
        with freeze_time("2026-07-01"):
            # the check honours the end date before the nightly job runs
            self.assertEqual(self.limit_in_force(), 20_000)
            self.env["credit.application"]._cron_expire_temporary_limits()
        self.assertEqual(app.state, "expired")
        self.assertEqual(self.limit_of().credit_limit, 20_000)

    def test_due_diligence_setting_and_review_date(self):
        self.company.write({"credit_no_limit_policy": "block", "credit_check_sale": True})
        self.set_limit(self.customer, 0, self.grade_a)
        order = self.make_order(self.customer, 100)
        with self.assertRaisesText(CreditCheckBlocked, "a due-diligence credit application"):
            order.action_confirm()
        app = self._app(10_000, "due_diligence")
        app.action_submit()
        app.with_user(self.manager)._action_decide("approve", "visited the plant")
        partner = self.limit_of()
        self.assertEqual(partner.credit_due_diligence_date, fields.Date.to_date("2026-06-15"))
        self.assertEqual(partner.credit_next_review_date, fields.Date.to_date("2027-06-15"))
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        with self.assertRaisesText(UserError, "already passed due diligence"):
            self._app(10_000, "due_diligence").action_submit()

    def test_review_cron_gives_activity_once(self):
        self.customer.with_user(self.analyst).credit_analyst_id = self.analyst
        self.customer.with_company(self.company).sudo().credit_next_review_date = "2026-06-10"
        self.env["res.partner"]._cron_credit_review_due()
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_review")
        activities = self.customer.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.analyst)
        self.env["res.partner"]._cron_credit_review_due()
        self.assertEqual(
            len(self.customer.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)),
            1,
        )

    def test_bad_input(self):
        with self.assertRaisesText(ValidationError, "greater than zero"):
            self._app(-5)
        with self.assertRaisesText(ValidationError, "already past"):
            self._app(1000, "temporary", expiry_date="2026-06-01")
        with self.assertRaisesText(ValidationError, "negative"):
            self.customer.with_company(self.company).sudo().credit_limit = -1
        self.set_limit(self.customer, 0, self.grade_d)
        with self.assertRaisesText(UserError, "blocks sales"):
            self._app(1000).action_submit()
        self.set_limit(self.customer, 0, self.grade_a)
        self.env["credit.warning.entry"].create(
            {"name": self.customer.name, "partner_id": self.customer.id, "reason": "fraud"}
        )
        app = self._app(1000)
        with self.assertRaisesText(UserError, "warning list"):
            app.action_submit()
        self.assertEqual(app.state, "draft", "nothing half-saved")
        self.assertFalse(app.score_id)

    def test_authority_band_validation(self):
        Band = self.env["credit.authority.band"]
        with self.assertRaisesText(ValidationError, "overlap"):
            Band.create(
                {
                    "amount_from": 100_000,
                    "amount_to": 300_000,
                    "level": "manager",
                    "company_id": self.company.id,
                }
            )
        self.band_committee.amount_to = 900_000
        with self.assertRaisesText(ValidationError, "gap"):
            Band.create(
                {
                    "amount_from": 1_000_000,
                    "amount_to": 0,
                    "level": "committee",
                    "company_id": self.company.id,
                }
            )
        self.set_limit(self.customer, 0, self.grade_a)
        app = self._app(950_000)
        with self.assertRaisesText(UserError, "No approval authority band"):
            app.action_submit()
        self.assertEqual(app.state, "draft")
