from odoo import fields, models


class CreditScoreFactorOption(models.Model):
    """Points given for one choice of a qualitative factor."""

    _name = "credit.score.factor.option"
    _description = "Credit Scoring Factor Option"
    _order = "factor_id, points desc"

    factor_id = fields.Many2one("credit.score.factor", required=True, ondelete="cascade")
    value = fields.Char(required=True, help="Technical value of the credit-file choice.")
    name = fields.Char(required=True, translate=True)
    points = fields.Float(required=True)

    _sql_constraints = [
        ("value_uniq", "unique(factor_id, value)", "Each choice is scored once per factor."),
        ("points_range", "CHECK(points >= 0 AND points <= 100)", "Points lie between 0 and 100."),
    ]
