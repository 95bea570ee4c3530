"""Issue 19, item 1: what collections write is worded in the company's language (stored
text) whoever or whatever triggered it; the daily action runs as OdooBot, in English."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase


@tagged("post_install", "-at_install", "credit_collection")
class TestCollectionLanguage(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["credit_management", "credit_collection"], ["zh_CN"], overwrite=True
        )
        cls.company.partner_id.lang = "zh_CN"
        for stage, chinese in (
            (cls.s_reminder, "友好提醒"),
            (cls.s_call, "电话催收"),
            (cls.s_letter, "正式催款函"),
            (cls.s_writeoff, "核销申请"),
        ):
            stage.update_field_translations("name", {"zh_CN": chinese})
        # the people work in English: only the company's language decides stored text
        cls.odoobot = cls.env.ref("base.user_root")
        cls.odoobot.lang = "en_US"
        (cls.collector | cls.manager | cls.chief_accountant).write({"lang": "en_US"})
        cls.company.write(
            {
                "collection_writeoff_account_id": cls.company_data["default_account_expense"].id,
                "collection_writeoff_journal_id": cls.company_data["default_journal_misc"].id,
            }
        )

    def test_daily_action_as_odoobot_writes_in_the_company_language(self):
        self.procedure.stage_mode = "step"
        invoice = self.make_invoice(self.customer, 500, due="2026-05-01")
        # 40 days overdue, one stage per run: in the reminder stage, due for the letter
        self.env["credit.collection.run"].with_user(self.odoobot)._run_for(
            self.company, invoice.invoice_date_due.replace(month=6, day=10)
        )
        self.assertEqual(invoice.collection_stage_id, self.s_reminder)
        history = invoice.collection_history_ids.filtered(lambda h: h.event == "escalated")
        self.assertEqual(history.note, "应进入 正式催款函")
        activity = invoice.activity_ids.filtered("automated")
        self.assertEqual(activity.summary, "友好提醒")

    def test_write_off_label_and_history_in_the_company_language(self):
        invoice = self.make_invoice(self.customer, 800, due="2026-01-01")
        writeoff = (
            self.env["credit.collection.writeoff"]
            .with_user(self.collector)
            .create({"move_id": invoice.id, "evidence": "Bankrupt"})
        )
        writeoff.with_user(self.collector).action_submit()
        writeoff.with_user(self.manager).action_approve_manager()
        writeoff.with_user(self.chief_accountant).action_approve_accountant()
        entry = writeoff.writeoff_move_id
        self.assertEqual(entry.ref, f"呆坏账核销 {writeoff.name}（发票 {invoice.name}）")
        notes = invoice.collection_history_ids.filtered(lambda h: h.event == "writeoff")
        self.assertEqual(
            sorted(notes.mapped("note")), sorted(["已提出核销申请", f"已通过 {entry.name} 核销"])
        )
        self.assertIn(f"已通过 {entry.name} 作为呆坏账核销。", invoice.message_ids[0].body)

    @freeze_time("2026-06-10")
    def test_promise_message_date_and_display_name(self):
        invoice = self.make_invoice(self.customer, 300, due="2026-05-01")
        promise = (
            self.env["credit.collection.promise"]
            .with_user(self.collector)
            .create({"move_id": invoice.id, "amount": 300, "date": "2026-06-20"})
        )
        # the chatter: the company's language and its date format, not ISO
        body = invoice.message_ids[0].body
        self.assertIn("2026年06月20日", body)
        self.assertNotIn("2026-06-20", body)
        # the breadcrumb: a name in each reader's language, never "model,id"
        self.assertEqual(
            promise.with_context(lang="en_US").display_name,
            f"Promise to pay {invoice.name} by 06/20/2026",
        )
        self.assertEqual(
            promise.with_context(lang="zh_CN").display_name,
            f"{invoice.name} 的付款承诺（2026年06月20日）",
        )
