from contextlib import contextmanager

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tests.common import freeze_time

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

TODAY = "2026-06-15"


class CreditCase(AccountTestInvoicingCommon):
    """A company with its own grades, bands and least-privilege users; no demo data used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the accounting test user also runs the credit setup
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_committee")
        cls.company = cls.env.company
        cls.company.write(
            {
                "credit_check_sale": True,
                "credit_check_invoice": True,
                "credit_no_limit_policy": "none",
                "credit_limit_by_application": True,
                "credit_block_overdue": True,
                "credit_overdue_tolerance": 0.0,
                "credit_overdue_grace_days": 0,
                "credit_score_model_id": False,
            }
        )
        Grade = cls.env["credit.grade"]
        # the tests' own grades replace those copied into the new company
        Grade.search([("company_id", "=", cls.company.id)]).unlink()
        cls.grade_a = Grade.create(
            {
                "name": "A",
                "code": "A",
                "min_score": 70,
                "credit_policy": "normal",
                "max_credit_limit": 1_000_000,
                "review_interval_months": 12,
                "company_id": cls.company.id,
            }
        )
        cls.grade_b = Grade.create(
            {
                "name": "B",
                "code": "B",
                "min_score": 50,
                "credit_policy": "normal",
                "max_credit_limit": 100_000,
                "review_interval_months": 6,
                "company_id": cls.company.id,
            }
        )
        cls.grade_c = Grade.create(
            {
                "name": "C",
                "code": "C",
                "min_score": 30,
                "credit_policy": "prepayment",
                "max_credit_limit": 0,
                "review_interval_months": 3,
                "company_id": cls.company.id,
            }
        )
        cls.grade_d = Grade.create(
            {
                "name": "D",
                "code": "D",
                "min_score": 0,
                "credit_policy": "blocked",
                "max_credit_limit": 0,
                "review_interval_months": 3,
                "company_id": cls.company.id,
            }
        )
        Band = cls.env["credit.authority.band"]
        Band.search([("company_id", "=", cls.company.id)]).unlink()
        cls.band_manager = Band.create(
            {
                "amount_from": 0,
                "amount_to": 200_000,
                "level": "manager",
                "company_id": cls.company.id,
            }
        )
        cls.band_committee = Band.create(
            {
                "amount_from": 200_000,
                "amount_to": 0,
                "level": "committee",
                "company_id": cls.company.id,
            }
        )
        company_ids = [Command.set(cls.company.ids)]
        common = {"company_id": cls.company.id, "company_ids": company_ids}
        cls.salesman = new_test_user(
            cls.env, login="cm_sales", groups="sales_team.group_sale_salesman", **common
        )
        cls.analyst = new_test_user(
            cls.env,
            login="cm_analyst",
            groups="sales_team.group_sale_salesman,credit_management.group_credit_analyst",
            **common,
        )
        cls.manager = new_test_user(
            cls.env,
            login="cm_manager",
            groups="sales_team.group_sale_salesman,credit_management.group_credit_manager",
            **common,
        )
        cls.manager_2 = new_test_user(
            cls.env,
            login="cm_manager2",
            groups="sales_team.group_sale_salesman,credit_management.group_credit_manager",
            **common,
        )
        cls.committee = new_test_user(
            cls.env,
            login="cm_committee",
            groups="base.group_user,credit_management.group_credit_committee",
            **common,
        )
        # HR's appraisal group is credit_appraisal's: to this add-on, HR is an internal user
        cls.hr_user = new_test_user(cls.env, login="cm_hr", groups="base.group_user", **common)
        cls.accountant = new_test_user(
            cls.env,
            login="cm_accountant",
            groups="account.group_account_invoice,sales_team.group_sale_salesman",
            **common,
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Credit Customer Ltd", "is_company": True, "customer_rank": 1}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Buyer of Credit Customer", "parent_id": cls.customer.id}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Steel coil",
                "type": "consu",
                "list_price": 100.0,
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.company_data["default_account_revenue"].id,
            }
        )

    @contextmanager
    def assertRaisesText(self, exc_type, text):
        """assertRaises (which rolls back to a savepoint) plus a check of the message. An
        AccessError is a UserError: a refusal by rights never passes for the refusal by a
        rule that a UserError or ValidationError names."""
        with self.assertRaises(exc_type) as caught:
            yield caught
        if not issubclass(exc_type, AccessError):
            self.assertNotIsInstance(caught.exception, AccessError, str(caught.exception))
        self.assertIn(text, str(caught.exception))

    @classmethod
    def set_limit(cls, partner, amount, grade=None):
        vals = {"credit_limit": amount, "use_partner_credit_limit": True}
        if grade:
            vals["credit_grade_id"] = grade.id
        partner.with_company(cls.company).sudo().write(vals)

    @classmethod
    def make_order(cls, partner, amount, user=None, qty=1.0):
        order = (
            cls.env["sale.order"]
            .with_user(user or cls.env.user)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": qty,
                                "price_unit": amount / qty,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        return order

    @classmethod
    def make_invoice(cls, partner, amount, post=True, due=None, move_type="out_invoice"):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "invoice_date": due or fields.Date.today(),
                "invoice_date_due": due or fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "goods",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        if post:
            # setup data, not under test: post with the invoice check off
            checking = cls.company.credit_check_invoice
            cls.company.credit_check_invoice = False
            move.action_post()
            cls.company.credit_check_invoice = checking
        return move


@freeze_time(TODAY)
class CreditCommon(CreditCase):
    """CreditCase on a fixed day."""
