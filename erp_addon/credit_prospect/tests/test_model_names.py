from odoo.tests import TransactionCase, tagged

from odoo.addons.credit_management.tests.model_names import assert_models_named


@tagged("post_install", "-at_install")
class TestModelNames(TransactionCase):
    def test_models_named_in_chinese_with_display_names(self):
        """The ranking's model has a zh_CN description and its rows a display name (the
        customer's)."""
        assert_models_named(self, "credit_prospect")
