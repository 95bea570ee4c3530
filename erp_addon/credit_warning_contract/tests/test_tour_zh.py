"""The bridge's signal read in Chinese in the browser
(credit_warning/static/tests/tours/credit_warning_bridges_zh_tour.js)."""

from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_contract.tests.common import TODAY, ContractCase
from odoo.addons.credit_warning.tests.tour_zh import set_up_signal_tour_zh


@tagged("post_install", "-at_install")
class TestContractDisputeTourZh(ContractCase, HttpCase):
    """A credit user (least privilege) opens the warning of a customer with whom a contract
    dispute was opened: the signal 合同纠纷发生 with its evidence in Chinese, at the level
    关注, as the daily run (the scheduled action) keeps it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        set_up_signal_tour_zh(
            cls, "zh_wcd_user", cls.customer, "ZH 合同纠纷钢贸有限公司", "contract_dispute"
        )

    def test_contract_dispute_zh(self):
        with freeze_time(TODAY):
            # reviewed, approved and signed; the dispute opened by the credit administrator
            contract = self.signed_contract()
            self.env["credit.contract.dispute"].with_user(self.admin_1).create(
                {
                    "contract_id": contract.id,
                    "description": "交货延迟，对方拒付尾款",
                    "amount": 30_000,
                }
            )
        # the next day, the scheduled action's run (as OdooBot) keeps the signal
        with freeze_time("2026-06-16"):
            self.env.ref("credit_warning.ir_cron_credit_warning_daily").method_direct_trigger()
        signal = self.env["credit.warning.signal"].search([("partner_id", "=", self.customer.id)])
        self.assertRecordValues(
            signal,
            [
                {
                    "signal_type": "contract_dispute",
                    "weight": 3.0,
                    "date_start": date(2026, 6, 15),
                    "date_last": date(2026, 6, 16),
                }
            ],
        )
        self.assertEqual(
            signal.evidence,
            "自 2026年06月15日 起有 1 宗合同纠纷未结（涉及金额 $\xa030,000.00）："
            f"{contract.name}。",
        )
        self.assertEqual(self.customer.with_company(self.company).credit_warning_level, "watch")
        self.start_tour("/odoo", "credit_warning_contract_zh", login=self.zh_user.login)
