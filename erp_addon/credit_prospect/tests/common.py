from contextlib import contextmanager

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import Form, new_test_user
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests.common import CreditCase
from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

TODAY = "2026-06-15"


@freeze_time(TODAY)
class ProspectCase(CreditCase):
    """The credit test company on a fixed day with three commercial partners and the
    people who read the ranking:

    - ``good``: grade A, limit 100,000, three invoices paid on or before their due date
      (60,000 17 months ago, 30,000 and 40,000 in the last 12 months), nothing owed;
    - ``slow``: grade A, limit 100,000, an invoice of 50,000 paid 20 days late and one of
      20,000 still open, not yet due;
    - ``fresh``: a prospect of grade B with no sales, no limit;

    ``good`` and ``slow`` are the salesperson's, ``fresh`` another salesperson's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "credit_block_overdue": False,
                "credit_prospect_weight_grade": 30,
                "credit_prospect_weight_on_time": 25,
                "credit_prospect_weight_days_late": 15,
                "credit_prospect_weight_available": 15,
                "credit_prospect_weight_growth": 15,
                "credit_prospect_good_max_days_late": 5,
                "credit_prospect_good_min_on_time": 90,
                "credit_prospect_raise_percent": 20,
            }
        )
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.seller = new_test_user(
            cls.env, login="cp_seller", groups="sales_team.group_sale_salesman", **common
        )
        cls.seller_2 = new_test_user(
            cls.env, login="cp_seller2", groups="sales_team.group_sale_salesman", **common
        )
        cls.sales_manager = new_test_user(
            cls.env, login="cp_sales_manager", groups="sales_team.group_sale_manager", **common
        )
        cls.credit_analyst = new_test_user(
            cls.env,
            login="cp_analyst",
            groups="base.group_user,credit_management.group_credit_analyst",
            **common,
        )
        cls.billing = new_test_user(
            cls.env, login="cp_billing", groups="account.group_account_invoice", **common
        )
        Partner = cls.env["res.partner"]
        cls.good = Partner.create(
            {
                "name": "Good Payer Steel Ltd",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.seller.id,
            }
        )
        cls.slow = Partner.create(
            {
                "name": "Slow Payer Trading Ltd",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.seller.id,
            }
        )
        cls.fresh = Partner.create(
            {"name": "Fresh Prospect Ltd", "is_company": True, "user_id": cls.seller_2.id}
        )
        cls.set_limit(cls.good, 100_000, cls.grade_a)
        cls.set_limit(cls.slow, 100_000, cls.grade_a)
        cls.fresh.with_company(cls.company).sudo().credit_grade_id = cls.grade_b
        # dates relative to the test's day (TODAY, or the real day of the tour)
        day = fields.Date.to_date(cls.freeze_time) if cls.freeze_time else fields.Date.today()

        def d(months, days=0):
            return day + relativedelta(months=months, days=days)

        # good: 60,000 in the 12 months before, 70,000 in the last 12 (growth 16.7%)
        cls.pay(cls.invoice(cls.good, 60_000, d(-17, -5), d(-16, -5)), d(-16, -5))
        cls.pay(cls.invoice(cls.good, 30_000, d(-9, -14), d(-8, -14)), d(-8, -20))
        cls.pay(cls.invoice(cls.good, 40_000, d(-3, -14), d(-2, -14)), d(-2, -14))
        # slow: 50,000 paid 20 days late, 20,000 open and not due
        cls.pay(cls.invoice(cls.slow, 50_000, d(-5, -10), d(-4, -10)), d(-4, 10))
        cls.invoice(cls.slow, 20_000, d(0, -14), d(0, 16))

    @classmethod
    def zh_salesperson(cls, login):
        """For a zh_CN tour: Chinese loaded and made the company's language, and a
        salesperson reading Chinese whose password is ``login``."""
        load_zh_cn(cls.env)
        cls.company.partner_id.lang = "zh_CN"
        return new_test_user(
            cls.env,
            login=login,
            name="ZH 销售员",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            lang="zh_CN",
        )

    @classmethod
    def invoice(cls, partner, amount, date, due):
        """A posted customer invoice of ``amount`` dated ``date``, due on ``due``."""
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "invoice_date": date,
                "date": date,
                "invoice_date_due": due,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "steel",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        checking = cls.company.credit_check_invoice
        cls.company.credit_check_invoice = False
        move.action_post()
        cls.company.credit_check_invoice = checking
        return move

    @classmethod
    def pay(cls, move, day):
        """Pay ``move`` in full on ``day``."""
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create({"payment_date": day})
        )
        wizard._create_payments()

    def rows(self, user=None, partners=None):
        """The ranking as ``user`` reads it (record rules apply), in its order: read afresh,
        as each request of the web client does (the view's rows are never cached)."""
        self.env["credit.prospect"].invalidate_model()
        Prospect = self.env["credit.prospect"]
        if user:
            Prospect = Prospect.with_user(user)
        domain = [("company_id", "=", self.company.id)]
        if partners is not None:
            domain.append(("partner_id", "in", partners.ids))
        return Prospect.search(domain)

    def row(self, partner, user=None):
        row = self.rows(user, partner)
        self.assertEqual(len(row), 1, partner.name)
        return row

    @contextmanager
    def assertRaisesExact(self, exc_type, text):
        """The exception of exactly ``exc_type`` with ``text`` in its message."""
        with self.assertRaises(exc_type) as caught:
            yield caught
        self.assertIs(type(caught.exception), exc_type, str(caught.exception))
        self.assertIn(text, str(caught.exception))

    def open_form(self, action, user):
        """The form a button returned, opened as the web client does (its context)."""
        self.assertEqual(action["type"], "ir.actions.act_window")
        Model = self.env[action["res_model"]].with_user(user)
        if action.get("res_id"):
            return Form(Model.browse(action["res_id"]))
        return Form(Model.with_context(**action.get("context", {})))
