"""Issue 19, item g: the demo is one Chinese enterprise — its name in Chinese, in yuan,
its unified social credit code (统一社会信用代码) as its registry number and tax number,
its address in China written in Chinese — and its customers are graded, scored and
given limits as credit work leaves them."""

from odoo.tests import TransactionCase, tagged

from .demo import is_chinese, require_demo

CREDIT_CODE = "91310115MA1K4HC8X3"


@tagged("post_install", "-at_install", "credit_management", "credit_demo")
class TestDemoCompany(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="zh_CN"))

    def test_company(self):
        company = require_demo(self)
        self.assertEqual(company.name, "上海华诚钢材贸易有限公司")
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.company_registry, CREDIT_CODE)
        self.assertEqual(company.vat, CREDIT_CODE)
        self.assertEqual(company.partner_id.credit_code, CREDIT_CODE)
        self.assertRegex(CREDIT_CODE, r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
        partner = company.partner_id
        self.assertRecordValues(
            partner,
            [
                {
                    "street": "张江路188号华诚大厦12楼",
                    "street2": "浦东新区",
                    "city": "上海",
                    "zip": "201203",
                    "state_id": self.env.ref("base.state_cn_SH").id,
                    "country_id": self.env.ref("base.cn").id,
                    "lang": "zh_CN",
                    "credit_legal_representative": "王建国",
                }
            ],
        )
        # the people of the demo work in it
        for xmlid in ("base.user_admin", "base.user_demo"):
            self.assertEqual(self.env.ref(xmlid).company_id, company, xmlid)
        self.assertEqual(self.env.ref("base.user_admin").name, "王建国")
        self.assertEqual(self.env.ref("base.user_demo").name, "赵敏")
        # its journals and chart in yuan
        journals = self.env["account.journal"].search([("company_id", "=", company.id)])
        self.assertTrue(journals)
        self.assertEqual(
            journals.filtered("currency_id").currency_id | company.currency_id,
            self.env.ref("base.CNY"),
        )

    def test_customers_graded_scored_limited(self):
        """Every customer of the demo company is graded and scored; one whose grade lets
        it buy on credit has a limit, unless its first application is still pending."""
        company = require_demo(self)
        Partner = self.env["res.partner"].with_company(company)
        customers = Partner.search(
            [
                ("is_company", "=", True),
                ("customer_rank", ">", 0),
                ("id", "!=", company.partner_id.id),
                ("company_id", "in", (False, company.id)),
                ("id", "in", self.demo_partner_ids()),
            ]
        )
        self.assertGreaterEqual(len(customers), 10)
        ungraded = customers.filtered(lambda c: not c.credit_grade_id or not c.credit_score)
        self.assertEqual(ungraded.mapped("name"), [])
        pending = (
            self.env["credit.application"]
            .search([("company_id", "=", company.id), ("state", "in", ("draft", "submitted"))])
            .partner_id
        )
        unlimited = customers.filtered(
            lambda c: (
                c.credit_grade_id.credit_policy == "normal"
                and not c.credit_limit
                and c not in pending
            )
        )
        self.assertEqual(unlimited.mapped("name"), [])
        # the customers named in Chinese, as the demo company
        self.assertEqual(customers.filtered(lambda c: not is_chinese(c.name)).mapped("name"), [])

    def demo_partner_ids(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "res.partner"), ("module", "like", "credit_%")]
        )
        return data.mapped("res_id")
