from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

FLOW_FIELDS = {
    "state",
    "amount",
    "manager_id",
    "manager_date",
    "accountant_id",
    "accountant_date",
    "writeoff_move_id",
    "proposed_by_id",
    "refused_by_id",
}
MANAGER = "credit_management.group_credit_manager"
ACCOUNTANT = "account.group_account_manager"


class CreditCollectionWriteoff(models.Model):
    """A bad or doubtful debt (呆坏帐) write-off: proposed with evidence, approved by a
    credit manager and by an accountant (two different people), then posted as a journal
    entry reconciled with the invoice. Nothing is posted before both approvals."""

    _name = "credit.collection.writeoff"
    _description = "Bad-Debt Write-off"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(default="/", readonly=True, copy=False)
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        index=True,
        domain="[('move_type', 'in', ('out_invoice', 'out_receipt')), ('state', '=', 'posted'),"
        " ('payment_state', 'in', ('not_paid', 'partial'))]",
    )
    partner_id = fields.Many2one(
        related="move_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    company_id = fields.Many2one(related="move_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="move_id.currency_id")
    amount = fields.Monetary(string="Amount Written Off", readonly=True)
    evidence = fields.Text(
        required=True,
        tracking=True,
        help="Why the debt cannot be collected: bankruptcy, court ruling, "
        "expired limitation, collection costs above the debt...",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Documents")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("posted", "Written Off"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    proposed_by_id = fields.Many2one("res.users", readonly=True)
    manager_id = fields.Many2one("res.users", string="Approved by Credit Manager", readonly=True)
    manager_date = fields.Datetime(string="Credit Manager Approval", readonly=True)
    accountant_id = fields.Many2one("res.users", string="Approved by Accountant", readonly=True)
    accountant_date = fields.Datetime(string="Accountant Approval", readonly=True)
    refused_by_id = fields.Many2one("res.users", readonly=True)
    writeoff_move_id = fields.Many2one("account.move", string="Write-off Entry", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            move = self.env["account.move"].browse(vals.get("move_id"))
            move._collection_check_writeoff_possible()
            vals.update(dict.fromkeys(FLOW_FIELDS, False))
            vals.update(state="draft", amount=move.amount_residual, proposed_by_id=self.env.uid)
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("credit.collection.writeoff") or "/"
                )
        return super(
            CreditCollectionWriteoff,
            self.with_context(**{f"default_{f}": False for f in FLOW_FIELDS}),
        ).create(vals_list)

    def write(self, vals):
        if FLOW_FIELDS & set(vals) and not self.env.su:
            raise AccessError(self.env._("A write-off moves on only through its approval buttons."))
        if {"move_id", "evidence"} & set(vals) and any(w.state != "draft" for w in self):
            raise UserError(self.env._("Only a draft write-off proposal can be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(w.state not in ("draft", "refused") for w in self):
            raise UserError(self.env._("Only draft or refused write-off proposals can be deleted."))

    def action_submit(self):
        if not self.env.user.has_group("credit_management.group_credit_collector"):
            raise AccessError(self.env._("Only collection staff propose write-offs."))
        for writeoff in self:
            if writeoff.state != "draft":
                raise UserError(self.env._("Only a draft proposal can be submitted."))
            writeoff.move_id._collection_check_writeoff_possible()
        self.sudo().write({"state": "submitted"})
        for writeoff in self:
            writeoff.move_id.sudo()._collection_log(
                "writeoff", note=self.env._("Write-off proposed")
            )

    def _check_approver(self, group, label):
        user = self.env.user
        if not user.has_group(group):
            raise AccessError(
                self.env._("Only a %(role)s approves this part of a write-off.", role=label)
            )
        for writeoff in self:
            if writeoff.state != "submitted":
                raise UserError(self.env._("Only a submitted proposal can be approved."))
            if user in (writeoff.manager_id | writeoff.accountant_id):
                raise UserError(
                    self.env._("The same person cannot give both approvals of a write-off.")
                )

    def action_approve_manager(self):
        self._check_approver(MANAGER, self.env._("credit manager"))
        for writeoff in self.sudo():
            if writeoff.manager_id:
                raise UserError(self.env._("The credit manager already approved it."))
            writeoff.write({"manager_id": self.env.uid, "manager_date": fields.Datetime.now()})
        self._post_when_approved()

    def action_approve_accountant(self):
        self._check_approver(ACCOUNTANT, self.env._("accountant"))
        for writeoff in self.sudo():
            if writeoff.accountant_id:
                raise UserError(self.env._("An accountant already approved it."))
            writeoff.write(
                {"accountant_id": self.env.uid, "accountant_date": fields.Datetime.now()}
            )
        self._post_when_approved()

    def action_refuse(self):
        user = self.env.user
        if not (user.has_group(MANAGER) or user.has_group(ACCOUNTANT)):
            raise AccessError(
                self.env._("Only a credit manager or an accountant refuses a write-off.")
            )
        if any(w.state != "submitted" for w in self):
            raise UserError(self.env._("Only a submitted proposal can be refused."))
        self.sudo().write({"state": "refused", "refused_by_id": user.id})

    def _post_when_approved(self):
        for writeoff in self.sudo():
            if writeoff.manager_id and writeoff.accountant_id:
                writeoff._post()

    def _post(self):
        """The journal entry: debit the write-off account, credit the customer's receivable,
        reconciled with the invoice's open receivable lines."""
        self.ensure_one()
        invoice = self.move_id
        invoice._collection_check_writeoff_possible()
        company = self.company_id
        account = company.collection_writeoff_account_id
        journal = company.collection_writeoff_journal_id
        if not account or not journal:
            raise UserError(
                self.env._(
                    "Choose the bad-debt write-off account and journal in the credit settings "
                    "before writing off."
                )
            )
        lines = invoice.line_ids.filtered(
            lambda line: (
                line.account_id.account_type == "asset_receivable"
                and not line.reconciled
                and line.amount_residual > 0
            )
        )
        balance = sum(lines.mapped("amount_residual"))
        amount_currency = sum(lines.mapped("amount_residual_currency"))
        common = {
            "partner_id": invoice.commercial_partner_id.id,
            "currency_id": invoice.currency_id.id,
        }
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "company_id": company.id,
                "date": fields.Date.context_today(self),
                "ref": self.env._(
                    "Bad-debt write-off %(name)s of %(invoice)s",
                    name=self.name,
                    invoice=invoice.name,
                ),
                "line_ids": [
                    Command.create(
                        dict(
                            common,
                            account_id=account.id,
                            balance=balance,
                            amount_currency=amount_currency,
                            name=self.name,
                        )
                    ),
                    Command.create(
                        dict(
                            common,
                            account_id=lines[0].account_id.id,
                            balance=-balance,
                            amount_currency=-amount_currency,
                            name=self.name,
                        )
                    ),
                ],
            }
        )
        entry.action_post()
        counterpart = entry.line_ids.filtered(lambda line: line.account_id == lines[0].account_id)
        (lines | counterpart).reconcile()
        self.write({"state": "posted", "writeoff_move_id": entry.id, "amount": amount_currency})
        invoice._collection_log(
            "writeoff", note=self.env._("Written off by %(entry)s", entry=entry.name)
        )
        invoice.message_post(
            body=self.env._("Written off as a bad debt by %(entry)s.", entry=entry.name)
        )
