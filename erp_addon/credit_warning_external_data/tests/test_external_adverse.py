"""The bridge's signal: an import bringing a new adverse record fires it at once (the
apply refreshes the customer's warning), the daily run keeps it for the rule's days."""

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_external_data.tests.common import ExternalCase, code, csv_file


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestExternalAdverseSignal(ExternalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["credit.warning.rule"]._warning_copy_defaults(cls.company)

    def signals(self, partner):
        return self.env["credit.warning.signal"].search(
            [("partner_id", "=", partner.id), ("signal_type", "=", "external_adverse")]
        )

    def apply(self, rows):
        imp = self.make_import(csv_file(rows))
        imp.action_preview()
        imp.action_apply()
        return imp

    def test_new_adverse_record_fires_at_once_and_ages_out(self):
        self.apply([[code(1), "", "2026-06-01", "AA", "", "", "", "", "", ""]])
        self.assertFalse(self.signals(self.alpha), "no adverse record, no signal")
        self.apply([[code(1), "", "2026-06-10", "", "", "", "(2026)沪01执5号", "", "P-7", ""]])
        signal = self.signals(self.alpha)
        self.assertEqual(signal.weight, 3.0)
        self.assertIn("2 adverse records reported since 06/10/2026", signal.evidence)
        self.assertIn("Dishonest judgment debtor (失信被执行人) (2026)沪01执5号", signal.evidence)
        self.assertIn("Administrative penalty (行政处罚) P-7", signal.evidence)
        self.assertFalse(self.signals(self.beta))
        # the daily run keeps it within the 90 days, ends it after
        Signal = self.env["credit.warning.signal"]
        Signal._warning_run(self.company, fields.Date.to_date("2026-08-01"))
        self.assertTrue(self.signals(self.alpha))
        Signal._warning_run(self.company, fields.Date.to_date("2026-09-15"))
        self.assertFalse(self.signals(self.alpha))

    def test_rule_of_the_bridge_on_every_company(self):
        rule = self.env["credit.warning.rule"].search(
            [("company_id", "=", self.company.id), ("signal_type", "=", "external_adverse")]
        )
        self.assertEqual((rule.threshold, rule.period_days, rule.weight), (1.0, 90, 3.0))
        self.assertIn("adverse records", rule.meaning)
