from odoo.tests import HttpCase, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import ExternalCase, code, csv_file


@tagged("post_install", "-at_install")
class TestExternalDataTourZh(ExternalCase, HttpCase):
    """The import walked in Chinese by the credit analyst, least privilege
    (static/tests/tours/credit_external_data_zh_tour.js): preview, apply, then the new
    dishonest-debtor record put on the warning list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        cls.analyst.lang = "zh_CN"
        cls.company.partner_id.lang = "zh_CN"
        cls.alpha.name = "ZH钢贸客户"
        rows = [
            [code(1), "", "2026-06-01", "AA", "2000000", "存续", "(2026)沪01执88号", "", "", ""],
            [code(9), "", "2026-06-01", "A", "", "", "", "", "", ""],
        ]
        cls.imp = cls.make_import(csv_file(rows), source_name="ZH测试银行")

    def test_import_zh(self):
        self.start_tour("/odoo", "credit_external_data_zh_import", login=self.analyst.login)
        self.assertRecordValues(
            self.imp, [{"state": "applied", "matched_count": 1, "unmatched_count": 1}]
        )
        self.assertEqual(self.alpha.credit_external_rating, "AA")
        adverse = self.alpha.credit_external_adverse_ids
        self.assertEqual(adverse.reference, "(2026)沪01执88号")
        self.assertEqual(adverse.warning_entry_id.partner_id, self.alpha)
        self.assertTrue(self.alpha.credit_on_warning_list)
        self.assertIn("失信被执行人", adverse.warning_entry_id.reason)
