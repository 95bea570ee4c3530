from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_contract_registration_days = fields.Integer(
        related="company_id.credit_contract_registration_days", readonly=False
    )
    credit_contract_amendment_days = fields.Integer(
        related="company_id.credit_contract_amendment_days", readonly=False
    )
    credit_contract_expiry_days = fields.Integer(
        related="company_id.credit_contract_expiry_days", readonly=False
    )
    credit_contract_poa_expiry_days = fields.Integer(
        related="company_id.credit_contract_poa_expiry_days", readonly=False
    )
    credit_contract_joint_review_amount = fields.Monetary(
        related="company_id.credit_contract_joint_review_amount", readonly=False
    )
    credit_contract_sale_required = fields.Boolean(
        related="company_id.credit_contract_sale_required", readonly=False
    )
    credit_contract_threshold = fields.Monetary(
        related="company_id.credit_contract_threshold", readonly=False
    )
    credit_contract_review_template_id = fields.Many2one(
        related="company_id.credit_contract_review_template_id",
        readonly=False,
        domain="[('company_id', 'in', [company_id, False])]",
    )
