from datetime import date, timedelta
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestDailyAction(CollectionCase):
    def test_escalates_one_stage_per_run(self):
        """With "one stage per run", an invoice found 40 days overdue passes through every
        stage, one per run."""
        self.procedure.stage_mode = "step"
        inv = self.make_invoice(self.customer, 1000, due="2026-05-01")
        self.run_daily("2026-06-10")  # 40 days overdue
        with freeze_time("2026-06-10"):
            self.assertEqual(inv.collection_days_overdue, 40, "today's figure, not stored")
            self.assertEqual(
                self.env["account.move"].search(
                    [("id", "=", inv.id), ("collection_days_overdue", ">", 39)]
                ),
                inv,
            )
            self.assertFalse(
                self.env["account.move"].search(
                    [("id", "=", inv.id), ("collection_days_overdue", "<=", 39)]
                )
            )
        self.assertEqual(inv.collection_bucket_id.name, "31-90")
        self.assertEqual(inv.collection_stage_id, self.s_reminder)
        self.assertEqual(inv.collection_user_id, self.collector)
        history = inv.collection_history_ids
        self.assertEqual(history.event, "escalated")
        self.assertIn("due for", history.note)
        self.run_daily("2026-06-11")
        self.assertEqual(inv.collection_stage_id, self.s_call)
        self.run_daily("2026-06-12")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        self.run_daily("2026-06-13")
        self.assertEqual(inv.collection_stage_id, self.s_letter, "not yet 91 days")
        self.assertEqual(
            inv.collection_history_ids.filtered(lambda h: h.event == "escalated").stage_to_id,
            self.s_reminder | self.s_call | self.s_letter,
        )

    def test_activity_to_collector_replaced(self):
        inv = self.make_invoice(self.customer, 500, due="2026-06-01")
        self.run_daily("2026-06-02")
        activity = inv.activity_ids
        self.assertEqual(activity.user_id, self.collector)
        self.assertEqual(activity.summary, "Reminder")
        self.run_daily("2026-06-16")
        self.assertEqual(inv.activity_ids.summary, "Call", "the previous stage's one is replaced")
        self.assertEqual(len(inv.activity_ids), 1)

    def test_activity_moves_on_with_the_invoice(self):
        """The previous stage's activity moves on to the new stage (its type, summary,
        instructions, deadline and collector), as Odoo's reschedule moves an activity;
        once the collector has marked it done, the next stage gets a new one; an invoice
        leaving the procedure takes its activity away."""
        call_type = self.env.ref("mail.mail_activity_data_call")
        self.s_call.write(
            {"activity_type_id": call_type.id, "activity_note": "Ask for the payment date."}
        )
        inv = self.make_invoice(self.customer, 500, due="2026-06-01")
        self.run_daily("2026-06-02")
        reminder = inv.activity_ids
        self.assertEqual(reminder.summary, "Reminder")
        self.assertFalse(reminder.note)
        self.run_daily("2026-06-16")
        self.assertEqual(inv.activity_ids, reminder, "moved on, not a second activity")
        self.assertRecordValues(
            reminder,
            [
                {
                    "summary": "Call",
                    "activity_type_id": call_type.id,
                    "date_deadline": date(2026, 6, 16),
                    "user_id": self.collector.id,
                    "automated": True,
                }
            ],
        )
        self.assertIn("Ask for the payment date.", reminder.note)
        # the collector marks it done: the next stage's is a new one, without the
        # previous stage's instructions
        reminder.with_user(self.collector).action_feedback(feedback="Promised for July.")
        self.assertFalse(reminder.exists())
        self.run_daily("2026-07-02")
        letter = inv.activity_ids
        self.assertEqual(len(letter), 1)
        self.assertEqual(letter.summary, "Formal letter")
        self.assertFalse(letter.note)
        # paid: the invoice leaves the procedure and its activity goes
        self.pay(inv, 500, "2026-07-03")
        self.run_daily("2026-07-03")
        self.assertFalse(inv.collection_stage_id)
        self.assertFalse(inv.activity_ids)

    def test_grace_days_same_as_credit_check(self):
        """Within the grace days an invoice is not overdue, for the check as for collections."""
        self.company.credit_overdue_grace_days = 5
        inv = self.make_invoice(self.customer, 500, due="2026-06-01")
        with freeze_time("2026-06-05"):
            self.run_daily("2026-06-05")
            figures = self.customer._credit_exposure_figures(self.company)[self.customer.id]
            self.assertEqual(figures["overdue"], 0.0)
            self.assertEqual(inv.collection_days_overdue, 0)
            self.assertEqual(
                self.env["account.move"].search(
                    [("id", "=", inv.id), ("collection_days_overdue", "=", 0)]
                ),
                inv,
                "within the grace days: 0, found by the complement search",
            )
        self.assertFalse(inv.collection_stage_id)
        self.assertEqual(inv.collection_bucket_id.name, "Current")
        with freeze_time("2026-06-07"):
            self.run_daily("2026-06-07")
            figures = self.customer._credit_exposure_figures(self.company)[self.customer.id]
            self.assertEqual(figures["overdue"], 500.0)
            self.assertEqual(inv.collection_days_overdue, 6)
        self.assertEqual(inv.collection_stage_id, self.s_reminder)

    def test_never_backwards_except_payment(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-05-01")
        self.run_daily("2026-06-01")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        # a procedure change puts the invoice's due stage lower: it stays
        self.s_letter.sudo().days_from = 40
        self.run_daily("2026-06-04")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        # a partial payment does not move it back either
        self.pay(inv, 400, "2026-06-04")
        self.run_daily("2026-06-05")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        # full payment: it leaves the procedure
        self.pay(inv, 600, "2026-06-05")
        self.run_daily("2026-06-06")
        self.assertFalse(inv.collection_stage_id)
        self.assertFalse(inv.collection_bucket_id)
        self.assertEqual(inv.collection_history_ids[0].event, "paid")

    def test_assignment_rules(self):
        big = self.env["res.partner"].create({"name": "Big Buyer", "is_company": True})
        self.env["credit.collection.rule"].create(
            [
                {
                    "sequence": 1,
                    "partner_ids": [(4, big.id)],
                    "collector_id": self.collector_2.id,
                    "company_id": self.company.id,
                },
                {
                    "sequence": 2,
                    "amount_min": 5000,
                    "collector_id": self.collector_2.id,
                    "company_id": self.company.id,
                },
            ]
        )
        inv_big = self.make_invoice(big, 100, due="2026-06-01")
        inv_large = self.make_invoice(self.customer, 9000, due="2026-06-01")
        inv_small = self.make_invoice(self.customer, 100, due="2026-06-01")
        self.run_daily("2026-06-03")
        self.assertEqual(inv_big.collection_user_id, self.collector_2)
        self.assertEqual(inv_large.collection_user_id, self.collector_2)
        self.assertEqual(inv_small.collection_user_id, self.collector, "default collector")

    def test_override_per_customer_and_invoice(self):
        quick = self.procedure.copy({"name": "Quick"})
        quick.stage_ids.filtered(lambda s: s.days_from == 15).days_from = 2
        other = self.env["res.partner"].create({"name": "Other", "is_company": True})
        other.with_company(self.company).collection_procedure_id = quick
        inv_partner = self.make_invoice(other, 100, due="2026-06-01")
        inv_own = self.make_invoice(self.customer, 100, due="2026-06-01")
        inv_own.collection_procedure_id = quick
        inv_std = self.make_invoice(self.customer, 100, due="2026-06-01")
        self.run_daily("2026-06-05")
        self.run_daily("2026-06-06")
        self.assertEqual(inv_partner.collection_stage_id.procedure_id, quick)
        self.assertEqual(inv_partner.collection_stage_id.days_from, 2)
        self.assertEqual(inv_own.collection_stage_id.days_from, 2)
        self.assertEqual(inv_std.collection_stage_id, self.s_reminder)

    def test_batch_queries_do_not_grow(self):
        """The queries of a batch do not grow with it (the commits after each batch:
        test_daily_commit)."""
        self.procedure.stage_mode = "step"  # so that every invoice moves on the next day
        partners = self.env["res.partner"].create(
            [{"name": f"Batch customer {i}", "is_company": True} for i in range(6)]
        )
        for i, partner in enumerate(partners):
            for _j in range(1 + 4 * i):
                self.make_invoice(partner, 100, due="2026-05-20")
        self.env["credit.collection.run"]._cron_collection_daily(today="2026-06-09")
        # the next day every invoice moves on: one batch per customer, small and large
        stats = {}
        self.env["credit.collection.run"]._run_for(
            self.company, date(2026, 6, 10), batch_size=1, stats=stats
        )
        per_batch = [b["queries"] for b in stats["batches"]]
        sizes = [b["invoices"] for b in stats["batches"]]
        self.assertEqual(sum(sizes), 1 + 5 + 9 + 13 + 17 + 21, "every invoice moved on")
        self.assertGreater(max(sizes), 10 * min(sizes))
        self.assertLessEqual(max(per_batch) - min(per_batch), 2, per_batch)

    def test_quiet_day_looks_at_nothing(self):
        """A day on which no invoice reaches a new bucket or stage writes nothing: the
        classification in SQL returns only the invoices something happens to."""
        inv = self.make_invoice(self.customer, 100, due="2026-06-01")
        self.run_daily("2026-06-02")
        self.assertEqual(inv.collection_stage_id, self.s_reminder)
        history = len(inv.collection_history_ids)
        stats = {}
        run = self.run_daily("2026-06-03", stats=stats)
        self.assertEqual(stats["batches"], [], "no customer to look at")
        self.assertRecordValues(
            run, [{"invoice_count": 1, "changed_count": 0, "moved_count": 0, "state": "done"}]
        )
        self.assertEqual(len(inv.collection_history_ids), history)
        # 15 days overdue: the call is due, it is looked at and moved
        run = self.run_daily("2026-06-16")
        self.assertRecordValues(run, [{"changed_count": 1, "moved_count": 1}])
        self.assertEqual(inv.collection_stage_id, self.s_call)
        self.assertEqual(inv.collection_history_ids[0].collector_id, self.collector)

    def test_failing_customer_skipped(self):
        good = self.make_invoice(self.customer, 100, due="2026-06-01")
        bad_partner = self.env["res.partner"].create({"name": "Bad", "is_company": True})
        bad = self.make_invoice(bad_partner, 100, due="2026-06-01")
        Run = type(self.env["credit.collection.run"])
        original = Run._collection_run_batch

        def flaky(self_, partner_ids, work, setup):
            if bad_partner.id in partner_ids:
                raise RuntimeError("boom")
            return original(self_, partner_ids, work, setup)

        with (
            patch.object(Run, "_collection_run_batch", flaky),
            self.assertLogs(
                "odoo.addons.credit_collection.models.credit_collection_run", level="ERROR"
            ),
        ):
            run = self.run_daily("2026-06-03")
        self.assertEqual(good.collection_stage_id, self.s_reminder)
        self.assertFalse(bad.collection_stage_id)
        # the run goes on and says whom it skipped and why
        self.assertRecordValues(
            run, [{"state": "done", "skipped_count": 1, "moved_count": 1, "changed_count": 1}]
        )
        self.assertEqual(run.errors, f"Bad [{bad_partner.id}]: boom")

    @freeze_time("2026-06-20")
    def test_cron_on_frozen_date(self):
        inv = self.make_invoice(self.customer, 100, due="2026-06-01")
        self.env.ref("credit_collection.ir_cron_collection_daily").method_direct_trigger()
        self.assertEqual(inv.collection_days_overdue, 19)
        self.assertEqual(inv.collection_stage_id, self.s_call, "19 days: the call's stage")

    # ------------------------------------------------------------ issue 16 item 21
    def test_backdated_invoices_land_in_their_stage_on_the_first_run(self):
        """Invoices imported or back-dated 22 to 395 days overdue are, after the first run,
        each in the stage of its days overdue with that stage's action only (they all used
        to sit in the first stage)."""
        self.assertEqual(self.procedure.stage_mode, "days", "the default")
        run_day = date(2026, 6, 15)
        expected = {22: self.s_call, 40: self.s_letter, 75: self.s_letter}
        expected.update({100: self.s_writeoff, 200: self.s_writeoff, 395: self.s_writeoff})
        invoices = {
            days: self.make_invoice(self.customer, 100 + days, due=run_day - timedelta(days=days))
            for days in expected
        }
        self.run_daily(run_day)
        for days, inv in invoices.items():
            with freeze_time(run_day):
                self.assertEqual(inv.collection_days_overdue, days)
            self.assertEqual(inv.collection_stage_id, expected[days], f"{days} days overdue")
            history = inv.collection_history_ids
            self.assertEqual(len(history), 1, "one move, not one per skipped stage")
            self.assertRecordValues(
                history,
                [
                    {
                        "event": "escalated",
                        "stage_from_id": False,
                        "stage_to_id": expected[days].id,
                        "note": False,
                        "days_overdue": days,
                    }
                ],
            )
            # the stage's activity only
            self.assertEqual(inv.activity_ids.mapped("summary"), [expected[days].name])
        # the letters of the stages they landed in only: no reminder email for the
        # reminder stage every invoice skipped
        letters = self.env["credit.collection.letter"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(letters.stage_id, self.s_letter)
        self.assertEqual(len(letters), 1)
        # a second run the same day changes nothing
        self.assertEqual(self.run_daily(run_day).moved_count, 0)

    def test_one_stage_per_run_option(self):
        """The procedure's other setting: one stage per run, none skipped."""
        self.procedure.stage_mode = "step"
        inv = self.make_invoice(self.customer, 1000, due="2026-05-01")
        self.run_daily("2026-06-15")  # 45 days overdue
        self.assertEqual(inv.collection_stage_id, self.s_reminder)
        self.assertIn("due for Formal letter", inv.collection_history_ids.note)
        self.run_daily("2026-06-16")
        self.assertEqual(inv.collection_stage_id, self.s_call)

    def test_stage_mode_on_the_procedure_form(self):
        procedure = self.env["credit.collection.procedure"].create(
            {"name": "New", "company_id": self.company.id}
        )
        self.assertEqual(procedure.stage_mode, "days")
        arch = (
            self.env["credit.collection.procedure"]
            .with_user(self.collection_manager)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="stage_mode"', arch)
