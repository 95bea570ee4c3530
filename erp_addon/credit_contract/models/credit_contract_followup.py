from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CreditContractFollowup(models.Model):
    """A performance follow-up (履约跟踪) of a contract."""

    _name = "credit.contract.followup"
    _description = "Contract Performance Follow-up"
    _order = "date desc, id desc"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text(required=True)
    next_date = fields.Date(string="Next Follow-up")
    user_id = fields.Many2one(
        "res.users", string="By", readonly=True, default=lambda self: self.env.user
    )
    overdue = fields.Boolean(compute="_compute_overdue")

    @api.depends("next_date", "contract_id.followup_ids.date")
    @api.depends_context("date")
    def _compute_overdue(self):
        today = fields.Date.context_today(self)
        for followup in self:
            later = followup.contract_id.followup_ids.filtered(
                lambda f, ref=followup: f.date > ref.date or (f.date == ref.date and f.id > ref.id)
            )
            followup.overdue = bool(followup.next_date and followup.next_date < today and not later)

    @api.constrains("date", "next_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for followup in self:
            if followup.date > today:
                raise ValidationError(self.env._("A follow-up cannot be recorded in the future."))
            if followup.next_date and followup.next_date < followup.date:
                raise ValidationError(self.env._("The next follow-up cannot be before this one."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self = self.with_context(default_user_id=False)
            for vals in vals_list:
                vals["user_id"] = self.env.user.id
        followups = super().create(vals_list)
        if not self.env.su:
            for followup in followups:
                followup.contract_id._check_owner_or_administrator()
                if followup.contract_id.state not in ("signed", "performance", "dispute"):
                    raise UserError(
                        self.env._("Performance is followed up once the contract is signed.")
                    )
        return followups

    def write(self, vals):
        if not self.env.su:
            if {"user_id", "contract_id", "date"} & set(vals):
                raise AccessError(self.env._("Who and when of a follow-up are kept as recorded."))
            if any(f.user_id != self.env.user for f in self):
                raise AccessError(self.env._("Only its author may edit a follow-up."))
        return super().write(vals)
