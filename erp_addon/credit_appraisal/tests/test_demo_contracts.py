from odoo.tests import TransactionCase, tagged

from odoo.addons.credit_contract.tests.demo_contracts import assert_demo_contracts_read_chinese


@tagged("post_install", "-at_install", "credit_appraisal", "credit_demo")
class TestDemoContracts(TransactionCase):
    def test_demo_contracts_have_chinese_clauses(self):
        """Issue 19, item d: the appraisal demo's past contracts (those its
        administrators are appraised on) have their template's clauses, in Chinese."""
        contracts = assert_demo_contracts_read_chinese(self, "credit_appraisal", 5)
        self.assertTrue(all(contract.template_id for contract in contracts))
