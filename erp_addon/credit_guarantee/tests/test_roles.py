"""Every shipped role opens its documents with guarantees installed: the customer's form
(with the guarantees' smart buttons and figures where the role may see them), the
guarantees' list and form for the roles that read them; the portal user its own pages."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import GuaranteeCase

GUARANTEE_READERS = ("salesperson", "billing", "auditor", "collector", "analyst", "manager")


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestRolesOpenDocuments(GuaranteeCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.roles = {
            "salesperson": cls.salesman,
            "billing": new_test_user(
                cls.env, login="cg_billing", groups="account.group_account_invoice", **common
            ),
            "auditor": new_test_user(
                cls.env,
                login="cg_auditor",
                groups="base.group_user,account.group_account_readonly",
                **common,
            ),
            "collector": new_test_user(
                cls.env,
                login="cg_collector",
                groups="base.group_user,credit_management.group_credit_collector",
                **common,
            ),
            "analyst": cls.analyst,
            "manager": cls.manager,
            "employee": new_test_user(
                cls.env, login="cg_employee", groups="base.group_user", **common
            ),
        }
        cls.portal = new_test_user(
            cls.env,
            login="cg_portal",
            groups="base.group_portal",
            partner_id=cls.contact.id,
            **common,
        )
        cls.guarantee = cls.activate(cls.make_guarantee(4_000, kind="guarantee"))

    def test_roles_open_the_customer_and_its_guarantees(self):
        for role, user in self.roles.items():
            with self.subTest(role=role):
                form = Form(self.customer.with_user(user))
                self.assertEqual(form.name, self.customer.name)
                if role in GUARANTEE_READERS:
                    customer = self.customer.with_user(user)
                    self.assertEqual(customer.credit_guarantee_count, 1)
                    action = customer.action_credit_guarantees()
                    found = self.env["credit.guarantee"].with_user(user).search(action["domain"])
                    self.assertEqual(found, self.guarantee)
                    record = Form(found)
                    self.assertEqual(record.cover_amount, 4_000)
                    found.read(list(found._fields))
                else:
                    with self.assertRaises(AccessError):
                        self.guarantee.with_user(user).read(["value"])
        # the figures: the credit roles and accounting
        self.assertEqual(
            self.customer.with_user(self.roles["auditor"]).credit_guarantee_cover, 4_000
        )
        self.assertEqual(
            self.guarantor.with_user(self.roles["collector"]).credit_guarantee_contingent, 4_000
        )

    def test_roles_open_the_valuations(self):
        """The guarantee's valuations (its Valuations tab, the valuation's own form) open
        for the roles that read guarantees, and for no one else."""
        other = self.env["res.partner"].create({"name": "Mortgagor Ltd", "is_company": True})
        mortgage = self.activate(self.make_guarantee(10_000, partner_id=other.id))
        mortgage.with_user(self.analyst)._record_valuation(9_000, 0.0, "2026-06-15", "评估报告")
        valuation = mortgage.valuation_ids
        for role, user in self.roles.items():
            with self.subTest(role=role):
                if role in GUARANTEE_READERS:
                    record = Form(mortgage.with_user(user))
                    self.assertEqual(len(record.valuation_ids), 1)
                    form = Form(valuation.with_user(user))
                    self.assertEqual(form.new_value, 9_000)
                    valuation.with_user(user).read(list(valuation._fields))
                else:
                    with self.assertRaises(AccessError):
                        valuation.with_user(user).read(["new_value"])

    def test_portal_still_opens_its_pages(self):
        with self.assertRaises(AccessError):
            self.guarantee.with_user(self.portal).read(["value"])
        with self.assertRaises(AccessError):
            self.env["credit.guarantee.valuation"].with_user(self.portal).search([])
        self.authenticate(self.portal.login, self.portal.login)
        response = self.url_open("/my/account")
        self.assertEqual(response.status_code, 200)
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
