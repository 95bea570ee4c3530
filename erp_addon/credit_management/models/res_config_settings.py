from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    module_credit_contract = fields.Boolean(string="Contracts")
    module_credit_collection = fields.Boolean(string="Collections")
    module_credit_appraisal = fields.Boolean(string="Staff Training and Appraisal")
    module_credit_restructuring = fields.Boolean(string="Debt Restructuring")
    module_credit_guarantee = fields.Boolean(string="Guarantees and Collateral")
    module_credit_warning = fields.Boolean(string="Early Warning and Rescue")
    module_credit_external_data = fields.Boolean(string="External Credit Data")
    module_credit_supplier = fields.Boolean(string="Supplier Credit")
    module_credit_audit = fields.Boolean(string="Audit and Accountability")
    module_credit_prospect = fields.Boolean(string="Credit Data for Sales")
    module_credit_seminar = fields.Boolean(string="Seminars and Case Reviews")
    module_credit_legal_review = fields.Boolean(string="Legal Representative's Review")
    credit_check_sale = fields.Boolean(related="company_id.credit_check_sale", readonly=False)
    credit_check_invoice = fields.Boolean(related="company_id.credit_check_invoice", readonly=False)
    credit_no_limit_policy = fields.Selection(
        related="company_id.credit_no_limit_policy", readonly=False
    )
    credit_limit_by_application = fields.Boolean(
        related="company_id.credit_limit_by_application", readonly=False
    )
    credit_block_overdue = fields.Boolean(related="company_id.credit_block_overdue", readonly=False)
    credit_overdue_tolerance = fields.Monetary(
        related="company_id.credit_overdue_tolerance", readonly=False
    )
    credit_overdue_grace_days = fields.Integer(
        related="company_id.credit_overdue_grace_days", readonly=False
    )
    credit_score_model_id = fields.Many2one(
        related="company_id.credit_score_model_id",
        readonly=False,
        domain="[('company_id', '=', company_id)]",
    )

    @api.constrains("credit_overdue_tolerance", "credit_overdue_grace_days")
    def _check_credit_settings(self):
        for settings in self:
            if settings.credit_overdue_tolerance < 0 or settings.credit_overdue_grace_days < 0:
                raise ValidationError(
                    self.env._("Overdue tolerance and grace days cannot be negative.")
                )
