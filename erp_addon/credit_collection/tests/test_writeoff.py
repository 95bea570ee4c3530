from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

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
        # a credit manager who is an accountant too: the proposer no approval may come from
        cls.senior = new_test_user(
            cls.env,
            login="cc_senior",
            groups="account.group_account_manager,credit_management.group_credit_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _proposal(self, amount=1000, user=None, invoice=None):
        inv = invoice or self.make_invoice(self.customer, amount, due="2026-01-01")
        writeoff = (
            self.env["credit.collection.writeoff"]
            .with_user(user or self.collector)
            .create({"move_id": inv.id, "evidence": "Customer bankrupt, court ruling 2026-123"})
        )
        return inv, writeoff

    def test_two_approvals_then_posted_and_reconciled(self):
        inv, writeoff = self._proposal()
        self.assertEqual(writeoff.state, "draft")
        self.assertEqual(writeoff.proposed_by_id, self.collector)
        self.assertEqual(writeoff.name, "/", "numbered when submitted")
        self.pay(inv, 100, "2026-06-01")  # still a draft: the amount is taken at submission
        writeoff.with_user(self.collector).action_submit()
        self.assertEqual(writeoff.amount, 900)
        self.assertNotEqual(writeoff.name, "/")
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
        self.assertEqual(entry.amount_total, writeoff.amount, "the approved amount is posted")
        self.assertIn(inv.payment_state, ("paid", "in_payment"))
        self.assertTrue(writeoff.manager_id and writeoff.accountant_id)

    def test_create_in_a_decided_state_refused(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-01-01")
        Writeoff = self.env["credit.collection.writeoff"].with_user(self.collector)
        vals = {"move_id": inv.id, "evidence": "Bankrupt"}
        for flow in ({"state": "posted"}, {"manager_id": self.manager.id}, {"amount": 1}):
            with self.assertRaisesExact(AccessError, "set by its workflow"):
                Writeoff.create(dict(vals, **flow))
        writeoff = Writeoff.with_context(
            default_state="posted", default_manager_id=self.manager.id
        ).create(vals)
        self.assertEqual(writeoff.state, "draft", "context defaults ignored")
        self.assertFalse(writeoff.manager_id)

    def test_proposer_gives_neither_approval(self):
        """Issue 16 item 13: whoever proposed (or submitted) a write-off approves neither
        part, even holding both roles."""
        _inv, writeoff = self._proposal(user=self.senior)
        writeoff.with_user(self.senior).action_submit()
        with self.assertRaisesExact(UserError, "was proposed by you"):
            writeoff.with_user(self.senior).action_approve_manager()
        with self.assertRaisesExact(UserError, "was proposed by you"):
            writeoff.with_user(self.senior).action_approve_accountant()
        self.assertFalse(writeoff.manager_id or writeoff.accountant_id)
        # drafted by a collector, submitted by the senior: the senior submitted it
        _inv, other = self._proposal()
        other.with_user(self.senior).action_submit()
        self.assertEqual(other.submitted_by_id, self.senior)
        with self.assertRaisesExact(UserError, "was proposed by you"):
            other.with_user(self.senior).action_approve_manager()
        # others approve
        writeoff.with_user(self.manager).action_approve_manager()
        writeoff.with_user(self.chief_accountant).action_approve_accountant()
        self.assertEqual(writeoff.state, "posted")

    def test_invoice_and_amount_fixed_at_submission(self):
        """Issue 16 item 13: in draft the amount follows the invoice chosen; once submitted
        neither changes, and the entry is for the approved amount or nothing."""
        inv, writeoff = self._proposal(1000)
        other = self.make_invoice(self.customer, 600, due="2026-01-01")
        writeoff.with_user(self.collector).write({"move_id": other.id})
        self.assertEqual(writeoff.amount, 600, "the amount follows the invoice in draft")
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            writeoff.with_user(self.collector).write({"amount": 10})
        writeoff.with_user(self.collector).action_submit()
        with self.assertRaisesExact(UserError, "can no longer be changed"):
            writeoff.with_user(self.collector).write({"move_id": inv.id})
        with self.assertRaisesExact(UserError, "can no longer be changed"):
            writeoff.with_user(self.collector).write({"evidence": "Another story"})
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            writeoff.with_user(self.manager).write({"amount": 10})
        self.pay(other, 200, "2026-06-01")
        self.assertEqual(writeoff.amount, 600, "a payment after submission changes nothing")
        self.assertEqual(writeoff.move_id, other)
        writeoff.with_user(self.manager).action_approve_manager()
        # 400 left open, 600 approved: the approved amount cannot be posted
        with self.assertRaisesExact(UserError, "less than the"):
            writeoff.with_user(self.chief_accountant).action_approve_accountant()
        self.assertFalse(writeoff.writeoff_move_id)
        self.assertEqual(other.payment_state, "partial")

    def test_refused_proposal_stays_on_record(self):
        """Issue 16 item 13: a refused proposal cannot be deleted (a draft can)."""
        _inv, writeoff = self._proposal()
        writeoff.with_user(self.collector).action_submit()
        with self.assertRaisesExact(AccessError, "credit manager or an accountant"):
            writeoff.with_user(self.collector).action_refuse()
        writeoff.with_user(self.chief_accountant).action_refuse()
        self.assertEqual(writeoff.state, "refused")
        self.assertEqual(writeoff.refused_by_id, self.chief_accountant)
        for user in (self.collector, self.manager, self.collection_manager):
            with self.assertRaisesExact(UserError, "record of a decision"):
                writeoff.with_user(user).unlink()
        self.assertTrue(writeoff.exists())
        _inv, draft = self._proposal()
        draft.with_user(self.collector).unlink()
        self.assertFalse(draft.exists())

    def test_roles_and_guards(self):
        inv, writeoff = self._proposal()
        writeoff.with_user(self.collector).action_submit()
        with self.assertRaisesExact(AccessError, "Only a credit manager approves"):
            writeoff.with_user(self.collector).action_approve_manager()
        with self.assertRaisesExact(AccessError, "Only an accountant approves"):
            writeoff.with_user(self.collector).action_approve_accountant()
        with self.assertRaisesExact(AccessError, "Only a credit manager approves"):
            writeoff.with_user(self.chief_accountant).action_approve_manager()
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            writeoff.with_user(self.manager).write({"state": "posted"})
        # one person with both roles still cannot give both approvals
        self.manager.groups_id |= self.env.ref("account.group_account_manager")
        writeoff.with_user(self.manager).action_approve_manager()
        with self.assertRaisesExact(UserError, "same person"):
            writeoff.with_user(self.manager).action_approve_accountant()
        self.assertFalse(writeoff.writeoff_move_id)
        self.assertEqual(inv.payment_state, "not_paid")

    def test_paid_invoice_refused(self):
        inv = self.make_invoice(self.customer, 300, due="2026-01-01")
        self.pay(inv, 300, "2026-06-01")
        with self.assertRaisesExact(ValidationError, "nothing to write off"):
            self.env["credit.collection.writeoff"].with_user(self.collector).create(
                {"move_id": inv.id, "evidence": "x"}
            )
        # paid between proposal and approval: refused at posting, nothing posted
        inv2, writeoff = self._proposal(200)
        writeoff.with_user(self.collector).action_submit()
        writeoff.with_user(self.manager).action_approve_manager()
        self.pay(inv2, 200, "2026-06-01")
        with self.assertRaisesExact(ValidationError, "nothing to write off"):
            writeoff.with_user(self.chief_accountant).action_approve_accountant()

    def test_missing_settings(self):
        self.company.collection_writeoff_account_id = False
        _inv, writeoff = self._proposal()
        writeoff.with_user(self.collector).action_submit()
        writeoff.with_user(self.manager).action_approve_manager()
        with self.assertRaisesExact(UserError, "settings"):
            writeoff.with_user(self.chief_accountant).action_approve_accountant()
        self.assertFalse(writeoff.accountant_id, "nothing half-saved")
