"""Issue 19, items 1, 2 and 4: the checklist reads in the reader's language whoever
submitted the contract; what the add-on stores is in the company's language; dates in
sentences in the reader's date format."""

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, ContractCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install", "credit_contract")
class TestContractLanguage(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["mail", "credit_management", "credit_contract"], ["zh_CN"], overwrite=True
        )
        cls.salesman.lang = "en_US"
        cls.admin_1.lang = "en_US"
        cls.reviewer_zh = new_test_user(
            cls.env,
            login="cc_reviewer_zh",
            groups="base.group_user,credit_management.group_credit_administrator",
            lang="zh_CN",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def read_items(self, contract, user):
        lines = contract.review_line_ids.with_user(user).with_context(lang=user.lang)
        return lines.read(["name", "description"])

    def test_checklist_in_each_reader_language(self):
        contract = self.make_contract()
        # submitted from an English session
        contract.with_user(self.salesman).with_context(lang="en_US").action_submit_review()
        english = self.read_items(contract, self.admin_1)
        chinese = self.read_items(contract, self.reviewer_zh)
        self.assertIn("Legality", [item["name"] for item in english])
        self.assertNotIn("Legality", [item["name"] for item in chinese])
        self.assertIn("合法性", [item["name"] for item in chinese])
        self.assertTrue(all(line.template_line_id for line in contract.review_line_ids))
        # a line keeps what the checklist said when the review started
        item = contract.review_line_ids[0].template_line_id.sudo()
        item.with_context(lang="en_US").name = "Changed later"
        contract.review_line_ids.invalidate_recordset()
        self.assertNotIn(
            "Changed later", [i["name"] for i in self.read_items(contract, self.admin_1)]
        )

    def test_submitted_in_chinese_reads_english_for_english_reader(self):
        contract = self.make_contract()
        contract.with_user(self.salesman).with_context(lang="zh_CN").action_submit_review()
        self.assertIn(
            "Legality", [item["name"] for item in self.read_items(contract, self.admin_1)]
        )
        self.assertIn(
            "合法性", [item["name"] for item in self.read_items(contract, self.reviewer_zh)]
        )

    def test_created_message_names_the_model_in_chinese(self):
        # created from a Chinese session (the web client sends the user's language)
        self.salesman.lang = "zh_CN"
        contract = (
            self.env["credit.contract"]
            .with_user(self.salesman)
            # the test case turns Odoo's creation log off; the web client does not
            .with_context(lang="zh_CN", mail_create_nolog=False, tracking_disable=False)
            .create(self.contract_vals())
        )
        created = contract.message_ids.filtered(lambda m: "创建" in (m.body or ""))
        self.assertIn("合同 创建", created.body)
        self.assertNotIn("Contract", created.body)

    def test_chatter_in_company_language_reminder_in_reader_date_format(self):
        self.company.partner_id.lang = "zh_CN"
        contract = self.signed_contract(date_end="2026-07-10")
        # an English administrator's decision is logged in the company's language
        self.decide(contract, "action_mark_invalid", self.admin_1, "伪造印章")
        body = contract.message_ids[0].body
        self.assertIn("伪造印章", body)
        self.assertNotIn("Recorded as invalid", body)
        # the expiry reminder, by the scheduled job as OdooBot in English: the contract's
        # responsible reads it in Chinese with a Chinese date, not ISO
        self.salesman.lang = "zh_CN"
        odoobot = self.env.ref("base.user_root")
        odoobot.lang = "en_US"
        self.env["credit.contract"].with_user(odoobot)._cron_contract_expiry()
        activity = contract.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("credit_contract.mail_activity_type_contract_expiry")
            )
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("2026年07月10日", activity.summary)
        self.assertNotIn("2026-07-10", activity.summary)
        self.assertNotIn("ends on", activity.summary)
