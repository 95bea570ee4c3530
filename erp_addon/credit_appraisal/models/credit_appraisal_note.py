from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CreditAppraisalNote(models.Model):
    """An assessor's private note: never shown to the appraised person or to HR."""

    _name = "credit.appraisal.note"
    _description = "Assessor's Private Note"
    _inherit = ["credit.guard.mixin"]
    _order = "id desc"

    _guard_flow_fields = ("author_id", "company_id", "appraisal_state")
    _guard_state_field = "appraisal_state"
    _guard_locks = [
        # a note stays on the appraisal it was written on
        (("appraisal_id",), ()),
        # a locked appraisal is history, its notes with it
        (("body",), ("draft", "submitted", "approved")),
    ]

    appraisal_id = fields.Many2one(
        "credit.appraisal", required=True, index=True, ondelete="cascade"
    )
    appraisal_state = fields.Selection(related="appraisal_id.state", string="Appraisal State")
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    author_id = fields.Many2one(
        "res.users", required=True, readonly=True, default=lambda self: self.env.user
    )
    body = fields.Text(required=True)

    @api.depends("appraisal_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for note in self:
            note.display_name = note.env._(
                "Note on %(appraisal)s", appraisal=note.appraisal_id.display_name or "-"
            )

    @api.model
    def _guard_start_values(self, vals):
        return {"author_id": self.env.uid}

    @api.model
    def _guard_check_create(self, vals_list):
        appraisals = self.env["credit.appraisal"].browse(
            [vals["appraisal_id"] for vals in vals_list if vals.get("appraisal_id")]
        )
        appraisals._check_assessor()
        if "locked" in appraisals.mapped("state"):
            raise UserError(self.env._("A locked appraisal is history: no note is added."))

    def _guard_check_write(self, vals):
        self._check_author(self.env._("Only its author may change a private note."))

    def _check_author(self, message):
        if any(note.author_id != self.env.user for note in self):
            raise AccessError(message)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_author_only(self):
        if not self.env.su:
            self._check_author(self.env._("Only its author may delete a private note."))
