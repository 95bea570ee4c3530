from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER = "credit_management.group_credit_manager"
COMMITTEE = "credit_management.group_credit_committee"
ACTIVITY_TYPE = "credit_appraisal.mail_activity_type_accountability"


class CreditAppraisalAccountability(models.Model):
    """The accountability decision on someone who used contracts for unlawful acts (SPEC
    section 6: "qualification revoked, and administrative or legal accountability
    pursued"): what was done, who decided, with what outcome. A record of its own beside
    the revocation on the register."""

    _name = "credit.appraisal.accountability"
    _description = "Accountability for Unlawful Use of Contracts"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "id desc"
    _rec_name = "employee_id"

    _guard_flow_fields = (
        "appraisal_id",
        "event_id",
        "state",
        "decided_by_id",
        "date_decided",
        "requested_by_id",
    )
    # what happened is corrected until the decision; the decision is history
    _guard_locks = [
        # whom it is about: fixed once raised
        (("administrator_id",), ()),
        (("description", "contract_ids", "decision", "outcome"), ("to_decide",)),
    ]
    _guard_field_groups = {"decision": COMMITTEE, "outcome": COMMITTEE}
    _guard_undeletable_states = "__all__"

    administrator_id = fields.Many2one(
        "credit.administrator", required=True, index=True, ondelete="restrict"
    )
    employee_id = fields.Many2one(related="administrator_id.employee_id", store=True)
    company_id = fields.Many2one(related="administrator_id.company_id", store=True)
    appraisal_id = fields.Many2one("credit.appraisal", ondelete="restrict")
    event_id = fields.Many2one(
        "credit.administrator.event", string="Revocation", ondelete="restrict"
    )
    contract_ids = fields.Many2many(
        "credit.contract",
        "credit_appraisal_accountability_contract_rel",
        "accountability_id",
        "contract_id",
        string="Contracts",
    )
    description = fields.Text(string="What Was Done", required=True, tracking=True)
    state = fields.Selection(
        [("to_decide", "To Decide"), ("decided", "Decided")],
        required=True,
        default="to_decide",
        tracking=True,
    )
    decision = fields.Selection(
        [
            ("administrative", "Administrative Accountability"),
            ("legal", "Legal Accountability"),
            ("both", "Administrative and Legal Accountability"),
            ("none", "No Further Accountability"),
        ],
        tracking=True,
    )
    outcome = fields.Text(tracking=True, help="The sanction or proceedings decided, and why.")
    requested_by_id = fields.Many2one(
        "res.users", string="Raised By", default=lambda self: self.env.user, readonly=True
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    date_decided = fields.Date(readonly=True)

    @api.model
    def _guard_check_create(self, vals_list):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only the credit department raises a question of accountability.")
            )
        admins = (
            self.env["credit.administrator"]
            .sudo()
            .browse(
                [vals.get("administrator_id") for vals in vals_list if vals.get("administrator_id")]
            )
        )
        if self.env.user in admins.user_id:
            raise AccessError(self.env._("Nobody raises accountability about themselves."))

    def _guard_check_write(self, vals):
        if self.env.user in self.sudo().employee_id.user_id:
            raise AccessError(self.env._("Nobody changes the accountability about themselves."))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._ask_decision()
        return records

    def _ask_decision(self):
        """The legal representative of each company is asked to decide: one create."""
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_type = self.env.ref(ACTIVITY_TYPE)
        vals_list = []
        for record in self.sudo():
            user = record.administrator_id._legal_representative() or self.env.user
            env = record.company_id._credit_env(user)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": user.id,
                    "summary": env._(
                        "Decide the accountability of %(name)s for unlawful use of contracts",
                        name=record.employee_id.name,
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(vals_list)

    @api.model
    def _raise_for(self, admin, reason, appraisal=None, contracts=None, event=None):
        """Open the accountability question of a misuse once (not again for the same
        contracts of the same person)."""
        contracts = contracts or self.env["credit.contract"]
        existing = self.sudo().search(
            [("administrator_id", "=", admin.id), ("contract_ids", "in", contracts.ids)]
            if contracts
            else [("administrator_id", "=", admin.id), ("event_id", "=", event.id or 0)]
        )
        if existing:
            return existing
        return self.sudo().create(
            {
                "administrator_id": admin.id,
                "appraisal_id": appraisal.id if appraisal else False,
                "event_id": event.id if event else False,
                "contract_ids": [(6, 0, contracts.ids)],
                "description": reason,
            }
        )

    def action_decide(self):
        """Legal representative: record the decision (kind and outcome) as taken."""
        if not self.env.user.has_group(COMMITTEE):
            raise AccessError(
                self.env._("Only the legal representative decides on accountability.")
            )
        records = self._guard_sudo("write")
        for record in records:
            if record.employee_id.user_id == self.env.user:
                raise AccessError(self.env._("Nobody decides on their own accountability."))
            if record.state != "to_decide":
                raise UserError(self.env._("This accountability was already decided."))
            if not record.decision or not (record.outcome or "").strip():
                raise UserError(
                    self.env._(
                        "Choose the accountability pursued and write its outcome before "
                        "recording the decision on %(name)s.",
                        name=record.employee_id.name,
                    )
                )
        records.write(
            {
                "state": "decided",
                "decided_by_id": self.env.user.id,
                "date_decided": fields.Date.context_today(self),
            }
        )
        records.activity_unlink([ACTIVITY_TYPE])
        return True
