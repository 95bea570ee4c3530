from dateutil.relativedelta import relativedelta

from odoo import fields, models

SOURCE = "external_adverse"
# adverse records reported within these years count
ADVERSE_YEARS = 3


class CreditScoreFactor(models.Model):
    """A quantitative factor reading the external adverse records: how many a customer
    has in the company, reported within the last three years (one grouped query)."""

    _inherit = "credit.score.factor"

    source = fields.Selection(
        selection_add=[(SOURCE, "External adverse records (3 years)")],
        ondelete={SOURCE: "cascade"},
    )

    def _read_values(self, partners, company):
        values = super()._read_values(partners, company)
        factors = self.filtered(lambda f: f.source == SOURCE)
        if factors:
            since = fields.Date.context_today(self) - relativedelta(years=ADVERSE_YEARS)
            groups = (
                self.env["credit.external.adverse"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "in", partners.ids),
                        ("company_id", "=", company.id),
                        ("date", ">=", since),
                    ],
                    ["partner_id"],
                    ["__count"],
                )
            )
            counts = dict.fromkeys(partners.ids, 0)
            counts.update({partner.id: count for partner, count in groups})
            for factor in factors:
                values[factor.id] = counts
        return values
