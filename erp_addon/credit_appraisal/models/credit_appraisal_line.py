from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

ADMINISTRATOR = "credit_management.group_credit_administrator"


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
        # whether the records measure the item for this person: the recompute's only
        "not_measurable",
        "not_measurable_params",
    )
    _guard_locks = [
        (("score", "evidence", "hand_score", "hand_evidence"), ("draft",)),
        (("comment",), ("draft", "submitted")),
    ]
    # an item the records cannot measure is scored by an assessor (the appraisal's
    # assessors or the credit manager, see _guard_check_write)
    _guard_field_groups = {"hand_score": ADMINISTRATOR, "hand_evidence": ADMINISTRATOR}
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
    not_measurable = fields.Boolean(
        readonly=True,
        copy=False,
        help="The records hold nothing this item measures for this person in the year: it "
        "scores 0 until an assessor scores it by hand with evidence.",
    )
    # the reason kept as data (the item's formula and these figures), worded when read
    not_measurable_params = fields.Json(readonly=True, copy=False)
    not_measurable_reason = fields.Text(
        compute="_compute_not_measurable_reason", string="Why Not Measurable"
    )
    hand_score = fields.Float(
        string="Assessor's Score",
        digits=(16, 1),
        copy=False,
        help="The score an assessor gives an item the records cannot measure.",
    )
    hand_evidence = fields.Text(
        string="Assessor's Evidence",
        copy=False,
        help="What the assessor's score rests on: the records seen or a written reason.",
    )
    hand_scored = fields.Boolean(
        compute="_compute_hand_scored",
        help="Not measurable and scored by an assessor with evidence.",
    )

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score >= 0 AND score <= points)",
            "A score lies between 0 and the item's points.",
        ),
        ("item_uniq", "unique(appraisal_id, item_id)", "Each item appears once per appraisal."),
    ]

    @api.depends("not_measurable", "not_measurable_params", "compute_method")
    @api.depends_context("lang")
    def _compute_not_measurable_reason(self):
        texts = self._not_measurable_texts()
        departments = (
            self.env["hr.department"]
            .sudo()
            .browse(
                {
                    dept_id
                    for line in self
                    for dept_id in (line.not_measurable_params or {}).get("departments", [])
                }
            )
        )
        names = {dept.id: dept.name for dept in departments.exists()}
        for line in self:
            if not line.not_measurable:
                line.not_measurable_reason = False
                continue
            params = line.not_measurable_params or {}
            line.not_measurable_reason = texts.get(line.compute_method, texts[False]) % {
                "year": params.get("year", line.year),
                "departments": ", ".join(
                    names[dept_id] for dept_id in params.get("departments", []) if dept_id in names
                )
                or "-",
            }

    def _not_measurable_texts(self):
        """Why an item is not measurable, per formula, in the reader's language."""
        contracts_signed = self.env._(
            "No contract of the departments covered (%(departments)s) was signed in %(year)s."
        )
        reviewed = self.env._(
            "No contract of the departments covered (%(departments)s) had its review completed "
            "in %(year)s."
        )
        return {
            False: self.env._("The records hold nothing this item measures in %(year)s."),
            "legal_exam": self.env._(
                "No legal-knowledge exam of %(year)s was set for, attended or sat by the "
                "administrator."
            ),
            "training_attendance": self.env._(
                "No training was required of the administrator in %(year)s."
            ),
            "three_properties": reviewed,
            "five_reviews": reviewed,
            "written_contract": self.env._(
                "No confirmed order of %(year)s by the salespeople of the departments covered "
                "(%(departments)s) needed a written contract."
            ),
            "within_authority": contracts_signed,
            "no_invalid": self.env._(
                "No contract of the departments covered (%(departments)s) in %(year)s."
            ),
            "review_before_signing": contracts_signed,
            "followups": self.env._(
                "No contract of the departments covered (%(departments)s) was in performance "
                "in %(year)s."
            ),
            "amendments": self.env._(
                "No change or termination of a contract of the departments covered "
                "(%(departments)s) was requested in %(year)s."
            ),
            "ledger_complete": contracts_signed,
            "registered_on_time": contracts_signed,
            "seal_backed": self.env._(
                "No contract seal was used for a contract of the departments covered "
                "(%(departments)s) in %(year)s."
            ),
            "archived": self.env._(
                "No contract of the departments covered (%(departments)s) ended in %(year)s."
            ),
        }

    @api.depends("not_measurable", "scored_by_id", "hand_evidence")
    def _compute_hand_scored(self):
        for line in self:
            line.hand_scored = bool(
                line.not_measurable and line.scored_by_id and (line.hand_evidence or "").strip()
            )

    @api.constrains("score", "hand_score", "points")
    def _check_score(self):
        for line in self:
            if (
                line.score < 0
                or line.score > line.points
                or not (0 <= line.hand_score <= line.points)
            ):
                raise ValidationError(
                    self.env._(
                        "Item %(code)s scores between 0 and %(points)s, not %(score)s.",
                        code=line.code,
                        points=line.points,
                        score=line.score if 0 <= line.score <= line.points else line.hand_score,
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
        if {"hand_score", "hand_evidence"} & set(vals):
            for line in self:
                if not line.not_measurable:
                    raise UserError(
                        self.env._(
                            "Item %(code)s is measured from the records: only an item the "
                            "records cannot measure is scored by hand.",
                            code=line.code,
                        )
                    )

    def write(self, vals):
        hand = {"hand_score", "hand_evidence"} & set(vals)
        if self.env.su and ({"score"} | hand) & set(vals) and "scored_by_id" not in vals:
            vals = dict(vals, scored_by_id=self.env.uid)
        res = super().write(vals)
        if hand:
            # after the guards of the write: who may score is told first
            self._check_hand_evidence()
        if not self.env.su and ({"score", "evidence"} | hand) & set(vals):
            # who scored is recorded by the flow, after the checks of the write above
            self.sudo().write({"scored_by_id": self.env.uid})
        if hand:
            # a not-measurable item counts what the assessor gave it
            for line in self.filtered("not_measurable"):
                line.sudo().write({"score": line.hand_score})
        if "score" in vals or hand:
            self.appraisal_id._update_totals()
        return res

    def _check_hand_evidence(self):
        """A hand score rests on evidence: a record seen or a written reason."""
        for line in self:
            if not (line.hand_evidence or "").strip():
                raise ValidationError(
                    self.env._(
                        "Item %(code)s is not measurable from the records: write the evidence "
                        "your score rests on.",
                        code=line.code,
                    )
                )
