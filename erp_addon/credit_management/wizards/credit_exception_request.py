from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditExceptionRequest(models.TransientModel):
    """Asks a credit manager to let one blocked document through.

    Figures and reasons are recomputed from the document, never taken from the client.
    """

    _name = "credit.exception.request"
    _description = "Request a Credit Exception"

    res_model = fields.Selection(
        [("sale.order", "Sales Order"), ("account.move", "Customer Invoice")], required=True
    )
    res_id = fields.Integer(required=True)
    document_name = fields.Char(compute="_compute_check")
    partner_id = fields.Many2one("res.partner", compute="_compute_check")
    company_id = fields.Many2one("res.company", compute="_compute_check")
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(compute="_compute_check")
    credit_limit = fields.Monetary(compute="_compute_check")
    exposure_amount = fields.Monetary(string="Exposure Before", compute="_compute_check")
    overdue_amount = fields.Monetary(compute="_compute_check")
    reasons = fields.Text(string="Blocked Because", compute="_compute_check")
    request_note = fields.Text(string="Justification", required=True)

    @api.model
    def _action_for(self, document):
        """Window action opening this wizard for a blocked document."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Credit Exception"),
            "res_model": self._name,
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_res_model": document._name, "default_res_id": document.id},
        }

    def _document(self):
        self.ensure_one()
        document = self.env[self.res_model].browse(self.res_id).exists()
        if not document:
            raise UserError(self.env._("The document no longer exists."))
        document.check_access("read")
        return document

    @api.depends("res_model", "res_id")
    def _compute_check(self):
        for wizard in self:
            document = wizard._document()
            partner = document._credit_partner().commercial_partner_id
            blocked = document._credit_check(lock=False, consume=False)
            reasons, figures, amount = blocked.get(document, ([], None, document._credit_amount()))
            wizard.document_name = document.display_name
            wizard.partner_id = partner
            wizard.company_id = document.company_id
            wizard.amount = amount
            wizard.credit_limit = figures["limit"] if figures else 0.0
            wizard.exposure_amount = figures["exposure"] if figures else 0.0
            wizard.overdue_amount = figures["overdue"] if figures else 0.0
            wizard.reasons = "\n".join(reasons)

    def action_request(self):
        self.ensure_one()
        document = self._document()
        # the exception computes its figures itself from the document
        exception = self.env["credit.exception"].create(
            {"res_model": self.res_model, "res_id": self.res_id, "request_note": self.request_note}
        )
        env = self.with_context(lang=document.company_id._credit_lang()).env
        document.message_post(
            body=env._(
                "Credit exception %(name)s requested: %(note)s",
                name=exception.name,
                note=self.request_note,
            )
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Credit exception %(name)s requested; a credit manager will decide.",
                    name=exception.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
