from odoo import api, fields, models

from ..sql import load_all


class CreditWarningSignal(models.Model):
    """An early-warning signal (预警信号) of a customer in a company: one rule of the
    company fired for it. The daily run (credit_warning_signal_run.py) keeps one signal in
    force per customer and rule while the rule fires, updates its evidence each day and
    ends it (archived, with its end date) when it stops firing; the signals in force add
    their weights up to the customer's warning score and level. Written by the run only.
    """

    _name = "credit.warning.signal"
    _inherit = ["credit.guard.mixin"]
    _description = "Early-Warning Signal"
    _order = "date_start desc, id desc"

    # guards (credit.guard.mixin): only the run writes a signal, and a signal stays on
    # record (the evidence of a warning level)
    _guard_flow_fields = "__all__"
    _guard_state_field = "active"
    _guard_undeletable_states = "__all__"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    rule_id = fields.Many2one("credit.warning.rule", required=True, ondelete="cascade")
    signal_type = fields.Selection(related="rule_id.signal_type", store=True, string="Type")
    weight = fields.Float(digits=(16, 1), aggregator="sum")
    evidence = fields.Text(help="The figures behind the signal, in the company's language.")
    figures = fields.Json(help="The figures as the signal's SQL returned them.")
    date_start = fields.Date(string="Since", required=True, index=True)
    date_last = fields.Date(string="Last Seen", required=True)
    date_end = fields.Date(string="Ended")
    active = fields.Boolean(default=True, index=True)

    @api.depends("signal_type", "partner_id")
    def _compute_display_name(self):
        labels = dict(self._fields["signal_type"]._description_selection(self.env))
        for signal in self:
            signal.display_name = self.env._(
                "%(type)s: %(customer)s",
                type=labels.get(signal.signal_type, signal.signal_type or ""),
                customer=signal.partner_id.display_name or "",
            )

    def init(self):
        # the signals' SQL functions read other add-ons' tables: created once every
        # table of the module exists (sql/__init__.py)
        self.pool.post_init(load_all, self.env.cr)
