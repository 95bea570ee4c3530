from odoo import api, fields, models
from odoo.exceptions import AccessError


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "credit.check.mixin"]

    credit_uninvoiced_amount = fields.Float(
        string="Not Yet Invoiced (Company Currency)",
        compute="_compute_credit_uninvoiced_amount",
        store=True,
        help="Part of the order not invoiced yet (draft invoices count as invoiced), less "
        "down payments invoiced and not yet deducted: what a confirmed order adds to "
        "credit exposure.",
    )

    @api.depends(
        "currency_rate",
        "order_line.price_total",
        "order_line.price_unit",
        "order_line.tax_id",
        "order_line.product_uom_qty",
        "order_line.qty_invoiced",
        "order_line.display_type",
        "order_line.is_downpayment",
    )
    def _compute_credit_uninvoiced_amount(self):
        for order in self:
            amount = 0.0
            for line in order.order_line:
                if line.display_type:
                    continue
                if line.is_downpayment:
                    # an invoiced down payment is a receivable already, until deducted
                    if line.qty_invoiced > 0:
                        amount -= line.tax_id.compute_all(
                            line.price_unit, order.currency_id, line.qty_invoiced
                        )["total_included"]
                elif line.product_uom_qty > 0:
                    open_qty = max(line.product_uom_qty - line.qty_invoiced, 0.0)
                    amount += line.price_total * open_qty / line.product_uom_qty
            order.credit_uninvoiced_amount = max(amount, 0.0) / (order.currency_rate or 1.0)

    # ------------------------------------------------------------ guards
    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # an order created confirmed is checked like one confirmed later
        orders._credit_enforce_changes({})
        return orders

    def write(self, vals):
        if "credit_uninvoiced_amount" in vals and not self.env.su:
            raise AccessError(
                self.env._("What an order adds to credit exposure is computed from its lines.")
            )
        before = self._credit_snapshot()
        res = super().write(vals)
        self._credit_enforce_changes(before)
        return res

    def _credit_snapshot(self):
        """What the rules checked when orders change read before the change, to tell
        afterwards what the change did: ``{rule: value}``, given back to
        ``_credit_enforce_changes``. Here ``"exposure"``: what confirmed orders add to
        exposure now (their invoice address, company and amount), to tell whether they
        grew. Add-ons with a rule of their own on orders (the written-contract rule) add
        their key, so that one snapshot per order or line change serves every rule.

        Kept as the order holds them: taking them costs no query, and the commercial
        partner is looked up only when the invoice address changes.
        """
        return {
            "exposure": {
                order.id: (
                    order.partner_invoice_id,
                    order.company_id,
                    order.credit_uninvoiced_amount,
                )
                for order in self
                if order.state == "sale"
            }
        }

    def _credit_enforce_changes(self, before):
        """Check the orders confirmed since ``before`` (a ``_credit_snapshot``, empty for
        new orders), and those that grew or moved.

        Whatever path changed them (a button, a direct write of the state, a new or
        larger line): confirming, or raising what a confirmed order adds to exposure,
        runs the check with the partner lock and is refused over the limit. Add-ons
        extend it with their own rule, read from their key of ``before``.
        """
        exposure = before.get("exposure", {})
        changed = self.filtered(
            lambda o: o.state == "sale" and o._credit_changed_since(exposure.get(o.id))
        )
        changed.filtered(
            lambda o: o.company_id._credit_settings()["credit_check_sale"]
        )._credit_enforce()

    def _credit_changed_since(self, old):
        self.ensure_one()
        if old is None:
            return True
        partner, company, amount = old
        if company != self.company_id:
            return True
        if (
            partner != self.partner_invoice_id
            and partner.commercial_partner_id != self.partner_invoice_id.commercial_partner_id
        ):
            return True
        if self.credit_uninvoiced_amount == amount:
            return False  # unchanged: no currency to read
        return (
            self.company_id.currency_id.compare_amounts(self.credit_uninvoiced_amount, amount) > 0
        )

    def _credit_compact_order_balance(self):
        """Fold the kept balance's change rows into one per partner."""
        self.env.cr.execute("SELECT credit_order_balance_compact()")

    # ------------------------------------------------------------ check hooks
    def _credit_partner(self):
        return self.partner_invoice_id

    def _credit_amount(self):
        """What the confirmed order adds to exposure, in company currency."""
        return self.credit_uninvoiced_amount

    def _credit_exclusions(self):
        return {"exclude_orders": self.ids}

    def _credit_displayed(self):
        return self.filtered(
            lambda o: (
                o.state in ("draft", "sent")
                and o.partner_invoice_id
                and o.company_id._credit_settings()["credit_check_sale"]
            )
        )

    @api.depends("partner_invoice_id", "amount_total", "state")
    def _compute_credit_check_warning(self):
        return super()._compute_credit_check_warning()
