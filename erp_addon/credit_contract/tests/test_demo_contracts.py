from odoo.tests import TransactionCase, tagged

from .demo_contracts import assert_demo_contracts_read_chinese


@tagged("post_install", "-at_install", "credit_contract", "credit_demo")
class TestDemoContracts(TransactionCase):
    def test_demo_contracts_read_chinese(self):
        """Issue 19, item d: the contract demo's contracts read in Chinese, clause by
        clause (those of the Chinese clause library for the templated ones)."""
        contracts = assert_demo_contracts_read_chinese(self, "credit_contract", 11)
        # the technical service contract, without template, has clauses of its own
        service = self.env.ref("credit_contract.contract_terminated")
        self.assertIn(service, contracts)
        self.assertFalse(service.template_id)
        self.assertIn("<h4>1. 服务内容</h4>", str(service.body))
