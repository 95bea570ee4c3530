"""A debt restructuring agreement (债务重组协议): what it covers, its schedule and figures.

One model, one file per concern: this file holds the agreement's fields and the checks of
what a user enters; credit_restructuring_flow.py its approval (authority bands, the waiver
through the collections' write-off approvals); credit_restructuring_breach.py the daily
check (breach after the grace days, completion) and the breach hook.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import float_compare, format_amount
from odoo.tools.misc import format_date

from odoo.addons.credit_management.models.credit_authority_band import APPROVAL_LEVELS

COLLECTOR = "credit_management.group_credit_collector"
MANAGER = "credit_management.group_credit_manager"
OPEN_TYPES = ("out_invoice", "out_receipt")
STATES = [
    ("draft", "Draft"),
    ("submitted", "To Approve"),
    ("active", "In Force"),
    ("completed", "Completed"),
    ("breached", "Breached"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]
# what the proposer enters: set in draft, by the proposer only
PROPOSAL_FIELDS = frozenset(
    {
        "partner_id",
        "company_id",
        "date",
        "move_ids",
        "instalment_ids",
        "waived_amount",
        "interest_amount",
        "interest_note",
        "reason",
        "user_id",
    }
)
FLOW_FIELDS = (
    "name",
    "state",
    "amount_restructured",
    "proposed_by_id",
    "submitted_date",
    "partial_watermark",
    "required_level",
    "decided_by_id",
    "decision_date",
    "decision_note",
    "breach_date",
    "breach_instalment_id",
    "closed_date",
)


class CreditRestructuring(models.Model):
    _name = "credit.restructuring"
    _description = "Debt Restructuring Agreement"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "credit.guard.mixin",
        "credit.decision.mixin",
    ]
    _order = "id desc"

    # guards (credit.guard.mixin): the flow's fields are written by its methods only; the
    # proposal (invoices, schedule, waiver) only in draft, by its proposer; an agreement
    # once submitted is a record of a decision
    _guard_sequence = "credit.restructuring"
    _guard_flow_fields = FLOW_FIELDS
    _guard_locks = [("__all__", ("draft",))]
    _guard_field_groups = {"waived_amount": COLLECTOR, "interest_amount": COLLECTOR}
    _guard_undeletable_states = ("submitted", "active", "completed", "breached", "refused")

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner",
        string="Debtor",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        string="Agreement Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The day the agreement is made: no instalment falls before it.",
    )
    move_ids = fields.Many2many(
        "account.move",
        "credit_restructuring_move_rel",
        "restructuring_id",
        "move_id",
        string="Covered Invoices",
        domain="[('commercial_partner_id', '=', partner_id), ('company_id', '=', company_id),"
        " ('move_type', 'in', ('out_invoice', 'out_receipt')), ('state', '=', 'posted'),"
        " ('payment_state', 'in', ('not_paid', 'partial'))]",
        help="The debtor's overdue posted customer invoices the new schedule replaces.",
    )
    instalment_ids = fields.One2many(
        "credit.restructuring.instalment", "restructuring_id", string="Schedule", copy=True
    )
    amount_restructured = fields.Monetary(
        compute="_compute_amount_restructured",
        store=True,
        readonly=True,
        help="What is open on the covered invoices (company currency): followed while in "
        "draft, fixed when the agreement is submitted; the approval band is the one of "
        "this amount.",
    )
    waived_amount = fields.Monetary(
        tracking=True,
        help="The part of the debt forgiven (减免): a bad-debt write-off request for it goes "
        "through the collections' write-off approvals when the agreement is approved.",
    )
    amount_to_pay = fields.Monetary(
        string="Amount Scheduled",
        compute="_compute_amount_to_pay",
        help="The amount restructured less the waived amount: what the instalments add up to.",
    )
    interest_amount = fields.Monetary(
        string="Interest",
        tracking=True,
        help="Interest agreed for the deferral, invoiced separately: not part of the schedule.",
    )
    interest_note = fields.Char(string="Interest Terms")
    reason = fields.Text(required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Collector",
        default=lambda self: self.env.user,
        tracking=True,
        help="Follows the agreement and is told when it is breached.",
    )
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, copy=False)
    proposed_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, default=lambda self: self.env.user
    )
    submitted_date = fields.Datetime(string="Submitted on", readonly=True, copy=False)
    partial_watermark = fields.Integer(
        readonly=True,
        copy=False,
        help="The last reconciliation when the agreement was submitted: only later payments "
        "count toward its instalments.",
    )
    required_level = fields.Selection(
        APPROVAL_LEVELS, string="Approved By (Band)", readonly=True, copy=False
    )
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, copy=False)
    decision_date = fields.Datetime(readonly=True, copy=False)
    decision_note = fields.Text(readonly=True, copy=False)
    breach_date = fields.Date(readonly=True, copy=False)
    breach_instalment_id = fields.Many2one(
        "credit.restructuring.instalment", string="Instalment Missed", readonly=True, copy=False
    )
    closed_date = fields.Date(string="Completed on", readonly=True, copy=False)
    writeoff_ids = fields.One2many(
        "credit.collection.writeoff", "restructuring_id", string="Waiver Write-offs"
    )
    awaiting_my_decision = fields.Boolean(
        compute="_compute_awaiting_my_decision", search="_search_awaiting_my_decision"
    )
    # adherence (the SQL view credit_restructuring_adherence, read as the reader)
    instalment_count = fields.Integer(compute="_compute_adherence", string="Instalments")
    on_time_count = fields.Integer(compute="_compute_adherence", string="Paid on Time")
    late_count = fields.Integer(compute="_compute_adherence", string="Paid Late")
    missed_count = fields.Integer(compute="_compute_adherence", string="Missed")
    amount_paid = fields.Monetary(compute="_compute_adherence", string="Paid")
    amount_open = fields.Monetary(compute="_compute_adherence", string="Still Due")
    adherence_rate = fields.Float(
        compute="_compute_adherence",
        string="Adherence (%)",
        help="The share of the instalments due so far that were paid on time.",
    )

    _sql_constraints = [
        (
            "amounts_positive",
            "CHECK (COALESCE(waived_amount, 0) >= 0 AND COALESCE(interest_amount, 0) >= 0)",
            "The waived amount and the interest cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------ computes
    @api.depends("move_ids", "move_ids.amount_residual_signed")
    def _compute_amount_restructured(self):
        for agreement in self:
            # fixed once submitted (the figure the band and the schedule were checked on)
            if agreement.state == "draft" or not agreement.amount_restructured:
                agreement.amount_restructured = sum(
                    agreement.move_ids.sudo().mapped("amount_residual_signed")
                )

    @api.depends("amount_restructured", "waived_amount")
    def _compute_amount_to_pay(self):
        for agreement in self:
            agreement.amount_to_pay = agreement.amount_restructured - agreement.waived_amount

    @api.depends("partner_id", "date", "amount_restructured")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for agreement in self:
            if agreement.name and agreement.name != "/":
                agreement.display_name = agreement.name
            else:
                agreement.display_name = agreement.env._(
                    "Restructuring of %(partner)s", partner=agreement.partner_id.name or "-"
                )

    def _compute_adherence(self):
        Adherence = self.env["credit.restructuring.adherence"]
        rows = {}
        if self.ids and Adherence.has_access("read"):
            groups = Adherence._read_group(
                [("restructuring_id", "in", self.ids)],
                ["restructuring_id", "status"],
                ["__count", "amount:sum", "amount_paid:sum"],
            )
            for agreement, status, count, amount, paid in groups:
                rows.setdefault(agreement.id, {})[status] = (count, amount, paid)
        for agreement in self:
            figures = rows.get(agreement.id, {})
            count = {status: value[0] for status, value in figures.items()}
            paid = sum(value[2] for value in figures.values())
            total = sum(value[1] for value in figures.values())
            due = count.get("on_time", 0) + count.get("late", 0) + count.get("missed", 0)
            agreement.instalment_count = len(agreement.instalment_ids)
            agreement.on_time_count = count.get("on_time", 0)
            agreement.late_count = count.get("late", 0)
            agreement.missed_count = count.get("missed", 0)
            agreement.amount_paid = paid
            agreement.amount_open = total - paid if figures else agreement.amount_to_pay
            agreement.adherence_rate = 100.0 * count.get("on_time", 0) / due if due else 0.0

    # ------------------------------------------------------------ checks of the input
    @api.constrains("partner_id", "company_id", "move_ids", "date")
    def _check_moves(self):
        today = fields.Date.context_today(self)
        for agreement in self.filtered(lambda a: a.state == "draft"):
            partner = agreement.partner_id.commercial_partner_id
            company = agreement.company_id
            for move in agreement.move_ids.sudo():
                if move.commercial_partner_id != partner:
                    raise ValidationError(
                        self.env._(
                            "Invoice %(invoice)s is not an invoice of %(partner)s: an agreement "
                            "covers its debtor's invoices only.",
                            invoice=move.display_name,
                            partner=partner.display_name,
                        )
                    )
                if move.company_id != company:
                    raise ValidationError(
                        self.env._(
                            "Invoice %(invoice)s belongs to another company.",
                            invoice=move.display_name,
                        )
                    )
                if (
                    move.move_type not in OPEN_TYPES
                    or move.state != "posted"
                    or move.payment_state not in ("not_paid", "partial")
                ):
                    raise ValidationError(
                        self.env._(
                            "Invoice %(invoice)s is not an open posted customer invoice: only "
                            "what is still owed can be restructured.",
                            invoice=move.display_name,
                        )
                    )
                if not move.invoice_date_due or move.invoice_date_due >= today:
                    raise ValidationError(
                        self.env._(
                            "Invoice %(invoice)s is not overdue: an agreement reschedules "
                            "overdue invoices only.",
                            invoice=move.display_name,
                        )
                    )
                if move.currency_id != company.currency_id:
                    raise ValidationError(
                        self.env._(
                            "Invoice %(invoice)s is in %(currency)s: an agreement covers "
                            "invoices in the company's currency (%(company_currency)s).",
                            invoice=move.display_name,
                            currency=move.currency_id.name,
                            company_currency=company.currency_id.name,
                        )
                    )
            others = (
                self.sudo()
                .search(
                    [
                        ("id", "!=", agreement.id),
                        ("move_ids", "in", agreement.move_ids.ids),
                        ("state", "in", ("draft", "submitted", "active")),
                    ],
                    limit=1,
                )
                .with_env(self.env)
            )
            if others:
                shared = others.sudo().move_ids & agreement.move_ids
                raise ValidationError(
                    self.env._(
                        "Invoice %(invoice)s is already covered by agreement %(other)s.",
                        invoice=shared[:1].display_name,
                        other=others.sudo().display_name,
                    )
                )

    @api.constrains("waived_amount", "amount_restructured")
    def _check_waiver(self):
        for agreement in self.filtered(lambda a: a.state == "draft"):
            rounding = agreement.currency_id.rounding
            if (
                agreement.waived_amount
                and float_compare(
                    agreement.waived_amount,
                    agreement.amount_restructured,
                    precision_rounding=rounding,
                )
                >= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The waived amount %(waived)s must stay below the amount restructured "
                        "%(amount)s: forgiving everything is a write-off, not a restructuring.",
                        waived=format_amount(
                            self.env, agreement.waived_amount, agreement.currency_id
                        ),
                        amount=format_amount(
                            self.env, agreement.amount_restructured, agreement.currency_id
                        ),
                    )
                )

    @api.constrains("date", "instalment_ids")
    def _check_schedule_dates(self):
        for agreement in self:
            previous = None
            for instalment in agreement.instalment_ids.sorted("sequence"):
                if instalment.date_due < agreement.date:
                    raise ValidationError(
                        self.env._(
                            "Instalment %(number)s is due on %(due)s, before the agreement date "
                            "%(date)s.",
                            number=instalment.number,
                            due=format_date(self.env, instalment.date_due),
                            date=format_date(self.env, agreement.date),
                        )
                    )
                if previous and instalment.date_due <= previous.date_due:
                    raise ValidationError(
                        self.env._(
                            "Instalment %(number)s is due on %(due)s, not after the instalment "
                            "before it (%(previous)s): the schedule's dates must ascend.",
                            number=instalment.number,
                            due=format_date(self.env, instalment.date_due),
                            previous=format_date(self.env, previous.date_due),
                        )
                    )
                previous = instalment

    def _check_schedule_total(self):
        """The instalments add up to the amount restructured less the waived amount."""
        for agreement in self:
            if not agreement.move_ids:
                raise ValidationError(
                    self.env._("Choose the overdue invoices the agreement covers.")
                )
            if not agreement.instalment_ids:
                raise ValidationError(self.env._("Give the agreement its instalments."))
            scheduled = sum(agreement.instalment_ids.mapped("amount"))
            if float_compare(
                scheduled,
                agreement.amount_to_pay,
                precision_rounding=agreement.currency_id.rounding,
            ):
                currency = agreement.currency_id
                raise ValidationError(
                    self.env._(
                        "The instalments add up to %(scheduled)s, not to the %(due)s to be paid "
                        "(%(amount)s restructured less %(waived)s waived).",
                        scheduled=format_amount(self.env, scheduled, currency),
                        due=format_amount(self.env, agreement.amount_to_pay, currency),
                        amount=format_amount(self.env, agreement.amount_restructured, currency),
                        waived=format_amount(self.env, agreement.waived_amount, currency),
                    )
                )

    # ------------------------------------------------------------ guards
    @api.model
    def _guard_start_values(self, vals):
        return dict(super()._guard_start_values(vals), proposed_by_id=self.env.user.id)

    @api.model
    def _guard_check_create(self, vals_list):
        if not self.env.user.has_group(COLLECTOR):
            raise AccessError(self.env._("Only collection staff propose a restructuring."))

    def _guard_check_write(self, vals):
        if PROPOSAL_FIELDS.isdisjoint(vals):
            return
        if any(agreement.proposed_by_id != self.env.user for agreement in self):
            # an approver who could rewrite the proposal would approve their own
            raise AccessError(self.env._("Only its proposer may change a restructuring agreement."))
