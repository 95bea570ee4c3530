from odoo.tests import TransactionCase, tagged

from odoo.addons.credit_management.tests.model_names import assert_models_named


@tagged("post_install", "-at_install")
class TestModelNames(TransactionCase):
    def test_models_named_in_chinese_with_display_names(self):
        """Every model of the add-on has a zh_CN description and its records a name."""
        assert_models_named(self, "credit_supplier")
