from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .guard_tools import value_given, x2many_ids_after

MANAGER = "credit_management.group_credit_manager"
RATINGS = [
    ("advanced", "Advanced"),
    ("excellent", "Excellent"),
    ("commendation", "Commendation"),
    ("pass", "Pass"),
    ("fail", "Failed"),
]
OUTCOMES = [
    ("award", "Award"),
    ("none", "No Award"),
    ("first_failure", "First Failure: Education, Bonus Withheld"),
    ("revocation", "Revocation Proposed"),
]


class CreditAppraisal(models.Model):
    """An administrator's annual appraisal: 19 scored items, confidential."""

    _name = "credit.appraisal"
    _description = "Credit Administrator Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "year desc, total desc, id"

    # set by the flow and by the recompute only
    _guard_flow_fields = (
        "state",
        "total",
        "rating",
        "failed",
        "failure_number",
        "outcome",
        "bonus_withheld",
        "misuse_contract_ids",
        "submitted_by_id",
        "date_submitted",
        "approved_by_id",
        "date_approved",
        # related and computed: stored, a hand-written value would stay
        "employee_id",
        "user_id",
        "company_id",
        "year",
        "name",
    )
    _guard_locks = [
        # a locked appraisal is history
        ("__all__", ("draft", "submitted", "approved")),
        # whose appraisal of which year: fixed when it opens
        (("period_id", "administrator_id"), ()),
        # the coverage the year is measured on: corrected while a draft
        (("department_ids",), ("draft",)),
    ]
    _guard_field_groups = {"assessor_ids": MANAGER, "department_ids": MANAGER}
    _guard_undeletable_states = ("submitted", "approved", "locked")

    name = fields.Char(compute="_compute_name", store=True)
    period_id = fields.Many2one(
        "credit.appraisal.period", required=True, index=True, ondelete="restrict"
    )
    administrator_id = fields.Many2one(
        "credit.administrator", required=True, index=True, ondelete="restrict"
    )
    employee_id = fields.Many2one(
        related="administrator_id.employee_id", store=True, index=True, string="Employee"
    )
    user_id = fields.Many2one(
        related="administrator_id.employee_id.user_id",
        store=True,
        string="Appraised User",
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True)
    year = fields.Integer(related="period_id.year", store=True, aggregator=None)
    rubric_id = fields.Many2one(related="period_id.rubric_id", string="Scorecard Version")
    assessor_ids = fields.Many2many(
        "res.users",
        "credit_appraisal_assessor_rel",
        "appraisal_id",
        "user_id",
        string="Assessors",
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("locked", "Locked"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    department_ids = fields.Many2many(
        "hr.department",
        "credit_appraisal_department_rel",
        "appraisal_id",
        "department_id",
        string="Departments Covered",
        help="The departments whose contracts this year's appraisal measures: the "
        "administrator's coverage when the appraisal was opened, kept with the year so that "
        "a later change of coverage does not rewrite a past year. The credit manager may "
        "correct it while the appraisal is a draft.",
    )
    line_ids = fields.One2many("credit.appraisal.line", "appraisal_id", string="Scorecard")
    total = fields.Float(readonly=True, digits=(16, 1), tracking=True)
    rating = fields.Selection(RATINGS, readonly=True)
    failed = fields.Boolean(readonly=True, help="Total under the period's failure threshold.")
    failure_number = fields.Integer(
        readonly=True, help="The how-many-th failure this is, counting earlier locked years."
    )
    outcome = fields.Selection(OUTCOMES, readonly=True, tracking=True)
    bonus_withheld = fields.Boolean(
        compute="_compute_bonus_withheld",
        store=True,
        help="A first failure or a revocation withholds the year's bonus.",
    )
    misuse_contract_ids = fields.Many2many(
        "credit.contract", string="Contracts Used Unlawfully", readonly=True
    )
    note_ids = fields.One2many(
        "credit.appraisal.note",
        "appraisal_id",
        string="Private Notes",
        groups="credit_management.group_credit_administrator",
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_submitted = fields.Date(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False)
    is_own = fields.Boolean(compute="_compute_is_own")
    list_entry_ids = fields.One2many("credit.appraisal.list.entry", "appraisal_id")
    list_type = fields.Selection(
        [("award", "Award List"), ("disqualification", "Disqualification List")],
        compute="_compute_list_decision",
        string="On the List",
    )
    list_decision = fields.Selection(
        [
            ("draft", "Draft List"),
            ("submitted", "Awaiting Legal Representative"),
            ("approved", "Approved by Legal Representative"),
            ("refused", "Refused by Legal Representative"),
            ("removed", "Removed by Credit Department"),
        ],
        compute="_compute_list_decision",
        string="Decision",
        help="The decision on this person as the year's lists and the register hold it.",
    )

    _sql_constraints = [
        (
            "administrator_period_uniq",
            "unique(administrator_id, period_id)",
            "An administrator has one appraisal per year.",
        )
    ]

    @api.depends("employee_id.name", "year")
    def _compute_name(self):
        for appraisal in self:
            appraisal.name = f"{appraisal.year} {appraisal.employee_id.name or ''}".strip()

    @api.depends("outcome")
    def _compute_bonus_withheld(self):
        for appraisal in self:
            appraisal.bonus_withheld = appraisal.outcome in ("first_failure", "revocation")

    @api.depends_context("uid")
    def _compute_is_own(self):
        for appraisal in self:
            appraisal.is_own = appraisal.user_id == self.env.user

    # ------------------------------------------------------------------ guards
    @api.model
    def _guard_check_create(self, vals_list):
        Period = self.env["credit.appraisal.period"]
        Admin = self.env["credit.administrator"].sudo()
        for vals in vals_list:
            if vals.get("line_ids"):
                raise AccessError(
                    self.env._("The scorecard comes from the period's scorecard version.")
                )
            period = Period.browse(value_given(self, vals, "period_id"))
            if period.state != "open":
                raise UserError(self.env._("Appraisals are added to an open period only."))
            admin = Admin.browse(value_given(self, vals, "administrator_id"))
            if admin.company_id != period.company_id:
                raise UserError(
                    self.env._("The administrator belongs to another company than the period.")
                )
            if admin.user_id == self.env.user:
                raise AccessError(self.env._("Nobody opens their own appraisal."))
            given = value_given(self, vals, "assessor_ids")
            if admin.user_id.id in x2many_ids_after(self, "assessor_ids", given):
                raise AccessError(self.env._("Nobody assesses their own appraisal."))

    def _guard_check_write(self, vals):
        if any(appraisal.user_id == self.env.user for appraisal in self):
            raise AccessError(self.env._("Nobody changes their own appraisal."))
        # the form saves edited lines through here: updates only, guarded by the lines
        if any(command[0] not in (1, 4) for command in vals.get("line_ids", [])):
            raise AccessError(self.env._("The scorecard of an appraisal is fixed."))
        if "assessor_ids" in vals:
            for appraisal in self:
                assessors = x2many_ids_after(appraisal, "assessor_ids", vals["assessor_ids"])
                if appraisal.user_id.id in assessors:
                    raise AccessError(self.env._("Nobody assesses their own appraisal."))

    @api.model_create_multi
    def create(self, vals_list):
        appraisals = super().create(vals_list)
        # the year keeps the coverage it is measured with
        for appraisal in appraisals.filtered(lambda a: not a.department_ids):
            appraisal.sudo().department_ids = appraisal.administrator_id.department_ids
        uncovered = appraisals.filtered(lambda a: not a.department_ids)
        if uncovered:
            raise UserError(
                self.env._(
                    "These administrators cover no department in the register, so their "
                    "appraisal would measure nothing: assign their departments first: "
                    "%(names)s.",
                    names=", ".join(uncovered.administrator_id.mapped("name")),
                )
            )
        appraisals._create_lines()
        appraisals._update_totals()
        return appraisals

    def _create_lines(self):
        vals = [
            {
                "appraisal_id": appraisal.id,
                "item_id": item.id,
                "points": item.points,
                "sequence": item.sequence,
            }
            for appraisal in self
            for item in appraisal.period_id.rubric_id.item_ids
        ]
        self.env["credit.appraisal.line"].sudo().create(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_generated(self):
        """Once its period generated the year's appraisals, nobody is dropped from it."""
        if self.env.su:
            return
        for appraisal in self:
            if appraisal.period_id.sudo().date_generated:
                raise UserError(
                    self.env._(
                        "The appraisals of %(period)s were generated: the appraisal of "
                        "%(name)s cannot be deleted.",
                        period=appraisal.period_id.name,
                        name=appraisal.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------ totals
    def _update_totals(self):
        """Total, rating and failure from the lines, one query for all appraisals."""
        if not self:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """UPDATE credit_appraisal a
                      SET total = t.total,
                          rating = CASE
                              WHEN t.total >= p.award_advanced THEN 'advanced'
                              WHEN t.total >= p.award_excellent THEN 'excellent'
                              WHEN t.total >= p.award_commendation THEN 'commendation'
                              WHEN t.total < p.fail_threshold THEN 'fail'
                              ELSE 'pass' END,
                          failed = t.total < p.fail_threshold
                     FROM (SELECT a2.id, ROUND(COALESCE(SUM(l.score), 0)::numeric, 1) AS total
                             FROM credit_appraisal a2
                        LEFT JOIN credit_appraisal_line l ON l.appraisal_id = a2.id
                            WHERE a2.id = ANY(%s)
                         GROUP BY a2.id) t,
                          credit_appraisal_period p
                    WHERE a.id = t.id AND p.id = a.period_id""",
                list(self.ids),
            )
        )
        self.invalidate_recordset(["total", "rating", "failed"])
        self.env["credit.appraisal.period"].invalidate_model(["award_ids", "disqualification_ids"])

    def _earlier_failures(self):
        """{appraisal id: the person's failures before it}, one query for all.

        The person is the same whatever company appraised them: the same employee record,
        or an employee record of the same user, or one with the same identification number
        (身份证号) where the employee records have no user. Before it: a failed appraisal of
        an earlier year whose lists were approved (locked), in any company, and one of the
        same year in another company whose lists were approved first."""
        if not self:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT a.id, COUNT(DISTINCT f.id)
                     FROM credit_appraisal a
                     JOIN hr_employee e ON e.id = a.employee_id
                     JOIN credit_appraisal f
                       ON f.id != a.id AND f.failed AND f.state = 'locked'
                      AND (f.year < a.year OR (f.year = a.year AND f.company_id != a.company_id))
                     JOIN hr_employee fe ON fe.id = f.employee_id
                    WHERE a.id = ANY(%s)
                      AND (fe.id = e.id
                           OR (e.user_id IS NOT NULL AND fe.user_id = e.user_id)
                           OR (COALESCE(e.identification_id, '') != ''
                               AND fe.identification_id = e.identification_id))
                 GROUP BY a.id""",
                list(self.ids),
            )
        )
        return dict(self.env.cr.fetchall())

    def _compute_outcome(self):
        """Award, first failure or revocation, counting the person's earlier failures in
        all their companies (``_earlier_failures``): the one count the server, the lists and
        every report read (``failure_number``)."""
        if not self:
            return
        earlier = self._earlier_failures()
        for appraisal in self:
            period = appraisal.period_id
            number = earlier.get(appraisal.id, 0) + 1 if appraisal.failed else 0
            if appraisal.misuse_contract_ids:
                outcome = "revocation"
            elif appraisal.failed:
                outcome = (
                    "revocation" if number >= period.revoke_after_failures else "first_failure"
                )
            elif appraisal.rating in ("advanced", "excellent", "commendation"):
                outcome = "award"
            else:
                outcome = "none"
            if (appraisal.outcome, appraisal.failure_number) != (outcome, number):
                appraisal.sudo().write({"outcome": outcome, "failure_number": number})

    def _list_type(self):
        """The list this appraisal's outcome puts the person on, if any."""
        self.ensure_one()
        if self.outcome == "revocation":
            return "disqualification"
        if self.rating in ("advanced", "excellent", "commendation"):
            return "award"
        return False

    @api.depends("list_entry_ids.decision", "list_entry_ids.list_type")
    def _compute_list_decision(self):
        for appraisal in self:
            entry = appraisal.sudo().list_entry_ids[:1]
            appraisal.list_type = entry.list_type
            appraisal.list_decision = entry.decision

    def _outcome_reason(self):
        self.ensure_one()
        # stored on the lists and the register: in the company's language
        env = self.company_id._credit_env()
        if self.misuse_contract_ids:
            return env._(
                "Contracts used for unlawful acts: %(names)s.",
                names=", ".join(self.misuse_contract_ids.mapped("name")),
            )
        return env._(
            "Appraisal %(year)s: total %(total)s under %(threshold)s, failure number "
            "%(number)s (counting earlier years).",
            year=self.year,
            total=self.total,
            threshold=self.period_id.fail_threshold,
            number=self.failure_number,
        )

    # ------------------------------------------------------------------ rights
    def _is_assessor(self):
        self.ensure_one()
        return self.env.user in self.assessor_ids or self.env.user.has_group(MANAGER)

    def _check_assessor(self):
        for appraisal in self:
            if appraisal.user_id == self.env.user:
                raise AccessError(self.env._("Nobody scores their own appraisal."))
            if not appraisal._is_assessor():
                raise AccessError(
                    self.env._("Only the appraisal's assessors or the credit manager may score it.")
                )
        self.check_access("write")

    # ------------------------------------------------------------------ flow
    def action_recompute(self):
        """Recompute the measured items of these draft appraisals' periods."""
        return self.period_id.action_recompute()

    def action_submit(self):
        self._check_assessor()
        for appraisal in self:
            if appraisal.state != "draft":
                raise UserError(self.env._("Only a draft appraisal can be submitted."))
            missing = appraisal.line_ids.filtered(
                lambda line: line.compute_method and not line.date_computed
            )
            if missing:
                raise UserError(
                    self.env._(
                        "Score every item before submitting; still unscored: %(codes)s.",
                        codes=", ".join(missing.mapped("code")),
                    )
                )
            # one rule for every hand score: it rests on evidence (records or a reason)
            unmeasured = appraisal.line_ids.filtered(
                lambda line: line.not_measurable and not line.hand_scored
            )
            if unmeasured:
                raise UserError(
                    self.env._(
                        "The records cannot measure these items of %(name)s: score each by "
                        "hand with its evidence before submitting: %(items)s.",
                        name=appraisal.name,
                        items="; ".join(f"{line.code} {line.name}" for line in unmeasured),
                    )
                )
            unproven = appraisal.line_ids.filtered(
                lambda line: line.hand_scorable and not line.hand_scored
            )
            if unproven:
                raise UserError(
                    self.env._(
                        "These items of %(name)s are scored by hand and need the evidence "
                        "their score rests on (records linked or a written reason) before "
                        "submitting: %(items)s.",
                        name=appraisal.name,
                        items="; ".join(f"{line.code} {line.name}" for line in unproven),
                    )
                )
            # the coverage may have been corrected since the records were linked
            appraisal.line_ids._check_work_records()
        self.sudo().write(
            {
                "state": "submitted",
                "submitted_by_id": self.env.user.id,
                "date_submitted": fields.Date.context_today(self),
            }
        )
        return True

    def action_approve(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the credit manager approves an appraisal."))
        self._check_assessor()
        for appraisal in self:
            if appraisal.state != "submitted":
                raise UserError(self.env._("Only a submitted appraisal can be approved."))
        self.sudo().write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Date.context_today(self),
            }
        )
        return True

    def action_reset_draft(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the credit manager reopens an appraisal."))
        self._check_assessor()
        for appraisal in self:
            if appraisal.state not in ("submitted", "approved"):
                raise UserError(self.env._("Only a submitted or approved appraisal reopens."))
            if appraisal.period_id.state != "open":
                raise UserError(
                    self.env._(
                        "The period's lists were sent: ask the legal representative "
                        "to return them first."
                    )
                )
        self.sudo().write({"state": "draft", "approved_by_id": False, "submitted_by_id": False})
        return True
