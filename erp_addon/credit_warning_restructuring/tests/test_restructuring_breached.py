"""The bridge's signal: a restructuring breached fires at the breach (the collection run's
breach hook), the daily warning run keeps it, and the rule is on every company."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_restructuring.tests.common import RestructuringCase


@tagged("post_install", "-at_install")
class TestRestructuringBreachedSignal(RestructuringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["credit.warning.rule"]._warning_copy_defaults(cls.company)

    def signals(self, partner):
        return self.env["credit.warning.signal"].search(
            [
                ("partner_id", "=", partner.commercial_partner_id.id),
                ("signal_type", "=", "restructuring_breached"),
            ]
        )

    def test_breach_fires_at_once(self):
        inv = self.make_invoice(self.debtor, 1000, due="2026-05-01")
        with freeze_time("2026-06-15"):
            agreement = self.create_agreement(inv, [("2026-07-01", 1000)])
            self.activate(agreement)
        self.run_daily("2026-07-06")  # within the grace days: no breach, no signal
        self.assertEqual(agreement.state, "active")
        self.assertFalse(self.signals(self.debtor))
        with freeze_time("2026-07-07"):
            self.run_daily("2026-07-07")
            self.assertEqual(agreement.state, "breached")
            signal = self.signals(self.debtor)
            self.assertEqual(signal.weight, 4.0)
            self.assertEqual(
                signal.evidence,
                "1 debt restructuring agreements breached, the last on 07/07/2026 "
                f"($\xa01,000.00 restructured): {agreement.name}.",
            )
            self.assertNotEqual(self.debtor.with_company(self.company).credit_warning_level, "none")
            # the daily warning run finds it too, from the agreement's breach date
            self.env["credit.warning.signal"]._warning_run(self.company, agreement.breach_date)
            self.assertEqual(len(self.signals(self.debtor)), 1)

    def test_rule_of_the_bridge_on_every_company(self):
        rule = self.env["credit.warning.rule"].search(
            [("company_id", "=", self.company.id), ("signal_type", "=", "restructuring_breached")]
        )
        self.assertEqual((rule.threshold, rule.period_days, rule.weight), (1.0, 365, 4.0))
        self.assertIn("restructuring agreements", rule.meaning)
