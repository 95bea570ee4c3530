from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .credit_contract import IN_FORCE_STATES

# what the amendment asks: set while it is a draft
AMENDMENT_REQUEST_FIELDS = (
    "contract_id",
    "kind",
    "date_requested",
    "reason",
    "new_title",
    "new_amount",
    "new_date_start",
    "new_date_end",
    "new_body",
    "new_partner_id",
    "new_user_id",
    "new_department_id",
    "signatory_id",
    "power_of_attorney_id",
)
AMENDABLE_STATES = (*IN_FORCE_STATES, "expired")
ADMINISTRATOR = "credit_management.group_credit_administrator"


class CreditContractAmendment(models.Model):
    """A change (变更) or termination (解除) of a signed contract, with its formalities.

    After signing, what the ledger says of a contract (its counterparty, amount, dates,
    department and responsible person, clauses) changes only through a processed change."""

    _name = "credit.contract.amendment"
    _description = "Contract Change or Termination"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "date_requested desc, id desc"

    _guard_flow_fields = (
        "state",
        "user_id",
        "approver_id",
        "date_approved",
        "date_processed",
        "processed_by_id",
        "version_id",
        "processed_on_time",
        "formalities_complete",
        "joint_review_required",
        "joint_review_done",
        "company_id",
        "currency_id",
    )
    _guard_locks = [
        (AMENDMENT_REQUEST_FIELDS, ("draft",)),
        (("document", "document_name"), ("draft", "approved")),
    ]
    _guard_undeletable_states = ("approved", "done", "refused")

    contract_id = fields.Many2one(
        "credit.contract",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('state', 'in', ('signed', 'performance', 'dispute', 'expired'))]",
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    kind = fields.Selection(
        [("change", "Change"), ("termination", "Termination")],
        required=True,
        default="change",
        tracking=True,
    )
    date_requested = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    reason = fields.Text(required=True)
    new_title = fields.Char()
    new_amount = fields.Monetary()
    new_date_start = fields.Date(string="New Effective Date")
    new_date_end = fields.Date(string="New End Date")
    new_body = fields.Html(string="New Clauses")
    new_partner_id = fields.Many2one(
        "res.partner",
        string="New Counterparty",
        domain="[('parent_id', '=', False)]",
        help="The counterparty the contract passes to (an assignment of the contract).",
    )
    new_user_id = fields.Many2one(
        "res.users", string="New Responsible", domain=[("share", "=", False)]
    )
    new_department_id = fields.Many2one("hr.department", string="New Responsible Department")
    signatory_id = fields.Many2one(
        "hr.employee",
        string="Our Signatory of the Change",
        help="Who signs a change raising the amount (empty: the contract's signatory).",
    )
    power_of_attorney_id = fields.Many2one(
        "credit.power.attorney",
        string="Power of Attorney of the Change",
        domain="[('employee_id', '=', signatory_id), ('state', '=', 'valid')]",
        help="Empty: the contract's power of attorney.",
    )
    document = fields.Binary(string="Signed Document", attachment=True, copy=False)
    document_name = fields.Char()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users", string="Requested By", readonly=True, default=lambda self: self.env.user
    )
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False)
    date_processed = fields.Date(readonly=True, copy=False)
    processed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    version_id = fields.Many2one(
        "credit.contract.version", string="Previous Version", readonly=True, copy=False
    )
    processed_on_time = fields.Boolean(compute="_compute_processed_on_time", store=True)
    formalities_complete = fields.Boolean(compute="_compute_formalities_complete", store=True)
    joint_review_ids = fields.One2many("credit.contract.joint.review", "amendment_id", copy=False)
    joint_review_required = fields.Boolean(
        compute="_compute_joint_review",
        store=True,
        help="The change raises the amount to the company's joint review (会审) threshold or "
        "beyond.",
    )
    joint_review_done = fields.Boolean(compute="_compute_joint_review", store=True)

    @api.depends("date_requested", "date_processed", "company_id.credit_contract_amendment_days")
    def _compute_processed_on_time(self):
        for amendment in self:
            amendment.processed_on_time = bool(
                amendment.date_processed
                and (amendment.date_processed - amendment.date_requested).days
                <= amendment.company_id.credit_contract_amendment_days
            )

    @api.depends("document", "approver_id", "reason", "date_processed")
    def _compute_formalities_complete(self):
        for amendment in self:
            amendment.formalities_complete = bool(
                amendment.document
                and amendment.approver_id
                and amendment.reason
                and amendment.date_processed
            )

    @api.depends(
        "kind",
        "new_amount",
        "contract_id.amount",
        "company_id.credit_contract_joint_review_amount",
        "joint_review_ids.decision",
        "joint_review_ids.role_id",
    )
    def _compute_joint_review(self):
        for amendment in self:
            company = amendment.company_id
            threshold = company.credit_contract_joint_review_amount
            required = bool(threshold) and amendment._raises_amount()
            if required:
                amount = amendment._new_amount_company(fields.Date.context_today(amendment))
                required = company.currency_id.compare_amounts(amount, threshold) >= 0
            opinions = amendment.joint_review_ids
            approving = opinions.filtered(lambda o: o.decision == "approve")
            amendment.joint_review_required = required
            amendment.joint_review_done = (
                not opinions.filtered(lambda o: o.decision == "reject")
                and len(approving.role_id) >= 2
            )

    @api.depends("contract_id", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for amendment in self:
            amendment.display_name = f"{amendment.contract_id.name} {kinds.get(amendment.kind)}"

    @api.constrains("new_amount", "new_date_start", "new_date_end", "date_requested")
    def _check_values(self):
        for amendment in self:
            if amendment.new_amount < 0:
                raise ValidationError(self.env._("A contract amount cannot be negative."))
            start = amendment.new_date_start or amendment.contract_id.date_start
            end = amendment.new_date_end or amendment.contract_id.date_end
            if start and end and end < start:
                raise ValidationError(
                    self.env._("The new end date cannot be before the contract takes effect.")
                )

    # ------------------------------------------------------------ guards
    @api.model
    def _guard_start_values(self, vals):
        return {"user_id": self.env.user.id}

    @api.model
    def _guard_check_create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            contract = self.env["credit.contract"].browse(vals.get("contract_id"))
            contract._check_owner_or_administrator()
            if contract.state not in AMENDABLE_STATES:
                raise UserError(
                    self.env._(
                        "Contract %(name)s is not signed: change it directly.",
                        name=contract.name,
                    )
                )
            requested = fields.Date.to_date(vals.get("date_requested")) or today
            if requested > today:
                raise ValidationError(self.env._("A change cannot be requested in the future."))

    # ------------------------------------------------------------ flow
    def _check_approver(self):
        if not self.env.user.has_group(ADMINISTRATOR):
            raise AccessError(
                self.env._("Contract administrators approve changes and terminations.")
            )
        for amendment in self:
            if amendment.user_id == self.env.user:
                raise AccessError(
                    self.env._("Nobody approves their own change or termination request.")
                )
        self.contract_id._check_not_own(
            self.env._("Nobody approves a change or termination of their own contract.")
        )

    def action_approve(self):
        self._check_approver()
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("Only a draft request can be approved."))
        today = fields.Date.context_today(self)
        for amendment in self:
            amendment._check_change_allowed(today)
        self._guard_sudo("write").write(
            {"state": "approved", "approver_id": self.env.user.id, "date_approved": today}
        )
        return True

    def action_refuse(self):
        self._check_approver()
        if any(a.state not in ("draft", "approved") for a in self):
            raise UserError(self.env._("Only a pending request can be refused."))
        self._guard_sudo("write").write({"state": "refused"})
        return True

    def action_done(self):
        """Apply the change or termination; the previous version stays readable."""
        user = self.env.user
        for amendment in self:
            contract = amendment.contract_id
            if amendment.state != "approved":
                raise UserError(self.env._("Approve the request first."))
            if not (user.has_group(ADMINISTRATOR) or user == amendment.user_id):
                raise AccessError(
                    self.env._("The requester or a contract administrator processes it.")
                )
            if contract.state not in AMENDABLE_STATES:
                raise UserError(
                    self.env._("Contract %(name)s is no longer in force.", name=contract.name)
                )
            today = fields.Date.context_today(self)
            # what was approved is checked again the day it takes effect
            amendment._check_change_allowed(today)
            if amendment.kind == "termination":
                summary = contract.company_id._credit_env()._(
                    "Terminated: %(reason)s", reason=amendment.reason
                )
                vals = {
                    "state": "terminated",
                    "date_terminated": today,
                    "terminated_by_id": user.id,
                    "termination_reason": amendment.reason,
                }
            else:
                changes = amendment._changes()
                if not changes:
                    raise UserError(self.env._("The change request changes nothing."))
                summary = "\n".join(changes)
                vals = amendment._contract_values()
            previous = contract.version_ids[:1]
            contract.sudo().write(vals)
            contract._snapshot_version(summary, amendment)
            amendment._guard_sudo("write").write(
                {
                    "state": "done",
                    "date_processed": today,
                    "processed_by_id": user.id,
                    "version_id": previous.id,
                }
            )
            contract.message_post(body=summary)
        return True
