"""Sharing out: only customers marked shareable (a flag the analysts keep), in the
documented format, every sharing logged (who, when, which customers, to whom) for good."""

import base64
import csv
import io

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import ExternalCase, code, csv_file


@freeze_time("2026-06-15 10:00:00")
@tagged("post_install", "-at_install")
class TestShare(ExternalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only the test's customers are shareable (whatever other data the database has)
        cls.env["res.partner"].search([("credit_shareable", "=", True)]).credit_shareable = False
        (cls.alpha | cls.beta).with_user(cls.analyst).credit_shareable = True

    def test_shareable_is_the_analysts(self):
        with self.assertRaisesRegex(AccessError, "You may not change Credit Data Shareable"):
            self.gamma.with_user(self.salesman).credit_shareable = True
        self.gamma.with_user(self.analyst).credit_shareable = True
        self.assertTrue(self.gamma.credit_shareable)

    def test_export_csv_logged(self):
        imp = self.make_import(
            csv_file([[code(1), "", "2026-06-01", "AA", "", "", "", "J1", "", ""]])
        )
        imp.action_preview()
        imp.action_apply()
        form = Form(self.env["credit.external.share.wizard"].with_user(self.analyst))
        self.assertEqual(form.partner_ids.ids, (self.alpha | self.beta).ids, "shareable ones")
        form.recipient = "中国钢铁工业协会"
        form.file_format = "csv"
        wizard = form.save()
        action = wizard.action_export()
        share = self.env["credit.external.share"].search([])
        self.assertRecordValues(
            share,
            [
                {
                    "user_id": self.analyst.id,
                    "recipient": "中国钢铁工业协会",
                    "recipient_type": "association",
                    "partner_count": 2,
                    "file_format": "csv",
                }
            ],
        )
        self.assertEqual(share.partner_ids, self.alpha | self.beta)
        self.assertEqual(str(share.date), "2026-06-15 10:00:00")
        self.assertIn(f"/web/content/credit.external.share/{share.id}/file_data/", action["url"])
        rows = list(csv.reader(io.StringIO(base64.b64decode(share.file_data).decode("utf-8-sig"))))
        self.assertEqual(rows[0][:3], ["统一社会信用代码", "来源", "日期"])
        alpha_row = next(row for row in rows if row[0] == code(1))
        self.assertEqual(alpha_row[2], "2026-06-15")
        self.assertEqual(alpha_row[5], "存续")
        self.assertEqual(alpha_row[7], "J1")
        # the file shared reads back through the import as it is
        back = self.make_import(base64.b64decode(share.file_data), file_name="shared.csv")
        back.action_preview()
        self.assertEqual((back.error_count, back.matched_count), (0, 2))
        # the log stays
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            share.with_user(self.manager).unlink()
        with self.assertRaises(AccessError):
            share.with_user(self.manager).write({"recipient": "Someone else"})

    def test_export_xlsx_and_refusals(self):
        wizard = (
            self.env["credit.external.share.wizard"]
            .with_user(self.analyst)
            .create({"recipient": "Bank", "recipient_type": "bank", "file_format": "xlsx"})
        )
        wizard.action_export()
        share = self.env["credit.external.share"].search([])
        self.assertEqual(base64.b64decode(share.file_data)[:2], b"PK")
        self.assertTrue(share.file_name.endswith(".xlsx"))
        wizard.partner_ids |= self.gamma
        with self.assertRaisesRegex(UserError, "not marked shareable: Gamma Textiles Ltd"):
            wizard.action_export()
        with self.assertRaisesRegex(AccessError, "Only a credit analyst may share"):
            wizard.with_user(self.salesman).action_export()
