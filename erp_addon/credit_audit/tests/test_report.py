from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, AuditCase

REPORT = "credit_audit.report_credit_audit"


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestAuditReport(AuditCase, HttpCase):
    """The audit report printed in Chinese (a PDF: wkhtmltopdf fetches the report's assets
    from the test server, hence an HttpCase)."""

    def test_report_printable_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_audit"], ["zh_CN"])
        self.company.partner_id.lang = "zh_CN"
        audit = self.make_audit(title="年度信用审计")
        finding = self.make_finding(
            audit, state="verified", name="超授信额度发货", plan="超额发货一律报批"
        )
        self.Followup.with_user(self.staff).create(
            {"finding_id": finding.id, "note": "本月超额发货均已报批"}
        )
        action = audit.with_user(self.administrator).action_print()
        self.assertEqual(action["report_name"], REPORT)
        html = self.env["ir.actions.report"]._render_qweb_html(REPORT, audit.ids)[0].decode()
        for text in (
            "审计整改报告",
            "整改计划",
            "整改期限",
            "责任部门",
            "责任人",
            "已验证",
            "超授信额度发货",
            "超额发货一律报批",
            "本月超额发货均已报批",
            "Audited Customer Ltd",
            audit.name,
        ):
            self.assertIn(text, html)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, audit.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
