from odoo import api, fields, models

from odoo.addons.credit_collection.models.credit_collection_writeoff import (
    CreditCollectionWriteoff as BaseWriteoff,
)


class CreditCollectionWriteoff(models.Model):
    """A write-off request may be the waived part of a restructuring agreement: then it is
    for the amount waived on its invoice, not for all that is open, and goes through the
    same approvals (a credit manager and an accountant, neither the proposer)."""

    _inherit = "credit.collection.writeoff"

    _guard_flow_fields = BaseWriteoff._guard_flow_fields + (
        "restructuring_id",
        "restructuring_amount",
    )

    restructuring_id = fields.Many2one(
        "credit.restructuring",
        string="Restructuring Agreement",
        readonly=True,
        index="btree_not_null",
        copy=False,
    )
    restructuring_amount = fields.Monetary(
        string="Amount Waived",
        readonly=True,
        copy=False,
        help="The part of the invoice the restructuring agreement waives.",
    )

    @api.depends("move_id", "restructuring_amount")
    def _compute_amount(self):
        waivers = self.filtered("restructuring_amount")
        for writeoff in waivers:
            writeoff.amount = writeoff.restructuring_amount
        return super(CreditCollectionWriteoff, self - waivers)._compute_amount()

    def action_submit(self):
        res = super().action_submit()
        for writeoff in self.sudo().filtered("restructuring_amount"):
            # the amount waived, not all that is open
            writeoff.amount = writeoff.restructuring_amount
        return res
