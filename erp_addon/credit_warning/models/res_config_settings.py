from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_warning_watch_score = fields.Float(
        related="company_id.credit_warning_watch_score", readonly=False
    )
    credit_warning_warning_score = fields.Float(
        related="company_id.credit_warning_warning_score", readonly=False
    )
    credit_warning_severe_score = fields.Float(
        related="company_id.credit_warning_severe_score", readonly=False
    )
