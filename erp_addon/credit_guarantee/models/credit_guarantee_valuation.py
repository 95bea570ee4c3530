"""One valuation of a mortgage or pledge in force (抵质押物重估): the value, haircut and cover
before and after, on which date, on what basis, who proposed it and who decided. A lower
cover applies at once (prudence); a higher cover waits for the authority band of the new
cover, never decided by who proposed it, and the old value counts until then. Written by
the flow only (credit.guarantee's _record_valuation and the decision dialog); kept."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount
from odoo.tools.misc import format_date

from odoo.addons.credit_management.models.credit_authority_band import (
    APPROVAL_LEVELS,
    LEVEL_GROUPS,
)

APPROVAL_ACTIVITY = "credit_management.mail_activity_type_credit_approval"
STATES = [
    ("to_approve", "Awaiting Approval"),
    ("applied", "Applied"),
    ("refused", "Refused"),
]


class CreditGuaranteeValuation(models.Model):
    _name = "credit.guarantee.valuation"
    _description = "Guarantee Revaluation"
    _inherit = ["credit.guard.mixin", "credit.decision.mixin"]
    _order = "valuation_date desc, id desc"
    _rec_name = "guarantee_id"

    # guards (credit.guard.mixin): every field is the flow's, a valuation is a record of a
    # decision and never deleted
    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"

    guarantee_id = fields.Many2one(
        "credit.guarantee", required=True, index=True, ondelete="restrict", readonly=True
    )
    company_id = fields.Many2one(
        related="guarantee_id.company_id", store=True, index=True, string="Company"
    )
    currency_id = fields.Many2one(related="guarantee_id.currency_id", string="Currency")
    company_currency_id = fields.Many2one(
        related="guarantee_id.company_currency_id", string="Company Currency"
    )
    valuation_date = fields.Date(required=True, readonly=True)
    previous_date = fields.Date(string="Previous Valuation Date", readonly=True)
    old_value = fields.Monetary(readonly=True, currency_field="currency_id")
    new_value = fields.Monetary(readonly=True, currency_field="currency_id")
    old_haircut = fields.Float(string="Old Haircut (%)", readonly=True)
    new_haircut = fields.Float(string="New Haircut (%)", readonly=True)
    old_cover = fields.Monetary(
        string="Cover Before", readonly=True, currency_field="company_currency_id"
    )
    new_cover = fields.Monetary(
        string="Cover After", readonly=True, currency_field="company_currency_id"
    )
    note = fields.Text(
        string="Valuer and Basis",
        readonly=True,
        help="Who valued the collateral and on what basis (appraisal report, market price...).",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "credit_guarantee_valuation_ir_attachment_rel",
        "valuation_id",
        "attachment_id",
        string="Documents",
        readonly=True,
    )
    state = fields.Selection(STATES, required=True, default="to_approve", readonly=True)
    required_level = fields.Selection(APPROVAL_LEVELS, readonly=True)
    proposed_by_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decision_date = fields.Datetime(readonly=True)
    decision_note = fields.Text(readonly=True)

    @api.model
    def _guard_start_values(self, vals):
        return dict(super()._guard_start_values(vals), proposed_by_id=self.env.user.id)

    # ------------------------------------------------------------ decide
    def _check_can_decide(self):
        """Approved by the authority band of the new cover (as the guarantee itself),
        never by who proposed the valuation."""
        self.ensure_one()
        if self.state != "to_approve":
            raise UserError(
                self.env._(
                    "The revaluation of guarantee %(name)s awaits no decision.",
                    name=self.guarantee_id.display_name,
                )
            )
        user = self.env.user
        if user in (self.proposed_by_id | self.create_uid):
            raise AccessError(self.env._("Nobody may decide on a revaluation they proposed."))
        if not user.has_group(LEVEL_GROUPS[self.required_level]):
            raise AccessError(
                self.env._(
                    "The revaluation of guarantee %(name)s to a cover of %(cover)s must be "
                    "decided by: %(level)s.",
                    name=self.guarantee_id.display_name,
                    cover=format_amount(self.env, self.new_cover, self.company_currency_id),
                    level=dict(self._fields["required_level"]._description_selection(self.env))[
                        self.required_level
                    ],
                )
            )

    def _action_decide(self, decision, note):
        """Approve (the new value counts from now) or refuse (the old value goes on
        counting) a revaluation that raises the cover."""
        for valuation in self:
            valuation._check_can_decide()
            guarantee = valuation.guarantee_id
            approve = decision == "approve"
            if approve and guarantee.state not in ("active", "to_release"):
                raise UserError(
                    self.env._(
                        "Guarantee %(name)s is no longer in force: its revaluation can only be "
                        "refused.",
                        name=guarantee.display_name,
                    )
                )
            if approve and valuation.valuation_date < guarantee.valuation_date:
                raise UserError(
                    self.env._(
                        "Guarantee %(name)s was valued on %(date)s since: this revaluation "
                        "can only be refused.",
                        name=guarantee.display_name,
                        date=format_date(self.env, guarantee.valuation_date),
                    )
                )
            valuation._guard_sudo("write").write(
                {
                    "state": "applied" if approve else "refused",
                    "decided_by_id": self.env.uid,
                    "decision_date": fields.Datetime.now(),
                    "decision_note": note,
                }
            )
            guarantee.sudo().activity_unlink([APPROVAL_ACTIVITY])
            if approve:
                valuation._apply()
            valuation._post_on_guarantee(decision, note)
        return True

    def _apply(self):
        """The guarantee takes the new value, haircut and valuation date: the check counts
        the new cover from now on (its stored cover_amount)."""
        self.ensure_one()
        self.guarantee_id._guard_sudo("write").write(
            {
                "value": self.new_value,
                "haircut": self.new_haircut,
                "valuation_date": self.valuation_date,
            }
        )

    def _post_on_guarantee(self, decision, note=None):
        """The guarantee's chatter, in the company's language, says what the valuation did
        (no one's name: the message's author is who acted)."""
        self.ensure_one()
        guarantee = self.guarantee_id
        env = guarantee.company_id._credit_env()
        params = {
            "date": format_date(env, self.valuation_date),
            "old": format_amount(env, self.old_value, self.currency_id),
            "new": format_amount(env, self.new_value, self.currency_id),
            "old_haircut": f"{self.old_haircut:g}",
            "new_haircut": f"{self.new_haircut:g}",
            "old_cover": format_amount(env, self.old_cover, self.company_currency_id),
            "new_cover": format_amount(env, self.new_cover, self.company_currency_id),
            "basis": self.note,
            "note": note or "",
        }
        if decision == "lower":
            body = env._(
                "Revalued on %(date)s: value %(old)s → %(new)s, haircut %(old_haircut)s%% → "
                "%(new_haircut)s%%, cover %(old_cover)s → %(new_cover)s. Less cover applies at "
                "once. Basis: %(basis)s",
                **params,
            )
        elif decision == "propose":
            params["level"] = dict(self._fields["required_level"]._description_selection(env))[
                self.required_level
            ]
            body = env._(
                "Revaluation on %(date)s proposed: value %(old)s → %(new)s, haircut "
                "%(old_haircut)s%% → %(new_haircut)s%%, cover %(old_cover)s → %(new_cover)s. "
                "More cover counts once approved by: %(level)s; the current value counts "
                "until then. Basis: %(basis)s",
                **params,
            )
        elif decision == "approve":
            body = env._(
                "Revaluation on %(date)s approved: cover %(old_cover)s → %(new_cover)s counts "
                "from now. Reason: %(note)s",
                **params,
            )
        else:
            body = env._(
                "Revaluation on %(date)s refused: the cover stays %(old_cover)s. Reason: %(note)s",
                **params,
            )
        guarantee.message_post(body=body)

    def _attach(self, attachments):
        """Keep the documents the proposer uploaded in the dialog with the valuation (read
        by whoever may read it)."""
        self.ensure_one()
        if not attachments:
            return
        attachments.check_access("read")
        mine = attachments.sudo().filtered(
            lambda a: (
                a.create_uid == self.env.user and a.res_model in (False, "credit.guarantee.revalue")
            )
        )
        mine.write({"res_model": self._name, "res_id": self.id})
        self.sudo().attachment_ids = [fields.Command.set(attachments.ids)]
