from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.credit_management.models.res_partner import CREDIT_FIGURES_GROUPS


class AccountMove(models.Model):
    _inherit = "account.move"

    # the agreements list their invoices (credit.restructuring.move_ids): never by hand
    # from the invoice
    @property
    def _guard_flow_fields(self):
        return tuple(super()._guard_flow_fields) + ("restructuring_ids",)

    restructuring_ids = fields.Many2many(
        "credit.restructuring",
        "credit_restructuring_move_rel",
        "move_id",
        "restructuring_id",
        string="Restructuring Agreements",
        readonly=True,
        copy=False,
        groups=CREDIT_FIGURES_GROUPS,
    )
    collection_restructuring_id = fields.Many2one(
        "credit.restructuring",
        string="Under Restructuring",
        compute="_compute_collection_restructuring_id",
        search="_search_collection_restructuring_id",
        groups=CREDIT_FIGURES_GROUPS,
        help="The agreement in force that takes the invoice out of the collection "
        "procedure's escalation.",
    )

    @api.depends("restructuring_ids.state")
    def _compute_collection_restructuring_id(self):
        for move in self:
            move.collection_restructuring_id = move.restructuring_ids.filtered(
                lambda a: a.state == "active"
            )[:1]

    def _search_collection_restructuring_id(self, operator, value):
        if operator in ("!=", "=") and not value:
            found = [("restructuring_ids.state", "=", "active")]
            return found if operator == "!=" else ["!", *found]
        return [("restructuring_ids", operator, value), ("restructuring_ids.state", "=", "active")]

    @api.depends("restructuring_ids.state")
    def _compute_collection_status(self):
        res = super()._compute_collection_status()
        label = self.env._("Under restructuring")
        for move in self:
            if not move.collection_disputed and move.sudo().restructuring_ids.filtered(
                lambda a: a.state == "active"
            ):
                move.collection_status = label
        return res

    def _collection_check_escalate(self):
        res = super()._collection_check_escalate()
        for move in self:
            agreement = move.sudo().restructuring_ids.filtered(lambda a: a.state == "active")
            if agreement:
                raise UserError(
                    self.env._(
                        "Invoice %(invoice)s is under restructuring agreement %(agreement)s: "
                        "its instalments are what is due, it does not escalate.",
                        invoice=move.name,
                        agreement=agreement[:1].name,
                    )
                )
        return res
