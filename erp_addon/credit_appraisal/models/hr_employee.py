from odoo import fields, models

from .credit_administrator import QUALIFICATION_STATES

CREDIT_GROUPS = "credit_management.group_credit_administrator,credit_appraisal.group_credit_hr"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    credit_administrator_ids = fields.One2many(
        "credit.administrator", "employee_id", groups=CREDIT_GROUPS
    )
    credit_qualification_state = fields.Selection(
        QUALIFICATION_STATES,
        string="Administrator Qualification",
        compute="_compute_credit_staff",
        groups=CREDIT_GROUPS,
    )
    credit_training_count = fields.Integer(compute="_compute_credit_staff", groups=CREDIT_GROUPS)
    credit_result_ids = fields.One2many(
        "credit.training.result", "employee_id", string="Exam Results", groups=CREDIT_GROUPS
    )
    credit_fee_ids = fields.One2many(
        "credit.training.fee", "employee_id", string="Fees and Fines", groups=CREDIT_GROUPS
    )
    credit_fee_unpaid = fields.Monetary(
        compute="_compute_credit_staff",
        string="Unpaid Fees and Fines",
        currency_field="credit_currency_id",
        groups=CREDIT_GROUPS,
    )
    credit_currency_id = fields.Many2one(
        "res.currency",
        related="company_id.currency_id",
        string="Credit Currency",
        groups=CREDIT_GROUPS,
    )
    credit_appraisal_count = fields.Integer(compute="_compute_credit_staff", groups=CREDIT_GROUPS)

    def _compute_credit_staff(self):
        Admin = self.env["credit.administrator"]
        admins = {
            admin.employee_id: admin
            for admin in Admin.search(
                [("employee_id", "in", self.ids), ("company_id", "in", self.env.companies.ids)]
            )
        }
        trainings = dict(
            self.env["credit.training.session"]._read_group(
                [("attendee_ids", "in", self.ids)], ["attendee_ids"], ["__count"]
            )
        )
        unpaid = dict(
            self.env["credit.training.fee"]._read_group(
                [("employee_id", "in", self.ids), ("paid", "=", False)],
                ["employee_id"],
                ["amount:sum"],
            )
        )
        appraisals = dict(
            self.env["credit.appraisal"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.credit_qualification_state = (
                admins[employee].qualification_state if employee in admins else False
            )
            employee.credit_training_count = trainings.get(employee, 0)
            employee.credit_fee_unpaid = unpaid.get(employee, 0.0)
            employee.credit_appraisal_count = appraisals.get(employee, 0)

    def _credit_action(self, xmlid, domain):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = {}
        return action

    def action_view_credit_trainings(self):
        return self._credit_action(
            "credit_appraisal.action_credit_training_session", [("attendee_ids", "in", self.ids)]
        )

    def action_view_credit_appraisals(self):
        return self._credit_action(
            "credit_appraisal.action_credit_appraisal", [("employee_id", "in", self.ids)]
        )

    def action_view_credit_fees(self):
        return self._credit_action(
            "credit_appraisal.action_credit_training_fee", [("employee_id", "in", self.ids)]
        )
