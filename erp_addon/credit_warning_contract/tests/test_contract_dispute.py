"""The bridge's signal: a contract dispute opened fires at once, the daily run keeps it
while the dispute is open and ends it when the dispute is closed."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_contract.tests.common import TODAY, ContractCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestContractDisputeSignal(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["credit.warning.rule"]._warning_copy_defaults(cls.company)

    def signals(self, partner):
        return self.env["credit.warning.signal"].search(
            [
                ("partner_id", "=", partner.commercial_partner_id.id),
                ("signal_type", "=", "contract_dispute"),
            ]
        )

    def test_dispute_opened_fires_at_once_and_ends_when_closed(self):
        contract = self.signed_contract()
        partner = contract.partner_id.commercial_partner_id
        self.assertFalse(self.signals(partner))
        dispute = (
            self.env["credit.contract.dispute"]
            .with_user(self.admin_1)
            .create({"contract_id": contract.id, "description": "Late delivery", "amount": 300})
        )
        signal = self.signals(partner)
        self.assertEqual(signal.weight, 3.0)
        self.assertEqual(
            signal.evidence,
            f"1 contract disputes open since 06/15/2026 ($\xa0300.00 at stake): {contract.name}.",
        )
        self.assertEqual(partner.with_company(self.company).credit_warning_level, "watch")
        dispute.sudo().write({"stage": "closed"})
        self.env["credit.warning.signal"]._warning_run(self.company, self.today())
        self.assertFalse(self.signals(partner))
        self.assertEqual(partner.with_company(self.company).credit_warning_level, "none")

    def test_rule_of_the_bridge_on_every_company(self):
        rule = self.env["credit.warning.rule"].search(
            [("company_id", "=", self.company.id), ("signal_type", "=", "contract_dispute")]
        )
        self.assertEqual((rule.threshold, rule.period_days, rule.weight), (1.0, 365, 3.0))
        self.assertIn("disputes", rule.meaning)
