from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    restructuring_grace_days = fields.Integer(
        related="company_id.restructuring_grace_days", readonly=False
    )
