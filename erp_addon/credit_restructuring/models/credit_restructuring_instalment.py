from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

STATUSES = [
    ("upcoming", "Upcoming"),
    ("due", "Due (within grace)"),
    ("on_time", "Paid on Time"),
    ("late", "Paid Late"),
    ("missed", "Missed"),
]


class CreditRestructuringInstalment(models.Model):
    """One instalment of a restructuring agreement's schedule: a due date and an amount.

    What was paid on it and when is not kept here: it is read from the payments reconciled
    on the agreement's invoices (the SQL view credit_restructuring_adherence), so that it
    follows Odoo's accounting (a payment registered, reconciled later or unreconciled)
    instead of a second record of payments."""

    _name = "credit.restructuring.instalment"
    _description = "Restructuring Instalment"
    _inherit = ["credit.guard.mixin"]
    _order = "restructuring_id, sequence, id"

    # the schedule is the agreement's: changed with it, in draft only (its state is the
    # agreement's), never deleted once the agreement is submitted
    _guard_flow_fields = ("state",)
    _guard_locks = [("__all__", ("draft",))]
    _guard_undeletable_states = ("submitted", "active", "completed", "breached", "refused")

    restructuring_id = fields.Many2one(
        "credit.restructuring", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    date_due = fields.Date(string="Due Date", required=True)
    amount = fields.Monetary(required=True)
    note = fields.Char()
    state = fields.Selection(related="restructuring_id.state", string="Agreement State")
    company_id = fields.Many2one(related="restructuring_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="restructuring_id.currency_id")
    partner_id = fields.Many2one(related="restructuring_id.partner_id", string="Debtor")
    number = fields.Integer(string="No.", compute="_compute_number")
    amount_paid = fields.Monetary(string="Paid", compute="_compute_payment")
    date_paid = fields.Date(string="Paid on", compute="_compute_payment")
    status = fields.Selection(STATUSES, compute="_compute_payment")

    @api.depends("restructuring_id.instalment_ids", "sequence")
    def _compute_number(self):
        # by sequence, then as listed (new lines have no id to order by)
        numbers = {}
        for agreement in self.restructuring_id:
            for number, line in enumerate(agreement.instalment_ids.sorted("sequence"), 1):
                numbers[line.id] = number
        for instalment in self:
            instalment.number = numbers.get(instalment.id, 0)

    @api.depends("restructuring_id", "date_due", "amount")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for instalment in self:
            instalment.display_name = instalment.env._(
                "%(agreement)s, instalment %(number)s",
                agreement=instalment.restructuring_id.name or "-",
                number=instalment.number,
            )

    def _compute_payment(self):
        Adherence = self.env["credit.restructuring.adherence"]
        rows = {}
        ids = [i for i in self.ids if isinstance(i, int)]
        if ids and Adherence.has_access("read"):
            rows = {
                row.instalment_id.id: row
                for row in Adherence.search([("instalment_id", "in", ids)])
            }
        for instalment in self:
            row = rows.get(instalment.id)
            instalment.amount_paid = row.amount_paid if row else 0.0
            instalment.date_paid = row.date_paid if row else False
            instalment.status = row.status if row else False

    @api.constrains("amount", "date_due", "sequence")
    def _check_instalment(self):
        for instalment in self:
            if (
                float_compare(
                    instalment.amount, 0.0, precision_rounding=instalment.currency_id.rounding
                )
                <= 0
            ):
                raise ValidationError(self.env._("An instalment's amount must be positive."))
        self.restructuring_id._check_schedule_dates()

    # ------------------------------------------------------------ guards
    @api.model
    def _guard_check_create(self, vals_list):
        agreements = self.env["credit.restructuring"].browse(
            {vals.get("restructuring_id") for vals in vals_list if vals.get("restructuring_id")}
        )
        self._check_agreement_open(agreements)

    def _guard_check_write(self, vals):
        self._check_agreement_open(self.restructuring_id)

    def _check_agreement_open(self, agreements):
        for agreement in agreements:
            if agreement.state != "draft":
                raise UserError(
                    self.env._(
                        "%(agreement)s is %(state)s: its schedule can no longer be changed.",
                        agreement=agreement.display_name,
                        state=agreement._guard_state_label(),
                    )
                )
            if agreement.proposed_by_id != self.env.user:
                raise AccessError(
                    self.env._("Only its proposer may change a restructuring agreement.")
                )
