from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date


class CreditContract(models.Model):
    """Signing under a power of attorney, and the versions kept from signing on."""

    _inherit = "credit.contract"  # pylint: disable=consider-merging-classes-inherited

    # authority
    signed_within_authority = fields.Boolean(compute="_compute_signed_within_authority", store=True)

    @api.depends(
        "signatory_id",
        "power_of_attorney_id.employee_id",
        "power_of_attorney_id.date_from",
        "power_of_attorney_id.date_to",
        "power_of_attorney_id.date_issued",
        "power_of_attorney_id.date_revoked",
        "power_of_attorney_id.max_amount",
        "power_of_attorney_id.allow_sale",
        "power_of_attorney_id.allow_purchase",
        "power_of_attorney_id.allow_technical",
        "power_of_attorney_id.allow_other",
        "contract_type",
        "amount_company",
        "date_signed",
    )
    def _compute_signed_within_authority(self):
        for contract in self:
            contract.signed_within_authority = bool(
                contract.date_signed
                and contract.power_of_attorney_id
                and not contract.power_of_attorney_id.sudo()._covers(
                    contract.signatory_id,
                    contract.contract_type,
                    contract.amount_company,
                    contract.date_signed,
                )
            )

    # ------------------------------------------------------------ signing
    def _signing_blockers(self, date_signed):
        """Why this contract cannot be recorded as signed on ``date_signed`` today."""
        self.ensure_one()
        env = self.env
        today = fields.Date.context_today(self)
        blockers = self._review_blockers()
        if self.date_approved and date_signed < self.date_approved:
            blockers.append(
                env._(
                    "The signing date %(date)s is before the review was approved "
                    "(%(approved)s): a contract is signed after its review.",
                    date=format_date(env, date_signed),
                    approved=format_date(env, self.date_approved),
                )
            )
        if not self.signatory_id:
            blockers.append(env._("Choose our signatory."))
        else:
            amount = self.currency_id._convert(
                self.amount, self.company_id.currency_id, self.company_id, date_signed
            )
            # the power of attorney covers the signing date and is still valid when the
            # signing is recorded: a revoked power never covers a later recording
            error = (
                self.power_of_attorney_id.sudo()._signing_error(
                    self.signatory_id, self.contract_type, amount, date_signed, today
                )
                if self.power_of_attorney_id
                else env._(
                    "%(signatory)s holds no power of attorney for this contract.",
                    signatory=self.signatory_id.name,
                )
            )
            if error:
                blockers.append(error)
        return blockers

    def _action_sign(self, date_signed):
        self._check_owner_or_administrator()
        self._check_state(("approved",), self.env._("signed"))
        today = fields.Date.context_today(self)
        date_signed = fields.Date.to_date(date_signed)
        if not date_signed or date_signed > today:
            raise UserError(self.env._("The signing date cannot be in the future."))
        for contract in self:
            blockers = contract._signing_blockers(date_signed)
            if blockers:
                raise UserError(
                    self.env._("Contract %(name)s cannot be signed:", name=contract.name)
                    + "\n- "
                    + "\n- ".join(blockers)
                )
        self._guard_sudo("write").write(
            {"state": "signed", "date_signed": date_signed, "signed_by_id": self.env.user.id}
        )
        for contract in self:
            contract._snapshot_version(self.env._("Signed version"))
        return True

    def action_sign(self):
        self.ensure_one()
        self._check_owner_or_administrator()
        self._check_state(("approved",), self.env._("signed"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sign Contract"),
            "res_model": "credit.contract.sign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_id": self.id, "active_model": self._name},
        }

    def _snapshot_version(self, changes, amendment=None):
        self.ensure_one()
        number = self.version + 1
        self.env["credit.contract.version"].sudo().create(
            {
                "contract_id": self.id,
                "version": number,
                "date": fields.Date.context_today(self),
                "user_id": self.env.user.id,
                "amendment_id": amendment.id if amendment else False,
                "changes": changes,
                "title": self.title,
                "amount": self.amount,
                "currency_id": self.currency_id.id,
                "date_start": self.date_start,
                "date_end": self.date_end,
                "body": self.body,
            }
        )
        self.sudo().version = number
