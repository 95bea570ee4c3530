from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

MANAGER = "credit_management.group_credit_manager"
COMMITTEE = "credit_management.group_credit_committee"


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
    )
    # the year, company and scorecard change while the period is open (and has no
    # appraisals, see _guard_check_write); nothing changes once the lists are sent
    _guard_locks = [("__all__", ("open",))]
    _guard_undeletable_states = ("submitted", "locked")

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
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

    @api.depends("appraisal_ids.rating", "appraisal_ids.outcome")
    @api.depends_context("uid")
    def _compute_lists(self):
        # the lists are the appraisals the user may read: HR, the credit manager and the
        # legal representative read all; anyone else their own at most
        for period in self:
            appraisals = period.appraisal_ids
            period.appraisal_count = len(appraisals)
            period.award_ids = appraisals.filtered(
                lambda a: (
                    a.rating in ("advanced", "excellent", "commendation")
                    and a.outcome != "revocation"
                )
            )
            period.disqualification_ids = appraisals.filtered(lambda a: a.outcome == "revocation")

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

    # ------------------------------------------------------------------ misuse
    def _check_misuse(self, appraisal_ids):
        """Contracts used for unlawful acts by an administrator propose revoking them."""
        field = self.env["credit.contract"]._fields["misuse_employee_ids"]
        self.env.cr.execute(
            SQL(
                """SELECT a.id, array_agg(DISTINCT m.%s)
                     FROM credit_appraisal a
                     JOIN %s m ON m.%s = a.employee_id
                     JOIN credit_contract c ON c.id = m.%s AND c.company_id = %s
                    WHERE a.id = ANY(%s)
                 GROUP BY a.id""",
                SQL.identifier(field.column1),
                SQL.identifier(field.relation),
                SQL.identifier(field.column2),
                SQL.identifier(field.column1),
                self.company_id.id,
                appraisal_ids,
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return
        Appraisal = self.env["credit.appraisal"].sudo()
        for appraisal_id, contract_ids in rows:
            appraisal = Appraisal.browse(appraisal_id)
            contracts = self.env["credit.contract"].sudo().browse(contract_ids)
            if appraisal.misuse_contract_ids != contracts:
                appraisal.write({"misuse_contract_ids": [(6, 0, contracts.ids)]})
            admin = appraisal.administrator_id
            if admin.qualification_state == "qualified":
                admin._propose_revocation(
                    self.env._(
                        "Contracts used for unlawful acts: %(names)s.",
                        names=", ".join(contracts.mapped("name")),
                    ),
                    source="misuse",
                    appraisal=appraisal,
                    contracts=contracts,
                )

    # ------------------------------------------------------------------ lists
    def action_submit_lists(self):
        """Credit manager: send the award and disqualification lists to the legal rep."""
        self._check_manager()
        for period in self:
            if period.state != "open":
                raise UserError(
                    self.env._("The lists of %(name)s were already sent.", name=period.name)
                )
            appraisals = period.sudo().appraisal_ids
            if not appraisals:
                raise UserError(self.env._("The period has no appraisals."))
            # nobody of the register is left out of the year's lists
            missing = period._administrators_without_appraisal()
            if missing:
                raise UserError(
                    self.env._(
                        "Every administrator of the register is appraised before the lists "
                        "are sent; without an appraisal for %(year)s: %(names)s. Open their "
                        "appraisals first.",
                        year=period.year,
                        names=", ".join(missing.mapped("name")),
                    )
                )
            pending = appraisals.filtered(lambda a: a.state != "approved")
            if pending:
                raise UserError(
                    self.env._(
                        "Every appraisal must be approved before the lists are sent; still "
                        "open: %(names)s.",
                        names=", ".join(pending.mapped("employee_id.name")),
                    )
                )
            # misuse recorded since the last recompute counts as well
            period.sudo()._check_misuse(appraisals.ids)
            appraisals._compute_outcome()
            period.sudo().write(
                {
                    "state": "submitted",
                    "lists_submitted_by_id": self.env.user.id,
                    "date_lists_submitted": fields.Date.context_today(self),
                }
            )
            for user in period._legal_representatives()[:5]:
                period.sudo().activity_schedule(
                    "credit_appraisal.mail_activity_type_lists",
                    user_id=user.id,
                    summary=self.env._(
                        "Approve the award and disqualification lists of %(name)s",
                        name=period.name,
                    ),
                )
        return True

    def _legal_representatives(self):
        group = self.env.ref(COMMITTEE)
        return group.sudo().users.filtered(
            lambda u: not u.share and u.active and self.company_id in u.company_ids
        )

    def _check_legal_representative(self):
        if not self.env.user.has_group(COMMITTEE):
            raise AccessError(
                self.env._(
                    "Only the legal representative approves the award and disqualification lists."
                )
            )
        periods = self._guard_sudo("write")
        for period in periods:
            if period.state != "submitted":
                raise UserError(
                    self.env._("The lists of %(name)s are not awaiting approval.", name=period.name)
                )
            if self.env.user in period.appraisal_ids.user_id:
                raise AccessError(
                    self.env._("Nobody approves a list that contains their own appraisal.")
                )
        return periods

    def action_approve_lists(self):
        """Legal representative: approve the lists; the appraisals lock as history.

        Disqualifications become revocation requests on the register, which take effect
        when the legal representative approves each of them. The names stay on the lists
        (the appraisals, which only HR, the credit manager, the legal representative and
        each person for their own read), never in the period's chatter, which every
        employee reads.
        """
        periods = self._check_legal_representative()
        today = fields.Date.context_today(self)
        for period in periods:
            period.appraisal_ids.write({"state": "locked"})
            for appraisal in period.disqualification_ids:
                appraisal.administrator_id._propose_revocation(
                    appraisal._outcome_reason(),
                    source="misuse" if appraisal.misuse_contract_ids else "appraisal",
                    appraisal=appraisal,
                    contracts=appraisal.misuse_contract_ids,
                )
            period.write(
                {
                    "state": "locked",
                    "lists_approved_by_id": self.env.user.id,
                    "date_lists_approved": today,
                }
            )
            period.activity_unlink(["credit_appraisal.mail_activity_type_lists"])
            period.message_post(
                body=self.env._(
                    "The award and disqualification lists were approved by %(user)s.",
                    user=self.env.user.name,
                ),
                author_id=self.env.user.partner_id.id,
            )
        return True

    def action_return_lists(self):
        """Legal representative: send the lists back to the credit manager."""
        periods = self._check_legal_representative()
        periods.write({"state": "open", "lists_submitted_by_id": False})
        periods.activity_unlink(["credit_appraisal.mail_activity_type_lists"])
        return True
