from odoo import api, fields, models
from odoo.exceptions import ValidationError

PURCHASE_POLICIES = [
    ("preferred", "Preferred"),
    ("normal", "Normal"),
    ("restricted", "Restricted"),
    ("blocked", "Blocked"),
]


class CreditSupplierGrade(models.Model):
    """A supplier grade (供应商等级) and the purchasing policy that goes with it."""

    _name = "credit.supplier.grade"
    _description = "Supplier Grade"
    _order = "company_id, min_score desc, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    min_score = fields.Float(
        string="Minimum Score",
        required=True,
        help="A supplier whose evaluation scores at least this much (0-100) gets this grade.",
    )
    purchase_policy = fields.Selection(
        PURCHASE_POLICIES,
        required=True,
        default="normal",
        help="Preferred suppliers are bought from first; restricted ones only when needed, "
        "with the buyer warned; a blocked supplier's new purchase orders are not confirmed "
        "unless an exception is granted (when the company's rule is on).",
    )
    color = fields.Integer()
    note = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A supplier grade code must be unique per company.",
        ),
    ]

    @api.constrains("min_score")
    def _check_min_score(self):
        for grade in self:
            if not 0 <= grade.min_score <= 100:
                raise ValidationError(self.env._("A minimum score lies between 0 and 100."))

    @api.model
    def _grade_for_score(self, score, company):
        """Highest supplier grade whose threshold the score reaches."""
        return self.search(
            [("company_id", "=", company.id), ("min_score", "<=", score)],
            order="min_score desc",
            limit=1,
        )
