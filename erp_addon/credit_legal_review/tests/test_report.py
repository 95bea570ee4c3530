from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import LegalReviewCase

REPORT = "credit_legal_review.report_legal_review"


@tagged("post_install", "-at_install")
class TestLegalReviewReport(LegalReviewCase, HttpCase):
    """The signed review printed in Chinese (as a PDF: wkhtmltopdf fetches the report's
    assets from the test server, hence an HttpCase)."""

    def test_review_printable_in_chinese(self):
        load_zh_cn(self.env)
        self.company.partner_id.lang = "zh_CN"
        signed = self.signed_on("2026-05-05", title="Late", amount=50_000)
        with freeze_time("2026-07-02"):
            review = self.make_review()
            review.with_user(self.admin_1).action_submit()
            review.with_user(self.legal_rep).opinion = "合同签订规范，请按期登记台账。"
            review.with_user(self.legal_rep).action_sign()
        action = review.with_user(self.auditor).action_print()
        self.assertEqual(action["report_name"], REPORT)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.legal_rep)
            ._render_qweb_html(REPORT, review.ids)[0]
            .decode()
        )
        for text in (
            "合同签订履行情况审查表",
            "本期合同台账统计",
            "签订合同数",
            "法定代表人意见",
            "法定代表人（签字）：",
            "合同签订规范，请按期登记台账。",
            review.name,
        ):
            self.assertIn(text, html)
        self.assertNotIn("尚未经法定代表人签署", html)
        self.assertEqual(review.contract_signed_count, 1, signed.name)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, review.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
