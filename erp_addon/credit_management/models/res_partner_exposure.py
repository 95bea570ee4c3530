"""The partner's exposure: the figures the check, the partner form and the overview share.

Exposure (open receivables, draft invoices, orders not invoiced), overdue and the limit in
force come from one call of the SQL function ``credit_exposure_figures``
(sql/credit_exposure_figures.sql) for any number of partners; the check takes the
partner's lock in that call and adds what other transactions committed, read on a second
connection (committed_reader.py).
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..committed_reader import read_committed
from .res_partner import CREDIT_FIGURES_GROUPS

# first key of the advisory lock a credit check takes on a partner ("CR")
CREDIT_LOCK_CLASS = 0x4352


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

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
    def _credit_exposure_figures(
        self, company, lock=False, exclude_moves=(), exclude_orders=(), reasons=False
    ):
        """Exposure and standing in ``company`` of these partners' commercial partners.

        {partner id: figures}, the figures being shared by a partner and its commercial
        partner. Amounts are in company currency: open receivables, draft customer
        invoices and receipts, and the uninvoiced part of confirmed orders, leaving out
        the documents named in ``exclude_moves`` and ``exclude_orders``. One call of a SQL
        function whatever the number of invoices and orders (sql/credit_exposure_figures.sql).

        With ``lock`` the figures are the latest, whatever this transaction's snapshot: a
        first query takes the partners' lock for this transaction and returns its own
        uncommitted changes to the kept balances. When the transaction has changed none
        of the other tables the figures read (a confirmation changes orders only), every
        figure is then read as last committed on a second connection (committed_reader.py,
        whose function plans stay from request to request) and its own changes added;
        otherwise the figures are read in this transaction and what others committed to
        the kept balances on the second connection. A concurrent check of the same
        partners waits for the lock until this transaction ends, then sees what it
        committed: no request fails and is retried, and two confirmations cannot both
        pass over a limit.

        With ``reasons`` the same query also returns what add-ons' blocking reasons read
        (``_credit_block_figures_sql``), so that the check asks them nothing more.
        """
        if not self.ids:
            return {}
        _flush_for_figures(self.env, exclude_orders)
        # in test mode the registry shares this transaction's connection: it reads all
        lock = lock and not self.env.registry.in_test_mode()
        extra = self._credit_block_figures_sql(company) if reasons else {}
        default_limit = self._fields["credit_limit"].get_company_dependent_fallback(
            self.with_company(company)
        )
        columns = SQL("").join(
            SQL(", %s AS %s", expr, SQL.identifier(key)) for key, expr in extra.items()
        )
        exclude_moves, exclude_orders = list(exclude_moves), list(exclude_orders)
        now, tz = fields.Datetime.now(), self.env.context.get("tz") or None
        own = self._credit_lock(company, exclude_orders) if lock else None
        if own is not None:
            # this transaction changed nothing else the figures read: all of them as last
            # committed, read on the second connection, plus its own uncommitted balances
            # (the function's one SELECT is written into the prepared statement, whose
            # plan the connection keeps)
            query = SQL(
                "SELECT f.*%s FROM credit_exposure_snapshot(%s::int[], %s, %s, %s, %s, "
                "false, NULL, %s::int[], %s::int[], %s) f",
                columns,
                self.ids,
                company.id,
                now,
                tz,
                self.env.uid,
                exclude_moves,
                exclude_orders,
                default_limit or 0.0,
            )
            rows = read_committed(self.env.cr.dbname, query, dicts=True)
            added = own
        else:
            # this transaction's snapshot (locked: its own uncommitted balances, and what
            # others committed to them read on the second connection)
            self.env.cr.execute(
                SQL(
                    "SELECT f.*%s FROM credit_exposure_figures("
                    "%s, %s, %s, %s, %s, %s, %s::int[], %s::int[], %s) f",
                    columns,
                    self.ids,
                    company.id,
                    now,
                    tz,
                    self.env.uid,
                    CREDIT_LOCK_CLASS if lock else None,
                    exclude_moves,
                    exclude_orders,
                    default_limit or 0.0,
                )
            )
            rows = self.env.cr.dictfetchall()
            added = self._credit_committed_balances(company, exclude_orders) if lock else {}
        by_commercial = {}
        result = {}
        for row in rows:
            commercial = row["commercial_partner_id"]
            if commercial not in by_commercial:
                permanent = float(row["credit_limit"] or 0.0)
                temporary = float(row["temporary_limit"] or 0.0)
                limit = max(permanent, temporary)
                more = added.get(commercial, (0.0, 0.0))
                fig = {
                    "partner_id": commercial,
                    "receivable": float(row["receivable"]) + more[0],
                    "draft_invoice": float(row["draft_invoice"]),
                    "sale_order": float(row["sale_order"]) + more[1],
                    "overdue": float(row["overdue"]),
                    "limit": limit,
                    "has_limit": limit > 0,
                    "temporary_until": row["temporary_until"] if temporary > permanent else False,
                    "policy": row["credit_policy"] or False,
                    "on_warning_list": row["on_warning_list"],
                    "due_diligence": bool(row["due_diligence_date"]),
                }
                fig["exposure"] = fig["receivable"] + fig["draft_invoice"] + fig["sale_order"]
                fig.update((key, row[key]) for key in extra)
                by_commercial[commercial] = fig
            result[row["partner_id"]] = by_commercial[commercial]
        return result

    def _credit_block_figures_sql(self, company):
        """Extension point of ``_credit_block_reasons`` for the check: {key: SQL}, each an
        expression of the row ``f`` of ``credit_exposure_figures`` (its
        ``commercial_partner_id``...) whose value is put in the figures under ``key``, so
        that an add-on's reason is read in the check's one query."""
        return {}

    def _credit_lock(self, company, exclude_orders=()):
        """Take these partners' lock for this transaction; then, when it has changed none of
        the tables the figures read, {commercial partner id: (receivable, sale_order)} of
        its own uncommitted changes to the kept balances, else None.

        One statement when nobody else holds the lock of the one commercial partner
        asked about and the transaction's own rows in the kept balances are only those
        of the orders checked (``exclude_orders``), as when an order is confirmed: it
        tries the lock, reads the transaction's note of its own rows (see
        sql/credit_order_balance.sql) and its counts of written rows. Otherwise a second
        one (``credit_lock_own_balances``) waits for the locks and sums the own rows.
        """
        cr = self.env.cr
        single = len(set(self.ids)) == 1
        cr.execute(
            SQL(
                "SELECT %s, current_setting('credit.own_balances', true), %s%s",
                SQL(
                    "(SELECT ARRAY[rp.commercial_partner_id, "
                    "pg_try_advisory_xact_lock(%s, rp.commercial_partner_id)::int] "
                    "FROM res_partner rp WHERE rp.id = %s)",
                    CREDIT_LOCK_CLASS,
                    self.ids[0],
                )
                if single
                else SQL("NULL::int[]"),
                _own_changes_sql(self.env),
                # the counts of this transaction's writes are reported when it ends, so
                # that the next check on this connection starts from none
                SQL(", pg_stat_force_next_flush()")
                if cr.connection.server_version >= 150000
                else SQL(""),
            )
        )
        locked, own_rows, changed = cr.fetchone()[:3]
        if changed:
            return None
        if locked and locked[1] and _only_orders(own_rows, exclude_orders):
            return {locked[0]: (0.0, 0.0)}
        cr.execute(
            SQL(
                "SELECT * FROM credit_lock_own_balances(%s::int[], %s, %s::int[], %s)",
                self.ids,
                company.id,
                list(exclude_orders),
                CREDIT_LOCK_CLASS,
            )
        )
        return {
            commercial: (float(receivable or 0.0), float(sale_order or 0.0))
            for commercial, receivable, sale_order in cr.fetchall()
        }

    def _credit_committed_balances(self, company, exclude_orders=()):
        """What other transactions committed to these partners' kept balances.

        {commercial partner id: (receivable, sale_order)}, read in READ COMMITTED on the
        check's second connection (committed_reader.py), once this transaction holds the
        partners' lock: it sees what the transactions that held the lock before committed.
        """
        rows = read_committed(
            self.env.cr.dbname,
            SQL(
                "SELECT * FROM credit_committed_balances(%s::int[], %s, %s::int[])",
                self.ids,
                company.id,
                list(exclude_orders),
            ),
        )
        return {
            commercial: (float(receivable or 0.0), float(sale_order or 0.0))
            for commercial, receivable, sale_order in rows
        }


# What the figures read besides the kept balances: when the transaction has written any of
# these models' tables, the second connection (which cannot see its uncommitted writes)
# does not read the figures. Told by the connection's counts of written rows, which hold
# this transaction's writes, and also those of earlier transactions of the connection not
# yet reported to the statistics (which only sends a check to the exact path, never the
# other way).
CREDIT_FIGURE_MODELS = (
    "res.partner",
    "account.move",
    "account.move.line",
    "account.account",
    "credit.application",
    "credit.warning.entry",
    "credit.grade",
    "res.company",
    "res.users",
    "credit.collection.stage",  # when the collections add-on is installed
    "credit.guarantee",  # when the guarantees add-on is installed
)
# what the figures read of sale orders (their kept balances follow these columns)
CREDIT_ORDER_FIGURE_FIELDS = (
    "state",
    "partner_invoice_id",
    "company_id",
    "credit_uninvoiced_amount",
)


def _flush_for_figures(env, exclude_orders):
    """Write the pending changes the figures read: those of CREDIT_FIGURE_MODELS, and of
    sale orders other than the ones checked.

    Not ``flush_all``: in the middle of a confirmation that would compute and write the
    order's lines, its pickings and the rest early, splitting statements that stock Odoo
    runs once at the end. The figures leave the checked orders out: their rows in the
    kept balances and their amounts are both read as the database holds them (from before
    the change, so they cancel out), and the check adds each order's amount itself.
    """
    # only the fields with something pending: Odoo's flush_model() walks every field of
    # its model, a millisecond on every check for these models' hundreds of fields
    wanted = frozenset(CREDIT_FIGURE_MODELS)
    for _round in range(2):
        fnames = defaultdict(set)
        for field in [*env.transaction.tocompute, *env.cache.get_dirty_fields()]:
            if field.model_name in wanted:
                fnames[field.model_name].add(field.name)
        if not fnames:
            break
        # a computation may leave another of these models something to write: once more
        for model_name, names in fnames.items():
            env[model_name].flush_model(names)
    orders = env["sale.order"]
    fnames = CREDIT_ORDER_FIGURE_FIELDS
    pending = set()
    for fname in fnames:
        field = orders._fields[fname]
        pending.update(env.transaction.tocompute.get(field, ()))
        pending.update(env.cache.get_dirty_records(orders, field)._ids)
    if pending - set(exclude_orders):
        orders.flush_model(fnames)


def _own_changes_sql(env):
    """Whether this transaction wrote the tables of CREDIT_FIGURE_MODELS: an expression
    (not a function, which would be planned again on every check: Odoo's pool resets the
    connection a request borrows)."""
    tables = [env[model]._table for model in CREDIT_FIGURE_MODELS if model in env]
    return SQL(
        "(SELECT COALESCE(SUM(pg_stat_get_xact_tuples_inserted(t)"
        " + pg_stat_get_xact_tuples_updated(t) + pg_stat_get_xact_tuples_deleted(t)), 0) > 0"
        " FROM unnest(%s::regclass[]) AS t)",
        tables,
    )


def _only_orders(own_rows, orders):
    """Whether the transaction's note of its own kept-balance rows (the setting
    credit.own_balances) names only ``orders``: order ids each followed by a comma, or
    '*' for rows of other kinds."""
    if not own_rows:
        return True
    if "*" in own_rows:
        return False
    return {int(order) for order in own_rows.split(",") if order} <= set(orders)


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
