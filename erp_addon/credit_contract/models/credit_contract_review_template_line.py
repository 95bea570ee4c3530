from odoo import fields, models

REVIEW_CATEGORIES = [
    ("property", "Three Properties (三性)"),
    ("review", "Five Reviews (五审查)"),
    ("other", "Other"),
]
AUTO_CHECKS = [
    ("none", "Judged by the Reviewer"),
    ("subject", "Qualified Legal Subject (credit file)"),
    ("authority", "Agent's Authorisation (power of attorney registry)"),
    ("credit", "Creditworthiness (credit check)"),
    ("scope", "Business Scope (credit file)"),
]


class CreditContractReviewTemplateLine(models.Model):
    _name = "credit.contract.review.template.line"
    _description = "Contract Review Checklist Item"
    _order = "sequence, id"

    template_id = fields.Many2one(
        "credit.contract.review.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True, translate=True)
    description = fields.Text(translate=True)
    category = fields.Selection(REVIEW_CATEGORIES, required=True, default="review")
    required = fields.Boolean(default=True)
    auto_check = fields.Selection(
        AUTO_CHECKS,
        string="Evidence From",
        required=True,
        default="none",
        help="Items the ERP can judge are pre-filled with their evidence and re-evaluated "
        "when the contract changes.",
    )
