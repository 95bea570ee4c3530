from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn
from odoo.addons.credit_prospect.tests.common import ProspectCase


@tagged("post_install", "-at_install")
class TestProspectCoverTourZh(ProspectCase, HttpCase):
    """The salesperson reads, in Chinese, the guarantee cover counted in a customer's
    available credit (credit_prospect/static/tests/tours/credit_prospect_guarantee_zh_tour.js)."""

    # a browser needs a running clock: the invoices are dated from the real day
    freeze_time = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        cls.company.partner_id.lang = "zh_CN"
        cls.company.write(
            {"credit_guarantee_cover_mode": "limit", "credit_guarantee_max_share": 50.0}
        )
        # the password is the login
        cls.zh_seller = new_test_user(
            cls.env,
            login="zh_cpg_seller",
            name="ZH 销售员",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            lang="zh_CN",
        )
        cls.slow.write({"name": "ZH 担保客户", "user_id": cls.zh_seller.id})
        today = fields.Date.context_today(cls.env.user)
        guarantee = (
            cls.env["credit.guarantee"]
            .with_user(cls.analyst)
            .create(
                {
                    "partner_id": cls.slow.id,
                    "company_id": cls.company.id,
                    "kind": "guarantee",
                    "guarantor_id": cls.good.id,
                    "value": 10_000,
                    "date_start": today - timedelta(days=30),
                    "date_end": today + timedelta(days=300),
                    "valuation_date": today - timedelta(days=30),
                }
            )
        )
        guarantee.with_user(cls.analyst).action_submit()
        guarantee.with_user(cls.manager)._action_decide("approve", "documents checked")

    def test_cover_in_the_ranking_zh(self):
        row = self.row(self.slow, self.zh_seller)
        self.assertRecordValues(row, [{"guarantee_cover": 10_000, "available": 90_000}])
        self.start_tour("/odoo", "credit_prospect_guarantee_zh", login=self.zh_seller.login)
