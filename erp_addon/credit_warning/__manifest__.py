{
    "name": "Credit Early Warning and Rescue",
    "summary": "Early-warning signals computed daily for every customer, warning levels with "
    "their history, and rescue cases (信用预警和挽救) with an action plan",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_management", "credit_collection"],
    "data": [
        "security/credit_warning_security.xml",
        "security/ir.model.access.csv",
        "data/credit_warning_data.xml",
        "views/credit_warning_rule_views.xml",
        "views/credit_warning_signal_views.xml",
        "views/credit_rescue_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/credit_warning_menus.xml",
    ],
    "demo": ["demo/credit_warning_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_warning/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
