from odoo import api, models

CHECKED_MOVE_TYPES = ("out_invoice", "out_receipt")


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "credit.check.mixin"]

    # ------------------------------------------------------------ guards
    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        posted = moves.filtered(lambda m: m.state == "posted")._credit_checked_invoices()
        if posted:
            # created posted: check it as if it were posted now
            posted._credit_enforce()
        return moves

    def write(self, vals):
        if vals.get("state") == "posted":
            # every path to posting writes the state: _post, a direct write over RPC
            self.filtered(lambda m: m.state == "draft")._credit_checked_invoices()._credit_enforce()
        return super().write(vals)

    def _credit_checked_invoices(self):
        return self.filtered(
            lambda m: (
                m.move_type in CHECKED_MOVE_TYPES
                and m.company_id._credit_settings()["credit_check_invoice"]
            )
        )

    # ------------------------------------------------------------ check hooks
    def _credit_partner(self):
        return self.commercial_partner_id

    def _credit_amount(self):
        """The document's total in company currency."""
        return self.amount_total_signed

    def _credit_exclusions(self):
        # checked while still drafts: their draft amount is replaced by the whole amount
        return {"exclude_moves": self.ids}

    def _credit_exception_documents(self):
        # an exception granted on the order covers the order's invoices too
        return [self, self.line_ids.sale_line_ids.order_id]

    def _credit_displayed(self):
        return self.filtered(lambda m: m.state == "draft")._credit_checked_invoices()

    @api.depends("partner_id", "amount_total", "state", "move_type")
    def _compute_credit_check_warning(self):
        return super()._compute_credit_check_warning()
