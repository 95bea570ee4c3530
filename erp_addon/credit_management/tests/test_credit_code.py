from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestCreditCode(CreditCommon):
    def test_valid_code_is_normalised(self):
        partner = self.env["res.partner"].create(
            {"name": "Valid Co", "is_company": True, "credit_code": " 91310000ma1fl0000n "}
        )
        self.assertEqual(partner.credit_code, "91310000MA1FL0000N")

    def test_wrong_check_character(self):
        with self.assertRaisesText(ValidationError, "check character"):
            self.env["res.partner"].create(
                {"name": "Bad Co", "is_company": True, "credit_code": "91310000MA1FL0000X"}
            )

    def test_wrong_length(self):
        with self.assertRaisesText(ValidationError, "18 characters"):
            self.customer.with_user(self.analyst).credit_code = "9131000"

    def test_forbidden_characters(self):
        with self.assertRaisesText(ValidationError, "cannot have"):
            self.customer.credit_code = "9131000OMA1FL0000N"

    def test_warning_entry_validates_and_links_by_code(self):
        self.customer.credit_code = "91440300MA5D000015"
        entry = (
            self.env["credit.warning.entry"]
            .with_user(self.analyst)
            .create(
                {
                    "name": "Credit Customer Ltd",
                    "credit_code": "91440300ma5d000015",
                    "reason": "Court list of dishonest judgment debtors",
                }
            )
        )
        self.assertEqual(entry.partner_id, self.customer)
        self.assertTrue(self.customer.credit_on_warning_list)
        self.assertTrue(self.contact.commercial_partner_id.credit_on_warning_list)
        with self.assertRaises(ValidationError):
            self.env["credit.warning.entry"].create(
                {"name": "X", "credit_code": "123", "reason": "r"}
            )
        entry.with_user(self.manager).action_lift()
        self.assertFalse(self.customer.credit_on_warning_list)
        self.assertEqual(entry.lifted_by_id, self.manager)

    def test_messages_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_management"], ["zh_CN"])
        partner_zh = self.env["res.partner"].with_context(lang="zh_CN")
        expected = "统一社会信用代码 91310000MA1FL0000X 的校验码错误"
        with self.assertRaisesText(ValidationError, expected):
            partner_zh.create(
                {"name": "Bad Co", "is_company": True, "credit_code": "91310000MA1FL0000X"}
            )
        with self.assertRaisesText(ValidationError, "申请的授信额度必须大于零"):
            self.env["credit.application"].with_context(lang="zh_CN").create(
                {
                    "partner_id": self.customer.id,
                    "requested_limit": -1,
                    "justification": "x",
                    "company_id": self.company.id,
                }
            )
