from odoo import fields, models

from odoo.addons.credit_appraisal.models.hr_employee import CREDIT_GROUPS


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    credit_certification_valid_until = fields.Date(
        compute="_compute_credit_certification",
        groups=CREDIT_GROUPS,
    )

    def _compute_credit_certification(self):
        valid = dict(
            self.env["credit.training.result"]._read_group(
                [("employee_id", "in", self.ids), ("certification_valid_until", "!=", False)],
                ["employee_id"],
                ["certification_valid_until:max"],
            )
        )
        for employee in self:
            employee.credit_certification_valid_until = valid.get(employee, False)
