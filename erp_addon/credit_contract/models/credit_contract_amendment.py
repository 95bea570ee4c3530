from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

AMENDMENT_FLOW_FIELDS = {
    "state",
    "user_id",
    "approver_id",
    "date_approved",
    "date_processed",
    "processed_by_id",
    "version_id",
}
AMENDMENT_COMPUTED_FIELDS = {"processed_on_time", "formalities_complete"}
# what the amendment asks: set while it is a draft
AMENDMENT_REQUEST_FIELDS = {
    "contract_id",
    "kind",
    "date_requested",
    "reason",
    "new_title",
    "new_amount",
    "new_date_end",
    "new_body",
}
ADMINISTRATOR = "credit_management.group_credit_administrator"


class CreditContractAmendment(models.Model):
    """A change (变更) or termination (解除) of a signed contract, with its formalities."""

    _name = "credit.contract.amendment"
    _description = "Contract Change or Termination"
    _inherit = ["mail.thread"]
    _order = "date_requested desc, id desc"

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
    new_date_end = fields.Date(string="New End Date")
    new_body = fields.Html(string="New Clauses")
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

    @api.depends("contract_id", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for amendment in self:
            amendment.display_name = f"{amendment.contract_id.name} {kinds.get(amendment.kind)}"

    @api.constrains("new_amount", "new_date_end", "date_requested")
    def _check_values(self):
        for amendment in self:
            if amendment.new_amount < 0:
                raise ValidationError(self.env._("A contract amount cannot be negative."))
            start = amendment.contract_id.date_start
            if amendment.new_date_end and start and amendment.new_date_end < start:
                raise ValidationError(
                    self.env._("The new end date cannot be before the contract takes effect.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            guarded = AMENDMENT_FLOW_FIELDS | AMENDMENT_COMPUTED_FIELDS
            self = self.with_context(
                **{
                    key: False
                    for key in self.env.context
                    if key.startswith("default_") and key[8:] in guarded
                }
            )
            for vals in vals_list:
                for fname in AMENDMENT_COMPUTED_FIELDS:
                    vals.pop(fname, None)
                vals.update(dict.fromkeys(AMENDMENT_FLOW_FIELDS, False))
                vals.update(state="draft", user_id=self.env.user.id)
        amendments = super().create(vals_list)
        if not self.env.su:
            for amendment in amendments:
                contract = amendment.contract_id
                contract._check_owner_or_administrator()
                if contract.state not in ("signed", "performance", "dispute", "expired"):
                    raise UserError(
                        self.env._(
                            "Contract %(name)s is not signed: change it directly.",
                            name=contract.name,
                        )
                    )
        return amendments

    def write(self, vals):
        if not self.env.su:
            if (AMENDMENT_FLOW_FIELDS | AMENDMENT_COMPUTED_FIELDS) & set(vals):
                raise AccessError(self.env._("Changes and terminations follow their buttons."))
            if AMENDMENT_REQUEST_FIELDS & set(vals) and any(a.state != "draft" for a in self):
                raise UserError(self.env._("Only a draft change or termination can be edited."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("Only a draft change or termination can be deleted."))

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

    def action_approve(self):
        self._check_approver()
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("Only a draft request can be approved."))
        self.sudo().write(
            {
                "state": "approved",
                "approver_id": self.env.user.id,
                "date_approved": fields.Date.context_today(self),
            }
        )
        return True

    def action_refuse(self):
        self._check_approver()
        if any(a.state not in ("draft", "approved") for a in self):
            raise UserError(self.env._("Only a pending request can be refused."))
        self.sudo().write({"state": "refused"})
        return True

    def _changes(self):
        self.ensure_one()
        env = self.env
        contract = self.contract_id
        changes = []
        if self.new_title and self.new_title != contract.title:
            changes.append(
                env._("Title: %(old)s → %(new)s", old=contract.title, new=self.new_title)
            )
        if self.new_amount and contract.currency_id.compare_amounts(
            self.new_amount, contract.amount
        ):
            changes.append(
                env._("Amount: %(old).2f → %(new).2f", old=contract.amount, new=self.new_amount)
            )
        if self.new_date_end and self.new_date_end != contract.date_end:
            changes.append(
                env._("End date: %(old)s → %(new)s", old=contract.date_end, new=self.new_date_end)
            )
        if self.new_body and str(self.new_body) != str(contract.body or ""):
            changes.append(env._("Clauses rewritten"))
        return changes

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
            if contract.state not in ("signed", "performance", "dispute", "expired"):
                raise UserError(
                    self.env._("Contract %(name)s is no longer in force.", name=contract.name)
                )
            today = fields.Date.context_today(self)
            if amendment.kind == "termination":
                summary = self.env._("Terminated: %(reason)s", reason=amendment.reason)
            else:
                changes = amendment._changes()
                if not changes:
                    raise UserError(self.env._("The change request changes nothing."))
                summary = "\n".join(changes)
            previous = contract.version_ids[:1]
            vals = {}
            if amendment.kind == "termination":
                vals.update(
                    state="terminated",
                    date_terminated=today,
                    terminated_by_id=user.id,
                    termination_reason=amendment.reason,
                )
            else:
                if amendment.new_title:
                    vals["title"] = amendment.new_title
                if amendment.new_amount:
                    vals["amount"] = amendment.new_amount
                if amendment.new_date_end:
                    vals["date_end"] = amendment.new_date_end
                if amendment.new_body:
                    vals["body"] = amendment.new_body
            contract.sudo().write(vals)
            contract._snapshot_version(summary, amendment)
            amendment.sudo().write(
                {
                    "state": "done",
                    "date_processed": today,
                    "processed_by_id": user.id,
                    "version_id": previous.id,
                }
            )
            contract.message_post(body=summary)
        return True
