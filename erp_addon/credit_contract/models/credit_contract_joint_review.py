from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

JOINT_FLOW_FIELDS = {"contract_id", "user_id", "role_id", "decision", "date"}


class CreditContractJointReview(models.Model):
    """One reviewer's opinion in a joint review (会审)."""

    _name = "credit.contract.joint.review"
    _description = "Joint Review Opinion"
    _order = "contract_id, id"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    role_id = fields.Many2one("credit.contract.review.role", required=True, ondelete="restrict")
    user_id = fields.Many2one(
        "res.users", string="Reviewer", required=True, default=lambda self: self.env.user
    )
    decision = fields.Selection(
        [("approve", "Approve"), ("reject", "Reject")], required=True, default="approve"
    )
    date = fields.Date(default=fields.Date.context_today)
    comment = fields.Text(string="Opinion")

    _sql_constraints = [
        (
            "user_uniq",
            "unique(contract_id, user_id)",
            "Each reviewer gives one opinion per contract.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self = self.with_context(
                **{k: False for k in self.env.context if k in ("default_user_id", "default_date")}
            )
            for vals in vals_list:
                vals["user_id"] = self.env.user.id
                vals["date"] = fields.Date.context_today(self)
        opinions = super().create(vals_list)
        if not self.env.su:
            for opinion in opinions:
                if opinion.contract_id.state != "review":
                    raise UserError(
                        self.env._(
                            "A joint review opinion is given while the contract is under review."
                        )
                    )
                if self.env.user not in opinion.role_id.user_ids:
                    raise AccessError(
                        self.env._(
                            "You are not a reviewer of role %(role)s.", role=opinion.role_id.name
                        )
                    )
        return opinions

    def write(self, vals):
        if JOINT_FLOW_FIELDS & set(vals) and not self.env.su:
            raise AccessError(
                self.env._("A joint review opinion cannot be changed; give a new one.")
            )
        if not self.env.su and any(o.user_id != self.env.user for o in self):
            raise AccessError(self.env._("Only its reviewer may edit an opinion."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_given(self):
        if not self.env.su and self:
            raise UserError(self.env._("Joint review opinions are kept."))
