"""A guarantee or collateral backing a customer's credit (信用担保): what it is, its value
and cover, its validity. The approval flow is in credit_guarantee_flow.py, the daily job in
credit_guarantee_cron.py."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, format_amount

from ..sql import load_all

KINDS = [
    ("guarantee", "Third-party guarantee (保证)"),
    ("mortgage", "Mortgage (抵押)"),
    ("pledge", "Pledge (质押)"),
    ("bank_guarantee", "Bank guarantee / standby letter of credit"),
    ("insurance", "Credit insurance"),
]
STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("active", "Active"),
    ("to_release", "Release to Approve"),
    ("expired", "Expired"),
    ("released", "Released"),
    ("called", "Called"),
    ("refused", "Refused"),
]
# the states in which the cover counts (sql/credit_guarantee_cover.sql says the same)
COUNTING_STATES = ("active", "to_release")
# set by the flow's methods only (credit.guard.mixin)
FLOW_FIELDS = (
    "name",
    "state",
    "proposed_by_id",
    "required_level",
    "share_exceeded",
    "guarantor_limit",
    "guarantor_contingent",
    "decided_by_id",
    "decision_date",
    "decision_note",
    "release_requested_by_id",
    "release_level",
    "released_by_id",
    "release_date",
    "release_note",
    "call_date",
    "call_amount",
    "call_note",
    "called_by_id",
    "call_move_ids",
    "recovered_amount",
    "recovery_date",
    "recovery_note",
)


class CreditGuarantee(models.Model):
    _name = "credit.guarantee"
    _description = "Credit Guarantee or Collateral"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "credit.guard.mixin",
        "credit.decision.mixin",
    ]
    _order = "date_end, id desc"

    # guards (credit.guard.mixin): the flow's fields are written by its methods only; what
    # is approved (customer, kind, guarantor, value, haircut, dates) changes in draft only;
    # a guarantee that was submitted is a record of a decision
    _guard_sequence = "credit.guarantee"
    _guard_flow_fields = FLOW_FIELDS
    _guard_locks = [
        (
            (
                "partner_id",
                "company_id",
                "kind",
                "guarantor_id",
                "value",
                "currency_id",
                "haircut",
                "valuation_date",
                "date_start",
                "date_end",
                "reference",
                "collateral",
                "share_reason",
            ),
            ("draft",),
        )
    ]
    _guard_field_groups = {"share_reason": "credit_management.group_credit_analyst"}
    _guard_undeletable_states = (
        "to_approve",
        "active",
        "to_release",
        "expired",
        "released",
        "called",
        "refused",
    )

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
        help="The customer whose credit the guarantee or collateral backs.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    kind = fields.Selection(KINDS, required=True, default="guarantee", tracking=True)
    guarantor_id = fields.Many2one(
        "res.partner",
        string="Guarantor / Issuer",
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False), ('id', '!=', partner_id)]",
        help="Third-party guarantee: the guarantor, a partner with its own credit file, whose "
        "contingent liability the guarantee becomes. Bank guarantee or insurance: the bank "
        "or insurer.",
    )
    reference = fields.Char(
        string="Contract / Letter No.",
        tracking=True,
        help="The guarantee contract, letter of guarantee, mortgage registration or policy number.",
    )
    collateral = fields.Text(
        help="What is mortgaged or pledged: the property, its registration, where it is kept."
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        tracking=True,
    )
    value = fields.Monetary(required=True, tracking=True, currency_field="currency_id")
    haircut = fields.Float(
        string="Haircut (%)",
        tracking=True,
        help="The share of the value not counted as cover (the risk that it fetches less).",
    )
    value_company = fields.Monetary(
        string="Value (Company Currency)",
        compute="_compute_cover",
        store=True,
        currency_field="company_currency_id",
        help="The value converted at the valuation date's rate.",
    )
    cover_amount = fields.Monetary(
        string="Cover after Haircut",
        compute="_compute_cover",
        store=True,
        currency_field="company_currency_id",
        help="What the credit check counts, in company currency: the value less the haircut.",
    )
    valuation_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="Ends On",
        required=True,
        tracking=True,
        help="The cover stops counting on this day; the guarantee expires then.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Documents")
    note = fields.Text()
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, tracking=True, copy=False
    )
    counting = fields.Boolean(
        string="Cover Counts Today",
        compute="_compute_counting",
        help="Whether the credit check counts this guarantee today.",
    )
    # approval
    proposed_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, default=lambda self: self.env.user
    )
    required_level = fields.Selection(
        [("manager", "Credit manager"), ("committee", "Credit committee")],
        readonly=True,
        copy=False,
    )
    share_exceeded = fields.Boolean(
        readonly=True,
        copy=False,
        help="The guarantor's contingent liability would pass the company's share of its own "
        "credit limit: the credit committee decides, on a recorded reason.",
    )
    share_reason = fields.Text(
        string="Reason Beyond the Guarantor's Share",
        help="Why the guarantor may guarantee more than the company's share of its own limit.",
    )
    guarantor_limit = fields.Monetary(
        string="Guarantor's Limit at Submission",
        readonly=True,
        copy=False,
        currency_field="company_currency_id",
    )
    guarantor_contingent = fields.Monetary(
        string="Guarantor's Contingent Liability at Submission",
        readonly=True,
        copy=False,
        currency_field="company_currency_id",
        help="What the guarantor already guaranteed for others, this guarantee left out.",
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decision_date = fields.Datetime(readonly=True, copy=False)
    decision_note = fields.Text(readonly=True, copy=False)
    # release
    release_requested_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    release_level = fields.Selection(
        [("manager", "Credit manager"), ("committee", "Credit committee")],
        readonly=True,
        copy=False,
    )
    released_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    release_date = fields.Date(readonly=True, copy=False)
    release_note = fields.Text(readonly=True, copy=False)
    # calling on default
    call_date = fields.Date(string="Demand Date", readonly=True, copy=False)
    call_amount = fields.Monetary(
        string="Amount Demanded", readonly=True, copy=False, currency_field="currency_id"
    )
    call_note = fields.Text(string="Demand", readonly=True, copy=False)
    called_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    call_move_ids = fields.Many2many(
        "account.move",
        string="Overdue Invoices Claimed",
        readonly=True,
        copy=False,
        help="The customer's overdue invoices the demand covers (their collection history "
        "records the call).",
    )
    recovered_amount = fields.Monetary(readonly=True, copy=False, currency_field="currency_id")
    recovery_date = fields.Date(readonly=True, copy=False)
    recovery_note = fields.Text(readonly=True, copy=False)
    # revaluation (models/credit_guarantee_revaluation.py): the value, haircut and valuation
    # date of a guarantee in force change only through a recorded valuation
    valuation_ids = fields.One2many(
        "credit.guarantee.valuation", "guarantee_id", string="Valuations", readonly=True
    )

    @api.model
    def _guard_start_values(self, vals):
        return dict(super()._guard_start_values(vals), proposed_by_id=self.env.user.id)

    def init(self):
        # the check's SQL functions read the table: created once the module's tables exist
        self.pool.post_init(load_all, self.env.cr)

    # ------------------------------------------------------------ computes
    @api.depends("value", "currency_id", "haircut", "valuation_date", "company_id")
    def _compute_cover(self):
        for guarantee in self:
            guarantee.value_company, guarantee.cover_amount = guarantee._cover_for(
                guarantee.value, guarantee.haircut, guarantee.valuation_date
            )

    def _cover_for(self, value, haircut, valuation_date):
        """(value in company currency, cover after haircut) of ``value`` valued on
        ``valuation_date`` with ``haircut`` %: what the guarantee counts, or would count
        after a revaluation."""
        company = self.company_id or self.env.company
        currency = self.currency_id or company.currency_id
        value_company = currency._convert(
            value or 0.0,
            company.currency_id,
            company,
            valuation_date or fields.Date.context_today(self),
        )
        cover = company.currency_id.round(value_company * (1 - (haircut or 0.0) / 100))
        return value_company, cover

    @api.depends("state", "date_start", "date_end")
    @api.depends_context("tz")
    def _compute_counting(self):
        today = fields.Date.context_today(self)
        for guarantee in self:
            guarantee.counting = bool(
                guarantee.state in COUNTING_STATES
                and guarantee.date_start
                and guarantee.date_end
                and guarantee.date_start <= today < guarantee.date_end
            )

    @api.depends("name", "partner_id", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for guarantee in self:
            guarantee.display_name = " - ".join(
                part
                for part in (
                    guarantee.name if guarantee.name and guarantee.name != "/" else "",
                    guarantee.partner_id.name or "",
                    kinds.get(guarantee.kind, ""),
                )
                if part
            )

    # ------------------------------------------------------------ bad input
    @api.constrains("value", "haircut", "date_start", "date_end", "valuation_date")
    def _check_amounts_and_dates(self):
        for guarantee in self:
            if float_compare(guarantee.value, 0.0, precision_rounding=0.01) <= 0:
                raise ValidationError(
                    self.env._(
                        "The value of guarantee %(name)s must be positive.",
                        name=guarantee.display_name,
                    )
                )
            if not 0.0 <= guarantee.haircut <= 100.0:
                raise ValidationError(
                    self.env._(
                        "The haircut must be between 0 and 100%%, not %(haircut)s%%.",
                        haircut=guarantee.haircut,
                    )
                )
            if (
                guarantee.date_end
                and guarantee.date_start
                and (guarantee.date_end <= guarantee.date_start)
            ):
                raise ValidationError(self.env._("A guarantee must end after it starts."))

    @api.constrains("partner_id", "guarantor_id", "kind")
    def _check_guarantor(self):
        for guarantee in self:
            customer = guarantee.partner_id.commercial_partner_id
            guarantor = guarantee.guarantor_id.commercial_partner_id
            if guarantor and guarantor == customer:
                raise ValidationError(
                    self.env._(
                        "%(customer)s cannot guarantee its own credit: a guarantor is another "
                        "party.",
                        customer=customer.display_name,
                    )
                )
            if guarantee.kind == "guarantee" and not guarantor:
                raise ValidationError(self.env._("A third-party guarantee names its guarantor."))

    def _cover_label(self):
        self.ensure_one()
        return format_amount(self.env, self.cover_amount, self.company_id.currency_id)
