from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_warning_watch_score = fields.Float(
        string="Watch From (Score)", default=2.0, digits=(16, 1)
    )
    credit_warning_warning_score = fields.Float(
        string="Warning From (Score)", default=4.0, digits=(16, 1)
    )
    credit_warning_severe_score = fields.Float(
        string="Severe From (Score)", default=7.0, digits=(16, 1)
    )

    @api.constrains(
        "credit_warning_watch_score", "credit_warning_warning_score", "credit_warning_severe_score"
    )
    def _check_credit_warning_scores(self):
        for company in self:
            watch = company.credit_warning_watch_score
            warning = company.credit_warning_warning_score
            severe = company.credit_warning_severe_score
            if watch <= 0:
                raise ValidationError(
                    self.env._("The warning score of the watch level must be greater than zero.")
                )
            if not watch <= warning <= severe:
                raise ValidationError(
                    self.env._(
                        "The warning levels' scores must rise: watch %(watch)s, warning "
                        "%(warning)s, severe %(severe)s.",
                        watch=watch,
                        warning=warning,
                        severe=severe,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        self.env["credit.warning.rule"]._warning_copy_defaults(companies)
        return companies
