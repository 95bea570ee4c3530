"""Every role Odoo ships still opens its documents; credit figures and personal data go
only to the roles that need them; a fresh install behaves as stock Odoo."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from ..exceptions import CreditCheckBlocked
from .common import CreditCase, CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestRoles(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.auditor = new_test_user(
            cls.env, login="cm_auditor", groups="account.group_account_readonly", **common
        )
        cls.plain_user = new_test_user(
            cls.env, login="cm_plain", groups="base.group_user", **common
        )
        cls.set_limit(cls.customer, 1000)
        cls.order = cls.make_order(cls.customer, 400, user=cls.salesman)
        cls.invoice = cls.make_invoice(cls.customer, 300)
        cls.draft = cls.make_invoice(cls.customer, 2000, post=False)

    def open_form(self, record, user):
        """What the web client does to show the form: the user's view, then its fields."""
        record = record.with_user(user)
        views = record.get_views([(False, "form")])
        fields = views["models"][record._name]["fields"]
        return record.read(list(fields))[0]

    def test_10_every_role_opens_its_documents(self):
        for user, record in (
            (self.auditor, self.invoice),
            (self.auditor, self.draft),
            (self.auditor, self.order),
            (self.accountant, self.draft),
            (self.salesman, self.order),
        ):
            with self.subTest(user=user.login, record=record._name):
                values = self.open_form(record, user)
                self.assertEqual(values["id"], record.id)
        values = self.open_form(self.draft, self.accountant)
        self.assertIn("over the credit limit", values["credit_check_warning"])

    def test_credit_figures_for_credit_roles_and_accounting(self):
        partner = self.customer.with_company(self.company)
        for user in (self.salesman, self.accountant, self.auditor):
            with self.subTest(user=user.login):
                self.assertAlmostEqual(partner.with_user(user).credit_exposure, 2300)
        with self.assertRaises(AccessError):
            partner.with_user(self.plain_user).read(["credit_exposure"])
        with self.assertRaises(AccessError):
            partner.with_user(self.plain_user).read(["credit_available"])

    def test_warning_list_id_numbers_only_for_the_list_keepers(self):
        entry = self.env["credit.warning.entry"].create(
            {
                "name": "Zhang San",
                "entry_type": "person",
                "id_number": "110101199003070000",
                "reason": "court list",
            }
        )
        with self.assertRaises(AccessError):
            entry.with_user(self.salesman).read(["id_number"])
        self.assertEqual(entry.with_user(self.analyst).id_number, "110101199003070000")

    def test_financial_figures_follow_companies(self):
        other = self.env["res.company"].create({"name": "Sister Co"})
        self.env["credit.partner.financial"].create(
            {
                "partner_id": self.customer.id,
                "company_id": other.id,
                "period_end": "2025-12-31",
                "revenue": 5_000_000,
            }
        )
        mine = (
            self.env["credit.partner.financial"]
            .with_user(self.analyst)
            .create({"partner_id": self.customer.id, "period_end": "2025-12-31", "revenue": 1000})
        )
        self.assertEqual(mine.company_id, self.company)
        seen = (
            self.env["credit.partner.financial"]
            .with_user(self.analyst)
            .search([("partner_id", "=", self.customer.id)])
        )
        self.assertEqual(seen, mine)

    def test_ratios_cannot_be_forged(self):
        Financial = self.env["credit.partner.financial"].with_user(self.analyst)
        figures = {
            "partner_id": self.customer.id,
            "period_end": "2025-12-31",
            "total_assets": 100,
            "total_liabilities": 90,
        }
        # a ratio given with the figures is refused (credit.guard.mixin)
        with self.assertRaisesText(AccessError, "set by its workflow"):
            Financial.create(dict(figures, current_ratio=50))
        # context defaults are ignored: the ratios come from the figures
        fin = Financial.with_context(default_debt_ratio=1.0, default_current_ratio=9.0).create(
            figures
        )
        self.assertAlmostEqual(fin.debt_ratio, 90)
        self.assertAlmostEqual(fin.current_ratio, 0)
        with self.assertRaises(AccessError):
            fin.with_user(self.analyst).write({"debt_ratio": 1})


@tagged("post_install", "-at_install", "credit_management")
class TestFreshInstall(CreditCase):
    """A company as the add-on finds it: every rule off, Odoo's own behaviour kept."""

    def test_new_company_changes_nothing_until_switched_on(self):
        company = self.env["res.company"].create({"name": "Untouched Co"})
        settings = company._credit_settings()
        self.assertFalse(settings["credit_check_sale"])
        self.assertFalse(settings["credit_check_invoice"])
        self.assertFalse(settings["credit_block_overdue"])
        self.assertFalse(settings["credit_limit_by_application"])
        self.assertEqual(settings["credit_no_limit_policy"], "none")

    def test_no_limit_policy(self):
        self.company.write({"credit_limit_by_application": False})
        customer = self.env["res.partner"].create({"name": "No Limit Yet", "is_company": True})
        big = self.make_order(customer, 100_000_000)
        self.assertFalse(big.credit_check_warning)
        self.company.credit_no_limit_policy = "warn"
        big.invalidate_recordset()
        self.assertIn("no approved credit limit", big.credit_check_warning)
        self.company.credit_no_limit_policy = "block"
        with self.assertRaisesText(CreditCheckBlocked, "a due-diligence credit application"):
            big.action_confirm()
        self.company.credit_no_limit_policy = "none"
        big.action_confirm()
        self.assertEqual(big.state, "sale")

    def test_billing_user_sets_odoo_limit_while_applications_are_off(self):
        billing = new_test_user(
            self.env,
            login="cm_billing",
            groups="account.group_account_invoice,base.group_partner_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.company.credit_limit_by_application = False
        self.customer.with_user(billing).with_company(self.company).write(
            {"credit_limit": 5000, "use_partner_credit_limit": True}
        )
        self.assertEqual(self.customer.with_company(self.company).sudo().credit_limit, 5000)
        self.company.credit_limit_by_application = True
        with self.assertRaises(AccessError):
            self.customer.with_user(billing).with_company(self.company).write(
                {"credit_limit": 9000}
            )


@tagged("post_install", "-at_install", "credit_management")
class TestPortal(HttpCase):
    """Portal customers open their orders and invoices as before."""

    def test_portal_customer_opens_orders_and_invoices(self):
        company = self.env.ref("base.main_company")
        company.write({"credit_check_sale": True, "credit_check_invoice": True})
        portal = new_test_user(self.env, login="cm_portal", groups="base.group_portal")
        partner = portal.partner_id
        product = self.env["product.product"].create({"name": "Portal widget", "list_price": 10})
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [Command.create({"product_id": product.id, "price_unit": 10})],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        self.authenticate("cm_portal", "cm_portal")
        for url in (f"/my/orders/{order.id}", f"/my/invoices/{invoice.id}"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(order.name if "orders" in url else invoice.name, response.text)
