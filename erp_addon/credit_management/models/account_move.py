from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    credit_check_warning = fields.Text(compute="_compute_credit_check_warning")
    credit_exception_count = fields.Integer(compute="_compute_credit_exception_count")

    def _credit_checked_invoices(self):
        return self.filtered(
            lambda m: (
                m.move_type == "out_invoice"
                and m.state == "draft"
                and m.company_id._credit_settings()["credit_check_invoice"]
            )
        )

    def _credit_partner(self):
        return self.commercial_partner_id

    def _credit_amount(self):
        """Invoice total in company currency (a draft already counts in exposure)."""
        return self.amount_total_signed

    def _credit_check(self, lock=True, consume=True):
        return self.env["res.partner"]._credit_check_documents(
            self,
            lambda m: m._credit_partner(),
            lambda m: m._credit_amount(),
            lock=lock,
            consume=consume,
            counted_as_draft=True,
        )

    @api.depends_context("company")
    @api.depends("partner_id", "amount_total", "state", "move_type")
    def _compute_credit_check_warning(self):
        self.credit_check_warning = False
        invoices = self._credit_checked_invoices().filtered(lambda m: m.id and m.partner_id)
        blocked = invoices._credit_check(lock=False, consume=False) if invoices else {}
        for move, (reasons, _figures, _amount) in blocked.items():
            move.credit_check_warning = "\n".join(reasons)

    def _compute_credit_exception_count(self):
        counts = dict(
            self.env["credit.exception"]._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        for move in self:
            move.credit_exception_count = counts.get(move.id, 0)

    def _post(self, soft=True):
        invoices = self._credit_checked_invoices()
        if invoices:
            blocked = invoices._credit_check()
            if blocked:
                self.env["res.partner"]._credit_raise_blocked(blocked)
        return super()._post(soft=soft)

    def action_view_credit_exceptions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Credit Exceptions"),
            "res_model": "credit.exception",
            "views": [(False, "list"), (False, "form")],
            "domain": [("res_model", "=", "account.move"), ("res_id", "in", self.ids)],
        }
