from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_seminar_training = fields.Boolean(
        related="company_id.credit_seminar_training", readonly=False
    )
    credit_seminar_training_type = fields.Selection(
        related="company_id.credit_seminar_training_type", readonly=False
    )
