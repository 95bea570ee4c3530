from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import ProspectCoverCase


@tagged("post_install", "-at_install")
class TestProspectCoverTourZh(ProspectCoverCase, HttpCase):
    """The salesperson reads, in Chinese, the guarantee cover counted in a customer's
    available credit (credit_prospect/static/tests/tours/credit_prospect_guarantee_zh_tour.js)."""

    # a browser needs a running clock: the invoices are dated from the real day
    freeze_time = None

    @classmethod
    def cover_period(cls):
        # from the real day (the browser's clock runs)
        today = fields.Date.context_today(cls.env.user)
        return today - timedelta(days=30), today + timedelta(days=300)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zh_seller = cls.zh_salesperson("zh_cpg_seller")
        cls.slow.write({"name": "ZH 担保客户", "user_id": cls.zh_seller.id})

    def test_cover_in_the_ranking_zh(self):
        row = self.row(self.slow, self.zh_seller)
        self.assertRecordValues(row, [{"guarantee_cover": 10_000, "available": 90_000}])
        self.start_tour("/odoo", "credit_prospect_guarantee_zh", login=self.zh_seller.login)
