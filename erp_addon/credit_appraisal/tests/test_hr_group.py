from odoo.exceptions import AccessError
from odoo.modules.migration import load_script
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestHrGroup(AppraisalCase):
    """HR's appraisal group is this add-on's (it was credit_management's before 18.0.1.1.0)."""

    def xmlid_row(self, name):
        self.env.cr.execute(
            "SELECT module, res_id FROM ir_model_data WHERE name = %s AND model = %s",
            (name, "res.groups" if name == "group_credit_hr" else "ir.module.category"),
        )
        return self.env.cr.fetchall()

    def test_migration_keeps_the_group_and_its_members(self):
        group = self.env.ref("credit_appraisal.group_credit_hr")
        category = self.env.ref("credit_appraisal.module_category_credit_management_hr")
        self.assertEqual(group.category_id, category)
        self.assertIn(self.hr_user, group.users)
        # a database of before: both XML ids were credit_management's
        self.env.cr.execute(
            "UPDATE ir_model_data SET module = 'credit_management' WHERE module = "
            "'credit_appraisal' AND name IN ('group_credit_hr', "
            "'module_category_credit_management_hr')"
        )
        self.env.registry.clear_cache()
        self.assertEqual(
            self.xmlid_row("group_credit_hr"), [("credit_management", group.id)], "the old id"
        )
        script = load_script(
            "credit_appraisal/migrations/18.0.1.1.0/pre-migrate.py", "credit_appraisal_pre_migrate"
        )
        script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.registry.clear_cache()
        self.assertEqual(self.xmlid_row("group_credit_hr"), [("credit_appraisal", group.id)])
        self.assertEqual(
            self.xmlid_row("module_category_credit_management_hr"),
            [("credit_appraisal", category.id)],
        )
        self.assertEqual(self.env.ref("credit_appraisal.group_credit_hr"), group)
        self.assertIn(self.hr_user, group.users, "the members are the same group's")
        # a fresh install has nothing to move
        script.migrate(self.env.cr, None)
        self.assertEqual(self.xmlid_row("group_credit_hr"), [("credit_appraisal", group.id)])

    def test_hr_reads_the_staff_side_not_the_credit_data(self):
        hr = self.hr_user
        self.assertEqual(
            self.env["credit.administrator"].with_user(hr).search([]), self.admin_a | self.admin_b
        )
        for model in ("credit.application", "credit.exception", "credit.grade"):
            with self.assertRaisesText(AccessError, "You are not allowed to access"):
                self.env[model].with_user(hr).search([])
