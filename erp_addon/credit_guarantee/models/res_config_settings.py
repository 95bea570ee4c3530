from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_guarantee_cover_mode = fields.Selection(
        related="company_id.credit_guarantee_cover_mode", readonly=False
    )
    credit_guarantee_max_share = fields.Float(
        related="company_id.credit_guarantee_max_share", readonly=False
    )
    credit_guarantee_reminder_days = fields.Integer(
        related="company_id.credit_guarantee_reminder_days", readonly=False
    )
    credit_guarantee_revaluation_months = fields.Integer(
        related="company_id.credit_guarantee_revaluation_months", readonly=False
    )
