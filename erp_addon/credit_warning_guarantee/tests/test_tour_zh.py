"""The bridge's signal read in Chinese in the browser
(credit_warning/static/tests/tours/credit_warning_bridges_zh_tour.js)."""

from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_guarantee.tests.common import GuaranteeCase
from odoo.addons.credit_warning.tests.tour_zh import set_up_signal_tour_zh


@tagged("post_install", "-at_install")
class TestCoverExpiringTourZh(GuaranteeCase, HttpCase):
    """A credit user (least privilege) opens the warning of a customer whose mortgage ends
    within the rule's 30 days: the signal 担保即将到期 with its evidence in Chinese, at the
    level 关注, as the daily run (the scheduled action) found it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        set_up_signal_tour_zh(
            cls, "zh_wcg_user", cls.customer, "ZH 担保到期钢贸有限公司", "cover_expiring"
        )

    def test_cover_expiring_zh(self):
        with freeze_time("2026-06-15"):
            # proposed by the analyst, approved by the credit manager: 4,000 less 25 %
            soon = self.activate(self.make_guarantee(4_000, haircut=25, date_end="2026-07-05"))
            # the scheduled action's run (as OdooBot) finds it ending within 30 days
            self.env.ref("credit_warning.ir_cron_credit_warning_daily").method_direct_trigger()
        signal = self.env["credit.warning.signal"].search([("partner_id", "=", self.customer.id)])
        self.assertRecordValues(
            signal,
            [{"signal_type": "cover_expiring", "weight": 2.0, "date_start": date(2026, 6, 15)}],
        )
        self.assertEqual(
            signal.evidence,
            f"1 项担保将于 2026年07月05日 前到期（担保额 $\xa03,000.00）：{soon.name}。",
        )
        self.assertEqual(self.customer.with_company(self.company).credit_warning_level, "watch")
        self.start_tour("/odoo", "credit_warning_guarantee_zh", login=self.zh_user.login)
