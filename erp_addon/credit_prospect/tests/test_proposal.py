from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ProspectCase


@tagged("post_install", "-at_install")
class TestProposal(ProspectCase):
    def test_salesperson_proposes_the_credit_department_decides(self):
        """The button opens a credit application prefilled with the proposed limit and the
        figures behind it; the salesperson submits it and the credit manager approves it
        through the application's own flow."""
        self.good.with_company(self.company).sudo().credit_due_diligence_date = "2025-01-01"
        row = self.row(self.good, self.seller)
        action = row.action_propose_limit()
        self.assertEqual(action["res_model"], "credit.application")
        form = self.open_form(action, self.seller)
        self.assertEqual(form.partner_id, self.good)
        self.assertEqual(form.application_type, "limit_change")
        self.assertEqual(form.requested_limit, 120_000)
        self.assertIn("Ranking score 93.8; grade A.", form.justification)
        self.assertIn("proposed limit", form.justification)
        application = form.save()
        self.assertRecordValues(
            application,
            [{"state": "draft", "requested_by_id": self.seller.id, "company_id": self.company.id}],
        )
        application.with_user(self.seller).action_submit()
        self.assertEqual(application.state, "submitted")
        # the proposer never decides
        with self.assertRaises(UserError):
            application.with_user(self.seller).action_approve()
        decision = application.with_user(self.manager).action_approve()
        dialog = Form(
            self.env[decision["res_model"]]
            .with_user(self.manager)
            .with_context(**decision["context"])
        )
        dialog.note = "Pays on time, sales growing."
        dialog.save().action_confirm()
        self.assertEqual(application.state, "approved")
        self.assertEqual(self.good.with_company(self.company).sudo().credit_limit, 120_000)
        # the ranking follows: the new limit, a new proposal above it
        self.assertRecordValues(
            self.row(self.good), [{"credit_limit": 120_000, "proposed_limit": 144_000}]
        )

    def test_without_due_diligence_proposes_it(self):
        form = self.open_form(self.row(self.good, self.seller).action_propose_limit(), self.seller)
        self.assertEqual(form.application_type, "due_diligence")

    def test_application_in_progress_is_opened(self):
        first = self.open_form(
            self.row(self.good, self.seller).action_propose_limit(), self.seller
        ).save()
        action = self.row(self.good, self.seller).action_propose_limit()
        self.assertEqual(action["res_id"], first.id)

    def test_only_good_payers(self):
        with self.assertRaisesExact(
            UserError, "Slow Payer Trading Ltd is not a good payer whose limit can be raised"
        ):
            self.row(self.slow, self.seller).action_propose_limit()

    def test_not_for_another_salespersons_customer(self):
        row = self.row(self.good).with_user(self.seller_2)
        with self.assertRaises(AccessError):
            row.action_propose_limit()
