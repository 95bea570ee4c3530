from odoo import api, fields, models
from odoo.tools import format_date

from ..sql import load_all

SIGNAL = "external_adverse"


class CreditWarningRule(models.Model):
    """The external-adverse signal (credit_warning's contract: readme/DEVELOP.md): a
    customer with adverse records reported by a bank, an industry association or a rating
    agency within the rule's days. Fired at once when an import brings a new one (the
    import refreshes the customers' signals), found by the daily run too."""

    _inherit = "credit.warning.rule"

    signal_type = fields.Selection(
        selection_add=[(SIGNAL, "External adverse record")], ondelete={SIGNAL: "cascade"}
    )

    def init(self):
        # the signal's SQL function (sql/credit_warning_external_data.sql)
        self.pool.post_init(load_all, self.env.cr)

    @api.model
    def _warning_default_rules(self):
        return dict(super()._warning_default_rules(), **{SIGNAL: (1.0, 90, 3.0)})

    @api.model
    def _warning_meaning(self, signal_type):
        if signal_type == SIGNAL:
            return self.env._(
                "Fires when at least the threshold (records) of adverse records (失信被执行人, "
                "被执行人, 行政处罚, 经营异常) were reported about the customer by external "
                "sources within the last days."
            )
        return super()._warning_meaning(signal_type)

    def _warning_evidence_external_adverse(self, figures):
        env = self.env
        kinds = dict(
            env["credit.external.adverse"]._fields["adverse_type"]._description_selection(env)
        )
        return env._(
            "%(count)s adverse records reported since %(first)s: %(records)s.",
            count=figures.get("count") or 0,
            first=format_date(env, fields.Date.to_date(figures.get("first"))),
            records=", ".join(
                f"{kinds.get(kind, kind)} {reference}"
                for kind, reference in figures.get("records") or []
            ),
        )
