import logging

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare

ENTITY_TYPES = [
    ("llc", "Limited liability company"),
    ("joint_stock", "Joint-stock company"),
    ("state_owned", "State-owned enterprise"),
    ("collective", "Collective enterprise"),
    ("partnership", "Partnership"),
    ("sole_proprietorship", "Sole proprietorship"),
    ("individual_business", "Individual business"),
    ("public_institution", "Public institution"),
    ("foreign_invested", "Foreign-invested enterprise"),
    ("other", "Other"),
]
OPERATING_STATUSES = [
    ("active", "Active (存续/在业)"),
    ("moved_out", "Moved out"),
    ("suspended", "Suspended"),
    ("liquidation", "In liquidation"),
    ("revoked", "Licence revoked"),
    ("deregistered", "Deregistered"),
]
_logger = logging.getLogger(__name__)

# who may read credit figures: the credit roles (every salesperson and invoicing user has
# the first) and accounting's read-only auditors
CREDIT_FIGURES_GROUPS = "credit_management.group_credit_user,account.group_account_readonly"
# Odoo keeps its limit for accounting; the credit roles read it too (they decide it)
ODOO_LIMIT_GROUPS = (
    "account.group_account_invoice,account.group_account_readonly,"
    "credit_management.group_credit_user"
)
CREDIT_LIMIT_FIELDS = {"credit_limit", "use_partner_credit_limit"}
# the new document a preview of the check asks about (company currency)
CREDIT_PREVIEW_AMOUNT = 0.01
# first key of the advisory lock a credit check takes on a partner ("CR")
CREDIT_LOCK_CLASS = 0x4352
# computed by the add-on, never written by anyone
CREDIT_COMPUTED_FIELDS = {"credit_on_warning_list"}
CREDIT_STANDING_FIELDS = {
    "credit_grade_id",
    "credit_score",
    "credit_score_date",
    "credit_next_review_date",
    "credit_due_diligence_date",
}
CREDIT_FILE_FIELDS = {
    "credit_code",
    "credit_entity_type",
    "credit_registered_capital",
    "credit_legal_representative",
    "credit_business_scope",
    "credit_date_established",
    "credit_operating_status",
    "credit_last_investigation_date",
    "credit_analyst_id",
}


def uscc_error(env, code):
    """Why a unified social credit code (GB 32100-2015) is invalid, or None."""
    try:
        uscc.validate(code)
    except InvalidLength:
        return env._("A unified social credit code has 18 characters: %(code)s", code=code)
    except (InvalidFormat, InvalidComponent):
        return env._(
            "%(code)s contains characters a unified social credit code cannot have "
            "(digits and capital letters except I, O, S, V, Z).",
            code=code,
        )
    except InvalidChecksum:
        return env._(
            "The check character of unified social credit code %(code)s is wrong.", code=code
        )
    return None


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "credit.guard.mixin"]

    # guards (credit.guard.mixin): the warning-list flag follows the list; grades, scores
    # and review dates are the credit manager's (or scoring's and approvals'); the credit
    # file is the analysts'. The limit is a credit manager's only while the company grants
    # limits through applications: a setting, so a hook (_guard_check_write/_create).
    _guard_flow_fields = tuple(sorted(CREDIT_COMPUTED_FIELDS))
    _guard_field_groups = dict(
        dict.fromkeys(sorted(CREDIT_STANDING_FIELDS), "credit_management.group_credit_manager"),
        **dict.fromkeys(sorted(CREDIT_FILE_FIELDS), "credit_management.group_credit_analyst"),
    )

    # credit file (资信档案)
    credit_code = fields.Char(
        string="Unified Social Credit Code", tracking=True, copy=False, index="btree_not_null"
    )
    credit_entity_type = fields.Selection(ENTITY_TYPES, string="Legal-Entity Status", tracking=True)
    credit_registered_capital = fields.Monetary(
        string="Registered Capital", tracking=True, currency_field="credit_currency_id"
    )
    credit_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_credit_currency_id",
    )
    credit_legal_representative = fields.Char(string="Legal Representative", tracking=True)
    credit_business_scope = fields.Text(string="Business Scope", tracking=True)
    credit_date_established = fields.Date(string="Date Established", tracking=True)
    credit_operating_status = fields.Selection(
        OPERATING_STATUSES, string="Operating Status", tracking=True
    )
    industry_id = fields.Many2one(tracking=True)
    credit_last_investigation_date = fields.Date(string="Last Investigation", tracking=True)
    credit_analyst_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("credit_management.group_credit_analyst").ids)
        ],
    )
    # the credit file's records: read by the credit roles (their models' access rights)
    credit_financial_ids = fields.One2many(
        "credit.partner.financial",
        "partner_id",
        string="Financial Figures",
        groups="credit_management.group_credit_user",
    )
    credit_score_ids = fields.One2many(
        "credit.score",
        "partner_id",
        string="Score History",
        groups="credit_management.group_credit_user",
    )
    credit_application_ids = fields.One2many(
        "credit.application",
        "partner_id",
        string="Credit Applications",
        groups="credit_management.group_credit_user",
    )
    credit_exposure_line_ids = fields.One2many(
        "credit.exposure.line",
        "partner_id",
        string="Exposure Lines",
        groups="credit_management.group_credit_user",
    )
    credit_warning_entry_ids = fields.One2many(
        "credit.warning.entry",
        "partner_id",
        string="Warning List Entries",
        groups="credit_management.group_credit_user",
    )
    credit_on_warning_list = fields.Boolean(
        string="On Warning List",
        compute="_compute_credit_on_warning_list",
        search="_search_credit_on_warning_list",
        help="An active warning-list entry of this company (or of every company) names "
        "this partner, its commercial partner or one of its contacts.",
    )
    # standing, per company
    # Odoo's own limit, under the one name the add-on uses for it (zh_CN: 授信额度)
    credit_limit = fields.Float(
        help="Checked against the customer's exposure in this company; changed by approved "
        "credit applications or by a credit manager.",
        groups=ODOO_LIMIT_GROUPS,
    )
    use_partner_credit_limit = fields.Boolean(groups=ODOO_LIMIT_GROUPS)
    credit_grade_id = fields.Many2one("credit.grade", company_dependent=True, tracking=True)
    credit_policy = fields.Selection(related="credit_grade_id.credit_policy")
    credit_score = fields.Float(company_dependent=True, tracking=True)
    credit_score_date = fields.Date(string="Scored On", company_dependent=True)
    credit_next_review_date = fields.Date(
        string="Next Credit Review", company_dependent=True, tracking=True
    )
    credit_due_diligence_date = fields.Date(
        string="Due Diligence Passed", company_dependent=True, tracking=True
    )
    # exposure, in company currency (computed in one query for the whole recordset)
    credit_exposure_receivable = fields.Monetary(
        string="Open Receivables",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
    )
    credit_exposure_draft_invoice = fields.Monetary(
        string="Draft Invoices",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
    )
    credit_exposure_sale_order = fields.Monetary(
        string="Orders Not Invoiced",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
    )
    credit_exposure = fields.Monetary(
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
    )
    credit_overdue_amount = fields.Monetary(
        string="Overdue",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
    )
    credit_limit_in_force = fields.Monetary(
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
        help="The partner's credit limit, or a higher approved temporary limit until its end date.",
    )
    credit_has_limit = fields.Boolean(
        compute="_compute_credit_exposure", groups=CREDIT_FIGURES_GROUPS
    )
    credit_temporary_until = fields.Date(
        string="Temporary Limit Until",
        compute="_compute_credit_exposure",
        groups=CREDIT_FIGURES_GROUPS,
    )
    credit_available = fields.Monetary(
        string="Available Credit",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
        help="Limit in force less exposure; empty when no limit is in force.",
    )

    credit_usage = fields.Float(
        string="Credit Usage (%)",
        compute="_compute_credit_exposure",
        search="_search_credit_usage",
        groups=CREDIT_FIGURES_GROUPS,
        help="Exposure as a share of the limit in force; empty when no limit is in force.",
    )
    credit_overdue_beyond_tolerance = fields.Boolean(
        string="Overdue Beyond Tolerance",
        compute="_compute_credit_exposure",
        search="_search_credit_overdue_beyond_tolerance",
        groups=CREDIT_FIGURES_GROUPS,
        help="Overdue receivables exceed the company's overdue tolerance.",
    )
    credit_review_overdue = fields.Boolean(compute="_compute_credit_review_overdue")

    credit_can_edit_file = fields.Boolean(compute="_compute_credit_can_edit_file")

    @api.depends_context("company")
    @api.depends("credit_next_review_date")
    def _compute_credit_review_overdue(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.credit_review_overdue = bool(
                partner.credit_next_review_date and partner.credit_next_review_date <= today
            )

    @api.depends_context("uid")
    def _compute_credit_can_edit_file(self):
        self.credit_can_edit_file = self.env.user.has_group(
            "credit_management.group_credit_analyst"
        )

    @api.depends_context("company")
    def _compute_credit_currency_id(self):
        self.credit_currency_id = self.env.company.currency_id

    def _credit_warning_domain(self, company):
        return [
            ("active", "=", True),
            ("company_id", "in", [False, company.id]),
            ("partner_id", "!=", False),
        ]

    @api.depends_context("company")
    @api.depends("commercial_partner_id")
    def _compute_credit_on_warning_list(self):
        self.credit_on_warning_list = False
        commercial = self.commercial_partner_id.filtered("id")
        if not commercial:
            return
        listed = (
            self.env["credit.warning.entry"]
            .sudo()
            .search(
                self._credit_warning_domain(self.env.company)
                + [("partner_id.commercial_partner_id", "in", commercial.ids)]
            )
            .partner_id.commercial_partner_id
        )
        for partner in self:
            partner.credit_on_warning_list = partner.commercial_partner_id in listed

    def _search_credit_on_warning_list(self, operator, value):
        if operator not in ("=", "!="):
            raise ValidationError(self.env._("Unsupported search on the warning list."))
        listed = (
            self.env["credit.warning.entry"]
            .sudo()
            .search(self._credit_warning_domain(self.env.company))
            .partner_id.commercial_partner_id
        )
        positive = (operator == "=") == bool(value)
        return [("commercial_partner_id", "in" if positive else "not in", listed.ids)]

    @api.depends_context("company")
    def _compute_credit_exposure(self):
        company = self.env.company
        tolerance = company._credit_settings()["credit_overdue_tolerance"]
        real = self.filtered("id")
        figures = real.sudo()._credit_exposure_figures(company) if real else {}
        for partner in self:
            fig = figures.get(partner.id) or _empty_figures()
            partner.credit_exposure_receivable = fig["receivable"]
            partner.credit_exposure_draft_invoice = fig["draft_invoice"]
            partner.credit_exposure_sale_order = fig["sale_order"]
            partner.credit_exposure = fig["exposure"]
            partner.credit_overdue_amount = fig["overdue"]
            partner.credit_limit_in_force = fig["limit"]
            partner.credit_has_limit = fig["has_limit"]
            partner.credit_temporary_until = fig["temporary_until"]
            partner.credit_available = fig["limit"] - fig["exposure"] if fig["has_limit"] else 0
            partner.credit_usage = (
                round(fig["exposure"] / fig["limit"] * 100, 1) if fig["has_limit"] else 0.0
            )
            partner.credit_overdue_beyond_tolerance = (
                fig["overdue"] > tolerance and fig["overdue"] > 0
            )

    @api.constrains("credit_code")
    def _check_credit_code(self):
        for partner in self.filtered("credit_code"):
            error = uscc_error(self.env, partner.credit_code)
            if error:
                raise ValidationError(error)

    @api.onchange("credit_code")
    def _onchange_credit_code(self):
        if self.credit_code:
            self.credit_code = self.credit_code.strip().upper()

    # ------------------------------------------------------------ overview searches
    @api.model
    def _credit_limited_figures(self, company):
        """Figures of every commercial partner with a limit in force in ``company``.

        The candidates come from one query (a permanent limit for the company, an approved
        temporary limit running today, or every customer when a default limit applies),
        their figures from the check's own SQL function: the overview and the "near the
        limit" filter agree with the check by construction.
        """
        partner = self.sudo().with_company(company)
        default_limit = self._fields["credit_limit"].get_company_dependent_fallback(partner)
        today = fields.Date.context_today(self)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id FROM res_partner p
                 WHERE p.parent_id IS NULL AND p.active
                   AND (COALESCE((p.credit_limit ->> %(company)s)::numeric, %(default)s) > 0
                        OR EXISTS (SELECT 1 FROM credit_application a
                                    WHERE a.partner_id = p.id AND a.company_id = %(cid)s
                                      AND a.state = 'approved'
                                      AND a.application_type = 'temporary'
                                      AND a.expiry_date >= %(today)s))
                   AND (%(default)s = 0 OR p.customer_rank > 0
                        OR p.credit_limit ? %(company)s)
                """,
                company=str(company.id),
                cid=company.id,
                default=default_limit or 0.0,
                today=today,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        return partner.browse(ids)._credit_exposure_figures(company) if ids else {}

    @api.model
    def _credit_overdue_figures(self, company):
        """Figures of the commercial partners with overdue receivables in ``company``."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT p.commercial_partner_id
                  FROM account_move_line aml
                  JOIN res_partner p ON p.id = aml.partner_id
                  JOIN account_account acc ON acc.id = aml.account_id
                 WHERE aml.company_id = %(company)s AND aml.parent_state = 'posted'
                   AND aml.reconciled IS NOT TRUE AND aml.amount_residual > 0
                   AND acc.account_type = 'asset_receivable'
                   AND aml.date_maturity < credit_overdue_cutoff(%(company)s, %(today)s)
                """,
                company=company.id,
                today=fields.Date.context_today(self),
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        return self.sudo().browse(ids)._credit_exposure_figures(company) if ids else {}

    @api.model
    def _credit_usage_of(self, figures):
        return round(figures["exposure"] / figures["limit"] * 100, 1) if figures["has_limit"] else 0

    def _search_credit_usage(self, operator, value):
        ops = {
            ">=": lambda a, b: a >= b,
            ">": lambda a, b: a > b,
            "<=": lambda a, b: a <= b,
            "<": lambda a, b: a < b,
            "=": lambda a, b: a == b,
            "!=": lambda a, b: a != b,
        }
        if operator not in ops or not isinstance(value, int | float) or isinstance(value, bool):
            raise UserError(self.env._("Credit usage can only be compared with a number."))
        figures = self._credit_limited_figures(self.env.company)
        ids = [
            pid for pid, fig in figures.items() if ops[operator](self._credit_usage_of(fig), value)
        ]
        return [("commercial_partner_id", "in", ids)]

    def _search_credit_overdue_beyond_tolerance(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on overdue receivables."))
        company = self.env.company
        tolerance = company._credit_settings()["credit_overdue_tolerance"]
        ids = [
            pid
            for pid, fig in self._credit_overdue_figures(company).items()
            if fig["overdue"] > tolerance
        ]
        positive = (operator == "=") == bool(value)
        return [("commercial_partner_id", "in" if positive else "not in", ids)]

    # ------------------------------------------------------------ the documents behind
    def _credit_member_domain(self, field="partner_id"):
        return [(f"{field}.commercial_partner_id", "=", self.commercial_partner_id.id)]

    def action_credit_open_receivables(self, overdue=False):
        """The open receivable items behind "Open Receivables" (or "Overdue")."""
        self.ensure_one()
        company = self.env.company
        domain = self._credit_member_domain() + [
            ("company_id", "=", company.id),
            ("parent_state", "=", "posted"),
            ("reconciled", "=", False),
            ("account_id.account_type", "=", "asset_receivable"),
        ]
        name = self.env._("Open Receivables")
        if overdue:
            self.env.cr.execute(
                SQL(
                    "SELECT credit_overdue_cutoff(%s, %s)",
                    company.id,
                    fields.Date.context_today(self),
                )
            )
            cutoff = self.env.cr.fetchone()[0]
            domain += [("date_maturity", "<", cutoff), ("amount_residual", ">", 0)]
            name = self.env._("Overdue Receivables")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "account.move.line",
            "views": [(self.env.ref("account.view_move_line_tree").id, "list"), (False, "form")],
            "domain": domain,
            "context": {"create": False, "search_default_group_by_move": 0},
        }

    def action_credit_open_overdue(self):
        return self.action_credit_open_receivables(overdue=True)

    def action_credit_open_draft_invoices(self):
        """The draft customer invoices and receipts behind "Draft Invoices"."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Draft Invoices"),
            "res_model": "account.move",
            "views": [(False, "list"), (False, "form")],
            "domain": self._credit_member_domain()
            + [
                ("company_id", "=", self.env.company.id),
                ("state", "=", "draft"),
                ("move_type", "in", ("out_invoice", "out_refund", "out_receipt")),
            ],
            "context": {"create": False, "default_move_type": "out_invoice"},
        }

    def action_credit_open_sale_orders(self):
        """The confirmed orders not fully invoiced behind "Orders Not Invoiced"."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Orders Not Invoiced"),
            "res_model": "sale.order",
            "views": [(False, "list"), (False, "form")],
            "domain": self._credit_member_domain("partner_invoice_id")
            + [
                ("company_id", "=", self.env.company.id),
                ("state", "=", "sale"),
                ("credit_uninvoiced_amount", "!=", 0),
            ],
            "context": {"create": False},
        }

    # ------------------------------------------------------------ exposure
    def _credit_exposure_figures(self, company, lock=False, exclude_moves=(), exclude_orders=()):
        """Exposure and standing in ``company`` of these partners' commercial partners.

        {partner id: figures}, the figures being shared by a partner and its commercial
        partner. Amounts are in company currency: open receivables, draft customer
        invoices and receipts, and the uninvoiced part of confirmed orders, leaving out
        the documents named in ``exclude_moves`` and ``exclude_orders``. One call of a SQL
        function whatever the number of invoices and orders (sql/credit_exposure_figures.sql).

        With ``lock`` the figures are the latest, whatever this transaction's snapshot:
        the partners' lock is taken on a second connection, which then reads what other
        transactions committed to the kept balances; this transaction adds its own
        uncommitted changes. A concurrent check of the same partners waits for the lock
        until this transaction ends, then sees what it committed: no request fails and
        is retried, and two confirmations cannot both pass over a limit.
        """
        if not self.ids:
            return {}
        self.env.flush_all()
        committed = self._credit_committed_balances(company, exclude_orders) if lock else None
        default_limit = self._fields["credit_limit"].get_company_dependent_fallback(
            self.with_company(company)
        )
        self.env.cr.execute(
            SQL(
                "SELECT * FROM credit_exposure_figures("
                "%s, %s, %s, %s, %s, %s, %s::int[], %s::int[], %s)",
                self.ids,
                company.id,
                fields.Datetime.now(),
                self.env.context.get("tz") or None,
                self.env.uid,
                committed is not None,
                list(exclude_moves),
                list(exclude_orders),
                default_limit or 0.0,
            )
        )
        by_commercial = {}
        result = {}
        for row in self.env.cr.dictfetchall():
            commercial = row["commercial_partner_id"]
            if commercial not in by_commercial:
                permanent = float(row["credit_limit"] or 0.0)
                temporary = float(row["temporary_limit"] or 0.0)
                limit = max(permanent, temporary)
                others = (committed or {}).get(commercial, (0.0, 0.0))
                fig = {
                    "partner_id": commercial,
                    "receivable": float(row["receivable"]) + others[0],
                    "draft_invoice": float(row["draft_invoice"]),
                    "sale_order": float(row["sale_order"]) + others[1],
                    "overdue": float(row["overdue"]),
                    "limit": limit,
                    "has_limit": limit > 0,
                    "temporary_until": row["temporary_until"] if temporary > permanent else False,
                    "policy": row["credit_policy"] or False,
                    "on_warning_list": row["on_warning_list"],
                    "due_diligence": bool(row["due_diligence_date"]),
                }
                fig["exposure"] = fig["receivable"] + fig["draft_invoice"] + fig["sale_order"]
                by_commercial[commercial] = fig
            result[row["partner_id"]] = by_commercial[commercial]
        return result

    def _credit_committed_balances(self, company, exclude_orders=()):
        """Lock these partners' commercial partners and read what others committed to them.

        {commercial partner id: (receivable, sale_order)}, read on a second connection in
        READ COMMITTED once it holds the partners' advisory (session) lock, which it keeps
        until this transaction commits or rolls back. None in test mode, where the registry
        shares this transaction's connection: this transaction then reads everything.
        """
        if self.env.registry.in_test_mode():
            return None
        cr = self.env.cr
        side = cr.__dict__.get("_credit_lock_cursor")
        if side is None:
            side = self.env.registry.cursor()
            # each read its own READ COMMITTED transaction: it sees the latest commits and
            # holds no table lock while this transaction goes on, only the session lock
            side.connection.autocommit = True
            # never wait forever on a lock held by a request that waits on this one
            side.execute("SET lock_timeout = '30s'")
            cr.__dict__["_credit_lock_cursor"] = side

            def release():
                cr.__dict__.pop("_credit_lock_cursor", None)
                try:
                    side.execute("SELECT pg_advisory_unlock_all()")
                    side.execute("RESET lock_timeout")
                    side.connection.autocommit = False
                finally:
                    side.close()

            cr.postcommit.add(release)
            cr.postrollback.add(release)
        side.execute(
            SQL(
                "SELECT * FROM credit_committed_balances(%s::int[], %s, %s::int[], %s)",
                self.ids,
                company.id,
                list(exclude_orders),
                CREDIT_LOCK_CLASS,
            )
        )
        rows = side.fetchall()
        return {
            commercial: (float(receivable or 0.0), float(sale_order or 0.0))
            for commercial, receivable, sale_order in rows
        }

    def _credit_payment_history(self, company):
        """Average days paid late (12 months, amount-weighted) and overdue share, one query."""
        result = {pid: {"avg_days_late": None, "overdue_share": None} for pid in self.ids}
        if not self.ids:
            return result
        self.env.flush_all()
        today = fields.Date.context_today(self)
        self.env.cr.execute(
            SQL(
                """
                WITH members AS (
                    SELECT id, commercial_partner_id AS cp
                      FROM res_partner WHERE commercial_partner_id = ANY(%(pids)s)
                ), lines AS (
                    SELECT m.cp, aml.id, aml.amount_residual, aml.reconciled,
                           COALESCE(aml.date_maturity, aml.date) AS due
                      FROM account_move_line aml
                      JOIN members m ON m.id = aml.partner_id
                      JOIN account_account acc ON acc.id = aml.account_id
                     WHERE aml.company_id = %(company)s AND aml.parent_state = 'posted'
                       AND acc.account_type = 'asset_receivable' AND aml.balance > 0
                       AND aml.date >= %(since)s
                )
                SELECT l.cp,
                       SUM(GREATEST(apr.max_date - l.due, 0) * apr.amount)
                           / NULLIF(SUM(apr.amount), 0),
                       (SELECT SUM(CASE WHEN o.due < %(today)s THEN o.amount_residual ELSE 0 END)
                               / NULLIF(SUM(o.amount_residual), 0) * 100
                          FROM lines o WHERE o.cp = l.cp AND o.reconciled IS NOT TRUE
                           AND o.amount_residual > 0)
                  FROM lines l
             LEFT JOIN account_partial_reconcile apr ON apr.debit_move_id = l.id
              GROUP BY l.cp
                """,
                pids=self.ids,
                company=company.id,
                today=today,
                since=fields.Date.subtract(today, years=1),
            )
        )
        for pid, avg_late, overdue_share in self.env.cr.fetchall():
            result[pid] = {
                "avg_days_late": float(avg_late) if avg_late is not None else None,
                "overdue_share": float(overdue_share) if overdue_share is not None else 0.0,
            }
        return result

    # ------------------------------------------------------------ hard check
    def _credit_block_reasons(self, company, figures, amount):
        """(reasons, warnings) for adding ``amount`` to this partner's exposure.

        Reasons block the document; warnings are only shown. Reads only ``figures`` and
        the cached company settings; records are read only to word the reasons.
        """
        self.ensure_one()
        settings = company._credit_settings()
        rounding = settings["currency_rounding"]
        reasons, warnings = [], []
        if figures["on_warning_list"]:
            reasons.append(
                self.env._(
                    "%(partner)s is on the serious-dishonesty warning list.",
                    partner=self.display_name,
                )
            )
        policy = figures["policy"]
        grade = self.with_company(company).sudo().credit_grade_id if policy else None
        if policy == "blocked":
            reasons.append(self.env._("Credit grade %(grade)s blocks sales.", grade=grade.name))
        new_exposure = figures["exposure"] + amount
        if policy == "prepayment":
            # what advance payments do not cover of this document
            uncovered = min(amount, new_exposure)
            if float_compare(uncovered, 0.0, precision_rounding=rounding) > 0:
                reasons.append(
                    self.env._(
                        "Credit grade %(grade)s requires prepayment: %(amount)s of this "
                        "document is not covered by advance payments.",
                        grade=grade.name,
                        amount=_money(uncovered, company),
                    )
                )
        elif figures["has_limit"]:
            if float_compare(new_exposure, figures["limit"], precision_rounding=rounding) > 0:
                reasons.append(
                    self.env._(
                        "Exposure would be %(new)s, over the credit limit of %(limit)s "
                        "(open receivables %(rec)s, draft invoices %(draft)s, orders not "
                        "invoiced %(orders)s, this document %(amount)s).",
                        new=_money(new_exposure, company),
                        limit=_money(figures["limit"], company),
                        rec=_money(figures["receivable"], company),
                        draft=_money(figures["draft_invoice"], company),
                        orders=_money(figures["sale_order"], company),
                        amount=_money(amount, company),
                    )
                )
        elif settings["credit_no_limit_policy"] == "block":
            reasons.append(
                self.env._(
                    "%(partner)s has no approved credit limit: a due-diligence credit "
                    "application must be approved first.",
                    partner=self.display_name,
                )
            )
        elif settings["credit_no_limit_policy"] == "warn":
            warnings.append(
                self.env._("%(partner)s has no approved credit limit.", partner=self.display_name)
            )
        if (
            settings["credit_block_overdue"]
            and float_compare(
                figures["overdue"],
                settings["credit_overdue_tolerance"],
                precision_rounding=rounding,
            )
            > 0
        ):
            reasons.append(
                self.env._(
                    "Overdue receivables of %(overdue)s exceed the tolerance of %(tolerance)s.",
                    overdue=_money(figures["overdue"], company),
                    tolerance=_money(settings["credit_overdue_tolerance"], company),
                )
            )
        return reasons, warnings

    # ------------------------------------------------------------ outside callers
    @api.model
    def credit_block_preview(self, partner_ids, company_id):
        """What the hard credit check would say now of a new sale to each partner.

        For callers outside Odoo (the ``credit`` command's exposure report): the real
        check's figures and reasons (``_credit_exposure_figures`` and
        ``_credit_block_reasons``, with every add-on's reasons) for a new document of
        0.01 in ``company_id``'s currency, worded in the context's language. Returns
        ``{"checks": {"sale": bool, "invoice": bool}, "reasons": {partner id: [reason]}}``;
        when the company checks neither sales orders nor invoices nothing is blocked and
        every list is empty. The figures of all the partners come from one SQL call.
        """
        if not isinstance(company_id, int) or isinstance(company_id, bool):
            raise UserError(self.env._("Name the company by its id."))
        if not isinstance(partner_ids, list | tuple) or not all(
            isinstance(pid, int) and not isinstance(pid, bool) for pid in partner_ids
        ):
            raise UserError(self.env._("Name the partners by a list of ids."))
        user = self.env.user
        if company_id not in user.company_ids.ids:
            raise AccessError(
                self.env._("You can only preview the credit check of your own companies.")
            )
        if not user.has_groups(CREDIT_FIGURES_GROUPS):
            raise AccessError(self.env._("You are not allowed to see credit figures."))
        partners = self.browse(partner_ids).exists()
        partners.check_access("read")
        company = self.env["res.company"].browse(company_id)
        settings = company._credit_settings()
        checks = {
            "sale": settings["credit_check_sale"],
            "invoice": settings["credit_check_invoice"],
        }
        result = {"checks": checks, "reasons": {pid: [] for pid in partners.ids}}
        if not partners or not (checks["sale"] or checks["invoice"]):
            return result
        figures = partners.sudo()._credit_exposure_figures(company)
        # one answer per commercial partner, shared by its contacts
        of_commercial = {fig["partner_id"]: fig for fig in figures.values()}
        commercial = self.sudo().browse(list(of_commercial))
        # what add-ons' reasons read, for all of them at once (not a query per partner)
        extra = commercial._credit_block_prefetch(company)
        # browsed together: grades and names are read for all of them at once
        reasons = {}
        for partner in commercial:
            fig = dict(of_commercial[partner.id], **extra.get(partner.id, {}))
            reasons[partner.id] = partner._credit_block_reasons(
                company, fig, CREDIT_PREVIEW_AMOUNT
            )[0]
        for pid, fig in figures.items():
            result["reasons"][pid] = list(reasons[fig["partner_id"]])
        return result

    def _credit_block_prefetch(self, company):
        """Extension point of ``_credit_block_reasons`` for many partners at once:
        {commercial partner id: {key: value}} merged into each one's figures before its
        reasons are asked, so that an add-on's reason can be read for all of them in one
        query. The check itself (one partner) does not call it."""
        return {}

    # ------------------------------------------------------------ guards
    def _credit_check_limit_rights(self):
        """The limit is a credit manager's while the company grants limits by application."""
        if self.env.company._credit_settings()[
            "credit_limit_by_application"
        ] and not self.env.user.has_group("credit_management.group_credit_manager"):
            raise AccessError(
                self.env._(
                    "Only a credit manager may change a credit limit; request it through "
                    "a credit application."
                )
            )

    def _guard_check_write(self, vals):
        if not CREDIT_LIMIT_FIELDS.isdisjoint(vals):
            self._credit_check_limit_rights()

    @api.model
    def _guard_check_create(self, vals_list):
        # a new partner's limit counts when it is not the company's default one, given
        # in the values or by a context default (default_credit_limit)
        fallback = self._fields["credit_limit"].get_company_dependent_fallback(self)
        context_limit = self.env.context.get("default_credit_limit")
        for vals in vals_list:
            limit = vals.get("credit_limit", context_limit)
            if limit is not None and limit is not False and float(limit) != fallback:
                self._credit_check_limit_rights()
                return

    @api.model
    def _credit_normalise(self, vals):
        if vals.get("credit_code"):
            vals["credit_code"] = vals["credit_code"].strip().upper()
        if (vals.get("credit_limit") or 0.0) < 0:
            raise ValidationError(self.env._("A credit limit cannot be negative."))

    def write(self, vals):
        self._credit_normalise(vals)
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        context_limit = self.env.context.get("default_credit_limit")
        for vals in vals_list:
            self._credit_normalise(vals)
            if "credit_limit" not in vals and (context_limit or 0.0) < 0:
                raise ValidationError(self.env._("A credit limit cannot be negative."))
        return super().create(vals_list)

    # ------------------------------------------------------------ actions
    def action_credit_score(self):
        company = self.env.company
        model = company.credit_score_model_id
        if not model:
            raise ValidationError(
                self.env._("Choose a scoring model in Settings > Credit Management first.")
            )
        if not self.env.user.has_group("credit_management.group_credit_analyst"):
            raise AccessError(self.env._("Only credit analysts may score a partner."))
        partners = self.commercial_partner_id
        if len(partners) == 1:
            score, grade, _lines = model.sudo()._compute_scores(partners)[partners]
            limit = partners.with_company(company).sudo().credit_limit
            if grade.max_credit_limit and limit > grade.max_credit_limit:
                # the grade would not allow the limit in place: ask first
                return self.env["credit.score.confirm"]._action_open(
                    partners, company, score, grade
                )
        model.sudo()._score_partners(partners)
        return True

    def action_view_credit_exposure(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.action_credit_exposure_line"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_group_exposure_type": 1}
        return action

    def action_new_credit_application(self):
        """Open the partner's application in progress, or a new one.

        A draft or submitted application of this company is opened instead of a second
        one (the application model refuses a duplicate anyway).
        """
        self.ensure_one()
        partner = self.commercial_partner_id
        pending = self.env["credit.application"].search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", self.env.company.id),
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
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.application",
            "views": [(False, "form")],
            "context": {
                "default_partner_id": partner.id,
                "default_application_type": "due_diligence"
                if not partner.credit_due_diligence_date
                else "limit_change",
            },
        }

    # ------------------------------------------------------------ cron
    @api.model
    def _cron_credit_compact_balances(self):
        """Fold the kept balances' change rows (sql/credit_*_balance.sql), daily."""
        self.env["account.move.line"]._credit_compact_receivable_balance()
        self.env["sale.order"]._credit_compact_order_balance()

    @api.model
    def _cron_credit_review_due(self):
        """Give analysts an activity for each partner whose re-review is due.

        A partner that fails is logged and skipped; the others still get theirs.
        """
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_review")
        analysts = self.env.ref("credit_management.group_credit_analyst").sudo().users
        today = fields.Date.context_today(self)
        count = 0
        # every active company: each keeps its own grades and review dates
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            partners = (
                self.sudo()
                .with_company(company)
                .search([("credit_next_review_date", "<=", today), ("parent_id", "=", False)])
            )
            pending = set(
                self.env["mail.activity"]
                .search(
                    [
                        ("res_model", "=", "res.partner"),
                        ("res_id", "in", partners.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ]
                )
                .mapped("res_id")
            )
            fallback = analysts.filtered(lambda u, c=company: c in u.company_ids and not u.share)
            for partner in partners.filtered(lambda p, done=pending: p.id not in done):
                user = partner.credit_analyst_id or fallback[:1]
                if not user:
                    continue
                try:
                    with self.env.cr.savepoint():
                        partner.activity_schedule(
                            activity_type_id=activity_type.id,
                            user_id=user.id,
                            date_deadline=today,
                            summary=self.with_context(lang=user.lang).env._(
                                "Credit re-review due (%(company)s)", company=company.name
                            ),
                        )
                except Exception:
                    _logger.exception("Credit review activity for partner %s failed", partner.id)
                    continue
                count += 1
        return count


def _empty_figures():
    return {
        "receivable": 0.0,
        "draft_invoice": 0.0,
        "sale_order": 0.0,
        "overdue": 0.0,
        "exposure": 0.0,
        "limit": 0.0,
        "has_limit": False,
        "temporary_until": False,
        "policy": False,
        "on_warning_list": False,
        "due_diligence": False,
    }


def _money(amount, company):
    """An amount as a refusal message shows it, in the company's currency."""
    return f"{company.currency_id.symbol or ''}{amount:,.2f}"
