from odoo import fields, models

from odoo.addons.credit_appraisal.models.credit_training_session import SESSION_TYPES


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_seminar_training = fields.Boolean(
        string="Seminars Count as Training",
        help="Closing a seminar or case review records its attendance as a training session "
        "of the appraisal (no exam).",
    )
    credit_seminar_training_type = fields.Selection(
        SESSION_TYPES,
        string="Seminars Count as",
        default="business",
        required=True,
        help="The training type a seminar's attendance counts as.",
    )
