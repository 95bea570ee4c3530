"""Issue 19, item g: the demo company's bad debts are written off to a bad-debt account
(坏账损失), not to the cash-discount loss or an exchange-difference account."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.credit_management.tests.demo import require_demo


@tagged("post_install", "-at_install", "credit_collection", "credit_demo")
class TestDemoWriteoffAccount(TransactionCase):
    def test_writeoff_account_is_bad_debt(self):
        company = require_demo(self, "credit_collection")
        account = company.collection_writeoff_account_id.with_context(lang="zh_CN")
        # China's chart's 坏账损失 when the company has it, else the demo's own
        chinese_chart = self.env.ref(
            f"account.{company.id}_l10n_cn_account_571101", raise_if_not_found=False
        )
        expected = chinese_chart or self.env.ref("credit_collection.demo_account_bad_debt")
        self.assertEqual(account, expected)
        self.assertIn("坏账损失", account.name)
        self.assertEqual(account.account_type, "expense")
        self.assertEqual(account.company_ids, company)
        not_bad_debt = (
            company.account_journal_early_pay_discount_loss_account_id
            | company.account_journal_early_pay_discount_gain_account_id
            | company.expense_currency_exchange_account_id
            | company.income_currency_exchange_account_id
        )
        self.assertTrue(not_bad_debt)
        self.assertNotIn(account, not_bad_debt)
        self.assertEqual(company.collection_writeoff_journal_id.type, "general")
