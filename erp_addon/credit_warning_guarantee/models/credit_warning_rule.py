from odoo import api, fields, models
from odoo.tools import format_amount, format_date

from ..sql import load_all

SIGNAL = "cover_expiring"


class CreditWarningRule(models.Model):
    """The cover-expiring signal (credit_warning's contract: readme/DEVELOP.md): a
    customer whose guarantees or collateral end soon is about to lose what backs its
    credit. The daily run finds it; it ends when the guarantee is renewed, replaced,
    released or expired."""

    _inherit = "credit.warning.rule"

    signal_type = fields.Selection(
        selection_add=[(SIGNAL, "Cover expiring")], ondelete={SIGNAL: "cascade"}
    )

    def init(self):
        # the signal's SQL function (sql/credit_warning_guarantee.sql)
        self.pool.post_init(load_all, self.env.cr)

    @api.model
    def _warning_default_rules(self):
        return dict(super()._warning_default_rules(), **{SIGNAL: (1.0, 30, 2.0)})

    @api.model
    def _warning_meaning(self, signal_type):
        if signal_type == SIGNAL:
            return self.env._(
                "Fires when at least the threshold (guarantees) of the customer's guarantees "
                "and collateral in force end within the next days."
            )
        return super()._warning_meaning(signal_type)

    def _warning_evidence_cover_expiring(self, figures):
        return self.env._(
            "%(count)s guarantees end by %(first)s (%(amount)s of cover): %(guarantees)s.",
            count=figures.get("count") or 0,
            first=format_date(self.env, fields.Date.to_date(figures.get("first"))),
            amount=format_amount(
                self.env, float(figures.get("amount") or 0.0), self.company_id.currency_id
            ),
            guarantees=", ".join(figures.get("guarantees") or []),
        )
