"""Each signal type's SQL (sql/credit_warning_signals.sql) on figures built for it: it
fires for the customer whose figures call for it, with its evidence, and not for the
steady one; the run keeps one signal per customer and rule, and ends it when it stops
firing."""

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import TODAY, WarningCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestSignals(WarningCase):
    def test_overdue_share_rising(self):
        self.only_rules("overdue_share")
        # owed 3000 all along, falling due month after month: 0%, 33%, 67%, 100% overdue
        for due in ("2026-03-31", "2026-04-30", "2026-05-31"):
            self.invoice(self.customer, 1000, "2026-03-01", due)
        # the steady customer: always one invoice overdue of two
        self.invoice(self.customer_2, 500, "2026-03-01", "2026-03-05")
        self.invoice(self.customer_2, 500, "2026-03-01", "2026-12-31")
        self.run_warning()
        signal = self.signals(self.customer, "overdue_share")
        self.assertEqual(len(signal), 1)
        self.assertEqual(signal.figures["shares"], [0, 33.3, 66.7, 100])
        self.assertEqual(
            signal.evidence,
            "Overdue share 0.0% → 33.3% → 66.7% → 100.0% (since 03/17/2026): up 100.0 points.",
        )
        self.assertEqual(signal.weight, 2.0)
        self.assertFalse(self.signals(self.customer_2))

    def test_dso_up(self):
        self.only_rules("dso_up")
        # 90 days ago: sales 1000, half of it open (DSO 45); today: sales 1000, 1500 open
        old = self.invoice(self.customer, 1000, "2026-02-01", "2026-03-01")
        self.pay(old, 500, "2026-03-01")
        self.invoice(self.customer, 1000, "2026-04-01", "2026-05-01")
        self.run_warning()
        signal = self.signals(self.customer, "dso_up")
        self.assertEqual(
            signal.figures, {"now": 135.0, "then": 45.0, "since": "2026-03-17", "rise": 200.0}
        )
        self.assertEqual(signal.evidence, "DSO 135.0 days, 45.0 days on 03/17/2026 (+200.0%).")

    def test_dso_steady_does_not_fire(self):
        self.only_rules("dso_up")
        old = self.invoice(self.customer, 1000, "2026-02-01", "2026-03-01")
        self.pay(old, 500, "2026-03-01")
        new = self.invoice(self.customer, 1000, "2026-04-01", "2026-05-01")
        self.pay(old, 500, "2026-04-15")
        self.pay(new, 500, "2026-05-15")
        self.run_warning()
        self.assertFalse(self.signals(self.customer))

    def test_days_to_pay_lengthening(self):
        self.only_rules("days_to_pay")
        before = self.invoice(self.customer, 1000, "2026-01-01", "2026-01-31")
        self.pay(before, 1000, "2026-01-11")  # 10 days
        recent = self.invoice(self.customer, 2000, "2026-04-01", "2026-05-01")
        self.pay(recent, 2000, "2026-05-11")  # 40 days
        steady = self.invoice(self.customer_2, 1000, "2026-01-01", "2026-01-31")
        self.pay(steady, 1000, "2026-01-21")
        steady = self.invoice(self.customer_2, 1000, "2026-04-01", "2026-05-01")
        self.pay(steady, 1000, "2026-04-21")
        self.run_warning()
        signal = self.signals(self.customer, "days_to_pay")
        self.assertEqual(
            signal.figures, {"recent": 40.0, "previous": 10.0, "longer": 30.0, "count": 1}
        )
        self.assertEqual(
            signal.evidence,
            "Paid in 40.0 days on average (1 invoices), 10.0 days before: 30.0 days longer.",
        )
        self.assertFalse(self.signals(self.customer_2))

    def test_grade_down(self):
        self.only_rules("grade_down")
        model = self.env["credit.score.model"].create({"name": "Test model"})
        Score = self.env["credit.score"].sudo()
        for partner, first, second in (
            (self.customer, self.grade_a, self.grade_c),
            (self.customer_2, self.grade_c, self.grade_a),
        ):
            Score.create(
                {
                    "partner_id": partner.id,
                    "model_id": model.id,
                    "score": 80,
                    "grade_id": first.id,
                    "date": "2026-01-10",
                }
            )
            Score.create(
                {
                    "partner_id": partner.id,
                    "model_id": model.id,
                    "score": 35,
                    "grade_id": second.id,
                    "date": "2026-06-01",
                }
            )
        self.run_warning()
        signal = self.signals(self.customer, "grade_down")
        self.assertEqual(signal.figures["steps"], 2)
        self.assertEqual(signal.evidence, "Grade lowered from A to C on 06/01/2026 (2 grades).")
        self.assertFalse(self.signals(self.customer_2), "an upgrade is no warning")

    def test_limit_usage(self):
        self.only_rules("limit_usage")
        self.set_limit(self.customer, 1000)
        self.set_limit(self.customer_2, 1000)
        self.invoice(self.customer, 950, "2026-06-01", "2026-07-01")
        # high but not rising: owed as much a month ago
        self.invoice(self.customer_2, 950, "2026-04-01", "2026-07-01")
        self.run_warning()
        signal = self.signals(self.customer, "limit_usage")
        self.assertEqual(signal.figures["usage"], 95.0)
        self.assertIn(
            "Credit usage 95.0% (exposure $\xa0950.00, limit $\xa01,000.00)", signal.evidence
        )
        self.assertFalse(self.signals(self.customer_2))

    def test_promise_broken(self):
        self.only_rules("promise_broken")
        invoice = self.invoice(self.customer, 1000, "2026-05-01", "2026-05-31")
        promise = (
            self.env["credit.collection.promise"]
            .with_user(self.collector)
            .create({"move_id": invoice.id, "amount": 500, "date": "2026-06-30"})
        )
        promise.sudo()._collection_break("No payment")
        self.run_warning()
        signal = self.signals(self.customer, "promise_broken")
        self.assertEqual(signal.figures["count"], 1)
        self.assertEqual(
            signal.evidence,
            "1 promises to pay broken ($\xa0500.00 promised), the last on 06/15/2026.",
        )

    def test_warning_list_related_person(self):
        self.only_rules("warning_list")
        self.customer.credit_legal_representative = "Wang Wei"
        Entry = self.env["credit.warning.entry"].with_user(self.analyst)
        Entry.create({"name": "wang wei ", "entry_type": "person", "reason": "Court list"})
        # a contact of the second customer listed
        contact = self.env["res.partner"].create(
            {"name": "Li Lei", "parent_id": self.customer_2.id}
        )
        Entry.create(
            {"name": "Li Lei", "entry_type": "person", "reason": "Fraud", "partner_id": contact.id}
        )
        self.run_warning()
        self.assertEqual(
            self.signals(self.customer, "warning_list").evidence,
            "On the warning list: wang wei .",
        )
        self.assertEqual(self.signals(self.customer_2, "warning_list").figures["count"], 1)

    def test_signal_kept_updated_and_ended(self):
        self.only_rules("limit_usage")
        self.set_limit(self.customer, 1000)
        invoice = self.invoice(self.customer, 950, "2026-06-01", "2026-07-01")
        self.run_warning("2026-06-10")
        first = self.signals(self.customer)
        self.assertEqual(first.date_start, fields.Date.to_date("2026-06-10"))
        self.invoice(self.customer, 30, "2026-06-12", "2026-07-01")
        self.run_warning()
        self.assertEqual(self.signals(self.customer), first, "one signal per customer and rule")
        self.assertEqual(first.figures["usage"], 98.0)
        self.assertEqual(first.date_last, fields.Date.to_date(TODAY))
        self.pay(invoice, 950, TODAY)
        self.run_warning()
        self.assertFalse(self.signals(self.customer))
        first.invalidate_recordset()
        self.assertEqual((first.active, first.date_end), (False, fields.Date.to_date(TODAY)))

    def test_rule_switched_off_ends_its_signals(self):
        self.only_rules("limit_usage")
        self.set_limit(self.customer, 1000)
        self.invoice(self.customer, 950, "2026-06-01", "2026-07-01")
        self.run_warning()
        self.rule("limit_usage").with_user(self.manager).active = False
        self.run_warning()
        self.assertFalse(self.signals(self.customer))

    def test_threshold_per_company(self):
        self.only_rules("limit_usage")
        self.set_limit(self.customer, 1000)
        self.invoice(self.customer, 950, "2026-06-01", "2026-07-01")
        self.rule("limit_usage").with_user(self.manager).threshold = 96
        self.run_warning()
        self.assertFalse(self.signals(self.customer))
