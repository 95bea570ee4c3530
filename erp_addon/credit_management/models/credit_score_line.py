from odoo import api, fields, models


class CreditScoreLine(models.Model):
    """One factor's value and points inside a scoring snapshot."""

    _name = "credit.score.line"
    _description = "Credit Score Factor Value"
    _inherit = ["credit.guard.mixin"]
    _order = "score_id, id"
    _rec_name = "factor_id"

    # guards (credit.guard.mixin): part of a scoring snapshot, written by the scoring only
    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"

    score_id = fields.Many2one("credit.score", required=True, ondelete="cascade", index=True)
    factor_id = fields.Many2one("credit.score.factor", required=True, ondelete="restrict")
    value_display = fields.Char(string="Value")
    value_float = fields.Float()
    points = fields.Float()
    weight = fields.Float()
    weighted_points = fields.Float(compute="_compute_weighted_points", store=True)

    @api.depends("points", "weight")
    def _compute_weighted_points(self):
        for line in self:
            line.weighted_points = line.points * line.weight
