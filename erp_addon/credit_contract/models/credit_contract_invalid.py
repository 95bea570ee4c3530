from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .credit_contract import MANAGER, SIGNED_STATES

# a contract is recorded as invalid once it was concluded (signed), whatever came after
INVALIDABLE_STATES = (*SIGNED_STATES, "terminated")
# the context key of the recorded decision changing the named employees
NAMES_DECISION = "credit_contract_names_decision"


class CreditContract(models.Model):
    """Invalid contracts (无效合同): recorded once, the employees named changed only by a
    recorded decision of a credit manager, the history of decisions kept."""

    _inherit = "credit.contract"  # pylint: disable=consider-merging-classes-inherited

    invalid_decision_ids = fields.One2many(
        "credit.contract.invalid.decision",
        "contract_id",
        string="Invalidity Decisions",
        copy=False,
    )

    @api.model
    def _guard_flow(self):
        return super()._guard_flow() | {"invalid_decision_ids"}

    def _check_invalidity_write(self, vals):
        """What the flow methods may write about invalidity (they write as superuser; a
        user's write of these fields is refused by the guards before this runs)."""
        if not self.env.su:
            return
        if "is_invalid" in vals:
            for contract in self:
                if contract.is_invalid:
                    raise UserError(
                        self.env._(
                            "Contract %(name)s is already recorded as invalid: that is "
                            "recorded once.",
                            name=contract.name,
                        )
                    )
                if vals["is_invalid"] and contract.state not in INVALIDABLE_STATES:
                    raise UserError(
                        self.env._(
                            "Contract %(name)s is %(state)s: only a signed contract is "
                            "recorded as invalid.",
                            name=contract.name,
                            state=contract._guard_state_label(),
                        )
                    )
        elif "misuse_employee_ids" in vals and not self.env.context.get(NAMES_DECISION):
            raise UserError(
                self.env._(
                    "The employees an invalid contract names change only by a recorded "
                    "decision of a credit manager."
                )
            )

    def _log_invalidity(self, vals):
        """Keep the decision recording a contract as invalid in its history."""
        if not vals.get("is_invalid"):
            return
        today = fields.Date.context_today(self)
        self.env["credit.contract.invalid.decision"].sudo().create(
            [
                {
                    "contract_id": contract.id,
                    "kind": "record",
                    "date": contract.invalid_date or today,
                    "user_id": (contract.invalid_by_id or self.env.user).id,
                    "reason": contract.invalid_reason,
                    "employee_ids": [Command.set(contract.misuse_employee_ids.ids)],
                }
                for contract in self
            ]
        )

    def action_change_misuse_employees(self):
        """Open the dialog of a new decision on the employees an invalid contract names."""
        self.ensure_one()
        self._check_names_decision()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Named Employees"),
            "res_model": "credit.contract.misuse.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_contract_id": self.id,
                "default_employee_ids": [Command.set(self.misuse_employee_ids.ids)],
            },
        }

    def _check_names_decision(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only a credit manager changes the employees an invalid contract names.")
            )
        self.check_access("read")
        for contract in self:
            if not contract.is_invalid:
                raise UserError(
                    self.env._("Contract %(name)s is not recorded as invalid.", name=contract.name)
                )

    def _change_misuse_employees(self, employees, reason):
        """Record a credit manager's decision naming ``employees`` instead of those named."""
        self.ensure_one()
        self._check_names_decision()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the decision."))
        previous = self.sudo().misuse_employee_ids
        if employees == previous:
            raise UserError(self.env._("The decision names the same employees."))
        # nobody clears their own name
        own = self.env.user.sudo().employee_ids
        if (previous & own) - employees:
            raise AccessError(self.env._("Nobody clears their own name from an invalid contract."))
        self.sudo().with_context(**{NAMES_DECISION: True}).write(
            {"misuse_employee_ids": [Command.set(employees.ids)]}
        )
        self.env["credit.contract.invalid.decision"].sudo().create(
            {
                "contract_id": self.id,
                "kind": "names",
                "date": fields.Date.context_today(self),
                "user_id": self.env.user.id,
                "reason": reason,
                "employee_ids": [Command.set(employees.ids)],
                "previous_employee_ids": [Command.set(previous.ids)],
            }
        )
        self.message_post(
            body=self.company_id._credit_env()._(
                "Named employees changed by %(user)s: %(employees)s (before: %(previous)s). "
                "Reason: %(reason)s",
                user=self.env.user.name,
                employees=", ".join(employees.mapped("name")) or "-",
                previous=", ".join(previous.mapped("name")) or "-",
                reason=reason,
            )
        )
        return True
