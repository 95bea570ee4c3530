from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .credit_contract import IN_FORCE_STATES
from .sale_order import SIGNED_STATES


class CreditContract(models.Model):
    """The orders a contract covers: linked only to a signed contract in force of the
    order's own commercial partner and company, whichever side the link is made from."""

    _inherit = "credit.contract"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _order_link_fields(self):
        """The contract's fields linking the orders it covers."""
        return ("sale_order_ids",)

    @api.model
    def _written_contract_order_sources(self):
        """The confirmed orders a written contract is asked for, as SQL (one query per kind
        of order, joined with UNION ALL by the reader): one row per order with ``model``,
        ``id``, ``name``, ``company_id``, ``user_id`` (who sold or bought), ``date_order``,
        ``amount_company`` (the total in company currency), ``immediate`` (settled on the
        spot, 即时清结) and ``signed`` (covered by a signed contract). Whether the company
        blocks such orders plays no part. The appraisal's item 2.3 reads it; the purchase
        bridge (credit_contract_purchase) adds the purchase orders."""
        return [
            self._order_source_sql(
                "sale.order", "sale_order", "credit_contract_sale_order_rel", ("sale",)
            )
        ]

    @api.model
    def _order_source_sql(self, model, table, relation, states, date_order=None):
        """One kind of order as a source of ``_written_contract_order_sources``: the
        orders of ``table`` in ``states``, linked to contracts through ``relation``;
        ``date_order`` (SQL on the alias ``o``) when the order's date is another column."""
        return SQL(
            """SELECT %(model)s AS model, o.id, o.name, o.company_id, o.user_id,
                      %(date_order)s AS date_order,
                      o.amount_total / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                          AS amount_company,
                      COALESCE(pt.credit_immediate_settlement, FALSE) AS immediate,
                      EXISTS (SELECT 1
                                FROM %(relation)s r
                                JOIN credit_contract k ON k.id = r.contract_id
                               WHERE r.order_id = o.id AND k.state IN %(signed)s) AS signed
                 FROM %(table)s o
            LEFT JOIN account_payment_term pt ON pt.id = o.payment_term_id
                WHERE o.state IN %(states)s""",
            model=model,
            date_order=date_order or SQL("o.date_order"),
            relation=SQL.identifier(relation),
            signed=SIGNED_STATES,
            table=SQL.identifier(table),
            states=tuple(states),
        )

    @api.constrains("partner_id", "sale_order_ids", "company_id")
    def _check_orders(self):
        for contract in self:
            contract._check_order_parties(contract.sudo().sale_order_ids)

    def _check_order_parties(self, orders):
        self.ensure_one()
        for order in orders:
            if (
                order.partner_id.commercial_partner_id != self.partner_id
                or order.company_id != self.company_id
            ):
                raise ValidationError(
                    self.env._(
                        "Order %(order)s is not an order of %(partner)s in %(company)s.",
                        order=order.name,
                        partner=self.partner_id.display_name,
                        company=self.company_id.name,
                    )
                )

    def _check_order_link(self, orders):
        """Refuse linking ``orders`` (newly) to this contract but to a signed contract in
        force of their commercial partner and company, that the user may read."""
        self.ensure_one()
        if not orders:
            return
        if not self.env.su:
            self.check_access("read")
            orders.check_access("read")
        contract = self.sudo()
        if contract.state not in IN_FORCE_STATES:
            raise ValidationError(
                self.env._(
                    "Order %(order)s can only be linked to a signed contract in force: "
                    "contract %(name)s is %(state)s.",
                    order=orders[0].name,
                    name=contract.name,
                    state=contract._guard_state_label(),
                )
            )
        contract._check_order_parties(orders.sudo())

    def _order_links(self):
        return {
            fname: {contract.id: contract.sudo()[fname] for contract in self}
            for fname in self._order_link_fields()
        }

    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        for fname in self._order_link_fields():
            for contract in contracts:
                contract._check_order_link(contract.sudo()[fname])
        return contracts

    def write(self, vals):
        fnames = [fname for fname in self._order_link_fields() if fname in vals]
        if not fnames:
            return super().write(vals)
        before = self._order_links()
        sale_orders = self.sudo().sale_order_ids
        missing = sale_orders._credit_contract_snapshot()
        res = super().write(vals)
        for fname in fnames:
            for contract in self:
                contract._check_order_link(contract.sudo()[fname] - before[fname][contract.id])
        # an order that needs a written contract keeps one
        (sale_orders | self.sudo().sale_order_ids)._credit_contract_enforce(missing)
        return res
