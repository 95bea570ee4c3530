from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CreditContractJointReview(models.Model):
    """One reviewer's opinion in a joint review (会审), of a contract under review or of a
    change raising a signed contract's amount."""

    _name = "credit.contract.joint.review"
    _description = "Joint Review Opinion"
    _inherit = ["credit.guard.mixin"]
    _order = "contract_id, id"

    # who gives the opinion, when and in which round of the review is recorded, not typed;
    # the opinion itself is given once and kept as given
    _guard_flow_fields = ("user_id", "date", "review_round", "company_id")
    _guard_undeletable_states = "__all__"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    amendment_id = fields.Many2one(
        "credit.contract.amendment",
        string="Change",
        ondelete="cascade",
        index=True,
        help="The change of a signed contract this opinion is about (empty: the contract's "
        "review before signing).",
    )
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
    review_round = fields.Integer(
        default=0,
        help="The round of the contract's review the opinion was given in: an opinion on "
        "content changed since no longer counts.",
    )

    @api.depends("contract_id", "role_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for opinion in self:
            opinion.display_name = opinion.env._(
                "%(contract)s: opinion of %(role)s",
                contract=opinion.contract_id.name or "-",
                role=opinion.role_id.name or "-",
            )

    @api.constrains("contract_id", "amendment_id", "review_round", "user_id")
    def _check_one_opinion(self):
        for opinion in self:
            given = self.sudo().search_count(
                [
                    ("contract_id", "=", opinion.contract_id.id),
                    ("amendment_id", "=", opinion.amendment_id.id),
                    ("review_round", "=", opinion.review_round),
                    ("user_id", "=", opinion.user_id.id),
                ]
            )
            if given > 1:
                raise ValidationError(self.env._("Each reviewer gives one opinion per review."))

    @api.model
    def _guard_start_values(self, vals):
        contract = self.env["credit.contract"].browse(vals.get("contract_id")).exists()
        return {
            "user_id": self.env.user.id,
            "date": fields.Date.context_today(self),
            "review_round": 0 if vals.get("amendment_id") else contract.sudo().review_round,
        }

    @api.model
    def _guard_check_create(self, vals_list):
        user = self.env.user
        for vals in vals_list:
            contract = self.env["credit.contract"].browse(vals.get("contract_id"))
            amendment = self.env["credit.contract.amendment"].browse(vals.get("amendment_id"))
            contract.check_access("read")
            if amendment:
                if amendment.contract_id != contract or amendment.state != "draft":
                    raise UserError(
                        self.env._(
                            "A joint review opinion on a change is given while the change "
                            "waits for approval."
                        )
                    )
            elif contract.state != "review":
                raise UserError(
                    self.env._(
                        "A joint review opinion is given while the contract is under review."
                    )
                )
            contract._check_not_own(
                self.env._("Nobody gives a joint review opinion on their own contract.")
            )
            role = self.env["credit.contract.review.role"].sudo().browse(vals.get("role_id"))
            if user not in role.user_ids:
                raise AccessError(
                    self.env._("You are not a reviewer of role %(role)s.", role=role.name)
                )

    def _guard_check_write(self, vals):
        raise UserError(
            self.env._("A joint review opinion is kept as it was given; it cannot be changed.")
        )
