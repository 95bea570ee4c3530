from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import freeze_time
from odoo.tools import mute_logger

from .common import RestructuringCase


@tagged("post_install", "-at_install")
class TestDaily(RestructuringCase):
    def _active(self, invoices, schedule, date="2026-06-15"):
        with freeze_time(date):
            agreement = self.create_agreement(invoices, schedule, date=date)
            self.activate(agreement)
        return agreement

    def test_run_leaves_covered_invoices_in_their_stage(self):
        covered = self.make_invoice(self.debtor, 3000, due="2026-06-01")
        other = self.make_invoice(self.customer, 3000, due="2026-06-01")
        self.run_daily("2026-06-10")  # 9 days overdue: the reminder
        self.assertEqual(covered.collection_stage_id, self.s_reminder)
        self._active(covered, [("2026-07-15", 1500), ("2026-09-15", 1500)])
        # 45 days overdue on 2026-07-16: the other invoice reaches the letter, the covered
        # one stays where it was, shown as under restructuring
        for day in ("2026-06-20", "2026-07-02", "2026-07-16"):
            self.run_daily(day)
        self.assertEqual(other.collection_stage_id, self.s_letter)
        self.assertEqual(covered.collection_stage_id, self.s_reminder)
        self.assertEqual(covered.collection_status, "Under restructuring")
        # the worklist's filter finds it
        found = (
            self.env["account.move"]
            .with_user(self.collector)
            .search([("collection_restructuring_id", "!=", False)])
        )
        self.assertEqual(found, covered)
        # escalating it by hand is refused too
        with self.assertRaisesExact(UserError, "is under restructuring agreement"):
            covered.with_user(self.collector).action_collection_escalate()

    def test_classification_queries_flat(self):
        """The run's classification costs the same whatever the number of invoices under
        restructuring: one query reads them all."""

        def classify_queries():
            run = self.run_daily("2026-07-01")
            setup = run._collection_setup(self.company)
            before = self.env.cr.sql_log_count
            run._collection_classify(setup)
            return self.env.cr.sql_log_count - before

        one = self.make_invoice(self.debtor, 1000, due="2026-06-01")
        self._active(one, [("2026-07-15", 1000)])
        few = classify_queries()
        many = self.env["account.move"]
        for _i in range(8):
            many |= self.make_invoice(self.customer, 500, due="2026-06-01")
        self._active(many, [("2026-07-15", 2000), ("2026-08-15", 2000)])
        self.assertEqual(classify_queries(), few)

    def test_breach_after_grace_returns_stages_and_notifies(self):
        inv = self.make_invoice(self.debtor, 6000, due="2026-05-01")
        self.run_daily("2026-06-14")  # 44 days overdue: the letter
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        agreement = self._active(inv, [("2026-07-01", 2000), ("2026-08-01", 4000)])
        self.pay(inv, 2000, "2026-06-30")  # the first on time
        # the second not paid by 2026-08-01: within the grace days (5) nothing happens
        self.run_daily("2026-08-06")
        self.assertEqual(agreement.state, "active")
        self.assertEqual(inv.collection_stage_id, self.s_letter)
        with freeze_time("2026-08-06"):
            self.env.invalidate_all()
            self.assertEqual(agreement.instalment_ids.mapped("status"), ["on_time", "due"])
        # the day after the grace: breached, back in the stage of its days (98: write-off
        # proposal), the collector told by an activity and a note, the history says so
        run = self.run_daily("2026-08-07")
        self.assertRecordValues(
            agreement,
            [
                {
                    "state": "breached",
                    "breach_date": fields_date("2026-08-07"),
                    "breach_instalment_id": agreement.instalment_ids[1].id,
                }
            ],
        )
        self.assertEqual(run.state, "done")
        self.assertEqual(inv.collection_stage_id, self.s_writeoff)
        self.assertFalse(inv.collection_restructuring_id)
        activity = agreement.activity_ids
        self.assertEqual(activity.user_id, self.collector)
        self.assertEqual(activity.summary, f"Restructuring {agreement.name} breached")
        self.assertIn("Agreement breached: instalment 2", agreement.message_ids[0].body)
        events = inv.sudo().collection_history_ids.mapped("event")
        self.assertIn("restructuring_breached", events)
        self.assertIn("escalated", events)

    def test_breach_worded_in_the_company_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_restructuring"], ["zh_CN"])
        self.company.partner_id.lang = "zh_CN"
        inv = self.make_invoice(self.debtor, 1000, due="2026-05-01")
        agreement = self._active(inv, [("2026-07-01", 1000)])
        self.run_daily("2026-07-07")  # a scheduled job runs in English: the company decides
        self.assertEqual(agreement.state, "breached")
        self.assertEqual(agreement.activity_ids.summary, f"债务重组协议 {agreement.name} 已违约")

    def test_completed_when_every_instalment_paid(self):
        inv = self.make_invoice(self.debtor, 3000, due="2026-05-01")
        agreement = self._active(inv, [("2026-07-01", 1000), ("2026-08-01", 2000)])
        self.pay(inv, 1000, "2026-07-01")
        self.pay(inv, 2000, "2026-08-03")  # late, within the grace days
        self.run_daily("2026-08-04")
        self.assertRecordValues(
            agreement, [{"state": "completed", "closed_date": fields_date("2026-08-04")}]
        )
        with freeze_time("2026-08-04"):
            self.env.invalidate_all()
            self.assertEqual(agreement.instalment_ids.mapped("status"), ["on_time", "late"])

    def test_a_failing_agreement_is_skipped(self):
        first = self.make_invoice(self.debtor, 1000, due="2026-05-01")
        other_debtor = self.customer
        second = self.make_invoice(other_debtor, 1000, due="2026-05-01")
        a1 = self._active(first, [("2026-07-01", 1000)])
        a2 = self._active(second, [("2026-07-01", 1000)])
        Agreement = type(self.env["credit.restructuring"])
        original = Agreement._on_breach

        def failing(agreement, instalment):
            if agreement == a1:
                raise RuntimeError("mail server down")
            return original(agreement, instalment)

        with (
            patch.object(Agreement, "_on_breach", failing),
            mute_logger("odoo.addons.credit_restructuring.models.credit_restructuring_breach"),
        ):
            run = self.run_daily("2026-07-07")
        self.assertEqual((a1.state, a2.state), ("active", "breached"))
        self.assertEqual(run.state, "done")
        self.assertIn(f"{a1.name} [{a1.id}]: mail server down", run.errors)


def fields_date(value):
    return fields.Date.to_date(value)
