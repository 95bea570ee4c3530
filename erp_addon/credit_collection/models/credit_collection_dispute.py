from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

FLOW_FIELDS = {"state", "stage_id", "date_resolved", "resolved_by_id"}


class CreditCollectionDispute(models.Model):
    """A dispute takes the invoice out of the collection procedure until it is resolved.

    The invoice leaves its stage when the dispute opens (so it no longer escalates nor
    blocks credit); on resolution it returns to the stage it had.
    """

    _name = "credit.collection.dispute"
    _description = "Invoice Dispute"
    _inherit = ["mail.thread"]
    _order = "state, date_open desc, id desc"

    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('move_type', 'in', ('out_invoice', 'out_receipt')), ('state', '=', 'posted')]",
    )
    partner_id = fields.Many2one(
        related="move_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    company_id = fields.Many2one(related="move_id.company_id", store=True, index=True)
    reason = fields.Text(required=True, tracking=True)
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_open = fields.Date(string="Opened On", default=fields.Date.context_today, readonly=True)
    resolution = fields.Text(tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    stage_id = fields.Many2one(
        "credit.collection.stage", string="Stage Before the Dispute", readonly=True
    )
    date_resolved = fields.Date(string="Resolved On", readonly=True)
    resolved_by_id = fields.Many2one("res.users", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            move = self.env["account.move"].browse(vals.get("move_id"))
            if move.state != "posted" or move.move_type not in ("out_invoice", "out_receipt"):
                raise ValidationError(self.env._("A dispute is about a posted customer invoice."))
            if move.collection_dispute_ids.filtered(lambda d: d.state == "open"):
                raise ValidationError(
                    self.env._("Invoice %(invoice)s is already disputed.", invoice=move.name)
                )
            vals.update(
                state="open",
                stage_id=move.collection_stage_id.id,
                date_resolved=False,
                resolved_by_id=False,
                date_open=fields.Date.context_today(self),
            )
        disputes = super(
            CreditCollectionDispute,
            self.with_context(**{f"default_{f}": False for f in FLOW_FIELDS}),
        ).create(vals_list)
        for dispute in disputes:
            move = dispute.move_id.sudo()
            move._collection_log("dispute", stage_to=False, note=dispute.reason[:200])
            move.write({"collection_stage_id": False})
            move.message_post(
                body=self.env._(
                    "Disputed: %(reason)s. The invoice leaves the collection procedure until "
                    "the dispute is resolved.",
                    reason=dispute.reason,
                )
            )
        return disputes

    def write(self, vals):
        if FLOW_FIELDS & set(vals) and not self.env.su:
            raise AccessError(self.env._("A dispute is resolved through its button."))
        if "move_id" in vals:
            raise UserError(self.env._("The invoice of a dispute cannot be changed."))
        return super().write(vals)

    def action_resolve(self):
        user = self.env.user
        for dispute in self:
            if dispute.state != "open":
                raise UserError(self.env._("This dispute is already resolved."))
            if dispute.owner_id != user and not user.has_group(
                "credit_management.group_credit_manager"
            ):
                raise AccessError(
                    self.env._("Only the owner of the dispute or a credit manager resolves it.")
                )
            if not (dispute.resolution or "").strip():
                raise ValidationError(self.env._("Record the resolution of the dispute first."))
        for dispute in self.sudo():
            dispute.write(
                {
                    "state": "resolved",
                    "date_resolved": fields.Date.context_today(self),
                    "resolved_by_id": user.id,
                }
            )
            move = dispute.move_id
            move.write({"collection_stage_id": dispute.stage_id.id})
            move._collection_log(
                "resolved", stage_to=dispute.stage_id, note=dispute.resolution[:200]
            )
            move.message_post(
                body=self.env._(
                    "Dispute resolved: %(resolution)s. The invoice is back in the collection "
                    "procedure.",
                    resolution=dispute.resolution,
                )
            )
