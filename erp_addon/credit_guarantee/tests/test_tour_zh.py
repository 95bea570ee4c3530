from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import GuaranteeCase

GUARANTEES = "/odoo/action-credit_guarantee.action_credit_guarantee"


@tagged("post_install", "-at_install")
class TestGuaranteeTourZh(GuaranteeCase, HttpCase):
    """The guarantee's main flow walked in Chinese by each role, least privilege
    (static/tests/tours/credit_guarantee_zh_tour.js): the analyst creates a mortgage and
    submits it, the credit manager approves it with a reason; the analyst revalues a
    mortgage in force in the revaluation dialog (lower: applied at once); the credit manager
    approves a higher valuation from the guarantee's valuations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        (cls.analyst | cls.manager).write({"lang": "zh_CN"})
        cls.customer.name = "ZH担保客户"

    def test_guarantee_zh(self):
        self.start_tour("/odoo", "credit_guarantee_zh_propose", login=self.analyst.login)
        guarantee = self.env["credit.guarantee"].search([("partner_id", "=", self.customer.id)])
        self.assertRecordValues(
            guarantee,
            [
                {
                    "state": "to_approve",
                    "kind": "mortgage",
                    "value": 50_000,
                    "haircut": 20,
                    "cover_amount": 40_000,
                    "collateral": "上海市浦东新区厂房一处",
                    "proposed_by_id": self.analyst.id,
                    "required_level": "manager",
                }
            ],
        )
        self.assertGreater(guarantee.date_end, fields.Date.today())
        self.start_tour(
            f"{GUARANTEES}/{guarantee.id}", "credit_guarantee_zh_approve", login=self.manager.login
        )
        self.assertRecordValues(
            guarantee,
            [
                {
                    "state": "active",
                    "decided_by_id": self.manager.id,
                    "decision_note": "抵押登记已办妥",
                }
            ],
        )

    def test_revalue_zh(self):
        """The analyst revalues a mortgage in force in the revaluation dialog (重新评估)."""
        guarantee = self.activate(
            self.make_guarantee(
                50_000,
                valuation_date=fields.Date.today() - timedelta(days=30),
                date_start=fields.Date.today() - timedelta(days=30),
                date_end=fields.Date.today() + timedelta(days=300),
            ),
            approver=self.manager_2,
        )
        self.start_tour(
            f"{GUARANTEES}/{guarantee.id}", "credit_guarantee_zh_revalue", login=self.analyst.login
        )
        self.assertRecordValues(
            guarantee.valuation_ids,
            [
                {
                    "state": "applied",
                    "old_value": 50_000,
                    "new_value": 40_000,
                    "valuation_date": fields.Date.today(),
                    "proposed_by_id": self.analyst.id,
                    "note": "上海东方评估事务所评估报告（沪东评字2026第058号）",
                }
            ],
        )
        self.assertEqual(guarantee.value, 40_000)

    def test_revalue_approve_zh(self):
        """The credit manager approves a higher valuation from the guarantee's valuations."""
        guarantee = self.activate(
            self.make_guarantee(
                50_000,
                valuation_date=fields.Date.today() - timedelta(days=30),
                date_start=fields.Date.today() - timedelta(days=30),
                date_end=fields.Date.today() + timedelta(days=300),
            ),
            approver=self.manager_2,
        )
        valuation = guarantee.with_user(self.analyst)._record_valuation(
            60_000, 0.0, fields.Date.today(), "复评报告"
        )
        self.assertEqual(valuation.state, "to_approve")
        self.start_tour(
            f"{GUARANTEES}/{guarantee.id}",
            "credit_guarantee_zh_revalue_approve",
            login=self.manager.login,
        )
        self.assertRecordValues(
            valuation,
            [
                {
                    "state": "applied",
                    "decided_by_id": self.manager.id,
                    "decision_note": "复评报告已核实",
                }
            ],
        )
        self.assertEqual(guarantee.value, 60_000)
