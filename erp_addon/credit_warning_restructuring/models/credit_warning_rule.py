from odoo import api, fields, models
from odoo.tools import format_amount, format_date

from ..sql import load_all

SIGNAL = "restructuring_breached"


class CreditWarningRule(models.Model):
    """The restructuring-breached signal (credit_warning's contract: readme/DEVELOP.md)."""

    _inherit = "credit.warning.rule"

    signal_type = fields.Selection(
        selection_add=[(SIGNAL, "Restructuring breached")], ondelete={SIGNAL: "cascade"}
    )

    def init(self):
        # the signal's SQL function (sql/credit_warning_restructuring.sql)
        self.pool.post_init(load_all, self.env.cr)

    @api.model
    def _warning_default_rules(self):
        # one agreement breached in the last year: a heavy signal
        return dict(super()._warning_default_rules(), **{SIGNAL: (1.0, 365, 4.0)})

    @api.model
    def _warning_meaning(self, signal_type):
        if signal_type == SIGNAL:
            return self.env._(
                "Fires when at least the threshold (agreements) of the customer's debt "
                "restructuring agreements were breached in the last days."
            )
        return super()._warning_meaning(signal_type)

    def _warning_evidence_restructuring_breached(self, figures):
        return self.env._(
            "%(count)s debt restructuring agreements breached, the last on %(last)s "
            "(%(amount)s restructured): %(agreements)s.",
            count=figures.get("count") or 0,
            last=format_date(self.env, fields.Date.to_date(figures.get("last"))),
            amount=format_amount(
                self.env, float(figures.get("amount") or 0.0), self.company_id.currency_id
            ),
            agreements=", ".join(figures.get("agreements") or []),
        )
