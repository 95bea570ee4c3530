"""Customers and prospects ranked by standing, for salespeople (征信助销).

A read-only SQL view (sql/credit_prospect.sql): one row per commercial partner and company,
every figure computed by the server in one query per read (credit_management's exposure
function, the add-on's payment-behaviour function), never per record. A salesperson sees
the rows of their own customers, a sales manager and the credit analysts all of them
(security/credit_prospect_security.xml).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from ..sql import load_all

# who reads the ranking and its figures: salespeople (their own customers, record rules),
# sales managers and the credit analysts and above
PROSPECT_GROUPS = "sales_team.group_sale_salesman,credit_management.group_credit_analyst"


class CreditProspect(models.Model):
    _name = "credit.prospect"
    _inherit = ["credit.today.view.mixin"]
    _description = "Customer Standing for Sales"
    _auto = False
    _order = "score desc, sales_12m desc, partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    kind = fields.Selection(
        [("customer", "Customer"), ("prospect", "Prospect")],
        readonly=True,
        help="A prospect has a credit file or is marked a customer, but no sales, payments or "
        "exposure in the last 24 months.",
    )
    grade_id = fields.Many2one("credit.grade", readonly=True)
    credit_policy = fields.Selection(
        [
            ("normal", "Credit allowed"),
            ("prepayment", "Prepayment required"),
            ("blocked", "Sales blocked"),
        ],
        string="Grade Policy",
        readonly=True,
    )
    credit_score = fields.Float(readonly=True, groups=PROSPECT_GROUPS)
    on_warning_list = fields.Boolean(readonly=True, groups=PROSPECT_GROUPS)
    credit_limit = fields.Monetary(
        string="Limit in Force",
        readonly=True,
        groups=PROSPECT_GROUPS,
        help="The partner's credit limit, or a higher approved temporary limit until its end date.",
    )
    guarantee_cover = fields.Monetary(
        readonly=True,
        groups=PROSPECT_GROUPS,
        help="Active guarantee cover backing the customer (with the guarantees add-on).",
    )
    exposure = fields.Monetary(
        readonly=True,
        groups=PROSPECT_GROUPS,
        help="Open receivables, draft invoices and orders not invoiced, as the credit check "
        "counts them (with a guarantor's contingent liability).",
    )
    overdue = fields.Monetary(readonly=True, groups=PROSPECT_GROUPS)
    available = fields.Monetary(
        string="Available Credit",
        readonly=True,
        groups=PROSPECT_GROUPS,
        help="Limit in force plus active guarantee cover less exposure; empty without a limit.",
    )
    paid_amount = fields.Monetary(
        string="Paid (12 Months)",
        readonly=True,
        groups=PROSPECT_GROUPS,
        help="What was paid on the invoices of the last 12 months.",
    )
    avg_days_late = fields.Float(
        string="Average Days Late",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        groups=PROSPECT_GROUPS,
        help="Days after the due date each payment of the last 12 months came, weighted by "
        "amount (0 when on time); empty without payments.",
    )
    on_time_share = fields.Float(
        string="Paid on Time (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        groups=PROSPECT_GROUPS,
        help="Share of the amount paid in the last 12 months that was paid by the due date.",
    )
    sales_12m = fields.Monetary(
        string="Sales (12 Months)",
        readonly=True,
        groups=PROSPECT_GROUPS,
        help="Invoiced sales less credit notes of the last 12 months.",
    )
    sales_prev_12m = fields.Monetary(
        string="Sales (12 Months Before)",
        readonly=True,
        groups=PROSPECT_GROUPS,
    )
    sales_growth = fields.Float(
        string="Sales Growth (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        groups=PROSPECT_GROUPS,
        help="Sales of the last 12 months against the 12 before; empty without earlier sales.",
    )
    score = fields.Float(
        string="Ranking Score",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        groups=PROSPECT_GROUPS,
        help="0 to 100: the company's weights (Settings) applied to the grade, the share paid "
        "on time, days late, available credit and sales growth.",
    )
    good_payer = fields.Boolean(
        readonly=True,
        groups=PROSPECT_GROUPS,
        help="The company's rule: a grade that sells on credit, not on the warning list, "
        "payments in the last 12 months within the days late and on-time share of the "
        "settings, nothing overdue.",
    )
    proposed_limit = fields.Monetary(
        readonly=True,
        groups=PROSPECT_GROUPS,
        help="For a good payer: the limit raised by the company's percentage, or two months "
        "of its sales if more, in whole thousands, at most the grade's maximum limit.",
    )
    can_propose = fields.Boolean(
        compute="_compute_can_propose",
        groups=PROSPECT_GROUPS,
        help="A good payer whose proposed limit is above its limit in force.",
    )

    @api.depends("good_payer", "proposed_limit", "credit_limit")
    def _compute_can_propose(self):
        for row in self:
            row.can_propose = row.good_payer and row.proposed_limit > row.credit_limit

    def init(self):
        # the view reads tables and functions other models own: create every SQL object
        # of the add-on once all the module's tables exist (sql/__init__.py)
        self.pool.post_init(load_all, self.env.cr)

    # ------------------------------------------------------------ the proposal
    def action_propose_limit(self):
        """Open a credit application prefilled with the proposed limit of this good payer.

        The salesperson proposes; the credit department decides through the application's
        own flow (submission, assessment, approval by authority band). An application
        already in progress for the customer is opened instead of a second one.
        """
        self.ensure_one()
        if not self.can_propose:
            raise UserError(
                self.env._(
                    "%(partner)s is not a good payer whose limit can be raised: only good "
                    "payers with a proposed limit above their limit in force are proposed.",
                    partner=self.partner_id.display_name,
                )
            )
        partner = self.partner_id
        pending = self.env["credit.application"].search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("draft", "submitted")),
            ],
            order="id desc",
            limit=1,
        )
        if pending:
            return {
                "type": "ir.actions.act_window",
                "res_model": "credit.application",
                "res_id": pending.id,
                "views": [(False, "form")],
            }
        due_diligence = partner.sudo().with_company(self.company_id).credit_due_diligence_date
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Proposed Limit Increase"),
            "res_model": "credit.application",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_partner_id": partner.id,
                "default_company_id": self.company_id.id,
                "default_application_type": "limit_change" if due_diligence else "due_diligence",
                "default_requested_limit": self.proposed_limit,
                "default_justification": self._prospect_justification(),
            },
        }

    def _prospect_justification(self):
        """The figures behind the proposal, in the reader's language."""
        self.ensure_one()
        env, currency = self.env, self.currency_id

        def money(amount):
            return format_amount(env, amount or 0.0, currency)

        lines = [
            env._("Proposed from the sales ranking: a good payer by the company's rule."),
            env._(
                "Ranking score %(score)s; grade %(grade)s.",
                score=round(self.score, 1),
                grade=self.grade_id.name or "—",
            ),
            env._(
                "Paid on time %(share)s%% of %(paid)s in the last 12 months, on average "
                "%(days)s days late; nothing overdue.",
                share=round(self.on_time_share, 1),
                paid=money(self.paid_amount),
                days=round(self.avg_days_late, 1),
            ),
            env._(
                "Sales of the last 12 months %(sales)s (the 12 before: %(previous)s).",
                sales=money(self.sales_12m),
                previous=money(self.sales_prev_12m),
            ),
            env._(
                "Limit in force %(limit)s, exposure %(exposure)s, available %(available)s; "
                "proposed limit %(proposed)s.",
                limit=money(self.credit_limit),
                exposure=money(self.exposure),
                available=money(self.available) if self.credit_limit else "—",
                proposed=money(self.proposed_limit),
            ),
        ]
        return "\n".join(lines)

    def action_open_partner(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "views": [(False, "form")],
        }
