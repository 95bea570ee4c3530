from odoo import fields, models


class CreditContractReviewRole(models.Model):
    """A role in the joint review (会审): credit, legal, finance, technical..."""

    _name = "credit.contract.review.role"
    _description = "Joint Review Role"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    user_ids = fields.Many2many(
        "res.users",
        "credit_contract_review_role_user_rel",
        "role_id",
        "user_id",
        string="Reviewers",
        domain=[("share", "=", False)],
    )
    company_id = fields.Many2one("res.company", help="Empty: shared.")
    active = fields.Boolean(default=True)
