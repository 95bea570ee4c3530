from odoo import api, fields, models
from odoo.exceptions import ValidationError

CREDIT_POLICIES = [
    ("normal", "Credit sales allowed"),
    ("prepayment", "Prepayment required"),
    ("blocked", "Sales blocked"),
]


class CreditGrade(models.Model):
    """A credit grade (信用等级) and the policy that goes with it."""

    _name = "credit.grade"
    _description = "Credit Grade"
    _order = "company_id, min_score desc, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    min_score = fields.Float(
        string="Minimum Score",
        required=True,
        help="A partner scoring at least this much (0-100) gets this grade.",
    )
    credit_policy = fields.Selection(
        CREDIT_POLICIES,
        help="Whether sales on credit are allowed, need prepayment or are blocked.",
    )
    max_credit_limit = fields.Monetary(string="Maximum Credit Limit", currency_field="currency_id")
    payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Default Payment Terms",
        help="Set on the customer when a credit application is approved.",
    )
    review_interval_months = fields.Integer(string="Re-review Every (months)", default=12)
    color = fields.Integer()
    note = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A grade code must be unique per company.",
        ),
    ]

    @api.constrains("credit_policy", "max_credit_limit", "review_interval_months", "min_score")
    def _check_policy(self):
        for grade in self:
            if not grade.credit_policy:
                raise ValidationError(
                    self.env._(
                        "Grade %(grade)s has no credit policy: choose one.", grade=grade.name
                    )
                )
            if grade.max_credit_limit < 0:
                raise ValidationError(self.env._("The maximum credit limit cannot be negative."))
            if grade.review_interval_months <= 0:
                raise ValidationError(
                    self.env._(
                        "The re-review interval of grade %(grade)s must be at least one month.",
                        grade=grade.name,
                    )
                )
            if not 0 <= grade.min_score <= 100:
                raise ValidationError(self.env._("A minimum score lies between 0 and 100."))

    @api.model
    def _grade_for_score(self, score, company):
        """Highest grade whose threshold the score reaches."""
        return self.search(
            [("company_id", "=", company.id), ("min_score", "<=", score)],
            order="min_score desc",
            limit=1,
        )
