"""The file import: good, bad and partly bad files (CSV and XLSX), the preview (old → new,
rows without a credit file, bad rows with row, column and reason), the apply (all or
nothing), the history of every value and the rollback on error."""

from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import ExternalCase, code, csv_file, xlsx_file


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestImport(ExternalCase):
    def test_good_csv_preview_then_apply(self):
        imp = self.make_import(csv_file(self.good_rows()))
        self.assertEqual(imp.state, "draft")
        self.assertTrue(imp.name.startswith("EXT/"))
        imp.action_preview()
        self.assertEqual(imp.state, "previewed")
        self.assertRecordValues(
            imp,
            [
                {
                    "row_count": 3,
                    "matched_count": 2,
                    "unmatched_count": 1,
                    "error_count": 0,
                    "change_count": 4,
                    "adverse_new_count": 2,
                }
            ],
        )
        # the preview says old → new and writes nothing to the files
        alpha_line = imp.line_ids.filtered(lambda line: line.partner_id == self.alpha)
        self.assertEqual(alpha_line.status, "change")
        self.assertIn("Registered capital: 1,000,000.00 → 2,000,000.00", alpha_line.message)
        self.assertIn("External rating: (none) → AA", alpha_line.message)
        self.assertIn("new Judgment debtor (被执行人): (2026)沪01执1号", alpha_line.message)
        self.assertEqual(self.lines(imp, "unmatched").credit_code, code(9))
        self.assertEqual(self.lines(imp, "unmatched").row, 4)
        self.assertEqual(self.alpha.credit_registered_capital, 1_000_000)
        self.assertFalse(self.env["credit.external.record"].search([("import_id", "=", imp.id)]))

        imp.action_apply()
        self.assertEqual(imp.state, "applied")
        self.assertEqual(imp.user_id, self.analyst)
        self.assertRecordValues(
            self.alpha | self.beta,
            [
                {
                    "credit_registered_capital": 2_000_000,
                    "credit_operating_status": "active",
                    "credit_external_rating": "AA",
                    "credit_external_source": "Bank of Testing",
                },
                {
                    "credit_registered_capital": 0.0,
                    "credit_operating_status": "revoked",
                    "credit_external_rating": "B",
                    "credit_external_source": "Association X",
                },
            ],
        )
        records = imp.record_ids.sorted("partner_id")
        self.assertEqual(records.partner_id, self.alpha | self.beta)
        self.assertEqual(set(records.mapped("source_name")), {"Bank of Testing", "Association X"})
        self.assertEqual(set(records.mapped("date")), {self.alpha.credit_external_date})
        values = imp.value_ids.filtered(lambda v: v.partner_id == self.alpha)
        self.assertEqual(
            sorted(values.mapped(lambda v: (v.field_name, v.old_value, v.new_value))),
            [("rating", "", "AA"), ("registered_capital", "1,000,000.00", "2,000,000.00")],
        )
        self.assertEqual(
            sorted(
                imp.adverse_ids.mapped(lambda a: (a.partner_id.name, a.adverse_type, a.reference))
            ),
            [
                ("Alpha Steel Ltd", "judgment_debtor", "(2026)沪01执1号"),
                ("Beta Trading Ltd", "dishonest_debtor", "(2026)沪01执2号"),
            ],
        )
        self.assertIn("Applied: 2 records", imp.message_ids[0].body)

    def test_apply_writes_the_partners_through_the_orm(self):
        """The partners' values go through ``write`` (issue 18: no raw UPDATE of Odoo's
        tables): who wrote them, and the chatter's tracking of the registered capital and
        the operating status, one note per partner changed, by the analyst; values that do
        not change are not written again."""
        imp = self.make_import(csv_file(self.good_rows()))
        imp.action_preview()
        imp.action_apply()
        self.assertEqual((self.alpha | self.beta).write_uid, self.analyst)
        alpha_note = self.alpha.message_ids.filtered("tracking_value_ids")
        self.assertEqual(len(alpha_note), 1)
        self.assertEqual(alpha_note.author_id, self.analyst.partner_id)
        self.assertEqual(alpha_note.message_type, "notification")
        self.assertEqual(
            alpha_note.tracking_value_ids.mapped(
                lambda t: (t.field_id.name, t.old_value_float, t.new_value_float)
            ),
            [("credit_registered_capital", 1_000_000, 2_000_000)],
        )
        beta_note = self.beta.message_ids.filtered("tracking_value_ids")
        self.assertEqual(
            beta_note.tracking_value_ids.mapped(lambda t: (t.field_id.name, t.new_value_char)),
            [("credit_operating_status", "Licence revoked")],
        )
        # the same file again: nothing changes, nothing is written or tracked
        imp_2 = self.make_import(csv_file(self.good_rows()))
        imp_2.action_preview()
        imp_2.action_apply()
        self.assertEqual(len(self.alpha.message_ids.filtered("tracking_value_ids")), 1)

    def test_good_xlsx_with_english_headers_and_amounts_in_wan(self):
        header = [
            "credit_code",
            "source",
            "date",
            "rating",
            "registered_capital",
            "operating_status",
        ]
        rows = [[code(1), "", "2026/06/01", "A+", "300万", "注销"]]
        imp = self.make_import(xlsx_file(rows, header), file_name="report.xlsx")
        imp.action_preview()
        imp.action_apply()
        self.assertRecordValues(
            self.alpha,
            [
                {
                    "credit_registered_capital": 3_000_000,
                    "credit_operating_status": "deregistered",
                    "credit_external_rating": "A+",
                }
            ],
        )

    def test_bad_rows_reported_row_by_row_and_refused(self):
        rows = [
            [code(1), "", "2026-06-01", "AA", "", "", "", "", "", ""],
            ["91310000MA1X0000", "", "2026-06-01", "", "", "", "", "", "", ""],
            [code(2), "", "yesterday", "", "lots", "营业中", "", "", "", ""],
            [code(1), "", "2026-06-02", "", "", "", "", "", "", ""],
            [code(3), "", "2026-07-01", "", "", "", "", "", "", ""],
        ]
        imp = self.make_import(csv_file(rows))
        imp.action_preview()
        errors = self.lines(imp, "error")
        self.assertEqual(imp.error_count, 4)
        self.assertEqual(
            errors.mapped(lambda line: (line.row, line.column)),
            [
                (3, "统一社会信用代码"),
                (4, "日期"),
                (4, "注册资本"),
                (4, "经营状态"),
                (5, "统一社会信用代码"),
                (6, "日期"),
            ],
        )
        self.assertIn("18 characters", errors[0].message)
        self.assertIn("also in row 2", errors[4].message)
        self.assertIn("in the future", errors[5].message)
        # partly bad: nothing applied, the reasons given row by row
        with self.assertRaisesRegex(UserError, r"4 bad rows: nothing was applied") as caught:
            imp.action_apply()
        self.assertIn(
            "Row 4, 注册资本: The registered capital is not an amount: lots", str(caught.exception)
        )
        self.assertEqual(imp.state, "previewed")
        self.assertFalse(imp.record_ids)
        self.assertFalse(self.alpha.credit_external_rating)

    def test_errors_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["credit_management", "credit_external_data"], ["zh_CN"], overwrite=True
        )
        self.analyst.lang = "zh_CN"
        rows = [[code(1), "", "2026-06-01", "", "lots", "", "", "", "", ""]]
        imp = self.make_import(csv_file(rows))
        imp.with_user(self.analyst).with_context(lang="zh_CN").action_preview()
        self.assertEqual(self.lines(imp, "error").message, "注册资本不是金额：lots")

    def test_missing_required_column_and_empty_file(self):
        imp = self.make_import(csv_file([[code(1)]], header=["统一社会信用代码"]))
        with self.assertRaisesRegex(UserError, "lacks the required columns: 日期"):
            imp.action_preview()
        imp = self.make_import(b"")
        with self.assertRaisesRegex(UserError, "Upload the file to import first"):
            imp.action_preview()

    def test_history_second_import_and_older_rows(self):
        first = self.make_import(csv_file(self.good_rows()))
        first.action_preview()
        first.action_apply()
        # a later report: only what changed is recorded; a known adverse record is not new
        rows = [
            [code(1), "", "2026-06-10", "AA", "2500000", "存续", "", "(2026)沪01执1号", "", ""],
            [code(2), "", "2026-05-01", "C", "", "存续", "", "", "", ""],
        ]
        second = self.make_import(csv_file(rows))
        second.action_preview()
        self.assertEqual(
            self.lines(second, "older").message,
            "Older than the values on file: kept as a record, values unchanged.",
        )
        second.action_apply()
        self.assertEqual(
            second.value_ids.mapped(lambda v: (v.field_name, v.old_value, v.new_value)),
            [("registered_capital", "2,000,000.00", "2,500,000.00")],
        )
        self.assertFalse(second.adverse_ids)
        self.assertEqual(self.beta.credit_external_rating, "B", "older report: value unchanged")
        self.assertEqual(len(self.beta.credit_external_record_ids), 2, "every report kept")
        history = self.env["credit.external.value"].search([("partner_id", "=", self.alpha.id)])
        self.assertEqual(
            history.mapped("new_value"), ["2,500,000.00", "2,000,000.00", "AA"], "newest first"
        )

    def test_rollback_on_error_nothing_half_applied(self):
        imp = self.make_import(csv_file(self.good_rows()))
        imp.action_preview()
        with patch.object(
            type(self.env["credit.external.import"]),
            "_external_update_partners",
            side_effect=UserError("disk full"),
        ):
            with self.assertRaisesRegex(UserError, "disk full"):
                imp.action_apply()
        self.assertEqual(imp.state, "previewed")
        for model in ("credit.external.record", "credit.external.value", "credit.external.adverse"):
            self.assertFalse(self.env[model].search([("import_id", "=", imp.id)]), model)
        self.assertFalse(self.alpha.credit_external_rating)
        imp.action_apply()  # once the cause is gone, the same import applies
        self.assertEqual(imp.state, "applied")

    def test_back_to_draft_and_locks(self):
        imp = self.make_import(csv_file(self.good_rows()))
        imp.action_preview()
        with self.assertRaisesRegex(UserError, "Source can no longer be changed"):
            imp.with_user(self.analyst).write({"source_name": "Another bank"})
        imp.action_reset_draft()
        self.assertEqual((imp.state, len(imp.line_ids)), ("draft", 0))
        imp.with_user(self.analyst).write({"source_name": "Another bank"})
        imp.action_preview()
        imp.action_apply()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            imp.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "already applied"):
            imp.action_preview()

    def test_only_analysts_import(self):
        with self.assertRaises(AccessError):
            self.make_import(csv_file(self.good_rows()), user=self.salesman)
        imp = self.make_import(csv_file(self.good_rows()))
        with self.assertRaisesRegex(AccessError, "Only a credit analyst may import"):
            imp.with_user(self.salesman).action_preview()

    def test_import_form_as_the_web_client(self):
        form = Form(self.env["credit.external.import"].with_user(self.analyst))
        form.source_name = "中国工商银行上海分行"
        self.assertEqual(form.provider, "file")
        imp = form.save()
        self.assertEqual(imp.user_id, self.analyst)
        action = imp.action_download_template()
        self.assertEqual(action["url"], "/credit_external_data/template.xlsx")

    def test_smart_buttons_open_what_the_import_made(self):
        imp = self.make_import(csv_file(self.good_rows()))
        imp.action_preview()
        imp.action_apply()
        for action, model, count in (
            (imp.action_open_records(), "credit.external.record", 2),
            (imp.action_open_values(), "credit.external.value", 4),
            (imp.action_open_adverse(), "credit.external.adverse", 2),
        ):
            self.assertEqual(action["res_model"], model)
            found = self.env[model].with_user(self.analyst).search(action["domain"])
            self.assertEqual(len(found), count, model)
        action = self.alpha.with_user(self.salesman).action_open_credit_external_adverse()
        found = (
            self.env["credit.external.adverse"].with_user(self.salesman).search(action["domain"])
        )
        self.assertEqual(found.reference, "(2026)沪01执1号")
        self.assertEqual(
            imp.action_download_template_csv()["url"], "/credit_external_data/template.csv"
        )
