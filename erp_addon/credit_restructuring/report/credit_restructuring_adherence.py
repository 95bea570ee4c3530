from odoo import api, fields, models
from odoo.tools import SQL

from ..models.credit_restructuring import STATES
from ..models.credit_restructuring_instalment import STATUSES
from ..sql import load_all


class CreditRestructuringAdherence(models.Model):
    """How the instalments of the agreements in force or ended were paid: one row per
    instalment, from the SQL view sql/credit_restructuring_adherence.sql (the payments
    reconciled on the covered invoices, applied oldest first), on today."""

    _name = "credit.restructuring.adherence"
    _description = "Restructuring Adherence"
    _auto = False
    _rec_name = "instalment_id"
    _order = "date_due, id"

    instalment_id = fields.Many2one("credit.restructuring.instalment", readonly=True)
    restructuring_id = fields.Many2one("credit.restructuring", string="Agreement", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Debtor", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    agreement_state = fields.Selection(STATES, readonly=True)
    date_due = fields.Date(string="Due Date", readonly=True)
    date_paid = fields.Date(string="Paid on", readonly=True)
    amount = fields.Monetary(string="Instalment Amount", readonly=True)
    amount_paid = fields.Monetary(string="Paid", readonly=True)
    amount_open = fields.Monetary(string="Still Due", readonly=True)
    status = fields.Selection(STATUSES, readonly=True)
    days_late = fields.Integer(readonly=True, aggregator="max")

    def _set_today(self):
        # the view reads other tables (payments, agreements): their pending changes first
        self.env.flush_all()
        today = fields.Date.context_today(self)
        if self.env.cr.__dict__.get("_restructuring_today") != today:
            # rows of another day may be in the cache under the same ids
            self.env.cr.__dict__["_restructuring_today"] = today
            self.env.invalidate_all()
        self.env.cr.execute(
            SQL(
                "SELECT set_config('credit.today', %s, true)",
                fields.Date.to_string(today),
            )
        )

    @api.model
    def _read_group(self, *args, **kwargs):
        self._set_today()
        return super()._read_group(*args, **kwargs)

    @api.model
    def search_fetch(self, *args, **kwargs):
        self._set_today()
        return super().search_fetch(*args, **kwargs)

    def fetch(self, field_names=None):
        self._set_today()
        return super().fetch(field_names)

    def init(self):
        # the view reads the tables of other models: made once every table exists
        self.pool.post_init(load_all, self.env.cr)
