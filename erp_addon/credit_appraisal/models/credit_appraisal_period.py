from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER = "credit_management.group_credit_manager"


class CreditAppraisalPeriod(models.Model):
    """The year's appraisal (年度考核): one appraisal per registered administrator."""

    _name = "credit.appraisal.period"
    _description = "Appraisal Period"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "year desc, id desc"

    _guard_flow_fields = (
        "state",
        "name",
        "date_from",
        "date_to",
        "award_advanced",
        "award_excellent",
        "award_commendation",
        "fail_threshold",
        "revoke_after_failures",
        "date_generated",
        "lists_submitted_by_id",
        "date_lists_submitted",
        "lists_approved_by_id",
        "date_lists_approved",
        "date_recomputed",
        "list_status",
    )
    # the year, company and scorecard change while the period is open (and has no
    # appraisals, see _guard_check_write); nothing changes once the lists are sent
    _guard_locks = [("__all__", ("open",))]
    _guard_undeletable_states = ("submitted", "locked")

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.today().year, aggregator=None
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    rubric_id = fields.Many2one(
        "credit.appraisal.rubric",
        string="Scorecard",
        required=True,
        ondelete="restrict",
        domain="[('state', '=', 'active'), ('company_id', 'in', [company_id, False])]",
        default=lambda self: self._default_rubric(),
    )
    date_from = fields.Date(compute="_compute_name", store=True)
    date_to = fields.Date(compute="_compute_name", store=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("submitted", "Lists Awaiting Approval"),
            ("locked", "Locked"),
        ],
        required=True,
        default="open",
        tracking=True,
        copy=False,
    )
    # the settings in force when the period opened: a past year keeps its thresholds
    award_advanced = fields.Float(string="Advanced From", readonly=True)
    award_excellent = fields.Float(string="Excellent From", readonly=True)
    award_commendation = fields.Float(string="Commendation From", readonly=True)
    fail_threshold = fields.Float(string="Failure Below", readonly=True)
    revoke_after_failures = fields.Integer(string="Revoke at Failure Number", readonly=True)
    appraisal_ids = fields.One2many("credit.appraisal", "period_id", string="Appraisals")
    appraisal_count = fields.Integer(compute="_compute_lists")
    award_ids = fields.Many2many("credit.appraisal", compute="_compute_lists", string="Award List")
    disqualification_ids = fields.Many2many(
        "credit.appraisal", compute="_compute_lists", string="Disqualification List"
    )
    # the lists as drawn by the credit department: every qualifier proposed, each kept or
    # removed with a reason
    list_entry_ids = fields.One2many(
        "credit.appraisal.list.entry",
        "period_id",
        string="List Entries",
        groups="credit_management.group_credit_administrator,credit_appraisal.group_credit_hr",
    )
    award_entry_ids = fields.One2many(
        "credit.appraisal.list.entry",
        "period_id",
        domain=[("list_type", "=", "award")],
        string="Award List Entries",
        groups="credit_management.group_credit_administrator,credit_appraisal.group_credit_hr",
    )
    disqualification_entry_ids = fields.One2many(
        "credit.appraisal.list.entry",
        "period_id",
        domain=[("list_type", "=", "disqualification")],
        string="Disqualification List Entries",
        groups="credit_management.group_credit_administrator,credit_appraisal.group_credit_hr",
    )
    list_status = fields.Selection(
        [
            ("none", "Not Drawn"),
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
        ],
        compute="_compute_list_status",
        store=True,
        string="Lists",
        help="Draft until sent to the legal representative; approved only by them.",
    )
    lists_submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_lists_submitted = fields.Date(readonly=True, copy=False)
    lists_approved_by_id = fields.Many2one(
        "res.users", string="Approved By (Legal Representative)", readonly=True, copy=False
    )
    date_lists_approved = fields.Date(readonly=True, copy=False)
    date_recomputed = fields.Datetime(string="Last Recomputed", readonly=True, copy=False)
    date_generated = fields.Datetime(
        string="Appraisals Opened On",
        readonly=True,
        copy=False,
        help="When the appraisals of the registered administrators were first generated: "
        "from then on, no appraisal of the period is deleted.",
    )

    _sql_constraints = [
        (
            "year_company_uniq",
            "unique(company_id, year)",
            "This company already has an appraisal period for this year.",
        ),
        ("year_valid", "CHECK(year > 1900 AND year < 3000)", "Give a valid year."),
    ]

    @api.model
    def _default_rubric(self):
        return self.env["credit.appraisal.rubric"].search(
            [("state", "=", "active"), ("company_id", "in", [self.env.company.id, False])],
            order="company_id, date_from desc, version desc",
            limit=1,
        )

    @api.depends("year")
    def _compute_name(self):
        for period in self:
            valid = 1900 < (period.year or 0) < 3000
            period.name = str(period.year) if period.year else False
            period.date_from = date(period.year, 1, 1) if valid else False
            period.date_to = date(period.year, 12, 31) if valid else False

    @api.depends(
        "appraisal_ids.rating",
        "appraisal_ids.outcome",
        "list_entry_ids.state",
        "list_entry_ids.list_type",
    )
    @api.depends_context("uid")
    def _compute_lists(self):
        # the lists are the appraisals the user may read: HR, the credit manager and the
        # legal representative read all; anyone else their own at most. Once drawn, the
        # lists are the entries the credit department kept; before, the qualifiers.
        for period in self:
            appraisals = period.appraisal_ids
            period.appraisal_count = len(appraisals)
            entries = period.sudo().list_entry_ids.filtered(lambda e: e.state != "removed")
            if period.sudo().list_entry_ids:
                kept = {
                    kind: entries.filtered(lambda e, k=kind: e.list_type == k).appraisal_id
                    for kind in ("award", "disqualification")
                }
                period.award_ids = appraisals & kept["award"]
                period.disqualification_ids = appraisals & kept["disqualification"]
                continue
            period.award_ids = appraisals.filtered(lambda a: a._list_type() == "award")
            period.disqualification_ids = appraisals.filtered(
                lambda a: a._list_type() == "disqualification"
            )

    @api.depends("state", "list_entry_ids")
    def _compute_list_status(self):
        for period in self:
            if period.state == "locked":
                period.list_status = "approved"
            elif period.state == "submitted":
                period.list_status = "submitted"
            else:
                period.list_status = "draft" if period.list_entry_ids else "none"

    # ------------------------------------------------------------------ guards
    @api.model
    def _guard_start_values(self, vals):
        """The settings in force when the period opens: a past year keeps its thresholds."""
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        return {
            "award_advanced": company.credit_award_advanced,
            "award_excellent": company.credit_award_excellent,
            "award_commendation": company.credit_award_commendation,
            "fail_threshold": company.credit_fail_threshold,
            "revoke_after_failures": company.credit_revoke_after_failures,
        }

    @api.model
    def _guard_check_create(self, vals_list):
        rubrics = self.env["credit.appraisal.rubric"].browse(
            [vals["rubric_id"] for vals in vals_list if vals.get("rubric_id")]
        )
        rubrics._check_in_use()

    def _guard_check_write(self, vals):
        if {"rubric_id", "year", "company_id"} & set(vals) and self.sudo().appraisal_ids:
            raise UserError(
                self.env._("The period has appraisals: its year, company and scorecard are kept.")
            )
        if vals.get("rubric_id"):
            self.env["credit.appraisal.rubric"].browse(vals["rubric_id"])._check_in_use()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the superuser's flows (data files) start where a user's would
            for fname, value in self._guard_start_values(vals).items():
                vals.setdefault(fname, value)
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.sudo().appraisal_ids:
            raise UserError(self.env._("A period with appraisals cannot be deleted."))

    # ------------------------------------------------------------------ rights
    def _check_manager(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the credit manager runs the annual appraisal."))
        return self._guard_sudo("write")

    # ------------------------------------------------------------------ generate
    def _registered_administrators(self):
        """The administrators of the register the year appraises: registered by the year's
        end, in the period's company, not revoked."""
        self.ensure_one()
        return (
            self.env["credit.administrator"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date_start", "<=", self.date_to),
                    ("qualification_state", "!=", "revoked"),
                ]
            )
        )

    def _administrators_without_appraisal(self):
        self.ensure_one()
        return self._registered_administrators() - self.sudo().appraisal_ids.administrator_id

    def action_generate_appraisals(self):
        """Create the missing appraisals: every administrator registered in the year."""
        periods = self._check_manager()
        created = self.env["credit.appraisal"]
        now = fields.Datetime.now()
        periods._check_contracts_assigned()
        for period in periods:
            if period.state != "open":
                raise UserError(self.env._("The period %(name)s is closed.", name=period.name))
            admins = period._administrators_without_appraisal()
            # an appraisal measures the departments covered: none covered, nothing to
            # measure; the register is put right first (nobody is left out of the year)
            uncovered = admins.filtered(lambda admin: not admin.department_ids)
            if uncovered:
                raise UserError(
                    self.env._(
                        "These administrators cover no department in the register, so their "
                        "%(year)s appraisal would measure nothing: assign their departments "
                        "first, then open the appraisals: %(names)s.",
                        year=period.year,
                        names=", ".join(uncovered.mapped("name")),
                    )
                )
            created |= (
                self.env["credit.appraisal"]
                .sudo()
                .create(
                    [{"period_id": period.id, "administrator_id": admin.id} for admin in admins]
                )
            )
            if not period.date_generated:
                period.write({"date_generated": now})
        periods._recompute()
        return len(created)

    # ------------------------------------------------------------------ coverage
    def _unassigned_contracts_domain(self):
        """The company's contracts the year measures that no department is responsible
        for: signed or created by the year's end and not over before it began."""
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("department_id", "=", False),
            "|",
            ("date_signed", "<=", self.date_to),
            "&",
            ("date_signed", "=", False),
            ("create_date", "<", fields.Date.add(self.date_to, days=1)),
            "|",
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", self.date_from),
            ("state", "in", ("draft", "review", "approved", "signed", "performance", "dispute")),
        ]

    def _check_contracts_assigned(self):
        """Refuse measuring a year while some of its contracts have no department: they
        would fall outside every appraisal."""
        for period in self:
            unassigned = (
                self.env["credit.contract"]
                .sudo()
                .search(period._unassigned_contracts_domain(), order="name", limit=11)
            )
            if unassigned:
                names = ", ".join(unassigned[:10].mapped("name"))
                raise UserError(
                    self.env._(
                        "Contracts of %(year)s without a responsible department would fall "
                        "outside every appraisal: assign their departments first (Contracts "
                        "Without Department on the period): %(names)s%(more)s.",
                        year=period.year,
                        names=names,
                        more=self.env._(" and more") if len(unassigned) > 10 else "",
                    )
                )

    def action_unassigned_contracts(self):
        """The year's contracts without a department, for the credit manager to assign."""
        self.ensure_one()
        self._check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Contracts Without Department %(year)s", year=self.year),
            "res_model": "credit.contract",
            "view_mode": "list,form",
            "domain": self._unassigned_contracts_domain(),
            "context": {"create": False},
        }
