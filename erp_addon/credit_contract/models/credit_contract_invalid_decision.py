from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.misc import format_date

DECISION_FIELDS = (
    "contract_id",
    "company_id",
    "kind",
    "date",
    "user_id",
    "reason",
    "employee_ids",
    "previous_employee_ids",
)


class CreditContractInvalidDecision(models.Model):
    """A recorded decision about an invalid contract: recording it as invalid, or changing
    the employees it names as having used it for unlawful acts. The history is kept."""

    _name = "credit.contract.invalid.decision"
    _description = "Invalid Contract Decision"
    _inherit = ["credit.guard.mixin"]
    _order = "contract_id, id desc"

    # recorded by the Record as Invalid and Change Named Employees buttons, kept as recorded
    _guard_flow_fields = DECISION_FIELDS
    _guard_undeletable_states = "__all__"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("record", "Recorded as Invalid"), ("names", "Named Employees Changed")],
        required=True,
    )
    date = fields.Date(required=True)
    user_id = fields.Many2one("res.users", string="Decided By", required=True)
    reason = fields.Text()
    employee_ids = fields.Many2many(
        "hr.employee",
        "credit_contract_invalid_decision_employee_rel",
        "decision_id",
        "employee_id",
        string="Named Employees",
    )
    previous_employee_ids = fields.Many2many(
        "hr.employee",
        "credit_contract_invalid_decision_previous_rel",
        "decision_id",
        "employee_id",
        string="Named Before",
    )

    @api.depends("contract_id", "kind", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for decision in self:
            kinds = dict(decision._fields["kind"]._description_selection(decision.env))
            decision.display_name = decision.env._(
                "%(contract)s: %(kind)s, %(date)s",
                contract=decision.contract_id.name or "-",
                kind=kinds.get(decision.kind, "-"),
                date=format_date(decision.env, decision.date),
            )

    @api.model
    def _guard_check_create(self, vals_list):
        raise AccessError(
            self.env._("Decisions about an invalid contract are recorded with their buttons.")
        )
