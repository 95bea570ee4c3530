"""The bridge's signal read in Chinese in the browser
(credit_warning/static/tests/tours/credit_warning_bridges_zh_tour.js)."""

from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_restructuring.tests.common import RestructuringCase
from odoo.addons.credit_warning.tests.tour_zh import set_up_signal_tour_zh


@tagged("post_install", "-at_install")
class TestRestructuringBreachedTourZh(RestructuringCase, HttpCase):
    """A credit user (least privilege) opens the warning of a debtor whose restructuring
    agreement was breached (its instalment missed past the grace days): the signal
    债务重组违约 with its evidence in Chinese, at the level 警告, as the daily run (the
    scheduled action) keeps it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        set_up_signal_tour_zh(
            cls, "zh_wcr_user", cls.debtor, "ZH 重组违约钢贸有限公司", "restructuring_breached"
        )

    def test_restructuring_breached_zh(self):
        inv = self.make_invoice(self.debtor, 1000, due="2026-05-01")
        with freeze_time("2026-06-15"):
            # proposed by the collector, submitted, approved by the credit manager
            agreement = self.activate(self.create_agreement(inv, [("2026-07-01", 1000)]))
        # the instalment of 07-01 unpaid past the 5 grace days: the collection run of 07-07
        # breaks the agreement; the warning's scheduled action (as OdooBot) keeps the signal
        with freeze_time("2026-07-07"):
            self.run_daily("2026-07-07")
            self.env.ref("credit_warning.ir_cron_credit_warning_daily").method_direct_trigger()
        self.assertRecordValues(agreement, [{"state": "breached", "breach_date": date(2026, 7, 7)}])
        signal = self.env["credit.warning.signal"].search([("partner_id", "=", self.debtor.id)])
        self.assertRecordValues(
            signal,
            [
                {
                    "signal_type": "restructuring_breached",
                    "weight": 4.0,
                    "date_last": date(2026, 7, 7),
                }
            ],
        )
        self.assertEqual(
            signal.evidence,
            "1 份债务重组协议违约，最近一次为 2026年07月07日（重组金额 $\xa01,000.00）："
            f"{agreement.name}。",
        )
        self.assertEqual(self.debtor.with_company(self.company).credit_warning_level, "warning")
        self.start_tour("/odoo", "credit_warning_restructuring_zh", login=self.zh_user.login)
