"""Every shipped role opens its documents with external credit data installed: the
customer's form (the external data where the role may read it), the adverse records for
the credit roles and auditors; the portal user its own pages."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import ExternalCase, code, csv_file

READERS = ("salesperson", "billing", "auditor", "collector", "analyst", "manager")


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestRolesOpenDocuments(ExternalCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.roles = {
            "salesperson": cls.salesman,
            "billing": new_test_user(
                cls.env, login="ce_billing", groups="account.group_account_invoice", **common
            ),
            "auditor": new_test_user(
                cls.env,
                login="ce_auditor",
                groups="base.group_user,account.group_account_readonly",
                **common,
            ),
            "collector": new_test_user(
                cls.env,
                login="ce_collector",
                groups="base.group_user,credit_management.group_credit_collector",
                **common,
            ),
            "analyst": cls.analyst,
            "manager": cls.manager,
            "employee": new_test_user(
                cls.env, login="ce_employee", groups="base.group_user", **common
            ),
        }
        cls.portal = new_test_user(
            cls.env,
            login="ce_portal",
            groups="base.group_portal",
            partner_id=cls.contact.id,
            **common,
        )
        imp = cls.make_import(
            csv_file([[code(1), "", "2026-06-01", "AA", "", "", "D1", "", "", ""]])
        )
        imp.action_preview()
        imp.action_apply()
        cls.imp = imp

    def test_roles_open_the_customer_and_its_external_data(self):
        for role, user in self.roles.items():
            with self.subTest(role=role):
                form = Form(self.alpha.with_user(user))
                self.assertEqual(form.name, "Alpha Steel Ltd")
                adverse = self.env["credit.external.adverse"].with_user(user)
                if role in READERS:
                    found = adverse.search([("partner_id", "=", self.alpha.id)])
                    self.assertEqual(found.reference, "D1")
                    found.read(list(found._fields))
                    self.env["credit.external.record"].with_user(user).search([]).read(["rating"])
                else:
                    with self.assertRaises(AccessError):
                        adverse.search([])
        with self.assertRaises(AccessError):
            self.imp.with_user(self.salesman).read(["name"])
        self.assertEqual(Form(self.imp.with_user(self.manager)).state, "applied")

    def test_portal_still_opens_its_pages(self):
        self.authenticate(self.portal.login, self.portal.login)
        self.assertEqual(self.url_open("/my/account").status_code, 200)
        self.assertEqual(self.url_open("/my").status_code, 200)

    def test_template_download(self):
        self.authenticate(self.analyst.login, self.analyst.login)
        response = self.url_open("/credit_external_data/template.csv")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(
            response.content.decode("utf-8-sig").startswith("统一社会信用代码,来源,日期")
        )
        response = self.url_open("/credit_external_data/template.xlsx")
        self.assertEqual(response.content[:2], b"PK")
