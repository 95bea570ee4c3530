from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from .credit_contract import IN_FORCE_STATES

# the dates a follow-up records: fixed once recorded
FOLLOWUP_DATES = ("contract_id", "date", "next_date", "backdate_reason")


class CreditContractFollowup(models.Model):
    """A performance follow-up (履约跟踪) of a contract.

    It is dated the day it is recorded: an earlier date (a follow-up recorded late) needs
    its reason and is flagged, and its dates do not change afterwards."""

    _name = "credit.contract.followup"
    _description = "Contract Performance Follow-up"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"

    _guard_flow_fields = ("user_id", "date_recorded", "backdated", "company_id", "overdue")
    _guard_undeletable_states = "__all__"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    date_recorded = fields.Date(
        string="Recorded On", required=True, readonly=True, default=fields.Date.context_today
    )
    backdated = fields.Boolean(
        string="Recorded Late",
        compute="_compute_backdated",
        store=True,
        help="Dated before the day it was recorded.",
    )
    backdate_reason = fields.Text(
        string="Why Recorded Late", help="Needed when the follow-up is dated before today."
    )
    note = fields.Text(required=True)
    next_date = fields.Date(string="Next Follow-up")
    user_id = fields.Many2one(
        "res.users", string="By", readonly=True, default=lambda self: self.env.user
    )
    overdue = fields.Boolean(compute="_compute_overdue")

    @api.depends("contract_id", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for followup in self:
            followup.display_name = followup.env._(
                "Follow-up of %(contract)s, %(date)s",
                contract=followup.contract_id.name or "-",
                date=format_date(followup.env, followup.date),
            )

    @api.depends("date", "date_recorded")
    def _compute_backdated(self):
        for followup in self:
            followup.backdated = bool(
                followup.date and followup.date_recorded and followup.date < followup.date_recorded
            )

    @api.depends("next_date", "contract_id.followup_ids.date")
    @api.depends_context("date")
    def _compute_overdue(self):
        today = fields.Date.context_today(self)
        for followup in self:
            later = followup.contract_id.followup_ids.filtered(
                lambda f, ref=followup: f.date > ref.date or (f.date == ref.date and f.id > ref.id)
            )
            followup.overdue = bool(followup.next_date and followup.next_date < today and not later)

    @api.constrains("date", "next_date", "date_recorded", "backdate_reason")
    def _check_dates(self):
        for followup in self:
            if followup.date > followup.date_recorded:
                raise ValidationError(self.env._("A follow-up cannot be recorded in the future."))
            if followup.next_date and followup.next_date < followup.date:
                raise ValidationError(self.env._("The next follow-up cannot be before this one."))
            if followup.backdated and not (followup.backdate_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "The follow-up is dated %(date)s, before today (%(today)s): give the "
                        "reason it is recorded late.",
                        date=format_date(self.env, followup.date),
                        today=format_date(self.env, followup.date_recorded),
                    )
                )

    @api.model
    def _guard_start_values(self, vals):
        return {"user_id": self.env.user.id, "date_recorded": fields.Date.context_today(self)}

    @api.model
    def _guard_check_create(self, vals_list):
        for vals in vals_list:
            contract = self.env["credit.contract"].browse(vals.get("contract_id"))
            contract._check_owner_or_administrator()
            if contract.state not in IN_FORCE_STATES:
                raise UserError(
                    self.env._("Performance is followed up once the contract is signed.")
                )

    def _guard_check_write(self, vals):
        if any(followup.user_id != self.env.user for followup in self):
            raise AccessError(self.env._("Only its author may edit a follow-up."))
        fixed = [
            fname
            for fname in FOLLOWUP_DATES
            if fname in vals and any(not f._guard_unchanged(fname, vals[fname]) for f in self)
        ]
        if fixed:
            raise UserError(
                self.env._(
                    "%(field)s of a follow-up is kept as recorded: record a new follow-up.",
                    field=self._guard_field_label(fixed[0]),
                )
            )
