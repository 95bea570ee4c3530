from odoo import fields, models
from odoo.exceptions import UserError


class CreditCollectionLetterCorrectWizard(models.TransientModel):
    """A dunning letter is never edited: a correction cancels it, with the reason, and
    makes a new one from the customer's open items today; the old one stays."""

    _name = "credit.collection.letter.correct.wizard"
    _description = "Correct a Dunning Letter"

    letter_id = fields.Many2one("credit.collection.letter", required=True, readonly=True)
    reason = fields.Text(string="What Is Corrected", required=True)

    def action_confirm(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say what the correction is for."))
        new = self.letter_id._correct(self.reason.strip())
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.collection.letter",
            "res_id": new.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
