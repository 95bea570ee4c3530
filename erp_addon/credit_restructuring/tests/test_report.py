from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from .common import RestructuringCase

REPORT = "credit_restructuring.report_restructuring"


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestAgreementReport(RestructuringCase, HttpCase):
    """The agreement printed for signature, in Chinese (as a PDF: wkhtmltopdf fetches the
    report's assets from the test server, hence an HttpCase)."""

    def test_agreement_printable_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_restructuring"], ["zh_CN"])
        self.company.partner_id.lang = "zh_CN"
        inv = self.make_invoice(self.debtor, 6000, due="2026-04-01")
        agreement = self.create_agreement(
            inv, [("2026-07-15", 2500), ("2026-08-15", 3000)], waived=500
        )
        self.activate(agreement)
        action = agreement.with_user(self.collector).action_print()
        self.assertEqual(action["report_name"], REPORT)
        html = self.env["ir.actions.report"]._render_qweb_html(REPORT, agreement.ids)[0].decode()
        for text in (
            "债务重组协议",
            "债权人（甲方）",
            "债务人（乙方）",
            "第一条 重组涉及的债务",
            "第二条 新的还款计划",
            "减免金额",
            "甲方（盖章）：",
            "乙方（盖章）：",
            "授权代表（签字）：",
            agreement.name,
            inv.name,
            "Debtor Steel Ltd",
        ):
            self.assertIn(text, html)
        self.assertNotIn("不得用于签署", html, "an approved agreement is for signing")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, agreement.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
