from odoo import fields, models

from ..models.credit_restructuring import STATES
from ..models.credit_restructuring_instalment import STATUSES
from ..sql import load_all


class CreditRestructuringAdherence(models.Model):
    """How the instalments of the agreements in force or ended were paid: one row per
    instalment, from the SQL view sql/credit_restructuring_adherence.sql (the payments
    reconciled on the covered invoices, applied oldest first), on the reader's today
    (credit.today.view.mixin)."""

    _name = "credit.restructuring.adherence"
    _inherit = ["credit.today.view.mixin"]
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

    # the plumbing of credit.today.view.mixin: the view reads other tables (payments,
    # agreements), flushed first; rows of another day may be in the cache under the same ids
    def _credit_view_cache_day(self, today):
        return today

    def init(self):
        # the view reads the tables of other models: made once every table exists
        self.pool.post_init(load_all, self.env.cr)
