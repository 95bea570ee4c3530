{
    "name": "Credit Guarantees",
    "summary": "Guarantees and collateral (信用担保) backing customers' credit: approval by "
    "authority, cover counted by the credit check, guarantors' contingent liability, "
    "expiry and revaluation reminders, revaluation of collateral (more cover on approval), "
    "release and calling on default",
    "version": "18.0.1.1.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_management", "credit_collection"],
    "data": [
        "security/credit_guarantee_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/credit_overview_card_data.xml",
        "wizards/credit_guarantee_call_views.xml",
        "wizards/credit_guarantee_revalue_views.xml",
        "views/credit_guarantee_valuation_views.xml",
        "views/credit_guarantee_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/credit_guarantee_menus.xml",
    ],
    "demo": ["demo/credit_guarantee_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_guarantee/static/tests/tours/*.js",
        ],
    },
    "uninstall_hook": "uninstall_hook",
}
