from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ADMINISTRATOR = "credit_management.group_credit_administrator"


class CreditAppraisalLine(models.Model):
    """One scorecard item of an appraisal: score, where it came from, comment."""

    _name = "credit.appraisal.line"
    _description = "Appraisal Scorecard Line"
    _inherit = ["credit.guard.mixin"]
    _order = "appraisal_id, sequence, id"

    # what an assessor writes is the hand score, its evidence (records linked or a written
    # reason) and the comment; the score is the line's own (the recompute's figure or the
    # hand score), everything else is fixed when the appraisal opens or set by the recompute
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
        "hand_points",
        "date_computed",
        "scored_by_id",
        # the recompute's: the measured points and the evidence as data
        "computed_score",
        "evidence_data",
        "evidence_recorded",
        # whether the records measure the item for this person: the recompute's only
        "not_measurable",
        "not_measurable_params",
        # a hand-scored item is scored through hand_score and its evidence, like an item
        # the records cannot measure: one rule, a hand score rests on evidence
        "score",
        "evidence",
        "work_record_kind",
    )
    _guard_locks = [
        (("hand_score", "hand_evidence", "work_record_ids"), ("draft",)),
        (("comment",), ("draft", "submitted")),
    ]
    # an item the records cannot measure is scored by an assessor (the appraisal's
    # assessors or the credit manager, see _guard_check_write)
    _guard_field_groups = {
        "hand_score": ADMINISTRATOR,
        "hand_evidence": ADMINISTRATOR,
        "work_record_ids": ADMINISTRATOR,
    }
    _guard_undeletable_states = "__all__"

    appraisal_id = fields.Many2one(
        "credit.appraisal", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    employee_id = fields.Many2one(related="appraisal_id.employee_id")
    year = fields.Integer(related="appraisal_id.year", aggregator=None)
    state = fields.Selection(related="appraisal_id.state")
    item_id = fields.Many2one("credit.appraisal.rubric.item", required=True, ondelete="restrict")
    sequence = fields.Integer()
    code = fields.Char(related="item_id.code")
    section = fields.Char(related="item_id.section")
    name = fields.Char(related="item_id.name")
    compute_method = fields.Selection(related="item_id.compute_method", store=True)
    formula = fields.Text(related="item_id.description")
    points = fields.Float(required=True, readonly=True, digits=(16, 1))
    hand_points = fields.Float(
        related="item_id.hand_points",
        store=True,
        string="Assessor's Points",
        help="Of the item's points, those the assessor scores by hand with evidence; the "
        "records measure the rest.",
    )
    score = fields.Float(digits=(16, 1))
    computed_score = fields.Float(
        string="Measured Points",
        digits=(16, 1),
        readonly=True,
        copy=False,
        help="The points the records gave the measured part of the item at the last recompute.",
    )
    # the evidence of a measured item as the recompute found it: the formula's key, the
    # figures and the failing records, worded in the reader's language when read
    evidence_data = fields.Json(readonly=True, copy=False)
    # evidence worded once and kept as text, from before the evidence was kept as data
    evidence_recorded = fields.Text(readonly=True, copy=False)
    evidence = fields.Text(
        compute="_compute_evidence",
        help="Which records, which formula, which figures, in the reader's language; and "
        "the assessor's evidence as written.",
    )
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
        help="Scored by an assessor with evidence (an item scored by hand, the assessor's part "
        "of a measured item, or one the records cannot measure).",
    )
    hand_scorable = fields.Boolean(
        compute="_compute_hand_scorable",
        string="Scored by Hand",
        help="The assessor scores this item or part of it: the scorecard leaves it (or its "
        "assessor's points) to the assessor, or the records cannot measure it for this person.",
    )
    work_record_kind = fields.Selection(related="item_id.work_record_kind")
    work_record_ids = fields.Many2many(
        "credit.work.record",
        "credit_appraisal_line_work_record_rel",
        "line_id",
        "work_record_id",
        string="Records Relied On",
        copy=False,
        help="The records of the item's register (departments covered, the appraisal's "
        "year) the assessor's score rests on.",
    )
    available_work_record_ids = fields.Many2many(
        "credit.work.record",
        compute="_compute_available_work_record_ids",
        string="Records of the Year",
        help="The records of the item's register for the departments the appraisal covers, "
        "dated in its year.",
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
                "No confirmed sales or purchase order of %(year)s by the people of the "
                "departments covered (%(departments)s) was above the written-contract "
                "threshold and on terms other than immediate settlement."
            ),
            "template_clauses": contracts_signed,
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
                "(%(departments)s) in %(year)s, so no seal's custody or checks are measured "
                "for them."
            ),
            "archived": self.env._(
                "No contract of the departments covered (%(departments)s) was completed, "
                "terminated or expired in %(year)s."
            ),
        }

    @api.depends("compute_method", "not_measurable", "hand_points")
    def _compute_hand_scorable(self):
        for line in self:
            line.hand_scorable = bool(
                not line.compute_method or line.not_measurable or line.hand_points
            )

    @api.depends("hand_scorable", "scored_by_id", "hand_evidence", "work_record_ids")
    def _compute_hand_scored(self):
        for line in self:
            line.hand_scored = bool(
                line.hand_scorable and line.scored_by_id and line._has_hand_evidence()
            )

    def _has_hand_evidence(self):
        """A hand score rests on evidence: records linked or a written reason."""
        self.ensure_one()
        return bool((self.hand_evidence or "").strip() or self.work_record_ids)

    @api.depends("work_record_kind", "year", "company_id", "appraisal_id.department_ids")
    def _compute_available_work_record_ids(self):
        """The records of each item's register, the departments covered and the year: one
        search for all lines, as the reader (who sees only the records they may read)."""
        lines = self.filtered("work_record_kind")
        (self - lines).available_work_record_ids = False
        if not lines:
            return
        years = lines.mapped("year")
        records = self.env["credit.work.record"].search(
            [
                ("kind", "in", list(set(lines.mapped("work_record_kind")))),
                ("department_id", "in", lines.appraisal_id.department_ids.ids),
                ("company_id", "in", lines.company_id.ids),
                ("date", ">=", date(min(years), 1, 1)),
                ("date", "<=", date(max(years), 12, 31)),
            ]
        )
        for line in lines:
            line.available_work_record_ids = records.filtered(
                lambda record, line=line: line._matches_work_record(record)
            )

    def _matches_work_record(self, record):
        """Whether ``record`` is one of this line's: the item's register, a department the
        appraisal covers, its year and company."""
        self.ensure_one()
        return (
            record.kind == self.work_record_kind
            and record.department_id in self.appraisal_id.department_ids
            and record.date.year == self.year
            and record.company_id == self.company_id
        )

    @api.constrains("work_record_ids")
    def _check_work_records(self):
        for line in self.sudo():
            wrong = line.work_record_ids.filtered(
                lambda record, line=line: not line._matches_work_record(record)
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "Item %(code)s rests on the records of its register for the "
                        "departments covered (%(departments)s) in %(year)s, not on: "
                        "%(records)s.",
                        code=line.code,
                        departments=", ".join(line.appraisal_id.department_ids.mapped("name"))
                        or "-",
                        year=line.year,
                        records=", ".join(wrong.mapped("display_name")),
                    )
                )

    @api.constrains("score", "hand_score", "points")
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
            limit = line._hand_limit()
            if not 0 <= line.hand_score <= limit:
                raise ValidationError(
                    self.env._(
                        "Item %(code)s scores between 0 and %(points)s, not %(score)s.",
                        code=line.code,
                        points=limit,
                        score=line.hand_score,
                    )
                )

    def _guard_check_write(self, vals):
        self.appraisal_id._check_assessor()
        if {"hand_score", "hand_evidence", "work_record_ids"} & set(vals):
            for line in self:
                if not line.hand_scorable:
                    raise UserError(
                        self.env._(
                            "Item %(code)s is measured from the records: only an item the "
                            "records cannot measure is scored by hand.",
                            code=line.code,
                        )
                    )
        if "work_record_ids" in vals:
            for line in self:
                if not line.work_record_kind:
                    raise UserError(
                        self.env._(
                            "Item %(code)s keeps no register of records: write the reason "
                            "your score rests on.",
                            code=line.code,
                        )
                    )

    def _hand_limit(self):
        """The most an assessor's score gives: the assessor's part of a measured item, or
        the item's points."""
        self.ensure_one()
        if self.compute_method and not self.not_measurable and self.hand_points:
            return self.hand_points
        return self.points

    def write(self, vals):
        hand = {"hand_score", "hand_evidence", "work_record_ids"} & set(vals)
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
            # an item scored by hand counts what the assessor gave it; a measured item
            # with an assessor's part, its measured points plus that part
            self.filtered("hand_scorable")._apply_hand_score()
        if "score" in vals or hand:
            self.appraisal_id._update_totals()
        return res

    def _apply_hand_score(self):
        """The line's score from the assessor's: all of it for an item scored by hand or
        one the records cannot measure, the measured points plus the assessor's part for a
        measured item with one."""
        for line in self:
            if line.compute_method and not line.not_measurable and line.hand_points:
                score = line.computed_score + min(line.hand_score, line.hand_points)
            else:
                score = line.hand_score
            line.sudo().write({"score": round(score, 1)})

    def _check_hand_evidence(self):
        """A hand score rests on evidence: records linked or a written reason."""
        for line in self:
            if line._has_hand_evidence():
                continue
            if line.not_measurable:
                message = self.env._(
                    "Item %(code)s is not measurable from the records: write the evidence "
                    "your score rests on.",
                    code=line.code,
                )
            elif line.compute_method and line.hand_points:
                message = self.env._(
                    "Item %(code)s: write the evidence your score of the assessor's part rests on.",
                    code=line.code,
                )
            elif line.work_record_kind:
                message = self.env._(
                    "Item %(code)s is scored by hand: link the records your score rests on or "
                    "write the reason.",
                    code=line.code,
                )
            else:
                message = self.env._(
                    "Item %(code)s is scored by hand: write the reason your score rests on.",
                    code=line.code,
                )
            raise ValidationError(message)
