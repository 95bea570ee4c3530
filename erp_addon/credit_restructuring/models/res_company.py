from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    restructuring_grace_days = fields.Integer(
        string="Restructuring Grace (Days)",
        default=5,
        help="An instalment of a restructuring agreement not paid this many days after its "
        "due date breaks the agreement.",
    )

    @api.constrains("restructuring_grace_days")
    def _check_restructuring_grace_days(self):
        if any(company.restructuring_grace_days < 0 for company in self):
            raise ValidationError(self.env._("The restructuring grace days cannot be negative."))
