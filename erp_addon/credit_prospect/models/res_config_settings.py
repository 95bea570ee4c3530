from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_prospect_weight_grade = fields.Float(
        related="company_id.credit_prospect_weight_grade", readonly=False
    )
    credit_prospect_weight_on_time = fields.Float(
        related="company_id.credit_prospect_weight_on_time", readonly=False
    )
    credit_prospect_weight_days_late = fields.Float(
        related="company_id.credit_prospect_weight_days_late", readonly=False
    )
    credit_prospect_weight_available = fields.Float(
        related="company_id.credit_prospect_weight_available", readonly=False
    )
    credit_prospect_weight_growth = fields.Float(
        related="company_id.credit_prospect_weight_growth", readonly=False
    )
    credit_prospect_good_max_days_late = fields.Float(
        related="company_id.credit_prospect_good_max_days_late", readonly=False
    )
    credit_prospect_good_min_on_time = fields.Float(
        related="company_id.credit_prospect_good_min_on_time", readonly=False
    )
    credit_prospect_raise_percent = fields.Float(
        related="company_id.credit_prospect_raise_percent", readonly=False
    )
