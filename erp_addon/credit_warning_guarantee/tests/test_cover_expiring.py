"""The bridge's signal: cover ending within the rule's days fires in the daily run, and
ends once the guarantee no longer counts."""

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_guarantee.tests.common import GuaranteeCase


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestCoverExpiringSignal(GuaranteeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["credit.warning.rule"]._warning_copy_defaults(cls.company)

    def signals(self, partner):
        return self.env["credit.warning.signal"].search(
            [("partner_id", "=", partner.id), ("signal_type", "=", "cover_expiring")]
        )

    def run_daily(self, day="2026-06-15"):
        self.env["credit.warning.signal"]._warning_run(self.company, fields.Date.to_date(day))

    def test_cover_ending_soon_fires_and_ends(self):
        later = self.activate(self.make_guarantee(9_000, date_end="2026-09-30"))
        self.run_daily()
        self.assertFalse(self.signals(self.customer), "ends beyond the 30 days")
        soon = self.activate(self.make_guarantee(4_000, haircut=25, date_end="2026-07-05"))
        self.run_daily()
        signal = self.signals(self.customer)
        self.assertEqual(signal.weight, 2.0)
        self.assertIn("1 guarantees end by 07/05/2026", signal.evidence)
        self.assertIn(soon.name, signal.evidence)
        self.assertNotIn(later.name, signal.evidence)
        self.assertIn("3,000.00", signal.evidence)
        # released: it no longer counts, the signal ends
        soon.with_user(self.analyst).action_request_release()
        soon.with_user(self.manager)._action_decide("approve", "replaced")
        self.run_daily()
        self.assertFalse(self.signals(self.customer))

    def test_rule_of_the_bridge_on_every_company(self):
        rule = self.env["credit.warning.rule"].search(
            [("company_id", "=", self.company.id), ("signal_type", "=", "cover_expiring")]
        )
        self.assertEqual((rule.threshold, rule.period_days, rule.weight), (1.0, 30, 2.0))
        self.assertIn("guarantees", rule.meaning)
