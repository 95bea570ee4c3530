from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

DISPUTE_METHODS = [
    ("negotiation", "Negotiation (协商)"),
    ("mediation", "Mediation (调解)"),
    ("arbitration", "Arbitration (仲裁)"),
    ("litigation", "Litigation (诉讼)"),
]
DISPUTE_STAGES = [
    ("open", "Open"),
    ("hearing", "In Proceedings"),
    ("decided", "Decided"),
    ("enforcement", "Enforcement"),
    ("closed", "Closed"),
]
ADMINISTRATOR = "credit_management.group_credit_administrator"


class CreditContractDispute(models.Model):
    """A dispute over a contract: negotiation, mediation, arbitration or litigation."""

    _name = "credit.contract.dispute"
    _description = "Contract Dispute"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "date_start desc, id desc"

    # who recorded it and who closed it when are recorded; its stage moves with its buttons
    # (closed once its outcome is recorded) and a closed dispute is kept as it was closed;
    # it stays with its contract
    _guard_flow_fields = (
        "stage",
        "user_id",
        "date_closed",
        "closed_by_id",
        "company_id",
        "currency_id",
    )
    _guard_state_field = "stage"
    _guard_locks = [
        ("__all__", ("open", "hearing", "decided", "enforcement")),
        (("contract_id", "date_start"), ()),
    ]
    _guard_undeletable_states = "__all__"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    method = fields.Selection(DISPUTE_METHODS, required=True, default="negotiation", tracking=True)
    stage = fields.Selection(DISPUTE_STAGES, required=True, default="open", tracking=True)
    date_start = fields.Date(string="Opened On", required=True, default=fields.Date.context_today)
    date_hearing = fields.Date(string="Hearing Date", tracking=True)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    amount = fields.Monetary(string="Amount at Stake", tracking=True)
    description = fields.Text(required=True)
    outcome = fields.Selection(
        [
            ("won", "Won"),
            ("settled", "Settled"),
            ("partly_won", "Partly Won"),
            ("lost", "Lost"),
            ("withdrawn", "Withdrawn"),
        ],
        tracking=True,
    )
    outcome_note = fields.Text(string="Outcome Details")
    user_id = fields.Many2one(
        "res.users", string="Recorded By", readonly=True, default=lambda self: self.env.user
    )
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("contract_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for dispute in self:
            dispute.display_name = dispute.env._(
                "Dispute on %(contract)s", contract=dispute.contract_id.name or "-"
            )

    @api.constrains("amount", "date_start", "date_hearing")
    def _check_values(self):
        for dispute in self:
            if dispute.amount < 0:
                raise ValidationError(self.env._("An amount at stake cannot be negative."))
            if dispute.date_hearing and dispute.date_hearing < dispute.date_start:
                raise ValidationError(
                    self.env._("A hearing cannot take place before the dispute opened.")
                )

    @api.model
    def _guard_start_values(self, vals):
        return {"user_id": self.env.user.id}

    @api.model_create_multi
    def create(self, vals_list):
        disputes = super().create(vals_list)
        for dispute in disputes:
            contract = dispute.contract_id
            if contract.state not in ("signed", "performance", "dispute"):
                raise UserError(
                    self.env._(
                        "Contract %(name)s is not in force: no dispute can be opened.",
                        name=contract.name,
                    )
                )
            contract.sudo().write({"state": "dispute"})
        return disputes

    def _move_to(self, stage):
        """Move the disputes on to ``stage`` of their proceedings (not closed: see
        ``action_close``)."""
        if not self.env.user.has_group(ADMINISTRATOR):
            raise AccessError(self.env._("Contract administrators record disputes."))
        for dispute in self:
            if dispute.stage == "closed":
                raise UserError(self.env._("A closed dispute is kept as it was closed."))
        self._guard_sudo("write").write({"stage": stage})
        return True

    def action_start_proceedings(self):
        return self._move_to("hearing")

    def action_decided(self):
        return self._move_to("decided")

    def action_enforcement(self):
        return self._move_to("enforcement")

    def action_close(self):
        if not self.env.user.has_group(ADMINISTRATOR):
            raise AccessError(self.env._("Contract administrators record disputes."))
        for dispute in self:
            if dispute.stage == "closed":
                raise UserError(self.env._("The dispute is already closed."))
            if not dispute.outcome:
                raise UserError(self.env._("Record the outcome before closing the dispute."))
        self._guard_sudo("write").write(
            {
                "stage": "closed",
                "date_closed": fields.Date.context_today(self),
                "closed_by_id": self.env.user.id,
            }
        )
        for contract in self.contract_id:
            if contract.state == "dispute" and not contract.dispute_ids.filtered(
                lambda d: d.stage != "closed"
            ):
                contract.sudo().write({"state": "performance"})
        return True
