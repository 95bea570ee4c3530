from odoo import api, fields, models
from odoo.tools import SQL

from ..sql import load_all


class CreditCollectionAgeing(models.Model):
    """Receivable ageing as at a chosen day, by customer, salesperson, collector, company.

    A SQL view (sql/credit_collection_ageing.sql) whatever the number of invoices. The day
    is the ``collection_as_at`` of the context (the ageing wizard sets it), else today;
    every read sets it for the transaction first.
    """

    _name = "credit.collection.ageing"
    _description = "Receivable Ageing"
    _auto = False
    _rec_name = "move_id"
    _order = "partner_id, date_maturity, id"

    move_id = fields.Many2one("account.move", string="Document", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    invoice_user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    collector_id = fields.Many2one("res.users", readonly=True)
    stage_id = fields.Many2one("credit.collection.stage", string="Collection Stage", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    as_at = fields.Date(readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    bucket_id = fields.Many2one("credit.collection.bucket", string="Ageing Bucket", readonly=True)
    amount_residual = fields.Monetary(string="Open Amount", readonly=True)
    amount_overdue = fields.Monetary(string="Overdue Amount", readonly=True)
    amount_not_due = fields.Monetary(string="Not Yet Overdue", readonly=True)

    def _collection_set_as_at(self):
        day = self.env.context.get("collection_as_at") or fields.Date.context_today(self)
        day = fields.Date.to_date(day)
        # rows of another day may be in the cache under the same ids
        if self.env.cr.__dict__.get("_collection_as_at") != day:
            self.env.cr.__dict__["_collection_as_at"] = day
            self.env.invalidate_all()
        self.env.cr.execute(
            SQL(
                "SELECT set_config('credit.collection_as_at', %s, true), "
                "set_config('credit.today', %s, true)",
                fields.Date.to_string(day),
                fields.Date.to_string(fields.Date.context_today(self)),
            )
        )

    @api.model
    def _read_group(self, *args, **kwargs):
        self._collection_set_as_at()
        return super()._read_group(*args, **kwargs)

    @api.model
    def search_fetch(self, *args, **kwargs):
        self._collection_set_as_at()
        return super().search_fetch(*args, **kwargs)

    def fetch(self, field_names=None):
        self._collection_set_as_at()
        return super().fetch(field_names)

    def init(self):
        # the view reads the tables of other models: create the add-on's SQL objects once
        # all of the module's tables exist (sql/__init__.py)
        self.pool.post_init(load_all, self.env.cr)
