from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_supplier_score_model_id = fields.Many2one(
        "credit.score.model",
        string="Supplier Scoring Model",
        domain="[('applies_to', '=', 'supplier')]",
    )
    credit_supplier_evaluator_id = fields.Many2one(
        "res.users",
        string="Supplier Evaluator",
        help="Evaluates the suppliers whose evaluation the daily job opens (and is reminded).",
    )
    credit_supplier_evaluation_months = fields.Integer(
        string="Evaluate Suppliers Every (months)", default=12
    )
    credit_supplier_lookback_months = fields.Integer(
        string="Purchase Figures Over (months)", default=12
    )
    credit_supplier_deadline_days = fields.Integer(string="Days to Evaluate", default=14)
    credit_supplier_block_orders = fields.Boolean(
        string="Hold Blocked Suppliers' Orders",
        help="A purchase order to a supplier graded blocked is not confirmed unless a credit "
        "exception is granted for it.",
    )

    @api.constrains(
        "credit_supplier_score_model_id",
        "credit_score_model_id",
        "credit_supplier_evaluation_months",
        "credit_supplier_lookback_months",
        "credit_supplier_deadline_days",
    )
    def _check_credit_supplier(self):
        for company in self:
            supplier_model = company.credit_supplier_score_model_id
            if supplier_model and supplier_model.applies_to != "supplier":
                raise ValidationError(
                    self.env._("The supplier scoring model must apply to suppliers.")
                )
            if company.credit_score_model_id.applies_to == "supplier":
                raise ValidationError(
                    self.env._("The customers' scoring model must apply to customers.")
                )
            if (
                min(
                    company.credit_supplier_evaluation_months,
                    company.credit_supplier_lookback_months,
                    company.credit_supplier_deadline_days,
                )
                <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The supplier evaluation interval, look-back and days to evaluate "
                        "must be positive."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._credit_supplier_copy_defaults()
        return companies

    def _credit_supplier_copy_defaults(self):
        """Give companies the shipped supplier grades and supplier scoring model, copied
        from the main company where the company has none yet."""
        template = self.env.ref("base.main_company")
        Grade = self.env["credit.supplier.grade"].sudo()
        for company in self - template:
            if not Grade.search_count([("company_id", "=", company.id)], limit=1):
                for grade in Grade.search([("company_id", "=", template.id)]):
                    grade.copy({"company_id": company.id})
            model = template.sudo().credit_supplier_score_model_id
            if model and not company.sudo().credit_supplier_score_model_id:
                company.sudo().credit_supplier_score_model_id = model.copy(
                    {"company_id": company.id}
                )
