from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_supplier.tests.common import TODAY, SupplierCase


class ContractCase(SupplierCase):
    """Two purchase contracts of the supplier ended in the period, one completed and one
    terminated, and a dispute opened on one in force. Days relative to the clock (the tour
    runs on a real one)."""

    @classmethod
    def contract(cls, state, date_end):
        return (
            cls.env["credit.contract"]
            .sudo()
            .create(
                {
                    "title": "Steel pipes",
                    "contract_type": "purchase",
                    "counterparty_pays": "nothing",
                    "partner_id": cls.supplier.id,
                    "company_id": cls.company.id,
                    "amount": 10000,
                    "date_start": cls.today - timedelta(days=150),
                    "date_end": date_end,
                    "state": state,
                }
            )
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.period = (cls.today - timedelta(days=180), cls.today)
        cls.contract("completed", cls.today - timedelta(days=40))
        cls.contract("terminated", cls.today - timedelta(days=10))
        # not ended: not counted, its dispute is
        in_force = cls.contract("performance", cls.today + timedelta(days=200))
        cls.env["credit.contract.dispute"].sudo().create(
            {
                "contract_id": in_force.id,
                "date_start": cls.today - timedelta(days=30),
                "description": "Late deliveries",
            }
        )


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestContractFigures(ContractCase):
    def test_performance_and_disputes(self):
        """The share of ended purchase contracts completed and the disputes opened in the
        period (SQL, sql/credit_supplier_contracts.sql)."""
        figures = self.supplier._credit_supplier_figures(self.company, *self.period)[
            self.supplier.id
        ]
        self.assertEqual(figures["contracts_ended"], 2)
        self.assertEqual(figures["contract_performance"], 50.0)
        self.assertEqual(figures["contract_disputes"], 1)
        evaluation = self.evaluation(date_from=self.period[0], date_to=self.period[1])
        evaluation.action_compute_figures()
        by_source = {line.source: line for line in evaluation.line_ids}
        self.assertEqual(by_source["contract_performance"].points, 40.0)  # [50, 80) -> 40
        self.assertEqual(by_source["contract_disputes"].points, 60.0)  # [1, 2) -> 60

    def test_no_contract_no_figure(self):
        other = self.env["res.partner"].create({"name": "Hongda", "is_company": True})
        figures = other._credit_supplier_figures(self.company, *self.period)
        self.assertIsNone(figures[other.id]["contract_performance"])
        self.assertEqual(figures[other.id]["contract_disputes"], 0)
