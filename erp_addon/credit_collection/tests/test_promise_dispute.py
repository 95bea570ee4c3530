from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestPromiseDispute(CollectionCase):
    def _in_call_stage(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-05-10")
        self.run_daily("2026-06-01")
        self.run_daily("2026-06-02")
        self.assertEqual(inv.collection_stage_id, self.s_call)
        return inv

    def test_promise_bad_input(self):
        inv = self._in_call_stage()
        Promise = self.env["credit.collection.promise"].with_user(self.collector)
        with freeze_time("2026-06-02"):
            with self.assertRaisesText(ValidationError, "past"):
                Promise.create({"move_id": inv.id, "amount": 100, "date": "2026-06-01"})
            with self.assertRaisesText(ValidationError, "above what is open"):
                Promise.create({"move_id": inv.id, "amount": 1000.01, "date": "2026-06-10"})
            with self.assertRaisesText(ValidationError, "positive"):
                Promise.create({"move_id": inv.id, "amount": 0, "date": "2026-06-10"})
        self.assertFalse(inv.collection_promise_ids)

    def test_kept_promise_pauses_and_allows_back(self):
        inv = self._in_call_stage()
        with freeze_time("2026-06-02"):
            promise = (
                self.env["credit.collection.promise"]
                .with_user(self.collector)
                .create(
                    {
                        "move_id": inv.id,
                        "amount": 600,
                        "date": "2026-06-30",
                        "state": "kept",
                        "residual_at_promise": 1,
                    }
                )
            )
        self.assertEqual(promise.state, "open", "flow fields forced on create")
        self.assertEqual(promise.residual_at_promise, 1000)
        with self.assertRaises(AccessError):
            promise.with_user(self.collector).write({"state": "kept"})
        # paused: 40 days overdue but it stays in its stage
        self.run_daily("2026-06-29")
        self.assertEqual(inv.collection_stage_id, self.s_call)
        self.pay(inv, 600, "2026-06-29")
        self.run_daily("2026-06-30")
        self.assertEqual(promise.state, "kept")
        # a kept promise lets the invoice go back to the stage its days call for... here
        # the same (41 days = formal letter is the target, one step from call)
        self.assertIn(inv.collection_stage_id, self.s_call | self.s_letter)

    def test_kept_promise_lets_stage_go_back(self):
        inv = self._in_call_stage()
        # the procedure now calls for a lower stage; only a kept promise may move it back
        self.s_call.sudo().days_from = 60
        self.run_daily("2026-06-03")
        self.assertEqual(inv.collection_stage_id, self.s_call)
        with freeze_time("2026-06-03"):
            self.env["credit.collection.promise"].with_user(self.collector).create(
                {"move_id": inv.id, "amount": 100, "date": "2026-06-05"}
            )
        self.pay(inv, 100, "2026-06-04")
        self.run_daily("2026-06-04")
        self.assertEqual(inv.collection_stage_id, self.s_reminder)
        self.assertIn("reset", inv.collection_history_ids.mapped("event"))

    def test_broken_promise_escalates_and_notifies(self):
        inv = self._in_call_stage()
        with freeze_time("2026-06-02"):
            promise = (
                self.env["credit.collection.promise"]
                .with_user(self.collector)
                .create({"move_id": inv.id, "amount": 500, "date": "2026-06-05"})
            )
        self.run_daily("2026-06-05")
        self.assertEqual(promise.state, "open")
        self.assertEqual(inv.collection_stage_id, self.s_call)
        self.run_daily("2026-06-06")  # the next day: broken
        self.assertEqual(promise.state, "broken")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        users = inv.activity_ids.mapped("user_id")
        self.assertIn(self.collector, users)
        self.assertIn(self.manager, users, "credit managers are notified")
        message = inv.message_ids.filtered(lambda m: "broken" in (m.body or ""))
        self.assertIn(self.manager.partner_id, message.partner_ids)

    def test_dispute_leaves_procedure_until_resolved(self):
        inv = self._in_call_stage()
        dispute = (
            self.env["credit.collection.dispute"]
            .with_user(self.collector)
            .create({"move_id": inv.id, "reason": "Goods damaged", "state": "resolved"})
        )
        self.assertEqual(dispute.state, "open")
        self.assertFalse(inv.collection_stage_id)
        self.assertTrue(inv.collection_disputed)
        self.run_daily("2026-06-20")
        self.assertFalse(inv.collection_stage_id, "no escalation while disputed")
        with self.assertRaisesText(ValidationError, "resolution"):
            dispute.with_user(self.collector).action_resolve()
        dispute.with_user(self.collector).resolution = "Credit note for 10%"
        with self.assertRaises(AccessError):
            dispute.with_user(self.collector_2).action_resolve()
        dispute.with_user(self.collector).action_resolve()
        self.assertEqual(dispute.state, "resolved")
        self.assertEqual(inv.collection_stage_id, self.s_call, "back in its stage")
        self.assertFalse(inv.collection_disputed)
        self.run_daily("2026-06-21")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
