import logging

from odoo import api, fields, models

from odoo.addons.credit_management.exceptions import CreditCheckBlocked


class PurchaseOrder(models.Model):
    """A supplier graded blocked gets no new purchase order confirmed unless a credit
    exception is granted for the order (when the company's rule is on)."""

    _inherit = "purchase.order"

    credit_supplier_grade_id = fields.Many2one(
        "credit.supplier.grade", string="Supplier Grade", compute="_compute_credit_supplier"
    )
    credit_supplier_warning = fields.Text(compute="_compute_credit_supplier")

    @api.depends("partner_id", "company_id", "state")
    @api.depends_context("company")
    def _compute_credit_supplier(self):
        for order in self:
            partner = order.partner_id.commercial_partner_id.with_company(order.company_id)
            grade = partner.credit_supplier_grade_id
            order.credit_supplier_grade_id = grade
            order.credit_supplier_warning = False
            if order.state not in ("draft", "sent", "to approve") or not grade:
                continue
            if grade.purchase_policy == "blocked":
                order.credit_supplier_warning = order.env._(
                    "Supplier %(supplier)s is graded %(grade)s (blocked): the order needs a "
                    "granted exception to be confirmed.",
                    supplier=partner.name,
                    grade=grade.name,
                )
            elif grade.purchase_policy == "restricted":
                order.credit_supplier_warning = order.env._(
                    "Supplier %(supplier)s is graded %(grade)s (restricted): buy from it only "
                    "when no better supplier can deliver.",
                    supplier=partner.name,
                    grade=grade.name,
                )

    # ------------------------------------------------------------ the check
    def _credit_partner(self):
        return self.partner_id

    def _credit_amount(self):
        self.ensure_one()
        company = self.company_id
        return self.currency_id._convert(
            self.amount_total,
            company.currency_id,
            company,
            self.date_order or fields.Date.context_today(self),
        )

    def _credit_exception_documents(self):
        """Recordsets whose exceptions let this order through (itself only)."""
        return [self]

    def _credit_check(self, lock=False, consume=True):
        """{order: (reasons, figures, amount)} for the orders held: their supplier is
        graded blocked in the order's company, whose rule is on, and no granted exception
        covers them (used up with ``consume``). ``lock`` is accepted for the exception
        request's call and means nothing here."""
        held = {}
        for order in self:
            company = order.company_id
            if not company.credit_supplier_block_orders:
                continue
            partner = order.partner_id.commercial_partner_id.with_company(company)
            grade = partner.sudo().credit_supplier_grade_id
            if grade.purchase_policy != "blocked":
                continue
            env = order.env
            held[order] = (
                [
                    env._(
                        "Supplier %(supplier)s is graded %(grade)s: its purchasing policy "
                        "is blocked.",
                        supplier=partner.name,
                        grade=grade.name,
                    )
                ],
                {"partner_id": partner.id, "limit": 0.0, "exposure": 0.0, "overdue": 0.0},
                order._credit_amount(),
            )
        if not held:
            return {}
        orders = self.browse([order.id for order in held])
        amounts = {order.id: held[order][2] for order in held}
        passed = self.env["credit.exception"]._consume(orders, amounts, dry_run=not consume)
        return {order: result for order, result in held.items() if order.id not in passed}

    def button_confirm(self):
        held = self._credit_check(consume=True)
        if held:
            self._credit_raise_held(held)
        return super().button_confirm()

    def _credit_raise_held(self, held):
        """Stop with the reason, offering to request an exception."""
        order, (reasons, _figures, _amount) = next(iter(held.items()))
        message = self.env._("Purchase order %(doc)s cannot be confirmed:", doc=order.display_name)
        message += "\n- " + "\n- ".join(reasons)
        action = self.env["credit.exception.request"]._action_for(order)
        error = CreditCheckBlocked(message, action, self.env._("Request Credit Exception"))
        error.loglevel = logging.INFO
        raise error
