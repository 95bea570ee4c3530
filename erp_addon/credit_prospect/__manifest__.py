{
    "name": "Credit Data for Sales",
    "summary": "Customers and prospects ranked by credit standing for salespeople, good "
    "payers flagged and proposed for a higher limit (征信助销)",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_management", "sale_management"],
    "data": [
        "security/ir.model.access.csv",
        "security/credit_prospect_security.xml",
        "views/credit_prospect_views.xml",
        "views/res_config_settings_views.xml",
        "views/credit_prospect_menus.xml",
    ],
    "demo": ["demo/credit_prospect_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_prospect/static/tests/tours/*.js",
        ],
    },
    "uninstall_hook": "uninstall_hook",
}
