from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import RestructuringCase


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestApproval(RestructuringCase):
    def test_submit_then_approved_by_the_band(self):
        inv = self.make_invoice(self.debtor, 9000, due="2026-04-01")
        agreement = self.propose(inv, [("2026-07-15", 4500), ("2026-08-15", 4500)])
        self.assertRecordValues(
            agreement,
            [
                {
                    "state": "draft",
                    "proposed_by_id": self.collector.id,
                    "amount_restructured": 9000.0,
                    "amount_to_pay": 9000.0,
                }
            ],
        )
        self.assertTrue(agreement.name.startswith("DR/"), "numbered from its sequence")
        # only its proposer submits
        with self.assertRaisesExact(AccessError, "Only its proposer may submit"):
            agreement.with_user(self.collector_2).action_submit()
        agreement.with_user(self.collector).action_submit()
        self.assertRecordValues(agreement, [{"state": "submitted", "required_level": "manager"}])
        self.assertIn(self.manager, agreement.activity_ids.user_id)
        self.assertNotIn(self.collector, agreement.activity_ids.user_id)
        self.assertTrue(agreement.with_user(self.manager).awaiting_my_decision)
        # a collector is not of the band
        with self.assertRaisesExact(AccessError, "must be approved by: Credit manager"):
            agreement.with_user(self.collector_2).action_approve()
        self.approve(agreement, self.manager, note="Feasible")
        self.assertRecordValues(
            agreement,
            [
                {
                    "state": "active",
                    "decided_by_id": self.manager.id,
                    "decision_note": "Feasible",
                }
            ],
        )
        self.assertFalse(agreement.activity_ids)
        self.assertEqual(inv.collection_restructuring_id, agreement)
        self.assertEqual(inv.collection_status, "Under restructuring")
        self.assertIn("restructured", inv.sudo().collection_history_ids.mapped("event"))

    def test_nobody_approves_their_own(self):
        inv = self.make_invoice(self.debtor, 9000, due="2026-04-01")
        # a credit manager proposing (managers are collectors too) cannot approve it
        agreement = self.propose(inv, [("2026-07-15", 9000)], user=self.manager)
        agreement.with_user(self.manager).action_submit()
        with self.assertRaisesExact(AccessError, "was proposed by you"):
            agreement.with_user(self.manager).action_approve()
        with self.assertRaisesExact(AccessError, "was proposed by you"):
            agreement.with_user(self.manager)._action_decide("approve", "mine")
        self.assertEqual(agreement.state, "submitted")
        self.assertFalse(agreement.with_user(self.manager).awaiting_my_decision)
        self.approve(agreement, self.manager_2)
        self.assertEqual(agreement.state, "active")

    def test_committee_band_and_refusal(self):
        inv = self.make_invoice(self.debtor, 250_000, due="2026-04-01")
        agreement = self.propose(inv, [("2026-07-15", 250_000)])
        agreement.with_user(self.collector).action_submit()
        self.assertEqual(agreement.required_level, "committee")
        with self.assertRaisesExact(AccessError, "must be approved by: Credit committee"):
            agreement.with_user(self.manager).action_approve()
        action = agreement.with_user(self.committee).action_refuse()
        self.open_dialog(action, self.committee, note="Too risky").action_confirm()
        self.assertRecordValues(
            agreement, [{"state": "refused", "decided_by_id": self.committee.id}]
        )
        self.assertFalse(inv.collection_restructuring_id)
        with self.assertRaisesExact(UserError, "not awaiting approval"):
            agreement.with_user(self.committee).action_approve()

    def test_cancel_and_back_to_draft(self):
        inv = self.make_invoice(self.debtor, 900, due="2026-04-01")
        agreement = self.propose(inv, [("2026-07-15", 900)])
        agreement.with_user(self.collector).action_submit()
        with self.assertRaisesExact(AccessError, "Only its proposer or a credit manager"):
            agreement.with_user(self.collector_2).action_cancel()
        agreement.with_user(self.collector).action_cancel()
        self.assertEqual(agreement.state, "cancelled")
        with self.assertRaisesExact(AccessError, "Only its proposer may reopen"):
            agreement.with_user(self.manager).action_reset_draft()
        agreement.with_user(self.collector).action_reset_draft()
        self.assertEqual(agreement.state, "draft")
        with self.assertRaisesExact(UserError, "Only a cancelled agreement"):
            agreement.with_user(self.collector).action_reset_draft()
        self.activate(agreement)
        with self.assertRaisesExact(UserError, "Only a draft or submitted agreement"):
            agreement.with_user(self.manager).action_cancel()

    def test_waiver_goes_through_the_writeoff_approvals(self):
        old = self.make_invoice(self.debtor, 6000, due="2026-03-01")
        new = self.make_invoice(self.debtor, 4000, due="2026-04-01")
        agreement = self.propose(
            old | new, [("2026-07-15", 4000), ("2026-08-15", 4500)], waived=1500
        )
        self.assertEqual(agreement.amount_to_pay, 8500.0)
        self.activate(agreement, self.manager)
        writeoff = agreement.writeoff_ids
        # the latest due invoice carries the waiver; submitted in the proposer's name
        self.assertRecordValues(
            writeoff,
            [
                {
                    "move_id": new.id,
                    "amount": 1500.0,
                    "restructuring_amount": 1500.0,
                    "state": "submitted",
                    "proposed_by_id": self.collector.id,
                    "submitted_by_id": self.collector.id,
                }
            ],
        )
        action = agreement.with_user(self.manager).action_open_writeoffs()
        self.assertEqual(action["domain"], [("restructuring_id", "=", agreement.id)])
        # the write-off's own approvals: not the proposer, a credit manager and an accountant
        with self.assertRaisesExact(AccessError, "Only a credit manager approves"):
            writeoff.with_user(self.collector).action_approve_manager()
        writeoff.with_user(self.manager).action_approve_manager()
        self.assertEqual(writeoff.state, "submitted", "the accountant's approval still due")
        writeoff.with_user(self.chief_accountant).action_approve_accountant()
        self.assertEqual(writeoff.state, "posted")
        self.assertAlmostEqual(new.amount_residual, 2500.0)
        # the waiver is no payment toward the instalments
        self.env.invalidate_all()
        self.assertEqual(agreement.amount_paid, 0.0)
        self.assertEqual(agreement.instalment_ids.mapped("status"), ["upcoming", "upcoming"])
