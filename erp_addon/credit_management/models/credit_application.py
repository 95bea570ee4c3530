import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_amount
from odoo.tools.misc import format_date

from .credit_authority_band import APPROVAL_LEVELS, LEVEL_GROUPS

_logger = logging.getLogger(__name__)

# set only by the approval flow, never by hand
FLOW_FIELDS = {
    "name",
    "state",
    "score_id",
    "grade_id",
    "current_limit",
    "exposure_amount",
    "overdue_amount",
    "required_level",
    "decided_by_id",
    "decision_date",
    "decision_note",
    "previous_limit",
    "requested_by_id",
}
# what the requester asks for: set in draft, by the requester only
REQUEST_FIELDS = {
    "partner_id",
    "requested_limit",
    "application_type",
    "expiry_date",
    "company_id",
    "justification",
}
APPLICATION_TYPES = [
    ("due_diligence", "New customer (due diligence)"),
    ("limit_change", "Limit change"),
    ("temporary", "Temporary limit"),
    ("review", "Periodic re-review"),
]


class CreditApplication(models.Model):
    """A request for credit (授信申请): assessment, approval by authority, limit in force."""

    _name = "credit.application"
    _description = "Credit Application"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "credit.guard.mixin",
        "credit.decision.mixin",
    ]
    _order = "id desc"

    # guards (credit.guard.mixin): the flow's fields are written by its methods only; the
    # request is the requester's, in draft only; a decided application stays on record
    _guard_sequence = "credit.application"
    _guard_flow_fields = tuple(sorted(FLOW_FIELDS))
    _guard_locks = [("__all__", ("draft",))]
    _guard_undeletable_states = ("submitted", "approved", "refused", "expired")

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    application_type = fields.Selection(
        APPLICATION_TYPES, required=True, default="limit_change", tracking=True
    )
    requested_limit = fields.Monetary(required=True, tracking=True)
    expiry_date = fields.Date(
        string="Temporary Until", tracking=True, help="The limit reverts after this day."
    )
    justification = fields.Text(required=True, tracking=True)
    requested_by_id = fields.Many2one(
        "res.users", required=True, readonly=True, default=lambda self: self.env.user
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Awaiting Approval"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    # assessment snapshot, taken at submission
    score_id = fields.Many2one("credit.score", string="Score Snapshot", readonly=True, copy=False)
    score = fields.Float(related="score_id.score", string="Score at Assessment")
    grade_id = fields.Many2one("credit.grade", readonly=True, copy=False)
    grade_max_limit = fields.Monetary(related="grade_id.max_credit_limit")
    current_limit = fields.Monetary(readonly=True, copy=False)
    exposure_amount = fields.Monetary(string="Exposure at Assessment", readonly=True, copy=False)
    overdue_amount = fields.Monetary(string="Overdue at Assessment", readonly=True, copy=False)
    required_level = fields.Selection(APPROVAL_LEVELS, readonly=True, copy=False)
    # decision
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decision_date = fields.Datetime(readonly=True, copy=False)
    decision_note = fields.Text(readonly=True, copy=False)
    previous_limit = fields.Monetary(readonly=True, copy=False)
    awaiting_my_decision = fields.Boolean(
        compute="_compute_awaiting_my_decision", search="_search_awaiting_my_decision"
    )

    @api.constrains("requested_limit", "application_type", "expiry_date")
    def _check_amounts(self):
        today = fields.Date.context_today(self)
        for app in self:
            if app.requested_limit <= 0:
                raise ValidationError(
                    self.env._("A requested credit limit must be greater than zero.")
                )
            if app.application_type == "temporary":
                if not app.expiry_date:
                    raise ValidationError(self.env._("A temporary limit needs an end date."))
                if app.state in ("draft", "submitted") and app.expiry_date < today:
                    raise ValidationError(
                        self.env._(
                            "The temporary limit's end date %(date)s is already past.",
                            date=format_date(self.env, app.expiry_date),
                        )
                    )

    @api.constrains("partner_id", "company_id", "state")
    def _check_one_open_application(self):
        """One application in progress per customer and company: a second would be
        assessed and approved against the same figures, and the later approval would
        silently replace the earlier limit."""
        open_apps = self.filtered(lambda a: a.state in ("draft", "submitted"))
        if not open_apps:
            return
        groups = self.sudo()._read_group(
            [
                ("partner_id", "in", open_apps.partner_id.ids),
                ("company_id", "in", open_apps.company_id.ids),
                ("state", "in", ("draft", "submitted")),
            ],
            ["partner_id", "company_id"],
            ["id:recordset"],
        )
        for partner, _company, apps in groups:
            if len(apps) > 1:
                first = apps.sorted("id")[0]
                raise ValidationError(
                    self.env._(
                        "%(partner)s already has credit application %(name)s in progress; "
                        "open it from the customer's Credit tab instead of starting another.",
                        partner=partner.display_name,
                        name=first.name,
                    )
                )

    @api.depends_context("uid")
    @api.depends("state", "required_level", "requested_by_id")
    def _compute_awaiting_my_decision(self):
        mine = self.filtered_domain(self._awaiting_my_decision_domain())
        for app in self:
            app.awaiting_my_decision = app in mine

    def _awaiting_my_decision_domain(self):
        """Submitted, within my authority, and not requested by me (_check_can_decide)."""
        user = self.env.user
        levels = [level for level, group in LEVEL_GROUPS.items() if user.has_group(group)]
        return [
            ("state", "=", "submitted"),
            ("required_level", "in", levels),
            ("requested_by_id", "!=", user.id),
            ("create_uid", "!=", user.id),
        ]

    def _search_awaiting_my_decision(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on applications awaiting a decision."))
        domain = self._awaiting_my_decision_domain()
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.model
    def _guard_start_values(self, vals):
        return dict(super()._guard_start_values(vals), requested_by_id=self.env.user.id)

    def _guard_check_write(self, vals):
        if REQUEST_FIELDS.isdisjoint(vals):
            return
        if any(app.requested_by_id != self.env.user for app in self):
            # an approver who could rewrite the request would approve their own
            raise AccessError(self.env._("Only the requester may change a credit application."))

    # ------------------------------------------------------------------ flow
    def action_submit(self):
        for app in self:
            if app.state != "draft":
                raise UserError(
                    self.env._("Application %(name)s was already submitted.", name=app.name)
                )
            if app.requested_by_id != self.env.user and not self.env.su:
                raise AccessError(self.env._("Only the requester may submit a credit application."))
            app._check_partner_can_apply()
            band = self.env["credit.authority.band"]._band_for_amount(
                app.requested_limit, app.company_id
            )
            app._assess()
            app._guard_sudo("write").write({"state": "submitted", "required_level": band.level})
            app._notify_approvers()
        return True

    def _check_partner_can_apply(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.with_company(self.company_id)
        if partner.credit_on_warning_list:
            raise UserError(
                self.env._(
                    "%(partner)s is on the serious-dishonesty warning list: no credit can be "
                    "applied for.",
                    partner=partner.display_name,
                )
            )
        if partner.credit_grade_id.credit_policy == "blocked":
            raise UserError(
                self.env._(
                    "%(partner)s has grade %(grade)s, whose policy blocks sales: no credit "
                    "can be applied for until it is re-graded.",
                    partner=partner.display_name,
                    grade=partner.credit_grade_id.name,
                )
            )
        if self.application_type == "due_diligence" and partner.credit_due_diligence_date:
            raise UserError(
                self.env._(
                    "%(partner)s already passed due diligence on %(date)s; apply for a limit "
                    "change instead.",
                    partner=partner.display_name,
                    date=format_date(self.env, partner.credit_due_diligence_date),
                )
            )

    def _assess(self):
        """Snapshot score, grade, exposure and overdue when the application is submitted."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.with_company(self.company_id)
        model = self.company_id.credit_score_model_id
        # a snapshot only: the partner's grade changes through scoring or an approval
        score = (
            model.sudo()._score_partners(partner, apply=False)
            if model
            else self.env["credit.score"]
        )
        figures = partner.sudo()._credit_exposure_figures(self.company_id)[partner.id]
        self.sudo().write(
            {
                "score_id": score.id,
                "grade_id": (score.grade_id or partner.credit_grade_id).id,
                "current_limit": figures["limit"],
                "exposure_amount": figures["exposure"],
                "overdue_amount": figures["overdue"],
            }
        )

    def _approver_users(self):
        self.ensure_one()
        group = self.env.ref(LEVEL_GROUPS[self.required_level])
        return group.sudo().users.filtered(
            lambda u: u != self.requested_by_id and not u.share and self.company_id in u.company_ids
        )

    def _notify_approvers(self):
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_approval")
        for user in self._approver_users()[:10]:
            # in the assignee's language
            env = self.with_context(lang=user.lang).env
            self.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                user_id=user.id,
                summary=env._("Approve credit application %(name)s", name=self.name),
            )

    def _check_can_decide(self):
        self.ensure_one()
        if self.state != "submitted":
            raise UserError(
                self.env._("Application %(name)s is not awaiting approval.", name=self.name)
            )
        if self.requested_by_id == self.env.user or self.create_uid == self.env.user:
            raise AccessError(self.env._("Nobody may decide on their own credit application."))
        if not self.env.user.has_group(LEVEL_GROUPS[self.required_level]):
            level = dict(APPROVAL_LEVELS)[self.required_level]
            raise AccessError(
                self.env._(
                    "An application for %(amount).2f must be approved by: %(level)s.",
                    amount=self.requested_limit,
                    level=level,
                )
            )

    def _action_decide(self, decision, note):
        """Record who decided, when and why; approval puts the limit in force."""
        for app in self:
            app._check_can_decide()
            if decision == "approve":
                app._check_within_policy()
            app._guard_sudo("write").write(
                {
                    "state": "approved" if decision == "approve" else "refused",
                    "decided_by_id": self.env.user.id,
                    "decision_date": fields.Datetime.now(),
                    "decision_note": note,
                }
            )
            if decision == "approve":
                app._apply_limit()
            app.sudo().activity_unlink(["credit_management.mail_activity_type_credit_approval"])
            env = app.with_context(lang=app.company_id._credit_lang()).env
            app.message_post(
                body=env._(
                    "%(decision)s by %(user)s: %(note)s",
                    decision=env._("Approved") if decision == "approve" else env._("Refused"),
                    user=self.env.user.name,
                    note=note,
                )
            )
        return True

    def _check_within_policy(self):
        self.ensure_one()
        if self.application_type != "due_diligence":
            self._check_partner_can_apply()
        grade = self.grade_id
        if grade and grade.credit_policy != "normal":
            raise UserError(
                self.env._(
                    "Grade %(grade)s does not allow credit sales (%(policy)s).",
                    grade=grade.name,
                    policy=dict(grade._fields["credit_policy"]._description_selection(self.env))[
                        grade.credit_policy
                    ],
                )
            )
        if (
            grade
            and grade.currency_id.compare_amounts(self.requested_limit, grade.max_credit_limit) > 0
        ):
            raise UserError(
                self.env._(
                    "%(amount).2f exceeds the maximum limit %(max).2f of grade %(grade)s.",
                    amount=self.requested_limit,
                    max=grade.max_credit_limit,
                    grade=grade.name,
                )
            )
        if self.application_type == "temporary" and self.expiry_date < fields.Date.context_today(
            self
        ):
            raise UserError(
                self.env._(
                    "The temporary limit's end date %(date)s is already past.",
                    date=format_date(self.env, self.expiry_date),
                )
            )

    def _apply_limit(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.with_company(self.company_id).sudo()
        today = fields.Date.context_today(self)
        env = self.with_context(lang=self.company_id._credit_lang()).env
        amount = format_amount(env, self.requested_limit, self.currency_id)
        if self.application_type == "temporary":
            # in force through its end date by itself: the check reads approved temporary
            # limits (sql/credit_exposure_figures.sql); the permanent limit stays as it is
            partner.message_post(
                body=env._(
                    "Temporary credit limit of %(amount)s until %(date)s by application %(name)s.",
                    amount=amount,
                    date=format_date(env, self.expiry_date),
                    name=self.name,
                )
            )
            return
        vals = {"credit_limit": self.requested_limit, "use_partner_credit_limit": True}
        if self.application_type == "due_diligence":
            vals["credit_due_diligence_date"] = today
        grade = self.grade_id
        if grade.payment_term_id:
            vals["property_payment_term_id"] = grade.payment_term_id.id
        if grade:
            vals["credit_next_review_date"] = today + relativedelta(
                months=grade.review_interval_months
            )
        self.sudo().previous_limit = partner.credit_limit
        partner.write(vals)
        partner.message_post(
            body=env._(
                "Credit limit set to %(amount)s by application %(name)s.",
                amount=amount,
                name=self.name,
            )
        )

    def action_cancel(self):
        for app in self:
            if app.state not in ("draft", "submitted"):
                raise UserError(self.env._("Only a pending application can be cancelled."))
            if app.requested_by_id != self.env.user and not self.env.user.has_group(
                "credit_management.group_credit_manager"
            ):
                raise AccessError(self.env._("Only the requester or a credit manager may cancel."))
        self._guard_sudo("write").write({"state": "cancelled"})
        self.sudo().activity_unlink(["credit_management.mail_activity_type_credit_approval"])
        return True

    def action_reset_draft(self):
        if any(app.state != "cancelled" for app in self):
            raise UserError(self.env._("Only a cancelled application can go back to draft."))
        if any(app.requested_by_id != self.env.user for app in self) and not self.env.su:
            raise AccessError(self.env._("Only the requester may reopen a credit application."))
        self._guard_sudo("write").write({"state": "draft"})
        return True

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_expire_temporary_limits(self):
        """Mark temporary limits past their end date as expired and tell the partner.

        The check stops honouring a temporary limit after its end date by itself; this
        only records it. A record that fails is logged and skipped.
        """
        today = fields.Date.context_today(self)
        expired = self.sudo().search(
            [
                ("state", "=", "approved"),
                ("application_type", "=", "temporary"),
                ("expiry_date", "<", today),
            ]
        )
        done = 0
        for app in expired:
            try:
                with self.env.cr.savepoint():
                    app.write({"state": "expired"})
                    env = app.with_context(lang=app.company_id._credit_lang()).env
                    app.partner_id.message_post(
                        body=env._(
                            "Temporary credit limit of %(name)s ended on %(date)s.",
                            name=app.name,
                            date=format_date(env, app.expiry_date),
                        )
                    )
            except Exception:
                _logger.exception("Expiring temporary credit limit %s failed", app.name)
                continue
            done += 1
        return done
