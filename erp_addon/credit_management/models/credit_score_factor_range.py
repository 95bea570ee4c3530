from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CreditScoreFactorRange(models.Model):
    """Points given when a quantitative factor falls in [min, max)."""

    _name = "credit.score.factor.range"
    _description = "Credit Scoring Factor Range"
    _order = "factor_id, min_value"

    factor_id = fields.Many2one("credit.score.factor", required=True, ondelete="cascade")
    min_value = fields.Float(string="From", required=True)
    max_value = fields.Float(string="Up To (excluded)", required=True)
    points = fields.Float(required=True)

    _sql_constraints = [
        ("points_range", "CHECK(points >= 0 AND points <= 100)", "Points lie between 0 and 100."),
    ]

    @api.depends("factor_id", "min_value", "max_value")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for rng in self:
            rng.display_name = rng.env._(
                "%(factor)s: %(low)s to %(high)s",
                factor=rng.factor_id.name or "-",
                low=rng.min_value,
                high=rng.max_value,
            )

    @api.constrains("min_value", "max_value", "factor_id")
    def _check_ranges(self):
        for factor in self.factor_id:
            previous = None
            for rng in factor.range_ids.sorted("min_value"):
                if rng.max_value <= rng.min_value:
                    raise ValidationError(
                        self.env._(
                            "Factor %(factor)s: a range must end above where it starts.",
                            factor=factor.name,
                        )
                    )
                if previous and rng.min_value < previous.max_value:
                    raise ValidationError(
                        self.env._("Factor %(factor)s: ranges overlap.", factor=factor.name)
                    )
                previous = rng
