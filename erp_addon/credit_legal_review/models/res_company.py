from odoo import fields, models

PERIODS = [
    ("none", "No Scheduled Review"),
    ("month", "Monthly"),
    ("quarter", "Quarterly"),
    ("half", "Half-yearly"),
    ("year", "Yearly"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_legal_review_period = fields.Selection(
        PERIODS,
        string="Legal Review Period",
        default="quarter",
        required=True,
        help="How often the legal representative reviews how contracts are signed and "
        "performed: a review of each past period is drafted the day after it ends.",
    )
    credit_legal_representative_user_id = fields.Many2one(
        "res.users",
        string="Legal Representative (User)",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("credit_management.group_credit_committee").ids)
        ],
        help="Who signs the periodic contract reviews. Empty: any member of the credit "
        "committee (the legal representative's group) signs.",
    )
