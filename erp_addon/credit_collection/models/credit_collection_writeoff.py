from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

MANAGER = "credit_management.group_credit_manager"
ACCOUNTANT = "account.group_account_manager"
COLLECTOR = "credit_management.group_credit_collector"


class CreditCollectionWriteoff(models.Model):
    """A bad or doubtful debt (呆坏账) write-off: proposed with evidence, approved by a
    credit manager and by an accountant (two different people, neither of them the
    proposer), then posted as a journal entry reconciled with the invoice.

    The invoice and the amount are fixed when the proposal is submitted: in draft the
    amount follows the invoice chosen (its open amount), after submission nothing changes,
    and the entry posted is for the approved amount. A proposal once submitted is a record
    of a decision: refused or written off, it stays."""

    _name = "credit.collection.writeoff"
    _description = "Bad-Debt Write-off"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "id desc"

    _guard_flow_fields = (
        "name",
        "state",
        "amount",
        "proposed_by_id",
        "submitted_by_id",
        "submitted_date",
        "manager_id",
        "manager_date",
        "accountant_id",
        "accountant_date",
        "refused_by_id",
        "refused_date",
        "writeoff_move_id",
    )
    # the invoice, the evidence and its documents are what the approvers approve
    _guard_locks = [("__all__", ("draft",))]
    _guard_undeletable_states = ("submitted", "posted", "refused")

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
    # the invoice's open amount while in draft (it follows the invoice chosen); fixed when
    # submitted: it depends on the invoice only, so a later payment does not change it
    amount = fields.Monetary(
        string="Amount Written Off",
        compute="_compute_amount",
        store=True,
        readonly=True,
        help="The invoice's open amount, taken again when the proposal is submitted; the "
        "approvals are for this amount and the entry posted is for it.",
    )
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
    proposed_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    submitted_by_id = fields.Many2one("res.users", string="Submitted by", readonly=True)
    submitted_date = fields.Datetime(string="Submitted on", readonly=True)
    manager_id = fields.Many2one("res.users", string="Approved by Credit Manager", readonly=True)
    manager_date = fields.Datetime(string="Credit Manager Approval", readonly=True)
    accountant_id = fields.Many2one("res.users", string="Approved by Accountant", readonly=True)
    accountant_date = fields.Datetime(string="Accountant Approval", readonly=True)
    refused_by_id = fields.Many2one("res.users", readonly=True)
    refused_date = fields.Datetime(string="Refused on", readonly=True)
    writeoff_move_id = fields.Many2one("account.move", string="Write-off Entry", readonly=True)

    @api.depends("move_id")
    def _compute_amount(self):
        for writeoff in self:
            if writeoff.state == "draft" or not writeoff.amount:
                writeoff.amount = writeoff.move_id.amount_residual

    @api.constrains("move_id")
    def _check_move(self):
        self.filtered(lambda w: w.state == "draft").move_id._collection_check_writeoff_possible()

    # ------------------------------------------------------------ flow
    def action_submit(self):
        if not self.env.user.has_group(COLLECTOR):
            raise AccessError(self.env._("Only collection staff propose write-offs."))
        for writeoff in self:
            if writeoff.state != "draft":
                raise UserError(self.env._("Only a draft proposal can be submitted."))
            writeoff.move_id._collection_check_writeoff_possible()
        for writeoff in self._guard_sudo("write"):
            name = writeoff.name
            if not name or name == "/":
                name = self.env["ir.sequence"].next_by_code("credit.collection.writeoff") or "/"
            # the invoice's open amount now: the amount approved and posted
            writeoff.write(
                {
                    "state": "submitted",
                    "name": name,
                    "amount": writeoff.move_id.amount_residual,
                    "submitted_by_id": self.env.uid,
                    "submitted_date": fields.Datetime.now(),
                }
            )
            writeoff.move_id._collection_log(
                "writeoff",
                note=writeoff.company_id._credit_env()._("Write-off proposed"),
                stage_to=False,
            )

    def _check_approver(self, group, denied):
        user = self.env.user
        if not user.has_group(group):
            raise AccessError(denied)
        for writeoff in self:
            if writeoff.state != "submitted":
                raise UserError(self.env._("Only a submitted proposal can be approved."))
            if user in (writeoff.proposed_by_id | writeoff.submitted_by_id):
                raise UserError(
                    self.env._(
                        "Write-off %(name)s was proposed by you: another credit manager and "
                        "accountant approve it.",
                        name=writeoff.name,
                    )
                )
            if user in (writeoff.manager_id | writeoff.accountant_id):
                raise UserError(
                    self.env._("The same person cannot give both approvals of a write-off.")
                )

    def action_approve_manager(self):
        self._check_approver(
            MANAGER, self.env._("Only a credit manager approves this part of a write-off.")
        )
        for writeoff in self._guard_sudo("write"):
            if writeoff.manager_id:
                raise UserError(self.env._("The credit manager already approved it."))
            writeoff.write({"manager_id": self.env.uid, "manager_date": fields.Datetime.now()})
        self._post_when_approved()

    def action_approve_accountant(self):
        self._check_approver(
            ACCOUNTANT, self.env._("Only an accountant approves this part of a write-off.")
        )
        for writeoff in self._guard_sudo("write"):
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
        self._guard_sudo("write").write(
            {"state": "refused", "refused_by_id": user.id, "refused_date": fields.Datetime.now()}
        )

    def _post_when_approved(self):
        for writeoff in self.sudo():
            if writeoff.manager_id and writeoff.accountant_id:
                writeoff._post()

    def _post(self):
        """The journal entry of the approved amount: debit the write-off account, credit the
        customer's receivable, reconciled with the invoice's open receivable lines."""
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
        open_currency = sum(lines.mapped("amount_residual_currency"))
        open_balance = sum(lines.mapped("amount_residual"))
        currency = invoice.currency_id
        compared = float_compare(self.amount, open_currency, precision_rounding=currency.rounding)
        if compared > 0:
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s has %(open)s open, less than the %(amount)s approved "
                    "for write-off %(name)s: refuse this proposal and propose the write-off "
                    "again.",
                    invoice=invoice.name,
                    open=open_currency,
                    amount=self.amount,
                    name=self.name,
                )
            )
        amount_currency = self.amount
        balance = (
            open_balance
            if compared == 0
            else company.currency_id.round(open_balance * self.amount / open_currency)
        )
        common = {
            "partner_id": invoice.commercial_partner_id.id,
            "currency_id": currency.id,
        }
        env = company._credit_env()
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "company_id": company.id,
                "date": fields.Date.context_today(self),
                "ref": env._(
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
        self.write({"state": "posted", "writeoff_move_id": entry.id})
        invoice._collection_log(
            "writeoff", note=env._("Written off by %(entry)s", entry=entry.name)
        )
        invoice.message_post(
            body=env._("Written off as a bad debt by %(entry)s.", entry=entry.name)
        )
