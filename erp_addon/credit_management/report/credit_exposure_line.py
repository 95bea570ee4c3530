from odoo import fields, models, tools


class CreditExposureLine(models.Model):
    """Every document that makes up credit exposure, for the breakdown and the pivot."""

    _name = "credit.exposure.line"
    _description = "Credit Exposure Line"
    _auto = False
    _order = "partner_id, date_maturity, id"

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
    document = fields.Char(readonly=True)
    date = fields.Date(readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    amount = fields.Monetary(readonly=True)
    overdue_amount = fields.Monetary(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT aml.id * 3 AS id, p.commercial_partner_id AS partner_id,
                       aml.company_id, aml.company_currency_id AS currency_id,
                       'receivable' AS exposure_type, aml.move_id, NULL::integer AS order_id,
                       aml.move_name AS document, aml.date,
                       COALESCE(aml.date_maturity, aml.date) AS date_maturity,
                       GREATEST(CURRENT_DATE - COALESCE(aml.date_maturity, aml.date), 0)
                           AS days_overdue,
                       aml.amount_residual AS amount,
                       CASE WHEN aml.amount_residual > 0
                             AND COALESCE(aml.date_maturity, aml.date) < CURRENT_DATE
                            THEN aml.amount_residual ELSE 0 END AS overdue_amount
                  FROM account_move_line aml
                  JOIN res_partner p ON p.id = aml.partner_id
                  JOIN account_account acc ON acc.id = aml.account_id
                 WHERE aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE
                   AND acc.account_type = 'asset_receivable'
                UNION ALL
                SELECT am.id * 3 + 1, p.commercial_partner_id, am.company_id, c.currency_id,
                       'draft_invoice', am.id, NULL, COALESCE(am.name, '/'),
                       am.invoice_date, am.invoice_date_due, 0, am.amount_total_signed, 0
                  FROM account_move am
                  JOIN res_partner p ON p.id = am.partner_id
                  JOIN res_company c ON c.id = am.company_id
                 WHERE am.state = 'draft' AND am.move_type IN ('out_invoice', 'out_refund')
                UNION ALL
                SELECT so.id * 3 + 2, p.commercial_partner_id, so.company_id, c.currency_id,
                       'sale_order', NULL, so.id, so.name, so.date_order::date, NULL, 0,
                       so.credit_uninvoiced_amount, 0
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_invoice_id
                  JOIN res_company c ON c.id = so.company_id
                 WHERE so.state = 'sale' AND so.credit_uninvoiced_amount <> 0
            )
            """
        )
