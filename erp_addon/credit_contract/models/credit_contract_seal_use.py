from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

# logged by the Use Contract Seal button, kept as logged
SEAL_USE_FIELDS = (
    "seal_id",
    "contract_id",
    "company_id",
    "date",
    "requested_by_id",
    "approved_by_id",
    "purpose",
    "copies",
    "review_passed_at_use",
)
MANAGER = "credit_management.group_credit_manager"
SEALABLE_STATES = ("approved", "signed", "performance", "completed", "expired", "dispute")


class CreditContractSealUse(models.Model):
    """One use of a contract seal: which contract, requested and approved by whom, when."""

    _name = "credit.contract.seal.use"
    _description = "Contract Seal Use"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"

    _guard_flow_fields = SEAL_USE_FIELDS
    _guard_undeletable_states = "__all__"

    seal_id = fields.Many2one(
        "credit.contract.seal", required=True, index=True, ondelete="restrict"
    )
    contract_id = fields.Many2one("credit.contract", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    requested_by_id = fields.Many2one("res.users", required=True)
    approved_by_id = fields.Many2one("res.users", required=True)
    purpose = fields.Char()
    copies = fields.Integer(default=1)
    review_passed_at_use = fields.Boolean(readonly=True)

    @api.depends("seal_id", "contract_id", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for use in self:
            use.display_name = use.env._(
                "%(seal)s on %(contract)s, %(date)s",
                seal=use.seal_id.name or "-",
                contract=use.contract_id.name or "-",
                date=format_date(use.env, use.date),
            )

    @api.model
    def _log_use(self, contract, seal, requested_by, purpose=False, copies=1):
        """Log a use of ``seal`` for ``contract``, approved by the current user."""
        user = self.env.user
        if seal.custodian_id != user and not user.has_group(MANAGER):
            raise AccessError(
                self.env._(
                    "Only the custodian of %(seal)s (%(custodian)s) or a credit manager "
                    "approves its use.",
                    seal=seal.name,
                    custodian=seal.custodian_id.name,
                )
            )
        if seal.company_id != contract.company_id:
            raise UserError(self.env._("The seal belongs to another company."))
        self._check_contract(contract)
        if copies < 1:
            raise UserError(self.env._("At least one copy is sealed."))
        return self.sudo().create(
            {
                "seal_id": seal.id,
                "contract_id": contract.id,
                "date": fields.Date.context_today(self),
                "requested_by_id": requested_by.id,
                "approved_by_id": user.id,
                "purpose": purpose,
                "copies": copies,
                "review_passed_at_use": contract.review_passed,
            }
        )

    def _check_contract(self, contract):
        if contract.state not in SEALABLE_STATES or not contract.review_passed:
            raise UserError(
                self.env._(
                    "Contract %(name)s has not passed its review: the contract seal cannot "
                    "be used for it.",
                    name=contract.name,
                )
            )

    @api.model
    def _guard_check_create(self, vals_list):
        raise AccessError(self.env._("Seal uses are logged with the Use Contract Seal button."))

    @api.model_create_multi
    def create(self, vals_list):
        uses = super().create(vals_list)
        for use in uses:
            self._check_contract(use.contract_id)
        return uses
