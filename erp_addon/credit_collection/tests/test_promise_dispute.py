from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestPromiseDispute(CollectionCase):
    def _in_call_stage(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-05-10")
        self.run_daily("2026-06-01")  # 22 days overdue: the call's stage
        self.run_daily("2026-06-02")
        self.assertEqual(inv.collection_stage_id, self.s_call)
        return inv

    def _promise(self, inv, amount, date, today="2026-06-02", user=None):
        with freeze_time(today):
            return (
                self.env["credit.collection.promise"]
                .with_user(user or self.collector)
                .create({"move_id": inv.id, "amount": amount, "date": date})
            )

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
        Promise = self.env["credit.collection.promise"].with_user(self.collector)
        vals = {"move_id": inv.id, "amount": 600, "date": "2026-06-30"}
        with freeze_time("2026-06-02"):
            for flow in ({"state": "kept"}, {"residual_at_promise": 1}):
                with self.assertRaisesExact(AccessError, "set by its workflow"):
                    Promise.create(dict(vals, **flow))
            promise = Promise.with_context(default_state="kept").create(vals)
        self.assertEqual(promise.state, "open", "context defaults ignored")
        self.assertEqual(promise.residual_at_promise, 1000)
        self.assertEqual(promise.user_id, self.collector)
        with self.assertRaisesExact(AccessError, "set by its workflow"):
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
        Dispute = self.env["credit.collection.dispute"].with_user(self.collector)
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            Dispute.create({"move_id": inv.id, "reason": "Goods damaged", "state": "resolved"})
        dispute = Dispute.create({"move_id": inv.id, "reason": "Goods damaged"})
        self.assertEqual(dispute.state, "open")
        self.assertEqual(dispute.stage_id, self.s_call)
        self.assertFalse(inv.collection_stage_id)
        self.assertTrue(inv.collection_disputed)
        self.run_daily("2026-06-20")
        self.assertFalse(inv.collection_stage_id, "no escalation while disputed")
        with self.assertRaisesText(ValidationError, "resolution"):
            dispute.with_user(self.collector).action_resolve()
        dispute.with_user(self.collector).resolution = "Credit note for 10%"
        with self.assertRaisesExact(AccessError, "or a credit manager resolves it"):
            dispute.with_user(self.collector_2).action_resolve()
        dispute.with_user(self.collector).action_resolve()
        self.assertEqual(dispute.state, "resolved")
        self.assertEqual(inv.collection_stage_id, self.s_call, "back in its stage")
        self.assertFalse(inv.collection_disputed)
        # resolved: what it says and that it happened stay
        with self.assertRaisesExact(UserError, "can no longer be changed"):
            dispute.with_user(self.collector).write({"resolution": "Nothing"})
        with self.assertRaisesExact(UserError, "record of a decision"):
            dispute.with_user(self.collection_manager).unlink()
        self.run_daily("2026-06-21")
        self.assertEqual(inv.collection_stage_id, self.s_letter)

    # ------------------------------------------------------------ issue 16 item 16
    def test_promise_horizon_and_minimum_share(self):
        """A promise is for a date within the company's horizon (90 days by default) and
        for at least its minimum share (10% by default) of what is open."""
        self.assertEqual(self.company.collection_promise_horizon_days, 90)
        self.assertEqual(self.company.collection_promise_min_share, 10.0)
        inv = self._in_call_stage()
        with self.assertRaisesExact(ValidationError, "within 90 days"):
            self._promise(inv, 500, "2026-09-01")  # 91 days after 06-02
        with self.assertRaisesExact(ValidationError, "at least 10.0% of what is open"):
            self._promise(inv, 99.99, "2026-06-30")
        promise = self._promise(inv, 100, "2026-08-31")  # 90 days, 10%
        self.assertEqual(promise.state, "open")
        with freeze_time("2026-06-02"):
            with self.assertRaisesExact(ValidationError, "within 90 days"):
                promise.with_user(self.collector).write({"date": "2026-09-01"})
            with self.assertRaisesExact(ValidationError, "at least 10.0%"):
                promise.with_user(self.collector).write({"amount": 50})

    def test_promise_settings_on_the_settings_page(self):
        admin = self.env.ref("base.user_admin")
        admin.write({"company_ids": [(4, self.company.id)], "company_id": self.company.id})
        arch = (
            self.env["res.config.settings"]
            .with_user(admin)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="collection_promise_horizon_days"', arch)
        self.assertIn('name="collection_promise_min_share"', arch)
        self.env["res.config.settings"].with_user(admin).create(
            {"collection_promise_horizon_days": 30, "collection_promise_min_share": 50}
        ).execute()
        self.assertEqual(self.company.collection_promise_horizon_days, 30)
        self.assertEqual(self.company.collection_promise_min_share, 50)
        inv = self._in_call_stage()
        with self.assertRaisesExact(ValidationError, "within 30 days"):
            self._promise(inv, 500, "2026-07-03")
        with self.assertRaisesExact(ValidationError, "at least 50.0%"):
            self._promise(inv, 499, "2026-06-30")
        self.assertEqual(self._promise(inv, 500, "2026-07-02").state, "open")

    def test_escalating_by_hand_breaks_the_open_promise(self):
        """Escalating by hand during an open promise asks why the promise is broken; with the
        reason, the promise is broken and the invoice escalates; without, nothing moves."""
        inv = self._in_call_stage()
        promise = self._promise(inv, 500, "2026-06-20")
        with freeze_time("2026-06-03"):
            action = inv.with_user(self.collector).action_collection_escalate()
            self.assertEqual(action["res_model"], "credit.collection.escalate.wizard")
            self.assertEqual(inv.collection_stage_id, self.s_call, "not moved by the button")
            self.assertEqual(promise.state, "open")
            wizard = self.open_dialog(action, self.collector, reason="   ")
            self.assertEqual(wizard.promise_id, promise)
            with self.assertRaisesExact(UserError, "Say why the promise to pay is broken"):
                wizard.action_confirm()
            self.assertEqual(promise.state, "open")
            with self.assertRaisesExact(AccessError, "Only collection staff"):
                inv.with_user(self.salesman).action_collection_escalate()
            wizard = self.open_dialog(
                action, self.collector, reason="The customer stopped answering our calls."
            )
            wizard.action_confirm()
        self.assertEqual(promise.state, "broken")
        self.assertEqual(promise.break_reason, "The customer stopped answering our calls.")
        self.assertEqual(str(promise.closed_date), "2026-06-03")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        events = inv.collection_history_ids.mapped("event")
        self.assertIn("promise_broken", events)
        self.assertIn("manual", events)
        # no open promise any more: the button moves the invoice at once
        self.assertTrue(inv.with_user(self.collection_manager).action_collection_escalate())
        self.assertEqual(inv.collection_stage_id, self.s_writeoff)

    def test_promise_cancel_button(self):
        inv = self._in_call_stage()
        promise = self._promise(inv, 500, "2026-06-20")
        with self.assertRaisesExact(AccessError, "Only collectors cancel"):
            promise.with_user(self.salesman).action_cancel()
        promise.with_user(self.collector).action_cancel()
        self.assertEqual(promise.state, "cancel")
        with self.assertRaisesExact(UserError, "can no longer be changed"):
            promise.with_user(self.collector).write({"amount": 600})
        with self.assertRaisesExact(UserError, "record of a decision"):
            promise.with_user(self.collection_manager).unlink()

    # ------------------------------------------------------------ issue 16 item 14
    def test_dispute_owner_changes_only_by_assignment(self):
        inv = self._in_call_stage()
        Dispute = self.env["credit.collection.dispute"].with_user(self.collector)
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            Dispute.create(
                {"move_id": inv.id, "reason": "Short delivery", "owner_id": self.collector_2.id}
            )
        dispute = Dispute.with_context(default_owner_id=self.collector_2.id).create(
            {"move_id": inv.id, "reason": "Short delivery"}
        )
        self.assertEqual(dispute.owner_id, self.collector, "who opens it owns it")
        for user in (self.collector, self.collection_manager):
            with self.assertRaisesExact(AccessError, "set by its workflow"):
                dispute.with_user(user).write({"owner_id": self.collector_2.id})
        # not the owner, not a manager: no assignment
        with self.assertRaisesExact(AccessError, "hands it over"):
            dispute.with_user(self.collector_2).action_assign()
        # the owner hands it over, logged
        action = dispute.with_user(self.collector).action_assign()
        self.open_dialog(
            action, self.collector, user_id=self.collector_2, note="On leave next month"
        ).action_confirm()
        self.assertEqual(dispute.owner_id, self.collector_2)
        log = dispute.message_ids.filtered(lambda m: "On leave next month" in (m.body or ""))
        self.assertIn("handed over by its owner", log.body)
        self.assertEqual(log.author_id, self.collector.partner_id)
        # the former owner no longer resolves it
        dispute.with_user(self.collector_2).resolution = "Credit note for the missing items"
        with self.assertRaisesExact(AccessError, "or a credit manager resolves it"):
            dispute.with_user(self.collector).action_resolve()
        # a credit manager assigns it, logged
        action = dispute.with_user(self.collection_manager).action_assign()
        self.open_dialog(
            action, self.collection_manager, user_id=self.collector, note="Back from leave"
        ).action_confirm()
        self.assertEqual(dispute.owner_id, self.collector)
        log = dispute.message_ids.filtered(lambda m: "Back from leave" in (m.body or ""))
        self.assertIn(f"assigned by {self.collection_manager.name}", log.body)
        # only a collector owns a dispute
        wizard = self.open_dialog(
            dispute.with_user(self.collection_manager).action_assign(),
            self.collection_manager,
            user_id=self.salesman,
            note="x",
        )
        with self.assertRaisesExact(UserError, "is not collection staff"):
            wizard.action_confirm()
        # a credit manager resolves a dispute that is not theirs
        dispute.with_user(self.collection_manager).action_resolve()
        self.assertEqual(dispute.state, "resolved")
        self.assertEqual(dispute.resolved_by_id, self.collection_manager)
        with self.assertRaisesExact(UserError, "Only an open dispute is assigned"):
            dispute.with_user(self.collection_manager).action_assign()
