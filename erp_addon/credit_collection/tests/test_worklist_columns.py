"""Issue 19, item 7: a disputed invoice shows its dispute where its stage would be, on the
collector's worklist (kanban columns) as on the form, the list and the ageing; item 5: a
procedure's copy (a new company's) keeps every language of its names."""

from odoo.tests import tagged

from .common import CollectionCase


@tagged("post_install", "-at_install", "credit_collection")
class TestWorklistColumns(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["credit_collection"], ["zh_CN"])
        for stage, chinese in ((cls.s_reminder, "友好提醒"), (cls.s_call, "电话催收")):
            stage.update_field_translations("name", {"zh_CN": chinese})
        cls.collector.lang = "zh_CN"

    def _columns(self, invoices):
        """The worklist's columns as the web client reads them for the collector in
        Chinese: the kanban's group-by field, its groups and their labels."""
        action = self.env.ref("credit_collection.action_collection_worklist")
        kanban = self.env.ref("credit_collection.view_move_collection_kanban")
        self.assertIn(
            (kanban.id, "kanban"),
            [(v.id, m) for v, m in action.view_ids.mapped(lambda v: (v.view_id, v.view_mode))],
        )
        Move = self.env["account.move"].with_user(self.collector).with_context(lang="zh_CN")
        arch = Move.get_views([(kanban.id, "kanban")])["views"]["kanban"]["arch"]
        self.assertIn('default_group_by="collection_column"', arch)
        labels = dict(Move.fields_get(["collection_column"])["collection_column"]["selection"])
        result = Move.web_read_group(
            [("id", "in", invoices.ids)], ["collection_column"], ["collection_column"]
        )
        return [
            (
                labels.get(group["collection_column"], group["collection_column"]),
                group["collection_column_count"],
                Move.search(group["__domain"]),
            )
            for group in result["groups"]
        ]

    def test_disputed_invoice_has_its_dispute_column(self):
        called = self.make_invoice(self.customer, 1000, due="2026-05-10")
        disputed = self.make_invoice(self.customer, 700, due="2026-05-10")
        reminded = self.make_invoice(self.customer, 300, due="2026-05-30")
        invoices = called | disputed | reminded
        self.run_daily("2026-06-01")  # 22 and 2 days overdue: the call, the reminder
        self.assertEqual(disputed.collection_stage_id, self.s_call)
        self.env["credit.collection.dispute"].with_user(self.collector).create(
            {"move_id": disputed.id, "reason": "货物破损"}
        )
        self.assertFalse(disputed.collection_stage_id)
        expected = [("友好提醒", 1, reminded), ("电话催收", 1, called), ("有争议", 1, disputed)]
        self.assertEqual(self._columns(invoices), expected)
        # the daily action (its own UPDATE) moves the others on, the disputed one stays
        self.run_daily("2026-06-16")  # 37 and 17 days: the letter, the call
        self.assertEqual(called.collection_stage_id, self.s_letter)
        self.assertEqual(reminded.collection_stage_id, self.s_call)
        self.assertEqual(
            self._columns(invoices),
            [("电话催收", 1, reminded), ("Formal letter", 1, called), ("有争议", 1, disputed)],
        )
        # the list's group-by (the same field) and the form's stage say the same
        self.assertEqual(
            disputed.with_user(self.collector).with_context(lang="zh_CN").collection_status,
            "有争议",
        )
        # resolved: back in its stage's column
        dispute = disputed.collection_dispute_ids
        dispute.with_user(self.collector).resolution = "开具10%红字发票"
        dispute.with_user(self.collector).action_resolve()
        self.assertEqual(disputed.collection_column, f"stage_{self.s_call.id}")
        self.assertEqual(
            self._columns(invoices),
            [("电话催收", 2, reminded | disputed), ("Formal letter", 1, called)],
        )
        # paid: out of every column
        self.pay(called, 1000, "2026-06-17")
        self.run_daily("2026-06-17")
        self.assertFalse(called.collection_stage_id)
        self.assertFalse(called.collection_column)

    def test_procedure_copy_keeps_every_language(self):
        """A procedure's copy, and the one a new company gets, read their names (the
        procedure's, its stages', the buckets') in English and in Chinese."""
        self.procedure.update_field_translations("name", {"zh_CN": "测试催账程序"})
        copy = self.procedure.with_context(lang="zh_CN").copy({"company_id": self.company.id})
        self.assertEqual(copy.with_context(lang="en_US").name, "Test procedure")
        self.assertEqual(copy.with_context(lang="zh_CN").name, "测试催账程序")
        self.assertEqual(
            copy.with_context(lang="en_US")._stages_sorted().mapped("name"),
            ["Reminder", "Call", "Formal letter", "Write-off proposal"],
        )
        self.assertEqual(
            copy.with_context(lang="zh_CN")._stages_sorted().mapped("name"),
            ["友好提醒", "电话催收", "Formal letter", "Write-off proposal"],
        )
        self.assertEqual(copy.stage_ids.mapped("days_from"), [1, 15, 31, 91])
        self.assertNotEqual(copy.stage_ids, self.procedure.stage_ids)
        self.assertEqual(
            copy._stages_sorted().mapped("owner_group_id"),
            self.procedure._stages_sorted().mapped("owner_group_id"),
        )

        # a new company gets the main company's procedure and buckets, in every language
        main = self.env.ref("base.main_company").sudo()
        source = main.collection_procedure_id
        self.assertTrue(source, "the shipped procedure is the main company's")
        source_stage = source._stages_sorted()[:1]
        source_stage.update_field_translations("name", {"zh_CN": "友好提醒函"})
        bucket = (
            self.env["credit.collection.bucket"]
            .sudo()
            .search([("company_id", "=", main.id)], limit=1)
        )
        bucket.update_field_translations("name", {"zh_CN": "未到期"})
        company = (
            self.env["res.company"]
            .sudo()
            .with_context(lang="en_US")
            .create({"name": "新公司", "currency_id": self.env.ref("base.CNY").id})
        )
        procedure = company.collection_procedure_id.sudo()
        self.assertEqual(procedure.company_id, company)
        self.assertEqual(
            procedure.with_context(lang="zh_CN").name, source.with_context(lang="zh_CN").name
        )
        self.assertEqual(
            procedure.with_context(lang="zh_CN")._stages_sorted()[:1].name, "友好提醒函"
        )
        self.assertEqual(
            procedure.with_context(lang="en_US")._stages_sorted()[:1].name,
            source_stage.with_context(lang="en_US").name,
        )
        buckets = (
            self.env["credit.collection.bucket"]
            .sudo()
            .search([("company_id", "=", company.id), ("days_from", "=", bucket.days_from)])
        )
        self.assertEqual(buckets.with_context(lang="zh_CN").name, "未到期")
        self.assertEqual(
            buckets.with_context(lang="en_US").name, bucket.with_context(lang="en_US").name
        )
        self.assertFalse(
            procedure.stage_ids & source.stage_ids, "the company has stages of its own"
        )
