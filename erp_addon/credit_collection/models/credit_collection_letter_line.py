from odoo import fields, models


class CreditCollectionLetterLine(models.Model):
    """A document a dunning letter lists, as it stood on the letter's date: written once
    by the daily action (or a correction), never changed."""

    _name = "credit.collection.letter.line"
    _description = "Dunning Letter Line"
    _inherit = ["credit.guard.mixin"]
    _order = "letter_id, kind desc, date_due, id"

    _guard_flow_fields = (
        "letter_id",
        "kind",
        "move_id",
        "name",
        "invoice_date",
        "date_due",
        "days_overdue",
        "amount_total",
        "amount_residual",
    )
    _guard_undeletable_states = "__all__"

    letter_id = fields.Many2one(
        "credit.collection.letter", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="letter_id.company_id", store=True, index=True)
    # stored (and given when the lines are made): the amounts are rounded in it when
    # stored, without reading the letter per line
    currency_id = fields.Many2one(related="letter_id.currency_id", store=True)
    kind = fields.Selection(
        [("item", "Open item"), ("credit", "Open credit note")], required=True, readonly=True
    )
    move_id = fields.Many2one("account.move", string="Document", readonly=True)
    name = fields.Char(string="Invoice Number", readonly=True)
    invoice_date = fields.Date(readonly=True)
    date_due = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True)
    amount_total = fields.Monetary(string="Amount", readonly=True)
    amount_residual = fields.Monetary(string="Balance Due", readonly=True)
