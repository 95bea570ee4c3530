"""Issue 19, item g: the contract ledger's number column reads 编号 in Chinese, on the
screen and in its export (an export labels a column by its field's label): the contract's
number, never 数量 (a quantity, Odoo's own zh_CN word for an invoice's "Number")."""

from lxml import etree

from odoo.tests import tagged

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestLedgerColumns(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["account", "credit_contract"], ["zh_CN"], overwrite=True
        )

    def test_ledger_number_column(self):
        action = self.env.ref("credit_contract.action_credit_contract_ledger")
        Contract = self.env["credit.contract"].with_user(self.admin_1).with_context(lang="zh_CN")
        views = Contract.get_views([(False, "list")], {"action_id": action.id})
        arch = etree.fromstring(views["views"]["list"]["arch"])
        columns = [node.get("name") for node in arch.iter("field")]
        self.assertEqual(columns[:2], ["name", "title"])
        self.assertIsNone(arch.find("field[@name='name']").get("string"))
        labels = Contract.fields_get(columns, ["string"])
        # the column's label and the export's: the field's
        self.assertEqual(labels["name"]["string"], "编号")
        self.assertNotIn("数量", [labels[name]["string"] for name in columns])
        contract = self.make_contract()
        self.assertRegex(contract.name, r"^HT\d{4}-\d{4}$")
