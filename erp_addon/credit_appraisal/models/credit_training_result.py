from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.credit_management.exceptions import field_error

from .guard_tools import value_given

# figured by the add-on when the result is recorded
RESULT_FLOW_FIELDS = (
    "state",
    "attempt",
    "pass_mark",
    "passed",
    "fee_id",
    "company_id",
    "session_type",
    "kind",
    "year",
    "makeup_required",
)
# what was measured is history: a correction is a new attempt, never an edit
RESULT_LOCKS = [(("session_id", "employee_id", "score", "mastery", "makeup_of_id", "date"), ())]


class CreditTrainingResult(models.Model):
    """An attendee's exam score (0-100) or sample-check mastery (%) for a session."""

    _name = "credit.training.result"
    _description = "Training Exam or Sample Check Result"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"
    _rec_name = "employee_id"

    _guard_flow_fields = RESULT_FLOW_FIELDS
    _guard_state_field = "state"
    _guard_locks = RESULT_LOCKS
    _guard_undeletable_states = "__all__"

    session_id = fields.Many2one(
        "credit.training.session", required=True, index=True, ondelete="restrict"
    )
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True)
    session_type = fields.Selection(related="session_id.session_type", store=True)
    kind = fields.Selection(related="session_id.assessment", store=True, string="Assessment")
    year = fields.Integer(related="session_id.year", store=True, aggregator=None)
    date = fields.Date(required=True, default=fields.Date.context_today)
    score = fields.Float(string="Exam Score", help="0 to 100.")
    mastery = fields.Float(string="Mastery (%)", help="Share of the content mastered, 0 to 100.")
    attempt = fields.Integer(default=1, readonly=True)
    makeup_of_id = fields.Many2one(
        "credit.training.result", string="Make-up Of", ondelete="restrict", index=True
    )
    pass_mark = fields.Float(readonly=True, help="The pass mark in force when recorded.")
    passed = fields.Boolean(readonly=True)
    makeup_required = fields.Boolean(
        compute="_compute_makeup_required",
        store=True,
        help="A failed exam needs a make-up exam until one is passed.",
    )
    makeup_ids = fields.One2many("credit.training.result", "makeup_of_id")
    fee_id = fields.Many2one("credit.training.fee", string="Fee or Fine", readonly=True)
    note = fields.Char()
    state = fields.Selection(
        [("recorded", "Recorded")],
        compute="_compute_state",
        help="A result is history once recorded: a correction is a make-up attempt.",
    )

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score >= 0 AND score <= 100)",
            "An exam score lies between 0 and 100.",
        ),
        (
            "mastery_range",
            "CHECK(mastery >= 0 AND mastery <= 100)",
            "A sample-check mastery lies between 0% and 100%.",
        ),
    ]

    @api.depends("passed", "kind", "makeup_ids.passed")
    def _compute_makeup_required(self):
        for result in self:
            result.makeup_required = (
                result.kind == "exam"
                and not result.passed
                and not result._later_attempts().filtered("passed")
            )

    def _compute_state(self):
        self.state = "recorded"

    def _later_attempts(self):
        attempts = self.makeup_ids
        todo = attempts
        while todo:
            todo = todo.makeup_ids
            attempts |= todo
        return attempts

    def _check_values(self, vals):
        """Bad input gets a clear message before anything is saved."""
        session = self.env["credit.training.session"].browse(vals.get("session_id"))
        if not session.exists():
            raise field_error(self.env._("A result belongs to a training session."), "session_id")
        if session.assessment == "none":
            raise field_error(
                self.env._("Session %(name)s has no exam or sample check.", name=session.name),
                "session_id",
            )
        score, mastery = vals.get("score") or 0.0, vals.get("mastery") or 0.0
        if not 0 <= score <= 100:
            raise field_error(
                self.env._("An exam score lies between 0 and 100, not %(score)s.", score=score),
                "score",
            )
        if not 0 <= mastery <= 100:
            raise field_error(
                self.env._(
                    "A sample-check mastery lies between 0%% and 100%%, not %(mastery)s%%.",
                    mastery=mastery,
                ),
                "mastery",
            )
        return session

    @api.onchange("session_id", "score", "mastery", "makeup_of_id")
    def _onchange_figures(self):
        """Pass mark, passed, attempt and make-up show as the score or mastery is typed,
        by the rule that records them on create (``_guard_start_values``); the server
        figures them again on save (these fields are read-only, never sent)."""
        for result in self:
            if not result.session_id or result.session_id.assessment not in ("exam", "sample"):
                continue
            result.update(
                self._guard_start_values(
                    {
                        "session_id": result.session_id.id,
                        "score": result.score,
                        "mastery": result.mastery,
                        "makeup_of_id": result.makeup_of_id._origin.id,
                    }
                )
            )

    # ------------------------------------------------------------------ guards
    @api.model
    def _guard_start_values(self, vals):
        """Attempt number and pass mark follow the session, the previous attempt and the
        company's settings in force; passed follows the score or mastery."""
        session = self.env["credit.training.session"].sudo().browse(vals.get("session_id"))
        previous = self.sudo().browse(vals.get("makeup_of_id"))
        if not session:
            return {}
        company = session.company_id
        if session.assessment == "exam":
            pass_mark = company.credit_exam_pass_score
            figure = vals.get("score") or 0.0
        else:
            pass_mark = company.credit_sample_pass_mastery
            figure = vals.get("mastery") or 0.0
        return {
            "attempt": previous.attempt + 1 if previous else 1,
            "pass_mark": pass_mark,
            "passed": figure >= pass_mark,
        }

    @api.model
    def _guard_check_create(self, vals_list):
        employees = (
            self.env["hr.employee"]
            .sudo()
            .browse([vals["employee_id"] for vals in vals_list if vals.get("employee_id")])
        )
        if self.env.user in employees.user_id:
            raise AccessError(
                self.env._(
                    "Nobody records their own exam result or sample check, credit managers "
                    "included."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # a context default is where the record starts as well (the session's button)
            for fname in ("session_id", "employee_id"):
                if not vals.get(fname) and value_given(self, vals, fname):
                    vals[fname] = value_given(self, vals, fname)
            session = self._check_values(vals)
            previous = self.browse(vals.get("makeup_of_id"))
            if previous and (
                previous.kind != "exam"
                or previous.passed
                or previous.session_id != session
                or previous.employee_id.id != vals.get("employee_id")
                or previous.makeup_ids
            ):
                raise field_error(
                    self.env._(
                        "A make-up exam follows the same employee's last failed exam of "
                        "the same session."
                    ),
                    "makeup_of_id",
                )
            # an exam has no mastery, a sample check no score
            vals["mastery" if session.assessment == "exam" else "score"] = 0.0
            if self.env.su:
                # the superuser's flows (survey attempts) start where a user's would
                vals.update(self._guard_start_values(vals))
        results = super().create(vals_list)
        results._check_duplicates()
        results.filtered(lambda r: not r.passed)._record_fee()
        return results

    def _check_duplicates(self):
        for result in self:
            first = self.search_count(
                [
                    ("session_id", "=", result.session_id.id),
                    ("employee_id", "=", result.employee_id.id),
                    ("attempt", "=", 1),
                ]
            )
            if first > 1:
                raise field_error(
                    self.env._(
                        "%(employee)s already has a result for %(session)s; record a make-up "
                        "exam instead.",
                        employee=result.employee_id.name,
                        session=result.session_id.name,
                    ),
                    "employee_id",
                )

    def _record_fee(self):
        """A failed exam costs the make-up fee; an unqualified sample check the fine."""
        Fee = self.env["credit.training.fee"].sudo()
        for result in self:
            company = result.company_id
            is_exam = result.kind == "exam"
            amount = company.credit_makeup_fee if is_exam else company.credit_sample_fine
            # the fee's reason is stored: in the company's language, whoever records it
            env = company._credit_env()
            session = result.session_id.with_env(env).name
            if is_exam:
                reason = env._(
                    "Make-up exam fee: %(score)s below the pass mark %(mark)s in %(session)s",
                    score=result.score,
                    mark=result.pass_mark,
                    session=session,
                )
            else:
                reason = env._(
                    "Sample-check fine: %(mastery)s%% mastered, below %(mark)s%% in %(session)s",
                    mastery=result.mastery,
                    mark=result.pass_mark,
                    session=session,
                )
            fee = Fee.create(
                {
                    "employee_id": result.employee_id.id,
                    "company_id": company.id,
                    "kind": "makeup_fee" if is_exam else "fine",
                    "amount": amount,
                    "currency_id": company.credit_fee_currency_id.id or company.currency_id.id,
                    "reason": reason,
                    "session_id": result.session_id.id,
                    "result_id": result.id,
                    "date": result.date,
                }
            )
            result.sudo().write({"fee_id": fee.id})
