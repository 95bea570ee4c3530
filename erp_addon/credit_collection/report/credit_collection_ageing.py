from odoo import api, fields, models

from ..sql import load_all


class CreditCollectionAgeing(models.Model):
    """Receivable ageing as at a chosen day, by customer, salesperson, collector, company.

    A SQL view (sql/credit_collection_ageing.sql) whatever the number of invoices. The day
    is the ``collection_as_at`` of the context (the ageing wizard sets it), else today;
    every read sets it for the transaction first (credit.today.view.mixin).
    """

    _name = "credit.collection.ageing"
    _inherit = ["credit.today.view.mixin"]
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
    disputed = fields.Boolean(readonly=True)
    # where the stage is shown: the stage, or that the invoice is disputed (it then leaves
    # the procedure until the dispute is resolved)
    collection_status = fields.Char(compute="_compute_collection_status")
    currency_id = fields.Many2one("res.currency", readonly=True)
    as_at = fields.Date(readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    bucket_id = fields.Many2one("credit.collection.bucket", string="Ageing Bucket", readonly=True)
    # the credit check's rule (credit_overdue_items): the customer's unapplied credits are
    # applied to its items, overdue ones first, so that no bucket is negative
    amount_residual = fields.Monetary(
        string="Amount Owed",
        readonly=True,
        help="What is still owed on the item once the customer's open credit notes and "
        "advances are applied to its oldest items (0 on a credit note).",
    )
    amount_document = fields.Monetary(
        string="Document Balance", readonly=True, help="The document's own open balance."
    )
    amount_credit = fields.Monetary(
        string="Unapplied Credit",
        readonly=True,
        help="The part of a credit note or advance left over once every item is paid.",
    )
    amount_overdue = fields.Monetary(string="Overdue Amount", readonly=True)
    amount_not_due = fields.Monetary(string="Not Yet Overdue", readonly=True)

    @api.depends("stage_id", "disputed")
    def _compute_collection_status(self):
        disputed = self.env._("Disputed")
        for line in self:
            line.collection_status = disputed if line.disputed else line.stage_id.name or False

    def _collection_as_at(self, today):
        """The day the rows are of: the context's ``collection_as_at``, else ``today``."""
        return fields.Date.to_date(self.env.context.get("collection_as_at") or today)

    # the plumbing of credit.today.view.mixin: the view reads other models' tables (the
    # invoices' dispute, stage), flushed first; the as-at day besides today; rows of
    # another as-at day may be in the cache under the same ids
    def _credit_view_settings(self, today):
        return {
            **super()._credit_view_settings(today),
            "credit.collection_as_at": self._collection_as_at(today),
        }

    def _credit_view_cache_day(self, today):
        return self._collection_as_at(today)

    def init(self):
        # the view reads the tables of other models: create the add-on's SQL objects once
        # all of the module's tables exist (sql/__init__.py)
        self.pool.post_init(load_all, self.env.cr)
