"""Issue 19, item g: the demo's people are one identity each — a user and an employee of
the same name — and the credit (contract) administrators appraised on the contracts are
the employees, and the users, who reviewed, approved and registered them. People,
departments, customers and suppliers of the demo company are named in Chinese."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.credit_management.tests.demo import is_chinese, require_demo

MODULES = ("credit_management", "credit_contract", "credit_appraisal", "credit_collection")


@tagged("post_install", "-at_install", "credit_appraisal", "credit_demo")
class TestDemoPeople(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="zh_CN", active_test=False))

    def setUp(self):
        super().setUp()
        self.company = require_demo(self, "credit_appraisal")
        self.users = self.env["res.users"].search(
            [("company_ids", "in", self.company.id), ("share", "=", False)]
        ) - self.env.ref("base.user_root")
        self.employees = self.env["hr.employee"].search([("company_id", "=", self.company.id)])

    def test_one_identity_per_person(self):
        self.assertGreaterEqual(len(self.users), 8)
        # one employee per user in the company; each named as its user, in every company
        for user in self.users:
            mine = self.env["hr.employee"].search([("user_id", "=", user.id)])
            self.assertEqual(set(mine.mapped("name")) - {user.name}, set(), user.login)
            self.assertLessEqual(len(mine & self.employees), 1, user.login)
        self.assertEqual(self.env.ref("hr.employee_admin").name, "王建国")
        # no two people of the company share a name
        names = self.employees.mapped("name")
        self.assertEqual(sorted(names), sorted(set(names)))
        names = self.users.mapped("name")
        self.assertEqual(sorted(names), sorted(set(names)))

    def test_reviewers_are_the_appraised_administrators(self):
        """Whoever reviewed, approved or registered a demo contract as its credit
        (contract) administrator is appraised as one: the employee of that user, with a
        credit.administrator record in the company."""
        administrators = self.env["credit.administrator"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertGreaterEqual(len(administrators), 5)
        for administrator in administrators:
            employee = administrator.employee_id
            self.assertEqual(employee.company_id, self.company, employee.name)
            self.assertTrue(employee.user_id, f"{employee.name} reviews as a user")
            self.assertEqual(employee.user_id.name, employee.name)
        appraised_users = administrators.employee_id.user_id
        contracts = self.env["credit.contract"].search([("company_id", "=", self.company.id)])
        self.assertGreaterEqual(len(contracts), 16)
        group = self.env.ref("credit_management.group_credit_administrator")
        reviewers = (
            contracts.review_line_ids.reviewer_id
            | contracts.approved_by_id
            | contracts.registered_by_id
        ).filtered(lambda user: group in user.groups_id)
        self.assertTrue(reviewers)
        self.assertEqual(reviewers - appraised_users, self.env["res.users"])
        # the appraisal demo's contracts: each registered by the administrator appraised
        # for the department that made it
        for xmlid in (
            "credit_appraisal.demo_contract_steel_2024",
            "credit_appraisal.demo_contract_export_2024",
        ):
            contract = self.env.ref(xmlid)
            registrar = administrators.filtered(
                lambda a, c=contract: a.employee_id.user_id == c.registered_by_id
            )
            self.assertEqual(len(registrar), 1, xmlid)
            self.assertIn(contract.department_id, registrar.department_ids, xmlid)

    def test_names_in_chinese(self):
        self.assertEqual(self.users.filtered(lambda u: not is_chinese(u.name)).mapped("login"), [])
        self.assertEqual(
            self.employees.filtered(lambda e: not is_chinese(e.name)).mapped("name"), []
        )
        departments = self.env["hr.department"].search([("company_id", "=", self.company.id)])
        self.assertGreaterEqual(len(departments), 5)
        self.assertEqual(departments.filtered(lambda d: not is_chinese(d.name)).mapped("name"), [])
        data = self.env["ir.model.data"].search(
            [("module", "in", MODULES), ("model", "=", "res.partner")]
        )
        partners = self.env["res.partner"].browse(data.mapped("res_id")).exists()
        customers = partners.filtered(lambda p: p.is_company and p.customer_rank)
        suppliers = partners.filtered(lambda p: p.is_company and p.supplier_rank)
        self.assertGreaterEqual(len(customers), 10)
        self.assertTrue(suppliers)
        self.assertEqual(
            (customers | suppliers).filtered(lambda p: not is_chinese(p.name)).mapped("name"), []
        )
