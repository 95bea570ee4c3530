{
    "name": "Credit Audit and Accountability",
    "summary": "Audits of the credit work (审计整改) with findings, rectification plans and "
    "deadlines, follow-ups of the effect, verification by the credit manager and the "
    "accountability decision (责任追究)",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_management", "hr"],
    "data": [
        "security/credit_audit_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "report/credit_audit_report.xml",
        "views/credit_audit_finding_views.xml",
        "views/credit_audit_views.xml",
        "views/credit_audit_accountability_views.xml",
        "views/res_partner_views.xml",
        "views/credit_audit_menus.xml",
    ],
    "demo": ["demo/credit_audit_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_audit/static/tests/tours/*.js",
        ],
    },
}
