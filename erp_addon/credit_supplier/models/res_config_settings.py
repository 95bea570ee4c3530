from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_supplier_score_model_id = fields.Many2one(
        related="company_id.credit_supplier_score_model_id", readonly=False
    )
    credit_supplier_evaluator_id = fields.Many2one(
        related="company_id.credit_supplier_evaluator_id", readonly=False
    )
    credit_supplier_evaluation_months = fields.Integer(
        related="company_id.credit_supplier_evaluation_months", readonly=False
    )
    credit_supplier_lookback_months = fields.Integer(
        related="company_id.credit_supplier_lookback_months", readonly=False
    )
    credit_supplier_deadline_days = fields.Integer(
        related="company_id.credit_supplier_deadline_days", readonly=False
    )
    credit_supplier_block_orders = fields.Boolean(
        related="company_id.credit_supplier_block_orders", readonly=False
    )
