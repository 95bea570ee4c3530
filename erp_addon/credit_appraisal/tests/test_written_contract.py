"""Issue 17, item 4: 2.3 measured from the orders above the threshold, sales and purchases,
whether or not the company blocks them, immediate settlement excepted."""

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import freeze_time
from odoo.tools import SQL

from .common import AppraisalCase


@freeze_time("2026-01-20")
@tagged("post_install", "-at_install", "credit_appraisal")
class TestWrittenContract(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the company does not block orders without a contract: 2.3 is measured anyway
        cls.company.write(
            {"credit_contract_sale_required": False, "credit_contract_threshold": 1000}
        )
        cls.seller = cls.env["res.users"].create(
            {
                "name": "Seller",
                "login": "ca_wc_seller",
                "company_id": cls.company.id,
                "company_ids": [Command.set(cls.company.ids)],
                "groups_id": [Command.set(cls.env.ref("sales_team.group_sale_salesman").ids)],
            }
        )
        cls.env["hr.employee"].create(
            {
                "name": "Seller",
                "user_id": cls.seller.id,
                "department_id": cls.dept_1.id,
                "company_id": cls.company.id,
            }
        )
        cls.cash = cls.env["account.payment.term"].create(
            {"name": "Cash on the spot", "credit_immediate_settlement": True}
        )
        cls.covering = cls.contract(
            cls.dept_1, {"state": "performance", "date_signed": "2025-01-10"}
        )

    @classmethod
    def confirmed(cls, model, amount, day="2025-03-01", term=None, covered=False):
        """A confirmed order of the seller (amount in company currency), in SQL as of
        ``day``; ``covered`` links it to the signed contract."""
        order = cls.env[model].create(
            {
                "partner_id": cls.partner.id,
                "company_id": cls.company.id,
                "user_id": cls.seller.id,
                "payment_term_id": term.id if term else False,
            }
        )
        state = "sale" if model == "sale.order" else "purchase"
        cls.env.cr.execute(
            SQL(
                """UPDATE %s SET state = %s, date_order = %s, amount_total = %s,
                          currency_rate = 1 WHERE id = %s""",
                SQL.identifier(order._table),
                state,
                f"{day} 09:00:00",
                amount,
                order.id,
            )
        )
        if covered:
            field = cls.env["credit.contract"]._fields[
                "sale_order_ids" if model == "sale.order" else "purchase_order_ids"
            ]
            cls.env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s, %s) VALUES (%s, %s)",
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    SQL.identifier(field.column2),
                    cls.covering.id,
                    order.id,
                )
            )
        order.invalidate_recordset()
        return order

    def measure(self):
        period = self.make_period(2025)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        return period, self.line(appraisal, "2.3")

    def test_sales_orders_above_threshold_without_blocking(self):
        uncovered = self.confirmed("sale.order", 5000)
        covered = self.confirmed("sale.order", 5000, covered=True)
        cash = self.confirmed("sale.order", 5000, term=self.cash)
        small = self.confirmed("sale.order", 900)
        earlier = self.confirmed("sale.order", 5000, day="2024-12-30")
        period, line = self.measure()
        # failing: the uncovered order above the threshold on credit terms
        self.assertFalse(line.not_measurable)
        self.assertAlmostEqual(line.score, 1.5, places=2)
        self.assertIn("Figures: 1 of 2.", line.evidence)
        self.assertIn(f"Not passing: {uncovered.name}.", line.evidence)
        for order in (covered, cash, small, earlier):
            self.assertNotIn(order.name, line.evidence.split("Figures:")[1])
        # passing: once covered, full points; the blocking rule plays no part
        self.env.cr.execute(
            "INSERT INTO credit_contract_sale_order_rel (contract_id, order_id) VALUES (%s, %s)",
            [self.covering.id, uncovered.id],
        )
        self.company.credit_contract_sale_required = True
        period.with_user(self.manager).action_recompute()
        self.assertEqual(line.score, 3.0)
        self.assertIn("Figures: 2 of 2.", line.evidence)

    def test_only_immediate_settlement_is_not_measurable(self):
        self.confirmed("sale.order", 5000, term=self.cash)
        _period, line = self.measure()
        self.assertTrue(line.not_measurable)
        self.assertEqual(line.score, 0)
        self.assertIn("above the written-contract threshold", line.not_measurable_reason)

    def test_purchase_orders_count(self):
        if "purchase.order" not in self.env:
            self.skipTest("purchase orders are measured once credit_contract_purchase is installed")
        uncovered = self.confirmed("purchase.order", 8000)
        self.confirmed("purchase.order", 8000, covered=True)
        self.confirmed("purchase.order", 8000, term=self.cash)
        _period, line = self.measure()
        self.assertAlmostEqual(line.score, 1.5, places=2)
        self.assertIn("Figures: 1 of 2.", line.evidence)
        self.assertIn(uncovered.name, line.evidence)
