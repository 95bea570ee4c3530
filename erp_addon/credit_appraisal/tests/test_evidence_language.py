"""Issue 17, item 14: the evidence is kept as data and worded in the reader's language."""

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import ADMINISTRATOR, AppraisalCase


@freeze_time("2026-01-20")
@tagged("post_install", "-at_install", "credit_appraisal")
class TestEvidenceLanguage(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["credit_appraisal"], ["zh_CN"])
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.reader_en = new_test_user(
            cls.env,
            login="ca_reader_en",
            groups=f"base.group_user,{ADMINISTRATOR}",
            lang="en_US",
            **common,
        )
        cls.reader_zh = new_test_user(
            cls.env,
            login="ca_reader_zh",
            groups=f"base.group_user,{ADMINISTRATOR}",
            lang="zh_CN",
            **common,
        )
        cls.signed = cls.contract(cls.dept_1)
        cls.period = cls.make_period(2025)
        # the recompute run by a manager working in Chinese: it words nothing
        cls.period.with_user(cls.manager).with_context(lang="zh_CN").action_generate_appraisals()
        cls.appraisal = cls.period.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_a)
        cls.appraisal.with_user(cls.manager).assessor_ids = cls.reader_en | cls.reader_zh

    def read_as(self, line, user):
        """The line's evidence as ``user`` reads it (the web client and RPC send the
        user's language in the context)."""
        return line.with_user(user).with_context(lang=user.lang).read(["evidence"])[0]["evidence"]

    def test_same_line_in_each_reader_language(self):
        line = self.line(self.appraisal, "2.5")
        self.assertFalse(line.not_measurable)
        # kept as data: the formula's key and the figures, no words
        self.assertEqual(line.evidence_data["method"], "within_authority")
        self.assertEqual(line.evidence_data["failing"], [self.signed.name])
        english = self.read_as(line, self.reader_en)
        chinese = self.read_as(line, self.reader_zh)
        self.assertIn("2.5 Contracts signed in the year within the signatory's power", english)
        self.assertIn(f"Not passing: {self.signed.name}.", english)
        self.assertIn("Departments covered: Sales One, Sales Two.", english)
        self.assertIn(self.signed.name, english)
        self.assertNotIn("Contracts signed", chinese)
        self.assertIn("数据：", chinese)
        self.assertIn("负责部门：", chinese)
        self.assertIn(self.signed.name, chinese)
        # the same in the PDF and workbook of the `credit` command, which read it over RPC
        # with the reader's language: what a record read in a language says, RPC says
        self.assertEqual(line.with_context(lang="zh_CN").evidence, chinese)

    def test_not_measurable_and_hand_evidence_as_written(self):
        line = self.line(self.appraisal, "4.1")
        self.assertTrue(line.not_measurable)
        self.assertIn("Nothing to measure in 2025.", self.read_as(line, self.reader_en))
        self.assertNotIn("Nothing to measure", self.read_as(line, self.reader_zh))
        written = "部门档案已于一月十五日检查。"
        line.with_user(self.reader_zh).write({"hand_score": 3, "hand_evidence": written})
        # the assessor's own text is shown as written, to every reader
        self.assertIn(written, self.read_as(line, self.reader_en))
        self.assertIn(written, self.read_as(line, self.reader_zh))
        self.assertIn("Assessor's score 3.0 of 6.0", self.read_as(line, self.reader_en))
        # an item the assessor scores in full: the evidence is theirs, as written
        manual = self.line(self.appraisal, "3.2")
        manual.with_user(self.reader_en).write(
            {"hand_score": 4, "hand_evidence": "Reconciled in May."}
        )
        self.assertEqual(manual.score, 4)
        self.assertEqual(self.read_as(manual, self.reader_zh), "Reconciled in May.")

    def test_recompute_as_odoobot_decides_no_language(self):
        # the scheduled job's user works in English; the Chinese reader still reads Chinese
        self.env.ref("base.user_root").lang = "en_US"
        self.period.with_user(self.env.ref("base.user_root")).sudo()._recompute()
        line = self.line(self.appraisal, "3.3")
        chinese = self.read_as(line, self.reader_zh)
        self.assertNotIn("Contracts in performance", chinese)
        # the day measured in each reader's date format, never ISO inside a sentence
        self.assertIn("2025年12月31日", chinese)
        self.assertNotIn("2025-12-31", chinese)
        self.assertIn("on 12/31/2025", self.read_as(line, self.reader_en))

    def test_fee_reason_in_the_company_language(self):
        """The fee's reason is stored: worded in the company's language, whoever records
        the failed exam (here a manager working in English)."""
        self.company.partner_id.lang = "zh_CN"
        self.manager.lang = "en_US"
        exam = self.make_session("Contract law H1", "legal", "2025-03-10")
        exam.with_context(lang="zh_CN").name = "合同法培训"
        failed = (
            self.env["credit.training.result"]
            .with_user(self.manager)
            .with_context(lang="en_US")
            .create({"session_id": exam.id, "employee_id": self.emp_a.id, "score": 50})
        )
        self.assertEqual(
            failed.fee_id.with_context(lang="en_US").reason,
            "补考费：合同法培训 成绩 50.0 低于及格分 60.0",
        )

    def test_sample_fine_reason_as_odoobot_in_english(self):
        """Issue 19, item a: a sample-check result recorded by a scheduled job runs as
        OdooBot, whose language is English: the fine's stored reason is still worded in the
        company's language (Chinese here), never OdooBot's."""
        self.company.partner_id.lang = "zh_CN"
        odoobot = self.env.ref("base.user_root")
        odoobot.lang = "en_US"
        check = self.make_session("Seal rules H1", "legal", "2025-03-10", assessment="sample")
        check.with_context(lang="zh_CN").name = "印章管理抽查"
        failed = (
            self.env["credit.training.result"]
            .with_user(odoobot)
            .with_context(lang="en_US")
            .create({"session_id": check.id, "employee_id": self.emp_a.id, "mastery": 40})
        )
        self.assertEqual(failed.fee_id.kind, "fine")
        self.assertEqual(
            failed.fee_id.with_context(lang="en_US").reason,
            "抽查罚款：印章管理抽查 掌握 40.0%，低于 50.0%",
        )
        # the same words for every reader: the reason is stored, not translated on read
        self.assertEqual(
            failed.fee_id.with_context(lang="zh_CN").reason,
            failed.fee_id.with_context(lang="en_US").reason,
        )
