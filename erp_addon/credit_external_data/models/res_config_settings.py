from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_external_provider = fields.Selection(
        related="company_id.credit_external_provider", readonly=False
    )
