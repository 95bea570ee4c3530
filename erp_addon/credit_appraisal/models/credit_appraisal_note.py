from odoo import api, fields, models
from odoo.exceptions import AccessError


class CreditAppraisalNote(models.Model):
    """An assessor's private note: never shown to the appraised person or to HR."""

    _name = "credit.appraisal.note"
    _description = "Assessor's Private Note"
    _order = "id desc"

    appraisal_id = fields.Many2one(
        "credit.appraisal", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    author_id = fields.Many2one(
        "res.users", required=True, readonly=True, default=lambda self: self.env.user
    )
    body = fields.Text(required=True)

    @api.model_create_multi
    def create(self, vals_list):
        notes = self.browse()
        for vals in vals_list:
            if not self.env.su:
                vals["author_id"] = self.env.user.id
        notes = super().create(vals_list)
        if not self.env.su:
            for note in notes:
                note.appraisal_id._check_assessor()
        return notes

    def write(self, vals):
        if not self.env.su and (
            any(note.author_id != self.env.user for note in self)
            or {"author_id", "appraisal_id"} & set(vals)
        ):
            raise AccessError(self.env._("Only its author may change a private note."))
        return super().write(vals)
