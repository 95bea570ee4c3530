import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from odoo.addons.credit_management.tools.reminders import due_domain, schedule_reminders

_logger = logging.getLogger(__name__)

# set by issuing and revoking (the legal representative's buttons), never by hand
POA_FLOW_FIELDS = (
    "name",
    "state",
    "issued_by_id",
    "date_issued",
    "revoked_by_id",
    "date_revoked",
    "revoke_reason",
    "currency_id",
)
# what the power of attorney says: fixed once issued
POA_TERMS = (
    "employee_id",
    "allow_sale",
    "allow_purchase",
    "allow_technical",
    "allow_other",
    "max_amount",
    "date_from",
    "date_to",
    "company_id",
)
LEGAL_REPRESENTATIVE = "credit_management.group_credit_committee"


class CreditPowerAttorney(models.Model):
    """A power of attorney (授权委托书): who may sign which contracts, up to what, until when."""

    _name = "credit.power.attorney"
    _description = "Power of Attorney"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "date_to desc, id desc"

    _guard_sequence = "credit.power.attorney"
    _guard_flow_fields = POA_FLOW_FIELDS
    _guard_locks = [(POA_TERMS, ("draft",))]
    # an issued power is kept (revoke it instead)
    _guard_undeletable_states = ("valid", "expired", "revoked")

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    employee_id = fields.Many2one(
        "hr.employee", string="Authorised Signatory", required=True, tracking=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    allow_sale = fields.Boolean(string="Sales Contracts", tracking=True)
    allow_purchase = fields.Boolean(string="Purchase Contracts", tracking=True)
    allow_technical = fields.Boolean(string="Technical Contracts", tracking=True)
    allow_other = fields.Boolean(string="Other Contracts", tracking=True)
    max_amount = fields.Monetary(
        string="Up to Amount", required=True, tracking=True, help="In company currency."
    )
    date_from = fields.Date(string="Valid From", required=True, tracking=True)
    date_to = fields.Date(string="Valid To", required=True, tracking=True)
    note = fields.Text(string="Scope Notes")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("valid", "Issued"),
            ("expired", "Expired"),
            ("revoked", "Revoked"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_issued = fields.Date(readonly=True, copy=False)
    revoked_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_revoked = fields.Date(readonly=True, copy=False)
    revoke_reason = fields.Text(readonly=True, copy=False)
    # the contracts signed under it (a draft naming it is not signed under it yet)
    contract_ids = fields.One2many(
        "credit.contract",
        "power_of_attorney_id",
        string="Contracts",
        domain=[("date_signed", "!=", False)],
    )

    @api.constrains("date_from", "date_to", "max_amount")
    def _check_terms(self):
        for poa in self:
            if poa.date_to < poa.date_from:
                raise ValidationError(
                    self.env._("A power of attorney cannot end before it starts.")
                )
            if poa.max_amount <= 0:
                raise ValidationError(
                    self.env._("The amount a power of attorney covers must be greater than zero.")
                )

    @api.constrains("allow_sale", "allow_purchase", "allow_technical", "allow_other", "employee_id")
    def _check_types(self):
        for poa in self:
            if not (poa.allow_sale or poa.allow_purchase or poa.allow_technical or poa.allow_other):
                raise ValidationError(
                    self.env._("A power of attorney must cover at least one contract type.")
                )

    def action_print(self):
        return self.env.ref("credit_contract.action_report_power_attorney").report_action(self)

    def _scope_names(self):
        """The contract types the power covers, in the reader's language."""
        self.ensure_one()
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in ("allow_sale", "allow_purchase", "allow_technical", "allow_other")
            if self[name]
        ]

    def _check_legal_representative(self):
        if not self.env.user.has_group(LEGAL_REPRESENTATIVE):
            raise AccessError(
                self.env._("Only the legal representative issues or revokes powers of attorney.")
            )

    def action_issue(self):
        self._check_legal_representative()
        today = fields.Date.context_today(self)
        for poa in self:
            if poa.state != "draft":
                raise UserError(
                    self.env._("Power of attorney %(name)s was already issued.", name=poa.name)
                )
            if poa.date_to < today:
                raise ValidationError(
                    self.env._(
                        "Power of attorney %(name)s is for a past period (it ended on %(date)s).",
                        name=poa.name,
                        date=format_date(self.env, poa.date_to),
                    )
                )
        self.sudo().write(
            {"state": "valid", "issued_by_id": self.env.user.id, "date_issued": today}
        )
        return True

    def _action_revoke(self, reason):
        self._check_legal_representative()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for revoking the power of attorney."))
        for poa in self:
            if poa.state != "valid":
                raise UserError(
                    self.env._(
                        "Only an issued power of attorney can be revoked: %(name)s.", name=poa.name
                    )
                )
        self.sudo().write(
            {
                "state": "revoked",
                "revoked_by_id": self.env.user.id,
                "date_revoked": fields.Date.context_today(self),
                "revoke_reason": reason,
            }
        )
        for poa in self:
            poa.message_post(
                body=poa.company_id._credit_env()._("Revoked: %(reason)s", reason=reason)
            )
        return True

    def action_revoke(self):
        self.ensure_one()
        self._check_legal_representative()
        return self.env["credit.contract.reason.wizard"]._open("revoke", self)

    # ------------------------------------------------------------ authority
    def _covers(self, employee, contract_type, amount, date):
        """Why this power of attorney does not let ``employee`` sign, or None."""
        self.ensure_one()
        env = self.env
        if not self:
            return env._("No power of attorney was chosen for the signatory.")
        if self.employee_id != employee:
            return env._(
                "Power of attorney %(name)s authorises %(holder)s, not %(signatory)s.",
                name=self.name,
                holder=self.employee_id.name,
                signatory=employee.name or "-",
            )
        if not self.date_issued or self.state == "draft":
            return env._("Power of attorney %(name)s was never issued.", name=self.name)
        if self.date_issued > date:
            return env._(
                "Power of attorney %(name)s was issued on %(issued)s, after %(date)s.",
                name=self.name,
                issued=format_date(env, self.date_issued),
                date=format_date(env, date),
            )
        if self.date_revoked and self.date_revoked <= date:
            return env._(
                "Power of attorney %(name)s was revoked on %(date)s.",
                name=self.name,
                date=format_date(env, self.date_revoked),
            )
        if not self.date_from <= date <= self.date_to:
            return env._(
                "Power of attorney %(name)s is valid from %(start)s to %(end)s, not on %(date)s.",
                name=self.name,
                start=format_date(env, self.date_from),
                end=format_date(env, self.date_to),
                date=format_date(env, date),
            )
        if not self[f"allow_{contract_type}"]:
            return env._(
                "Power of attorney %(name)s does not cover %(type)s.",
                name=self.name,
                type=dict(
                    env["credit.contract"]._fields["contract_type"]._description_selection(env)
                )[contract_type],
            )
        if self.currency_id.compare_amounts(amount, self.max_amount) > 0:
            return env._(
                "The amount %(amount).2f is beyond the %(max).2f power of attorney %(name)s "
                "covers.",
                amount=amount,
                max=self.max_amount,
                name=self.name,
            )
        return None

    def _signing_error(self, employee, contract_type, amount, date_signed, today):
        """Why this power of attorney does not cover a signature of ``date_signed``
        recorded ``today``, or None: it covers the signing date and is still in force when
        the signing is recorded (a power revoked or expired since covers no signature
        recorded afterwards)."""
        self.ensure_one()
        error = self._covers(employee, contract_type, amount, date_signed)
        if error:
            return error
        if self.state != "valid" or (self.date_revoked and self.date_revoked <= today):
            return self.env._(
                "Power of attorney %(name)s is no longer in force (%(state)s): no signature "
                "is recorded under it.",
                name=self.name,
                state=self._guard_state_label(),
            )
        if self.date_to < today:
            return self.env._(
                "Power of attorney %(name)s ended on %(date)s: no signature is recorded "
                "under it any more.",
                name=self.name,
                date=format_date(self.env, self.date_to),
            )
        return None

    # ------------------------------------------------------------ cron
    @api.model
    def _cron_power_attorney_expiry(self):
        """Remind contract administrators of expiring powers; mark ended ones expired."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("credit_contract.mail_activity_type_poa_expiry")
        admins = self.env.ref("credit_management.group_credit_administrator").sudo().users
        ended = self.sudo().search([("state", "=", "valid"), ("date_to", "<", today)])
        for poa in ended:
            try:
                with self.env.cr.savepoint():
                    poa.write({"state": "expired"})
            except Exception:
                _logger.exception("Expiring power of attorney %s failed", poa.name)
        count = 0
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            expiring = self.sudo().search(
                [("state", "=", "valid"), ("company_id", "=", company.id)]
                + due_domain("date_to", today, company.credit_contract_poa_expiry_days)
            )
            users = admins.filtered(lambda u, c=company: c in u.company_ids and not u.share)
            count += len(
                schedule_reminders(
                    expiring,
                    activity_type,
                    users=lambda _poa, users=users: users,
                    deadline=lambda poa: poa.date_to,
                    summary=lambda poa, _user: poa.env._(
                        "Power of attorney %(name)s of %(holder)s ends on %(date)s",
                        name=poa.name,
                        holder=poa.employee_id.name,
                        date=format_date(poa.env, poa.date_to),
                    ),
                )
            )
        return count
