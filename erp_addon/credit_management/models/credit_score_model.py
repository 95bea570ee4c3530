from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CreditScoreModel(models.Model):
    """A weighted scoring model (评分模型) turning a credit file into a grade."""

    _name = "credit.score.model"
    _description = "Credit Scoring Model"
    _order = "company_id, name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    factor_ids = fields.One2many("credit.score.factor", "model_id", string="Factors", copy=True)
    total_weight = fields.Float(compute="_compute_total_weight")
    note = fields.Text(translate=True)

    @api.depends("factor_ids.weight")
    def _compute_total_weight(self):
        for model in self:
            model.total_weight = sum(model.factor_ids.mapped("weight"))

    @api.constrains("factor_ids")
    def _check_factors(self):
        for model in self:
            if model.factor_ids and model.total_weight <= 0:
                raise ValidationError(
                    self.env._("The factors' weights must add up to more than zero.")
                )

    def _compute_scores(self, partners):
        """{partner: (score, grade, lines)} without saving anything (for a preview)."""
        self.ensure_one()
        if not self.factor_ids:
            raise UserError(self.env._("Scoring model %(model)s has no factors.", model=self.name))
        company = self.company_id
        values = self.factor_ids._read_values(partners, company)
        result = {}
        for partner in partners:
            lines = []
            weighted = 0.0
            for factor in self.factor_ids:
                value = values[factor.id].get(partner.id)
                points, shown = factor._points_for(value)
                weighted += points * factor.weight
                lines.append(
                    {
                        "factor_id": factor.id,
                        "value_display": shown,
                        "value_float": value if isinstance(value, int | float) else 0.0,
                        "points": points,
                        "weight": factor.weight,
                    }
                )
            total = round(weighted / self.total_weight, 2)
            grade = self.env["credit.grade"]._grade_for_score(total, company)
            result[partner] = (total, grade, lines)
        return result

    def _score_partners(self, partners, apply=True):
        """Score partners and keep a dated snapshot of every factor.

        With ``apply`` the score becomes the partners' grade; without, it is only a
        snapshot (an application's assessment).
        """
        self.ensure_one()
        company = self.company_id
        Score = self.env["credit.score"]
        scores = Score
        for partner, (total, grade, lines) in self._compute_scores(partners).items():
            scores |= Score.create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "model_id": self.id,
                    "score": total,
                    "grade_id": grade.id,
                    "line_ids": [(0, 0, line) for line in lines],
                }
            )
        if apply:
            scores._apply_to_partners()
        return scores
