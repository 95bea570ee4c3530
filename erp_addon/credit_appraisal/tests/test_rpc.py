import xmlrpc.client

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "credit_appraisal")
class TestRpc(HttpCase):
    def test_integration_user_recomputes_over_rpc(self):
        company = self.env.company
        integration = new_test_user(
            self.env,
            login="ca_integration",
            password="ca_integration_pw",
            groups="base.group_user,credit_management.group_credit_manager",
            company_ids=[Command.set(company.ids)],
        )
        employee = self.env["hr.employee"].create({"name": "RPC Admin", "company_id": company.id})
        department = self.env["hr.department"].create(
            {"name": "RPC Sales", "company_id": company.id}
        )
        self.env["credit.administrator"].create(
            {
                "employee_id": employee.id,
                "company_id": company.id,
                "date_start": "2015-01-01",
                "department_ids": [Command.set(department.ids)],
            }
        )
        period = self.env["credit.appraisal.period"].create(
            {"year": 2019, "company_id": company.id}
        )
        self.assertTrue(period.rubric_id)
        # the request reads the database: write the stored computed fields out first
        self.env.flush_all()
        models = xmlrpc.client.ServerProxy(f"{self.base_url()}/xmlrpc/2/object", allow_none=True)
        db = self.env.cr.dbname
        generated = models.execute_kw(
            db,
            integration.id,
            "ca_integration_pw",
            "credit.appraisal.period",
            "action_generate_appraisals",
            [[period.id]],
        )
        self.assertGreaterEqual(generated, 1)
        result = models.execute_kw(
            db,
            integration.id,
            "ca_integration_pw",
            "credit.appraisal.period",
            "action_recompute",
            [[period.id]],
        )
        (summary,) = result
        self.assertEqual(summary["period_id"], period.id)
        self.assertGreaterEqual(summary["appraisals"], 1)
        self.assertEqual(summary["lines"], 15 * summary["appraisals"])
        self.assertEqual(summary["period"], "2019")
