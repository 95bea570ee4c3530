from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

# computed from the figures and read by scoring: never set by hand
RATIO_FIELDS = {"equity", "current_ratio", "debt_ratio", "net_margin"}


class CreditPartnerFinancial(models.Model):
    """A partner's financial figures for one period (财务数据)."""

    _name = "credit.partner.financial"
    _description = "Partner Financial Figures"
    _inherit = ["credit.guard.mixin"]
    _order = "partner_id, period_end desc"
    _rec_name = "period_end"

    # guards (credit.guard.mixin): the ratios scoring reads are computed from the figures
    _guard_flow_fields = tuple(sorted(RATIO_FIELDS))

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    # figures a company gathered are its own (company rule in security/)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    period_end = fields.Date(required=True)
    period_type = fields.Selection(
        [("year", "Year"), ("half", "Half year"), ("quarter", "Quarter")],
        required=True,
        default="year",
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    revenue = fields.Monetary()
    net_profit = fields.Monetary()
    total_assets = fields.Monetary()
    total_liabilities = fields.Monetary()
    current_assets = fields.Monetary()
    current_liabilities = fields.Monetary()
    operating_cash_flow = fields.Monetary()
    equity = fields.Monetary(compute="_compute_ratios", store=True)
    current_ratio = fields.Float(compute="_compute_ratios", store=True, digits=(16, 2))
    debt_ratio = fields.Float(string="Debt Ratio (%)", compute="_compute_ratios", store=True)
    net_margin = fields.Float(string="Net Margin (%)", compute="_compute_ratios", store=True)
    source = fields.Char(help="Audit report, tax filing, credit agency…")

    _sql_constraints = [
        (
            "partner_period_uniq",
            "unique(partner_id, company_id, period_end, period_type)",
            "This partner already has figures for that period.",
        ),
    ]

    @api.depends(
        "revenue",
        "net_profit",
        "total_assets",
        "total_liabilities",
        "current_assets",
        "current_liabilities",
    )
    def _compute_ratios(self):
        for fin in self:
            fin.equity = fin.total_assets - fin.total_liabilities
            fin.current_ratio = (
                fin.current_assets / fin.current_liabilities if fin.current_liabilities else 0.0
            )
            fin.debt_ratio = (
                100.0 * fin.total_liabilities / fin.total_assets if fin.total_assets else 0.0
            )
            fin.net_margin = 100.0 * fin.net_profit / fin.revenue if fin.revenue else 0.0

    @api.constrains(
        "total_assets", "total_liabilities", "current_assets", "current_liabilities", "revenue"
    )
    def _check_figures(self):
        for fin in self:
            if (
                min(
                    fin.total_assets,
                    fin.total_liabilities,
                    fin.current_assets,
                    fin.current_liabilities,
                    fin.revenue,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._("Assets, liabilities and revenue cannot be negative.")
                )
            if fin.current_assets > fin.total_assets and fin.total_assets:
                raise ValidationError(self.env._("Current assets cannot exceed total assets."))

    @api.model
    def _latest_by_partner(self, partners, company):
        """Latest period's ratios per commercial partner in ``company``, one query."""
        result = {
            p.id: dict.fromkeys(("revenue", "current_ratio", "debt_ratio", "net_margin"))
            for p in partners
        }
        if not partners:
            return result
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT DISTINCT ON (partner_id) partner_id, revenue, current_ratio,
                   debt_ratio, net_margin, current_liabilities, total_assets
              FROM credit_partner_financial
             WHERE partner_id = ANY(%s) AND company_id = %s
          ORDER BY partner_id, period_end DESC
            """,
            [partners.ids, company.id],
        )
        for (
            pid,
            revenue,
            current_ratio,
            debt_ratio,
            net_margin,
            cur_liab,
            assets,
        ) in self.env.cr.fetchall():
            result[pid] = {
                "revenue": revenue,
                "current_ratio": current_ratio if cur_liab else None,
                "debt_ratio": debt_ratio if assets else None,
                "net_margin": net_margin if revenue else None,
            }
        return result

    def _log_on_partner(self, verb):
        for fin in self:
            env = fin.with_context(lang=fin.company_id._credit_lang()).env
            fin.partner_id.message_post(
                body=env._(
                    "Financial figures %(verb)s for period ending %(period)s: revenue "
                    "%(revenue).2f, net profit %(profit).2f, total assets %(assets).2f, "
                    "total liabilities %(liabilities).2f.",
                    verb=verb,
                    period=format_date(env, fin.period_end),
                    revenue=fin.revenue,
                    profit=fin.net_profit,
                    assets=fin.total_assets,
                    liabilities=fin.total_liabilities,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._log_on_partner(self.env._("recorded"))
        return records

    def write(self, vals):
        res = super().write(vals)
        self._log_on_partner(self.env._("changed"))
        return res

    def unlink(self):
        self._log_on_partner(self.env._("deleted"))
        return super().unlink()
