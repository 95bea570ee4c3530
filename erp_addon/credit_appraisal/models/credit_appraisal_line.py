from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CreditAppraisalLine(models.Model):
    """One scorecard item of an appraisal: score, where it came from, comment."""

    _name = "credit.appraisal.line"
    _description = "Appraisal Scorecard Line"
    _inherit = ["credit.guard.mixin"]
    _order = "appraisal_id, sequence, id"

    # what an assessor writes is the score, evidence and comment; everything else is fixed
    # when the appraisal opens or set by the recompute
    _guard_flow_fields = (
        "appraisal_id",
        "company_id",
        "employee_id",
        "year",
        "state",
        "item_id",
        "sequence",
        "code",
        "section",
        "name",
        "compute_method",
        "formula",
        "points",
        "date_computed",
        "scored_by_id",
    )
    _guard_locks = [
        (("score", "evidence"), ("draft",)),
        (("comment",), ("draft", "submitted")),
    ]
    _guard_undeletable_states = "__all__"

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

    def _guard_check_write(self, vals):
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

    def write(self, vals):
        if self.env.su and "score" in vals and "scored_by_id" not in vals:
            vals = dict(vals, scored_by_id=self.env.uid)
        res = super().write(vals)
        if not self.env.su and {"score", "evidence"} & set(vals):
            # who scored is recorded by the flow, after the checks of the write above
            self.sudo().write({"scored_by_id": self.env.uid})
        if "score" in vals:
            self.appraisal_id._update_totals()
        return res
