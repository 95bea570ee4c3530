from odoo.tests import TransactionCase, tagged

from odoo.addons.credit_management.tests.model_names import assert_models_named


@tagged("post_install", "-at_install", "credit_restructuring")
class TestModelNames(TransactionCase):
    def test_models_named_in_chinese_with_display_names(self):
        """Every model of the add-on has a zh_CN description ("合同 创建" in the chatter,
        not "Contract 创建") and its records a display name (not "model,id")."""
        assert_models_named(self, "credit_restructuring")
