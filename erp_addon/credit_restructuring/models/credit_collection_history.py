from odoo import fields, models

EVENTS = [
    ("restructured", "Restructured, out of the escalation"),
    ("restructuring_breached", "Restructuring breached, back in the procedure"),
]


class CreditCollectionHistory(models.Model):
    _inherit = "credit.collection.history"

    event = fields.Selection(
        selection_add=EVENTS, ondelete={key: "cascade" for key, _label in EVENTS}
    )
