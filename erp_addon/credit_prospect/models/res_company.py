from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEIGHTS = (
    "credit_prospect_weight_grade",
    "credit_prospect_weight_on_time",
    "credit_prospect_weight_days_late",
    "credit_prospect_weight_available",
    "credit_prospect_weight_growth",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    # the ranking score's weights (any scale: the score divides by their sum)
    credit_prospect_weight_grade = fields.Float(string="Weight of the Grade", default=30.0)
    credit_prospect_weight_on_time = fields.Float(string="Weight of Paying on Time", default=25.0)
    credit_prospect_weight_days_late = fields.Float(string="Weight of Days Late", default=15.0)
    credit_prospect_weight_available = fields.Float(
        string="Weight of Available Credit", default=15.0
    )
    credit_prospect_weight_growth = fields.Float(string="Weight of Sales Growth", default=15.0)
    # the good payers' rule and the proposal
    credit_prospect_good_max_days_late = fields.Float(
        string="Good Payer: at Most Days Late", default=5.0, digits=(16, 1)
    )
    credit_prospect_good_min_on_time = fields.Float(
        string="Good Payer: at Least Paid on Time (%)", default=90.0, digits=(16, 1)
    )
    credit_prospect_raise_percent = fields.Float(
        string="Proposed Limit Increase (%)", default=20.0, digits=(16, 1)
    )

    @api.constrains(*WEIGHTS)
    def _check_credit_prospect_weights(self):
        for company in self:
            weights = [company[name] for name in WEIGHTS]
            if any(weight < 0 for weight in weights) or not sum(weights):
                raise ValidationError(
                    self.env._(
                        "The ranking weights may not be negative and at least one must be "
                        "greater than zero."
                    )
                )

    @api.constrains(
        "credit_prospect_good_max_days_late",
        "credit_prospect_good_min_on_time",
        "credit_prospect_raise_percent",
    )
    def _check_credit_prospect_rule(self):
        for company in self:
            if company.credit_prospect_good_max_days_late < 0:
                raise ValidationError(self.env._("A good payer's days late may not be negative."))
            if not 0 <= company.credit_prospect_good_min_on_time <= 100:
                raise ValidationError(
                    self.env._("A good payer's share paid on time is between 0 and 100%.")
                )
            if company.credit_prospect_raise_percent <= 0:
                raise ValidationError(
                    self.env._("The proposed limit increase must be greater than zero.")
                )
