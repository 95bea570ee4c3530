from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .test_contract_figures import ContractCase


@tagged("post_install", "-at_install")
class TestContractTourZh(ContractCase, HttpCase):
    """The evaluator reads the contract performance on an evaluation in Chinese
    (static/tests/tours/credit_supplier_contract_zh_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        cls.zh_evaluator = new_test_user(
            cls.env,
            login="zh_csc_evaluator",
            name="ZH Evaluator",
            groups="base.group_user,credit_supplier.group_credit_supplier_evaluator",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            lang="zh_CN",
        )
        cls.supplier.name = "ZH 永信钢管"
        factor = cls.model.factor_ids.filtered(lambda f: f.source == "contract_performance")
        factor.with_context(lang="zh_CN").name = "合同履约率%"
        cls.evaluation_zh = cls.evaluation(
            user=cls.zh_evaluator, date_from=cls.period[0], date_to=cls.period[1]
        )

    def test_contract_performance_zh(self):
        self.start_tour("/odoo", "credit_supplier_contract_zh", login=self.zh_evaluator.login)
        line = self.evaluation_zh.line_ids.filtered(
            lambda line: line.source == "contract_performance"
        )
        self.assertEqual(line.value_float, 50.0)
