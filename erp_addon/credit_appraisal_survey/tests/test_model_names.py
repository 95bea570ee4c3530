from odoo.tests import TransactionCase, tagged

from odoo.addons.credit_management.tests.model_names import assert_extended_models_named


@tagged("post_install", "-at_install", "credit_appraisal_survey")
class TestModelNames(TransactionCase):
    def test_extended_models_named_in_chinese_with_display_names(self):
        """The add-on defines no model of its own; the models it extends (whose records
        show what it adds) have a zh_CN description and display names."""
        assert_extended_models_named(
            self,
            "credit_appraisal_survey",
            ["credit.training.result", "credit.training.session", "hr.employee"],
        )
