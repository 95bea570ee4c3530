{
    "name": "Credit Restructuring",
    "summary": "Debt restructuring (债务重组): a new instalment schedule for a debtor's overdue "
    "invoices, approved by authority band, waivers through the write-off approvals, "
    "escalation paused while kept, breach on a missed instalment, adherence",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_collection"],
    "data": [
        "security/credit_restructuring_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/credit_overview_card_data.xml",
        "report/credit_restructuring_report.xml",
        "report/credit_restructuring_adherence_views.xml",
        "views/credit_restructuring_views.xml",
        "views/credit_collection_writeoff_views.xml",
        "views/account_move_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/credit_restructuring_menus.xml",
    ],
    "demo": ["demo/credit_restructuring_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_restructuring/static/tests/tours/*.js",
        ],
    },
    "uninstall_hook": "uninstall_hook",
}
