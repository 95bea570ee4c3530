from odoo import Command
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestViews(AppraisalCase):
    def test_every_role_opens_the_forms(self):
        period = self.make_period(2025)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        appraisal.with_user(self.manager).write({"assessor_ids": [Command.set(self.assessor.ids)]})
        self.env["credit.appraisal.note"].with_user(self.assessor).create(
            {"appraisal_id": appraisal.id, "body": "private"}
        )
        for user in (self.manager, self.committee, self.hr_user, self.assessor, self.user_a):
            Appraisal = self.env["credit.appraisal"].with_user(user)
            views = Appraisal.get_views([(False, "form"), (False, "list")])
            fields = list(views["models"]["credit.appraisal"]["fields"])
            values = appraisal.with_user(user).read(fields)[0]
            self.assertEqual(values["total"], appraisal.total, user.login)
            if "note_ids" in values:
                notes = (
                    self.env["credit.appraisal.note"]
                    .with_user(user)
                    .search([("appraisal_id", "=", appraisal.id)])
                )
                self.assertEqual(bool(notes), user != self.user_a, user.login)
            lines = appraisal.line_ids.with_user(user).read(["code", "score", "evidence"])
            self.assertEqual(len(lines), 19, user.login)
        # HR's fee ledger and the register open read-only
        for model in ("credit.training.fee", "credit.administrator", "credit.appraisal.period"):
            self.env[model].with_user(self.hr_user).get_views([(False, "list"), (False, "form")])
        self.assertTrue(self.admin_a.with_user(self.hr_user).read(["event_ids"]))
