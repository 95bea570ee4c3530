from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# what an assessor writes; everything else is fixed at creation or set by the recompute
ASSESSOR_FIELDS = {"score", "evidence", "comment"}


class CreditAppraisalLine(models.Model):
    """One scorecard item of an appraisal: score, where it came from, comment."""

    _name = "credit.appraisal.line"
    _description = "Appraisal Scorecard Line"
    _order = "appraisal_id, sequence, id"

    appraisal_id = fields.Many2one(
        "credit.appraisal", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    employee_id = fields.Many2one(related="appraisal_id.employee_id")
    year = fields.Integer(related="appraisal_id.year")
    state = fields.Selection(related="appraisal_id.state")
    item_id = fields.Many2one("credit.appraisal.rubric.item", required=True, ondelete="restrict")
    sequence = fields.Integer()
    code = fields.Char(related="item_id.code")
    section = fields.Char(related="item_id.section")
    name = fields.Char(related="item_id.name")
    compute_method = fields.Selection(related="item_id.compute_method", store=True)
    formula = fields.Text(related="item_id.description")
    points = fields.Float(required=True, readonly=True, digits=(16, 1))
    score = fields.Float(digits=(16, 1))
    evidence = fields.Text(help="Which records, which formula, which figures.")
    comment = fields.Text()
    date_computed = fields.Datetime(readonly=True)
    scored_by_id = fields.Many2one("res.users", readonly=True)

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score >= 0 AND score <= points)",
            "A score lies between 0 and the item's points.",
        ),
        ("item_uniq", "unique(appraisal_id, item_id)", "Each item appears once per appraisal."),
    ]

    @api.constrains("score", "points")
    def _check_score(self):
        for line in self:
            if line.score < 0 or line.score > line.points:
                raise ValidationError(
                    self.env._(
                        "Item %(code)s scores between 0 and %(points)s, not %(score)s.",
                        code=line.code,
                        points=line.points,
                        score=line.score,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Scorecard lines come from the scorecard when the appraisal opens.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if self.env.su:
            if "score" in vals and "scored_by_id" not in vals:
                vals = dict(vals, scored_by_id=self.env.uid)
            res = super().write(vals)
            if "score" in vals:
                self.appraisal_id._update_totals()
            return res
        if set(vals) - ASSESSOR_FIELDS:
            raise AccessError(self.env._("The scorecard of an appraisal is fixed."))
        self.appraisal_id._check_editable()
        self.appraisal_id._check_assessor()
        if {"score", "evidence"} & set(vals):
            for line in self:
                if line.compute_method:
                    raise AccessError(
                        self.env._(
                            "Item %(code)s is measured from the records; recompute it.",
                            code=line.code,
                        )
                    )
                if line.appraisal_id.state != "draft":
                    raise UserError(self.env._("Only a draft appraisal can be scored."))
            vals = dict(vals, scored_by_id=self.env.user.id)
        elif any(line.appraisal_id.state not in ("draft", "submitted") for line in self):
            raise UserError(self.env._("Comments close when the appraisal is approved."))
        res = super(CreditAppraisalLine, self.sudo()).write(vals)
        if "score" in vals:
            self.appraisal_id._update_totals()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise AccessError(self.env._("Scorecard lines are deleted with their appraisal."))
