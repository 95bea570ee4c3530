from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestWriteoff(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "collection_writeoff_account_id": cls.company_data["default_account_expense"].id,
                "collection_writeoff_journal_id": cls.company_data["default_journal_misc"].id,
            }
        )

    def _proposal(self, amount=1000):
        inv = self.make_invoice(self.customer, amount, due="2026-01-01")
        writeoff = (
            self.env["credit.collection.writeoff"]
            .with_user(self.collector)
            .create(
                {
                    "move_id": inv.id,
                    "evidence": "Customer bankrupt, court ruling 2026-123",
                    "state": "posted",
                    "manager_id": self.manager.id,
                }
            )
        )
        return inv, writeoff

    def test_two_approvals_then_posted_and_reconciled(self):
        inv, writeoff = self._proposal()
        self.assertEqual(writeoff.state, "draft", "flow fields forced on create")
        self.assertFalse(writeoff.manager_id)
        writeoff.with_user(self.collector).action_submit()
        self.pay(inv, 100, "2026-06-01")
        writeoff.with_user(self.manager).action_approve_manager()
        self.assertEqual(writeoff.state, "submitted")
        self.assertFalse(writeoff.writeoff_move_id, "nothing posted before both approvals")
        self.assertEqual(inv.payment_state, "partial")
        writeoff.with_user(self.chief_accountant).action_approve_accountant()
        self.assertEqual(writeoff.state, "posted")
        entry = writeoff.writeoff_move_id
        self.assertEqual(entry.state, "posted")
        self.assertEqual(
            entry.line_ids.filtered(lambda line: line.debit).account_id,
            self.company_data["default_account_expense"],
        )
        self.assertEqual(entry.amount_total, 900)
        self.assertIn(inv.payment_state, ("paid", "in_payment"))
        self.assertTrue(writeoff.manager_id and writeoff.accountant_id)

    def test_roles_and_guards(self):
        inv, writeoff = self._proposal()
        writeoff.with_user(self.collector).action_submit()
        with self.assertRaises(AccessError):
            writeoff.with_user(self.collector).action_approve_manager()
        with self.assertRaises(AccessError):
            writeoff.with_user(self.collector).action_approve_accountant()
        with self.assertRaises(AccessError):
            writeoff.with_user(self.chief_accountant).action_approve_manager()
        with self.assertRaises(AccessError):
            writeoff.with_user(self.manager).write({"state": "posted"})
        # one person with both roles still cannot give both approvals
        self.manager.groups_id |= self.env.ref("account.group_account_manager")
        writeoff.with_user(self.manager).action_approve_manager()
        with self.assertRaisesText(UserError, "same person"):
            writeoff.with_user(self.manager).action_approve_accountant()
        self.assertFalse(writeoff.writeoff_move_id)
        self.assertEqual(inv.payment_state, "not_paid")

    def test_paid_invoice_refused(self):
        inv = self.make_invoice(self.customer, 300, due="2026-01-01")
        self.pay(inv, 300, "2026-06-01")
        with self.assertRaisesText(ValidationError, "nothing to write off"):
            self.env["credit.collection.writeoff"].with_user(self.collector).create(
                {"move_id": inv.id, "evidence": "x"}
            )
        # paid between proposal and approval: refused at posting, nothing posted
        inv2, writeoff = self._proposal(200)
        writeoff.with_user(self.collector).action_submit()
        writeoff.with_user(self.manager).action_approve_manager()
        self.pay(inv2, 200, "2026-06-01")
        with self.assertRaisesText(ValidationError, "nothing to write off"):
            writeoff.with_user(self.chief_accountant).action_approve_accountant()

    def test_missing_settings(self):
        self.company.collection_writeoff_account_id = False
        _inv, writeoff = self._proposal()
        writeoff.with_user(self.collector).action_submit()
        writeoff.with_user(self.manager).action_approve_manager()
        with self.assertRaisesText(UserError, "settings"):
            writeoff.with_user(self.chief_accountant).action_approve_accountant()
        self.assertFalse(writeoff.accountant_id, "nothing half-saved")
