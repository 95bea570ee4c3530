from odoo import fields, models


class CreditDecision(models.TransientModel):
    """The decision dialog records the labour and wages section's sign-off of a supplier
    evaluation (approve) or its return to the evaluator (refuse), with the reason."""

    _inherit = "credit.decision"

    res_model = fields.Selection(
        selection_add=[("credit.supplier.evaluation", "Supplier Evaluation")],
        ondelete={"credit.supplier.evaluation": "cascade"},
    )
