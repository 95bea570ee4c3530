from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import AccessError

# the order changes a confirmation under way leaves to be checked at the end of its own
# work: [(orders, snapshot)] per transaction (by the id of its ``env.transaction``), set
# only while ``_credit_deferring`` is open (nothing a caller can set through a context
# or the API)
_DEFERRED = {}


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
        orders._credit_enforce_later({})
        return orders

    def write(self, vals):
        if "credit_uninvoiced_amount" in vals and not self.env.su:
            raise AccessError(
                self.env._("What an order adds to credit exposure is computed from its lines.")
            )
        before = self._credit_snapshot()
        res = super().write(vals)
        self._credit_enforce_later(before)
        return res

    # ------------------------------------------------------------ confirmation
    def action_confirm(self):
        """Confirm; the check of what the confirmation changed runs once its own work
        (deliveries, procurements, follow-ups) is done, before the confirmation mail.

        The check takes the customer's lock, held until the transaction ends: taken at
        the end, it makes concurrent confirmations for the same customer wait only for
        the end of each other's request, not for its deliveries being made. Refused,
        the whole confirmation is undone with the transaction, as before.
        """
        with self._credit_deferring():
            return super().action_confirm()

    def _action_confirm(self):
        res = super()._action_confirm()
        self._credit_run_deferred()
        return res

    @contextmanager
    def _credit_deferring(self):
        """While open, order changes are noted rather than checked at once
        (``_credit_enforce_later``); what is left is checked when it closes. Nested
        confirmations share the outermost one's notes."""
        key = id(self.env.transaction)
        if key in _DEFERRED:
            yield
            return
        _DEFERRED[key] = []
        try:
            yield
            self._credit_run_deferred()
        finally:
            _DEFERRED.pop(key, None)

    def _credit_enforce_later(self, before):
        """``_credit_enforce_changes(before)`` now, or at the end of the confirmation
        under way. An order noted already keeps its first snapshot: checked against it,
        the end state says everything the later changes did."""
        deferred = _DEFERRED.get(id(self.env.transaction))
        if deferred is None:
            self._credit_enforce_changes(before)
            return
        noted = {order.id for orders, _before in deferred for order in orders}
        orders = self.filtered(lambda o: o.id not in noted)
        if orders:
            deferred.append((orders, before))

    def _credit_run_deferred(self):
        """Check the changes noted so far in the confirmation under way."""
        deferred = _DEFERRED.get(id(self.env.transaction))
        while deferred:
            orders, before = deferred.pop(0)
            # later changes of these orders are noted again, against this state
            orders.exists()._credit_enforce_changes(before)

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
