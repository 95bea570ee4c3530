from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_legal_review_period = fields.Selection(
        related="company_id.credit_legal_review_period", readonly=False
    )
    credit_legal_representative_user_id = fields.Many2one(
        related="company_id.credit_legal_representative_user_id", readonly=False
    )
