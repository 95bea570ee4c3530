{
    "name": "Credit Legal Representative's Contract Review",
    "summary": "The legal representative's regular review of how contracts are signed and "
    "performed: the contract ledger's statistics for the period, opinion and sign-off",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_contract"],
    "data": [
        "security/credit_legal_review_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "report/credit_legal_review_report.xml",
        "views/credit_legal_review_views.xml",
        "views/res_config_settings_views.xml",
        "views/credit_legal_review_menus.xml",
    ],
    "demo": ["demo/credit_legal_review_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_legal_review/static/tests/tours/*.js",
        ],
    },
}
