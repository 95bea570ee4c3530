from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

QUALITATIVE_SOURCES = [
    ("entity_type", "Legal-entity status"),
    ("operating_status", "Operating status"),
]
QUANTITATIVE_SOURCES = [
    ("years_established", "Years since establishment"),
    ("registered_capital", "Registered capital"),
    ("revenue", "Revenue (latest period)"),
    ("current_ratio", "Current ratio (latest period)"),
    ("debt_ratio", "Debt ratio % (latest period)"),
    ("net_margin", "Net margin % (latest period)"),
    ("avg_days_late", "Average days paid late (12 months)"),
    ("overdue_share", "Overdue share of receivables %"),
]


class CreditScoreFactor(models.Model):
    """One weighted factor of a scoring model and where its value comes from."""

    _name = "credit.score.factor"
    _description = "Credit Scoring Factor"
    _order = "model_id, sequence, id"

    model_id = fields.Many2one("credit.score.model", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="model_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    factor_type = fields.Selection(
        [("qualitative", "Qualitative"), ("quantitative", "Quantitative")],
        required=True,
        default="quantitative",
    )
    source = fields.Selection(
        QUALITATIVE_SOURCES + QUANTITATIVE_SOURCES, required=True, string="Value Source"
    )
    weight = fields.Float(required=True, default=1.0)
    missing_points = fields.Float(
        string="Points Without Data",
        help="Given when the value is unknown, e.g. no payment history for a new customer.",
    )
    option_ids = fields.One2many(
        "credit.score.factor.option", "factor_id", string="Options", copy=True
    )
    range_ids = fields.One2many(
        "credit.score.factor.range", "factor_id", string="Ranges", copy=True
    )

    @api.constrains("factor_type", "source", "weight")
    def _check_source(self):
        qualitative = {key for key, _label in QUALITATIVE_SOURCES}
        for factor in self:
            if factor.weight <= 0:
                raise ValidationError(
                    self.env._("Factor %(factor)s needs a weight above zero.", factor=factor.name)
                )
            if (factor.factor_type == "qualitative") != (factor.source in qualitative):
                raise ValidationError(
                    self.env._(
                        "Factor %(factor)s: a qualitative factor reads a choice "
                        "(legal-entity or operating status); a quantitative one reads a figure.",
                        factor=factor.name,
                    )
                )

    def _points_for(self, value):
        """Return (points, value as shown) for a raw value."""
        self.ensure_one()
        if value is None or value is False:
            return self.missing_points, self.env._("no data")
        if self.factor_type == "qualitative":
            option = self.option_ids.filtered(lambda o: o.value == value)[:1]
            label = dict(
                self.env["res.partner"]
                ._fields[f"credit_{self.source}"]
                ._description_selection(self.env)
            ).get(value, value)
            return (option.points if option else 0.0), label
        for rng in self.range_ids:
            if rng.min_value <= value < rng.max_value:
                return rng.points, f"{value:,.2f}"
        return 0.0, f"{value:,.2f}"

    def _read_values(self, partners, company):
        """Raw values of every factor for every partner, in a fixed number of queries."""
        sources = set(self.mapped("source"))
        per_source = {}
        today = fields.Date.context_today(self)
        if sources & {"entity_type", "operating_status", "years_established", "registered_capital"}:
            for partner in partners:
                established = partner.credit_date_established
                per_source.setdefault("entity_type", {})[partner.id] = (
                    partner.credit_entity_type or None
                )
                per_source.setdefault("operating_status", {})[partner.id] = (
                    partner.credit_operating_status or None
                )
                per_source.setdefault("years_established", {})[partner.id] = (
                    _years_between(established, today) if established else None
                )
                per_source.setdefault("registered_capital", {})[partner.id] = (
                    partner.credit_registered_capital or None
                )
        if sources & {"revenue", "current_ratio", "debt_ratio", "net_margin"}:
            latest = self.env["credit.partner.financial"]._latest_by_partner(partners, company)
            for source in ("revenue", "current_ratio", "debt_ratio", "net_margin"):
                per_source[source] = {
                    pid: (fin[source] if fin[source] is not None else None)
                    for pid, fin in latest.items()
                }
        if sources & {"avg_days_late", "overdue_share"}:
            history = partners._credit_payment_history(company)
            per_source["avg_days_late"] = {pid: h["avg_days_late"] for pid, h in history.items()}
            per_source["overdue_share"] = {pid: h["overdue_share"] for pid, h in history.items()}
        return {factor.id: per_source.get(factor.source, {}) for factor in self}


def _years_between(start: date, end: date) -> float:
    return round((end - start).days / 365.25, 2)
