from odoo import fields, models

from .credit_work_record import WORK_RECORD_KINDS


class CreditAppraisalRubricItem(models.Model):
    """The register an item scored by hand rests on (3.2, 4.2, 6.1): the assessor sees
    that register's records beside the item and links those the score rests on."""

    _inherit = "credit.appraisal.rubric.item"

    # changed like the rest of an item: while its scorecard is a draft (the rubric item's
    # _guard_check_write refuses any change to a scorecard in use)
    work_record_kind = fields.Selection(
        WORK_RECORD_KINDS,
        string="Rests on Records of",
        help="The register whose records of the departments covered and the year the "
        "assessor sees beside the item and links to the score.",
    )
