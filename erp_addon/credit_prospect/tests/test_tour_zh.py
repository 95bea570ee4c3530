from odoo.tests import HttpCase, tagged

from .common import ProspectCase


@tagged("post_install", "-at_install")
class TestProspectTourZh(ProspectCase, HttpCase):
    """The salesperson's walk in Chinese (static/tests/tours/credit_prospect_zh_tour.js):
    Sales > Orders > 客户资信排名, the good payer first, 建议提高授信额度 opens the credit
    application prefilled, saved and submitted to the credit department."""

    # a browser needs a running clock: the invoices are dated from the real day
    freeze_time = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zh_seller = cls.zh_salesperson("zh_cp_seller")
        cls.good.write({"name": "ZH 港联钢构有限公司", "user_id": cls.zh_seller.id})
        cls.slow.write({"name": "ZH 迟付客户", "user_id": cls.zh_seller.id})
        cls.good.with_company(cls.company).sudo().credit_due_diligence_date = "2025-01-01"

    def test_propose_zh(self):
        self.start_tour("/odoo", "credit_prospect_zh_propose", login=self.zh_seller.login)
        application = self.env["credit.application"].search([("partner_id", "=", self.good.id)])
        self.assertRecordValues(
            application,
            [
                {
                    "state": "submitted",
                    "application_type": "limit_change",
                    "requested_limit": 120_000,
                    "requested_by_id": self.zh_seller.id,
                }
            ],
        )
        self.assertIn("征信助销", application.justification)
        self.assertIn("排名得分", application.justification)
