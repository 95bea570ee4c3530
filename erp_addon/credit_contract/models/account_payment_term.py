from odoo import fields, models


class AccountPaymentTerm(models.Model):
    _inherit = "account.payment.term"

    credit_immediate_settlement = fields.Boolean(
        string="Immediate Settlement (即时清结)",
        help="Paid in full on the spot: sales orders with this term need no written contract.",
    )
