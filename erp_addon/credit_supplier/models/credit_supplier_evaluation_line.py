from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CreditSupplierEvaluationLine(models.Model):
    """One factor of a supplier evaluation: the figure read, or the evaluator's points."""

    _name = "credit.supplier.evaluation.line"
    _description = "Supplier Evaluation Factor"
    _inherit = ["credit.guard.mixin"]
    _order = "evaluation_id, sequence, id"
    _rec_name = "factor_id"

    # guards (credit.guard.mixin): the figures come from the evaluation's reading only; the
    # evaluator gives the points of the evaluator's factors while it is being evaluated
    # (_guard_check_write: the evaluation has the state)
    _guard_flow_fields = ("evaluation_id", "factor_id", "weight", "has_value", "value_float")
    _guard_state_field = None

    evaluation_id = fields.Many2one(
        "credit.supplier.evaluation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    factor_id = fields.Many2one("credit.score.factor", required=True, ondelete="restrict")
    sequence = fields.Integer(related="factor_id.sequence", store=True)
    source = fields.Selection(related="factor_id.source")
    weight = fields.Float(readonly=True)
    has_value = fields.Boolean(string="Figure Known", readonly=True)
    value_float = fields.Float(string="Figure", readonly=True)
    evaluator_points = fields.Float(
        string="Evaluator's Points",
        help="The evaluator's assessment (0-100) of an evaluator's factor.",
    )
    note = fields.Char(string="Evaluator's Note")
    value_display = fields.Char(string="Value", compute="_compute_points", store=True)
    points = fields.Float(compute="_compute_points", store=True)
    weighted_points = fields.Float(compute="_compute_points", store=True)

    @api.depends("factor_id", "has_value", "value_float", "evaluator_points", "weight")
    def _compute_points(self):
        for line in self:
            if not line.factor_id:
                line.points = line.weighted_points = 0.0
                line.value_display = False
                continue
            if line.factor_id.source == "evaluator":
                value = line.evaluator_points
            else:
                value = line.value_float if line.has_value else None
            points, shown = line.factor_id._points_for(value)
            line.points = points
            line.value_display = shown
            line.weighted_points = points * line.weight

    @api.constrains("evaluator_points")
    def _check_evaluator_points(self):
        for line in self:
            if not 0 <= line.evaluator_points <= 100:
                raise ValidationError(self.env._("The evaluator's points lie between 0 and 100."))

    def _guard_check_write(self, vals):
        if not vals.keys() & {"evaluator_points", "note"}:
            return
        for line in self:
            if line.evaluation_id.state != "draft":
                raise UserError(
                    self.env._(
                        "Evaluation %(name)s is no longer being evaluated: its factors are fixed.",
                        name=line.evaluation_id.name,
                    )
                )
            if "evaluator_points" in vals and line.factor_id.source != "evaluator":
                raise UserError(
                    self.env._(
                        "Factor %(factor)s is read from the purchase data, not given by the "
                        "evaluator.",
                        factor=line.factor_id.name,
                    )
                )
        self.evaluation_id._check_evaluator()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_while_evaluated(self):
        if not self.env.su and any(line.evaluation_id.state != "draft" for line in self):
            raise AccessError(self.env._("The factors of a submitted evaluation are kept."))
