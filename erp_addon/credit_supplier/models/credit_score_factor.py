from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

#: the value sources of supplier models: purchase figures (sql/credit_supplier_figures.sql)
#: and the evaluator's own assessment; the bridges add theirs (on-time receipts,
#: contract performance and disputes)
SUPPLIER_SOURCES = [
    ("return_rate", "Return rate % (vendor refunds / bills)"),
    ("price_change", "Average price change % between orders"),
    ("evaluator", "Evaluator's assessment (points 0-100)"),
]
#: sources a supplier model only reads (the bridges add theirs to it)
SUPPLIER_ONLY = {"return_rate", "price_change", "evaluator"}


class CreditScoreFactor(models.Model):
    _inherit = "credit.score.factor"

    source = fields.Selection(
        selection_add=SUPPLIER_SOURCES, ondelete={key: "cascade" for key, _l in SUPPLIER_SOURCES}
    )
    applies_to = fields.Selection(related="model_id.applies_to")

    @api.model
    def _supplier_only_sources(self):
        """The sources only a supplier model reads (bridges add theirs)."""
        return set(SUPPLIER_ONLY)

    @api.constrains("source", "model_id")
    def _check_supplier_source(self):
        supplier_only = self._supplier_only_sources()
        for factor in self:
            if factor.source in supplier_only and factor.model_id.applies_to != "supplier":
                raise ValidationError(
                    self.env._(
                        "Factor %(factor)s reads a supplier's figure: it belongs in a scoring "
                        "model that applies to suppliers.",
                        factor=factor.name,
                    )
                )

    def _points_for(self, value):
        """The evaluator's assessment is given in points (0-100) unless ranges say more."""
        self.ensure_one()
        if self.source == "evaluator" and not self.range_ids and value not in (None, False):
            return min(max(value, 0.0), 100.0), f"{value:,.0f}"
        return super()._points_for(value)

    @api.model
    def _supplier_period(self, company):
        """The period the purchase figures are read over: the evaluation's (context key
        ``credit_supplier_period``) or the company's look-back up to today."""
        period = self.env.context.get("credit_supplier_period")
        if period:
            return fields.Date.to_date(period[0]), fields.Date.to_date(period[1])
        today = fields.Date.context_today(self)
        months = company.credit_supplier_lookback_months or 12
        return today - relativedelta(months=months), today

    def _read_values(self, partners, company):
        values = super()._read_values(partners, company)
        figure_sources = self.filtered(
            lambda f: f.source in self._supplier_only_sources() and f.source != "evaluator"
        )
        if not figure_sources or not partners:
            return values
        date_from, date_to = self._supplier_period(company)
        figures = partners._credit_supplier_figures(company, date_from, date_to)
        for factor in figure_sources:
            values[factor.id] = {
                pid: figures.get(pid, {}).get(factor.source) for pid in partners.ids
            }
        return values
