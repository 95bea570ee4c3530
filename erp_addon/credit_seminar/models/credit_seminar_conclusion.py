from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditSeminarConclusion(models.Model):
    """A conclusion of a seminar or case review (评析结论), on one of its cases or on the
    whole: written while the seminar is draft or held, final once it is closed."""

    _name = "credit.seminar.conclusion"
    _description = "Seminar Conclusion"
    _inherit = ["credit.guard.mixin"]
    _order = "seminar_id, sequence, id"

    _guard_flow_fields = ("seminar_state",)
    _guard_state_field = "seminar_state"
    _guard_locks = [("__all__", ("draft", "held"))]
    _guard_undeletable_states = ("closed",)

    seminar_id = fields.Many2one("credit.seminar", required=True, index=True, ondelete="cascade")
    seminar_state = fields.Selection(related="seminar_id.state", string="Seminar Status")
    company_id = fields.Many2one(related="seminar_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner",
        string="Case",
        domain="[('parent_id', '=', False)]",
        help="The customer whose case the conclusion is about; empty for the whole meeting.",
    )
    name = fields.Text(string="Conclusion", required=True)

    @api.model
    def _seminar_check_editable(self, seminars):
        for seminar in seminars:
            if seminar.state not in ("draft", "held"):
                raise UserError(
                    self.env._(
                        "%(seminar)s is %(state)s: its conclusions and actions can no longer "
                        "be changed.",
                        seminar=seminar.display_name,
                        state=seminar._guard_state_label(),
                    )
                )

    @api.model
    def _guard_check_create(self, vals_list):
        ids = {vals["seminar_id"] for vals in vals_list if vals.get("seminar_id")}
        self._seminar_check_editable(self.env["credit.seminar"].browse(ids))

    def _guard_check_write(self, vals):
        self._seminar_check_editable(self.seminar_id)
        if vals.get("seminar_id"):
            self._seminar_check_editable(self.env["credit.seminar"].browse(vals["seminar_id"]))
