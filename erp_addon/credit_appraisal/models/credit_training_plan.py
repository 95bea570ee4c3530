import logging
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.credit_management.tools.reminders import schedule_reminders

from .credit_training_session import HALVES

_logger = logging.getLogger(__name__)

REQUIRED_TYPES = ("integrity", "legal")


class CreditTrainingPlan(models.Model):
    """A company's half-year: the required integrity and legal-knowledge sessions held."""

    _name = "credit.training.plan"
    _description = "Half-year Training Requirement"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "year desc, half desc"

    # kept by the daily check only
    _guard_flow_fields = ("company_id", "year", "half", "name", "date_end", "warned")

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(required=True, aggregator=None)
    half = fields.Selection(HALVES, string="Half-year", required=True)
    date_end = fields.Date(compute="_compute_name", store=True)
    required_count = fields.Integer(
        compute="_compute_counts", help="Sessions required of each type."
    )
    integrity_count = fields.Integer(
        compute="_compute_counts", string="Integrity Education Sessions"
    )
    legal_count = fields.Integer(compute="_compute_counts", string="Legal Knowledge Sessions")
    missing = fields.Boolean(compute="_compute_counts", string="Sessions Missing")
    warned = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        (
            "half_uniq",
            "unique(company_id, year, half)",
            "This half-year already has its training requirement.",
        )
    ]

    @api.depends("year", "half")
    @api.depends_context("lang")
    def _compute_display_name(self):
        """The half-year in the reader's words ("2026 First Half", "2026 上半年"); the
        stored name stays the short key."""
        for plan in self:
            halves = dict(plan._fields["half"]._description_selection(plan.env))
            plan.display_name = (
                plan.env._("%(year)s %(half)s", year=plan.year, half=halves.get(plan.half))
                if plan.year and plan.half
                else plan.name
            )

    @api.depends("year", "half")
    def _compute_name(self):
        for plan in self:
            plan.name = f"{plan.year} H{plan.half}" if plan.year and plan.half else False
            plan.date_end = (
                date(plan.year, 6 if plan.half == "1" else 12, 30 if plan.half == "1" else 31)
                if plan.year and plan.half
                else False
            )

    def _compute_counts(self):
        groups = self.env["credit.training.session"]._read_group(
            [
                ("company_id", "in", self.company_id.ids),
                ("year", "in", self.mapped("year")),
                ("session_type", "in", REQUIRED_TYPES),
            ],
            ["company_id", "year", "half", "session_type"],
            ["__count"],
        )
        counts = {
            (company.id, year, half, stype): count for company, year, half, stype, count in groups
        }
        for plan in self:
            key = (plan.company_id.id, plan.year, plan.half)
            plan.required_count = plan.company_id.credit_training_per_half
            plan.integrity_count = counts.get((*key, "integrity"), 0)
            plan.legal_count = counts.get((*key, "legal"), 0)
            plan.missing = min(plan.integrity_count, plan.legal_count) < plan.required_count

    @api.model
    def _plan_for(self, company, day):
        half = "1" if day.month <= 6 else "2"
        plan = self.sudo().search(
            [("company_id", "=", company.id), ("year", "=", day.year), ("half", "=", half)]
        )
        return plan or self.sudo().create(
            {"company_id": company.id, "year": day.year, "half": half}
        )

    @api.model
    def _cron_check_half_year(self):
        """Warn the credit managers when a half-year ends without its required sessions.

        Runs daily; within the company's warning days before 30 June or 31 December, a
        half-year missing integrity-education or legal-knowledge sessions gives each
        credit manager an activity, once. A company that fails is logged and skipped.
        """
        today = fields.Date.context_today(self)
        due = self.browse()
        # the companies that register credit administrators
        companies = [
            company
            for (company,) in self.env["credit.administrator"]
            .sudo()
            ._read_group([("active", "=", True)], ["company_id"])
        ]
        for company in companies:
            try:
                with self.env.cr.savepoint():
                    plan = self._plan_for(company, today)
                    soon = today + relativedelta(days=company.credit_training_warning_days)
                    if not plan.warned and plan.date_end <= soon and plan.missing:
                        due |= plan
            except Exception:
                _logger.exception("Training check failed for company %s", company.name)
        return due._warn_managers()

    def _warn_managers(self):
        """Give the credit managers of each plan's company (ten at most) an activity, in
        their language, and mark the plans warned; returns the plans warned. A plan whose
        company has no credit manager yet is warned once it has one."""
        managers = (
            self.env.ref("credit_management.group_credit_manager")
            .sudo()
            .users.filtered(lambda u: not u.share)
        )
        warned = schedule_reminders(
            self.sudo(),
            self.env.ref("credit_appraisal.mail_activity_type_training"),
            users=lambda plan: managers.filtered(lambda u: plan.company_id in u.company_ids)[:10],
            deadline=lambda plan: plan.date_end,
            summary=lambda plan, _user: plan.env._("Required training sessions missing"),
            note=lambda plan, _user: plan.env._(
                "Half-year %(name)s ends on %(date)s with %(integrity)s integrity-education and "
                "%(legal)s legal-knowledge sessions; %(required)s of each are required.",
                name=plan.display_name,
                date=format_date(plan.env, plan.date_end),
                integrity=plan.integrity_count,
                legal=plan.legal_count,
                required=plan.required_count,
            ),
        )
        warned.write({"warned": True})
        return warned
