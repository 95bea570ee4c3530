from odoo import fields, models

CREDIT_GROUPS = "credit_management.group_credit_administrator,credit_appraisal.group_credit_hr"


class HrDepartment(models.Model):
    """Who covers a department and which appraisals measure it: the work records' access
    rules go through these (an administrator records for the departments covered, an
    assessor reads those of the appraisals assessed)."""

    _inherit = "hr.department"

    credit_administrator_ids = fields.Many2many(
        "credit.administrator",
        "credit_administrator_department_rel",
        "department_id",
        "administrator_id",
        string="Credit Administrators",
        readonly=True,
        groups=CREDIT_GROUPS,
    )
    credit_appraisal_ids = fields.Many2many(
        "credit.appraisal",
        "credit_appraisal_department_rel",
        "department_id",
        "appraisal_id",
        string="Credit Appraisals",
        readonly=True,
        groups=CREDIT_GROUPS,
    )
