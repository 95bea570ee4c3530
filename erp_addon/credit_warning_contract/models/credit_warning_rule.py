from odoo import api, fields, models
from odoo.tools import format_amount, format_date

from ..sql import load_all

SIGNAL = "contract_dispute"


class CreditWarningRule(models.Model):
    """The contract-dispute signal (credit_warning's contract: readme/DEVELOP.md)."""

    _inherit = "credit.warning.rule"

    signal_type = fields.Selection(
        selection_add=[(SIGNAL, "Contract dispute opened")], ondelete={SIGNAL: "cascade"}
    )

    def init(self):
        # the signal's SQL function (sql/credit_warning_contract.sql)
        self.pool.post_init(load_all, self.env.cr)

    @api.model
    def _warning_default_rules(self):
        return dict(super()._warning_default_rules(), **{SIGNAL: (1.0, 365, 3.0)})

    @api.model
    def _warning_meaning(self, signal_type):
        if signal_type == SIGNAL:
            return self.env._(
                "Fires when at least the threshold (disputes) of the counterparty's contracts "
                "were opened in the last days and are not closed."
            )
        return super()._warning_meaning(signal_type)

    def _warning_evidence_contract_dispute(self, figures):
        return self.env._(
            "%(count)s contract disputes open since %(first)s (%(amount)s at stake): "
            "%(contracts)s.",
            count=figures.get("count") or 0,
            first=format_date(self.env, fields.Date.to_date(figures.get("first"))),
            amount=format_amount(
                self.env, float(figures.get("amount") or 0.0), self.company_id.currency_id
            ),
            contracts=", ".join(figures.get("contracts") or []),
        )
