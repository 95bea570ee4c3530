from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    credit_exception_count = fields.Integer(compute="_compute_credit_exception_count")
    credit_uninvoiced_amount = fields.Float(
        string="Not Yet Invoiced (Company Currency)",
        compute="_compute_credit_uninvoiced_amount",
        store=True,
        help="Part of the order not invoiced yet (draft invoices count as invoiced): "
        "what a confirmed order adds to credit exposure.",
    )

    def init(self):
        res = super().init()
        # uninvoiced confirmed orders per invoice partner, kept by a trigger for the check
        self.env.cr.execute(
            """
            CREATE TABLE IF NOT EXISTS credit_order_balance (
                partner_id integer NOT NULL,
                company_id integer NOT NULL,
                amount numeric NOT NULL DEFAULT 0,
                PRIMARY KEY (partner_id, company_id)
            );

            CREATE OR REPLACE FUNCTION credit_order_balance_trigger() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'UPDATE'
                   AND NEW.state IS NOT DISTINCT FROM OLD.state
                   AND NEW.partner_invoice_id IS NOT DISTINCT FROM OLD.partner_invoice_id
                   AND NEW.company_id IS NOT DISTINCT FROM OLD.company_id
                   AND NEW.credit_uninvoiced_amount
                       IS NOT DISTINCT FROM OLD.credit_uninvoiced_amount THEN
                    RETURN NULL;
                END IF;
                IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'sale'
                   AND COALESCE(OLD.credit_uninvoiced_amount, 0) <> 0 THEN
                    INSERT INTO credit_order_balance AS b (partner_id, company_id, amount)
                         VALUES (OLD.partner_invoice_id, OLD.company_id,
                                 -ROUND(OLD.credit_uninvoiced_amount::numeric, 6))
                    ON CONFLICT ON CONSTRAINT credit_order_balance_pkey
                    DO UPDATE SET amount = b.amount + EXCLUDED.amount;
                END IF;
                IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.state = 'sale'
                   AND COALESCE(NEW.credit_uninvoiced_amount, 0) <> 0 THEN
                    INSERT INTO credit_order_balance AS b (partner_id, company_id, amount)
                         VALUES (NEW.partner_invoice_id, NEW.company_id,
                                 ROUND(NEW.credit_uninvoiced_amount::numeric, 6))
                    ON CONFLICT ON CONSTRAINT credit_order_balance_pkey
                    DO UPDATE SET amount = b.amount + EXCLUDED.amount;
                END IF;
                RETURN NULL;
            END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS credit_order_balance ON sale_order;
            CREATE TRIGGER credit_order_balance
                AFTER INSERT OR DELETE
                   OR UPDATE OF state, partner_invoice_id, company_id, credit_uninvoiced_amount
                ON sale_order FOR EACH ROW EXECUTE FUNCTION credit_order_balance_trigger();

            DELETE FROM credit_order_balance;
            INSERT INTO credit_order_balance (partner_id, company_id, amount)
                 SELECT partner_invoice_id, company_id,
                        SUM(ROUND(credit_uninvoiced_amount::numeric, 6))
                   FROM sale_order
                  WHERE state = 'sale' AND COALESCE(credit_uninvoiced_amount, 0) <> 0
               GROUP BY partner_invoice_id, company_id;
            """
        )
        return res

    @api.depends(
        "currency_rate",
        "order_line.price_total",
        "order_line.product_uom_qty",
        "order_line.qty_invoiced",
        "order_line.display_type",
    )
    def _compute_credit_uninvoiced_amount(self):
        for order in self:
            amount = sum(
                line.price_total
                * max(line.product_uom_qty - line.qty_invoiced, 0.0)
                / line.product_uom_qty
                for line in order.order_line
                if not line.display_type and line.product_uom_qty > 0
            )
            order.credit_uninvoiced_amount = amount / (order.currency_rate or 1.0)

    credit_check_warning = fields.Text(compute="_compute_credit_check_warning")

    def _credit_amount(self):
        """Order total in company currency: what confirming adds to exposure."""
        self.ensure_one()
        return self.amount_total / (self.currency_rate or 1.0)

    def _credit_partner(self):
        """The partner charged; the check works on its commercial partner."""
        return self.partner_invoice_id

    def _credit_check(self, lock=True, consume=True):
        return self.env["res.partner"]._credit_check_documents(
            self,
            lambda o: o._credit_partner(),
            lambda o: o._credit_amount(),
            lock=lock,
            consume=consume,
        )

    def _credit_checked_orders(self):
        return self.filtered(
            lambda o: (
                o.state in ("draft", "sent")
                and o.company_id._credit_settings()["credit_check_sale"]
            )
        )

    @api.depends_context("company")
    @api.depends("partner_invoice_id", "amount_total", "state")
    def _compute_credit_check_warning(self):
        self.credit_check_warning = False
        orders = self._credit_checked_orders().filtered(lambda o: o.id and o.partner_invoice_id)
        blocked = orders._credit_check(lock=False, consume=False) if orders else {}
        for order, (reasons, _figures, _amount) in blocked.items():
            order.credit_check_warning = "\n".join(reasons)

    def _compute_credit_exception_count(self):
        counts = dict(
            self.env["credit.exception"]._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        for order in self:
            order.credit_exception_count = counts.get(order.id, 0)

    def action_confirm(self):
        orders = self._credit_checked_orders()
        if orders:
            blocked = orders._credit_check()
            if blocked:
                self.env["res.partner"]._credit_raise_blocked(blocked)
        return super().action_confirm()

    def action_view_credit_exceptions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Credit Exceptions"),
            "res_model": "credit.exception",
            "views": [(False, "list"), (False, "form")],
            "domain": [("res_model", "=", "sale.order"), ("res_id", "=", self.id)],
        }
