from odoo import api, fields, models

from ..sql import load_all


class CreditExposureLine(models.Model):
    """Every document that makes up credit exposure, for the breakdown and the pivot."""

    _name = "credit.exposure.line"
    _inherit = ["credit.today.view.mixin"]
    _description = "Credit Exposure Line"
    _auto = False
    _order = "partner_id, date_maturity, id"
    _rec_name = "document"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    exposure_type = fields.Selection(
        [
            ("receivable", "Open receivable"),
            ("draft_invoice", "Draft invoice"),
            ("sale_order", "Order not invoiced"),
        ],
        readonly=True,
    )
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    order_id = fields.Many2one("sale.order", string="Sales Order", readonly=True)
    document = fields.Char(string="Reference", readonly=True)
    document_name = fields.Char(
        string="Document",
        compute="_compute_document_name",
        help='The document as Odoo names it (a draft invoice is "Draft Invoice (* 12)").',
    )
    date = fields.Date(readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    # the exposure analysis' own ageing, by the one definition of overdue: what the
    # `credit exposure` report groups by where the collections add-on (configurable
    # buckets) is not installed or not readable by the user
    ageing_bucket = fields.Selection(
        [
            ("not_due", "Not overdue"),
            ("1_30", "1-30 days overdue"),
            ("31_60", "31-60 days overdue"),
            ("61_90", "61-90 days overdue"),
            ("over_90", "Over 90 days overdue"),
        ],
        string="Ageing",
        readonly=True,
        help="Open receivables by days overdue (due before today less the company's grace "
        "days); within the grace days, not yet due and credits are not overdue.",
    )
    amount = fields.Monetary(readonly=True)
    overdue_amount = fields.Monetary(readonly=True)
    ageing_amount = fields.Monetary(
        string="Owed",
        readonly=True,
        help="What is still owed on an open receivable once the customer's credits are "
        "applied to its overdue items first, oldest first: what its ageing bucket counts, as "
        "the collections ageing does, so that no bucket is negative. 0 for credits, draft "
        "invoices and orders.",
    )

    @api.depends("move_id", "order_id", "document")
    def _compute_document_name(self):
        for line in self:
            document = line.move_id or line.order_id
            line.document_name = document.sudo().display_name if document else line.document

    def init(self):
        # the view reads tables and functions other models own: create every SQL object
        # of the add-on once all the module's tables exist (sql/__init__.py)
        self.pool.post_init(load_all, self.env.cr)
