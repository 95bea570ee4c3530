from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestAccess(CollectionCase):
    def test_collector_cannot_change_credit_limit(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.collector).with_company(self.company).write(
                {"credit_limit": 5000}
            )

    def test_customer_procedure_guarded(self):
        partner = self.customer.with_company(self.company)
        with self.assertRaises(AccessError):
            partner.with_user(self.collector).write({"collection_procedure_id": self.procedure.id})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.salesman).create(
                {"name": "New", "collection_procedure_id": self.procedure.id}
            )
        partner.with_user(self.collection_manager).write(
            {"collection_procedure_id": self.procedure.id}
        )
        self.assertEqual(partner.collection_procedure_id, self.procedure)

    def test_salesperson_cannot_move_stage(self):
        inv = self.make_invoice(self.customer, 100, due="2026-06-01")
        with self.assertRaises(AccessError):
            inv.with_user(self.salesman).action_collection_escalate()
        with self.assertRaises(AccessError):
            inv.with_user(self.salesman).write({"collection_stage_id": self.s_letter.id})
        self.assertFalse(inv.collection_stage_id)
        # a collector moves it into a stage its group owns, not into a manager's stage
        inv.with_user(self.collector).action_collection_escalate()
        self.assertEqual(inv.collection_stage_id, self.s_reminder)
        self.assertEqual(inv.collection_history_ids.event, "manual")
        inv.with_user(self.collector).action_collection_escalate()
        inv.with_user(self.collector).action_collection_escalate()
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        with self.assertRaisesText(AccessError, "belongs to"):
            inv.with_user(self.collector).action_collection_escalate()
        inv.with_user(self.collection_manager).action_collection_escalate()
        self.assertEqual(inv.collection_stage_id, self.s_writeoff)
        with self.assertRaisesExact(UserError, "last stage"):
            inv.with_user(self.collection_manager).action_collection_escalate()

    def test_flow_fields_guarded(self):
        inv = self.make_invoice(self.customer, 100, due="2026-06-01")
        for vals in (
            {"collection_days_overdue": 3},
            {"collection_dunned": True},
            {"collection_cancel_reason": "x"},
            {"collection_bucket_id": self.buckets[1].id},
        ):
            with self.assertRaises(AccessError):
                inv.with_user(self.collection_manager).write(vals)
        with self.assertRaises(AccessError):
            inv.with_user(self.collector).write({"collection_user_id": self.collector.id})
        inv.with_user(self.collection_manager).write({"collection_user_id": self.collector_2.id})
        self.assertEqual(inv.collection_user_id, self.collector_2)
        # create with flow values or a collector is refused; context defaults are ignored
        Move = self.env["account.move"].with_user(self.accountant)
        vals = {
            "move_type": "out_invoice",
            "partner_id": self.customer.id,
            "invoice_line_ids": [Command.create({"name": "x", "quantity": 1, "price_unit": 5})],
        }
        with self.assertRaisesText(AccessError, "set by its workflow"):
            Move.create(dict(vals, collection_dunned=True))
        with self.assertRaisesText(AccessError, "You may not change Collector"):
            Move.create(dict(vals, collection_user_id=self.collector.id))
        move = Move.with_context(default_collection_stage_id=self.s_letter.id).create(vals)
        self.assertFalse(move.collection_stage_id)
        self.assertFalse(move.collection_dunned)
        self.assertFalse(move.collection_user_id)

    def test_letter_state_guarded(self):
        inv = self.make_invoice(self.customer, 100, due="2026-06-01")
        self.run_daily("2026-06-05")
        letter = inv.collection_letter_ids
        self.assertEqual(letter.state, "draft")
        with self.assertRaises(AccessError):
            letter.with_user(self.collector).write({"state": "sent"})
        with self.assertRaises(AccessError):
            letter.with_user(self.salesman).action_send()
        self.assertEqual(letter.state, "draft")

    def test_letters_and_history_not_writable(self):
        with self.assertRaises(AccessError):
            self.env["credit.collection.letter"].with_user(self.manager).create(
                {"partner_id": self.customer.id}
            )
        with self.assertRaises(AccessError):
            self.env["credit.collection.history"].with_user(self.manager).create(
                {
                    "move_id": self.make_invoice(self.customer, 10).id,
                    "event": "paid",
                    "date": "2026-06-01",
                }
            )

    def test_billing_and_readonly_users_still_open_invoices(self):
        inv = self.make_invoice(self.customer, 100, due="2026-06-01")
        inv.invoice_user_id = self.salesman  # a salesperson opens their own documents
        self.run_daily("2026-06-05")
        auditor = new_test_user(
            self.env,
            login="cc_auditor",
            groups="base.group_user,account.group_account_readonly",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        for user in (auditor, self.accountant, self.salesman):
            form_view = self.env.ref("account.view_move_form")
            inv.with_user(user).get_views([(form_view.id, "form")])
            self.assertTrue(inv.with_user(user).read(["name", "amount_residual"]))
        self.assertTrue(inv.with_user(self.salesman).collection_stage_id.name)

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Collections Co"})
        self.assertFalse(
            self.env["credit.collection.procedure"]
            .with_user(self.collector)
            .search([("company_id", "=", other.id)])
        )
        self.assertFalse(
            self.env["credit.collection.bucket"]
            .with_user(self.collector)
            .search([("company_id", "=", other.id)])
        )
        inv = self.make_invoice(self.customer, 100, due="2026-06-01")
        self.run_daily("2026-06-05")
        self.assertTrue(
            self.env["credit.collection.history"]
            .with_user(self.collector)
            .search([("move_id", "=", inv.id)])
        )
        outsider = new_test_user(
            self.env,
            login="cc_outsider",
            groups="base.group_user,credit_management.group_credit_collector",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        self.assertFalse(
            self.env["credit.collection.history"]
            .with_user(outsider)
            .search([("move_id", "=", inv.id)])
        )
        self.assertFalse(self.env["credit.collection.letter"].with_user(outsider).search([]))
