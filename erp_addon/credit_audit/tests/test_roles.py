"""Who reads what: the responsible member of staff their own findings (and their audit),
the credit department all, Odoo's own roles none, and every role still opens the
customer's form."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, AuditCase

ACTIONS = (
    "credit_audit.action_credit_audit",
    "credit_audit.action_credit_audit_finding",
    "credit_audit.action_credit_audit_accountability",
)


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestRoles(AuditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.audit = cls.make_audit()
        cls.mine = cls.make_finding(cls.audit, state="open")
        cls.theirs = cls.make_finding(cls.audit, state="open", employee=cls.employee_2)

    def test_staff_read_their_own_findings(self):
        Finding = self.Finding.with_user(self.staff)
        self.assertEqual(Finding.search([]), self.mine)
        self.assertEqual(self.Audit.with_user(self.staff).search([]), self.audit)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.staff).read(["name"])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.staff).write({"plan": "Mine"})
        form = Form(self.mine.with_user(self.staff))
        self.assertEqual(form.name, "Shipped over the credit limit")

    def test_credit_department_reads_all(self):
        for user in (self.administrator, self.auditor, self.manager):
            self.assertEqual(
                self.Finding.with_user(user).search([("audit_id", "=", self.audit.id)]),
                self.mine | self.theirs,
            )
            for xmlid in ACTIONS:
                action = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(xmlid)
                self.env[action["res_model"]].with_user(user).web_search_read(
                    [], {"display_name": {}}
                )

    def test_odoo_roles_read_nothing_but_open_the_customer(self):
        for groups in (
            "sales_team.group_sale_salesman",
            "account.group_account_invoice",
            "account.group_account_readonly",
            "base.group_portal",
        ):
            user = new_test_user(
                self.env, login=f"au_role_{groups.replace('.', '_')}", groups=groups
            )
            if user.has_group("credit_management.group_credit_user"):
                self.assertFalse(self.Finding.with_user(user).search([]))
            else:
                with self.assertRaises(AccessError):
                    self.Finding.with_user(user).search([])
            if not user.share:
                form = Form(self.customer.with_user(user))
                self.assertEqual(form.name, self.customer.name)
            with self.assertRaises(AccessError):
                self.mine.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.Accountability.with_user(user).search([])
