from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MANAGER = "credit_management.group_credit_manager"
COLLECTOR = "credit_management.group_credit_collector"


class CreditCollectionDispute(models.Model):
    """A dispute takes the invoice out of the collection procedure until it is resolved.

    The invoice leaves its stage when the dispute opens (so it no longer escalates nor
    blocks credit); on resolution it returns to the stage it had. The owner is who opened
    it; it changes only by an assignment a credit manager makes or by the owner handing it
    over, each logged; the owner or a credit manager resolves it.
    """

    _name = "credit.collection.dispute"
    _description = "Invoice Dispute"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "state, date_open desc, id desc"

    _guard_flow_fields = (
        "state",
        "owner_id",
        "stage_id",
        "date_open",
        "date_resolved",
        "resolved_by_id",
    )
    # the invoice never changes; the reason and the resolution only while open
    _guard_locks = [(("move_id",), ()), ("__all__", ("open",))]
    # an open one keeps its invoice out of the procedure: resolved, not deleted
    _guard_undeletable_states = "__all__"

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
        readonly=True,
        tracking=True,
        help="Who opened the dispute, until a credit manager assigns it or the owner hands "
        "it over (Assign Owner).",
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

    @api.depends("move_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for dispute in self:
            dispute.display_name = dispute.env._(
                "Dispute on %(invoice)s", invoice=dispute.move_id.name or "-"
            )

    @api.constrains("move_id")
    def _check_move(self):
        for dispute in self:
            move = dispute.move_id
            if move.state != "posted" or move.move_type not in ("out_invoice", "out_receipt"):
                raise ValidationError(self.env._("A dispute is about a posted customer invoice."))
            if self.sudo().search_count([("move_id", "=", move.id), ("state", "=", "open")]) > 1:
                raise ValidationError(
                    self.env._("Invoice %(invoice)s is already disputed.", invoice=move.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        disputes = super().create(vals_list)
        for dispute in disputes:
            move = dispute.move_id._guard_sudo("read")
            # the stage it returns to on resolution
            dispute.sudo().write({"stage_id": move.collection_stage_id.id})
            move._collection_log("dispute", stage_to=False, note=dispute.reason[:200])
            move.write({"collection_stage_id": False})
            move.message_post(
                body=dispute.company_id._credit_env()._(
                    "Disputed: %(reason)s. The invoice leaves the collection procedure until "
                    "the dispute is resolved.",
                    reason=dispute.reason,
                )
            )
        return disputes

    def _check_may_act(self, resolve=False):
        """The owner or a credit manager assigns or resolves a dispute."""
        user = self.env.user
        for dispute in self:
            if dispute.owner_id == user or user.has_group(MANAGER):
                continue
            if resolve:
                message = self.env._(
                    "Only the owner of the dispute (%(owner)s) or a credit manager resolves it.",
                    owner=dispute.owner_id.name,
                )
            else:
                message = self.env._(
                    "Only the owner of the dispute (%(owner)s) hands it over; a credit manager "
                    "assigns it.",
                    owner=dispute.owner_id.name,
                )
            raise AccessError(message)

    def action_assign(self):
        """The dialog in which a credit manager assigns the dispute or its owner hands it
        over."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("Only an open dispute is assigned."))
        self._check_may_act()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assign Owner"),
            "res_model": "credit.collection.dispute.assign.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_dispute_id": self.id},
        }

    def _assign(self, user, note):
        """Give the dispute to ``user``, logged with who assigned it and why."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("Only an open dispute is assigned."))
        self._check_may_act()
        if not user.has_group(COLLECTOR):
            raise UserError(
                self.env._(
                    "%(user)s is not collection staff: a dispute is owned by a collector.",
                    user=user.name,
                )
            )
        if user == self.owner_id:
            raise UserError(self.env._("%(user)s already owns this dispute.", user=user.name))
        if self.company_id not in user.company_ids:
            raise UserError(
                self.env._(
                    "%(user)s does not work for %(company)s.",
                    user=user.name,
                    company=self.company_id.name,
                )
            )
        previous = self.owner_id
        env = self.company_id._credit_env()
        how = (
            env._("handed over by its owner")
            if previous == self.env.user
            else env._("assigned by %(user)s", user=self.env.user.name)
        )
        self._guard_sudo("write").write({"owner_id": user.id})
        self.message_post(
            body=env._(
                "Owner %(old)s -> %(new)s, %(how)s: %(note)s",
                old=previous.name,
                new=user.name,
                how=how,
                note=note,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def action_resolve(self):
        user = self.env.user
        for dispute in self:
            if dispute.state != "open":
                raise UserError(self.env._("This dispute is already resolved."))
        self._check_may_act(resolve=True)
        for dispute in self:
            if not (dispute.resolution or "").strip():
                raise ValidationError(self.env._("Record the resolution of the dispute first."))
        for dispute in self._guard_sudo("write"):
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
                body=dispute.company_id._credit_env()._(
                    "Dispute resolved: %(resolution)s. The invoice is back in the collection "
                    "procedure.",
                    resolution=dispute.resolution,
                )
            )
