{
    "name": "Credit External Data",
    "summary": "External credit data (外部征信): import credit information from banks, "
    "industry associations and rating agencies into the credit files (preview, history of "
    "every value, adverse records feeding scoring and the warning list), share the "
    "company's customer credit data back, one provider class per source",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_management"],
    "external_dependencies": {"python": ["openpyxl", "xlsxwriter"]},
    "data": [
        "security/credit_external_data_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "views/credit_external_import_views.xml",
        "views/credit_external_record_views.xml",
        "views/credit_external_share_views.xml",
        "wizards/credit_external_share_wizard_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/credit_external_data_menus.xml",
    ],
    "demo": ["demo/credit_external_data_demo.xml"],
    # read by the demo's imports (file="..." of their file field)
    "oca_data_manual": ["demo/credit_external_bank.csv", "demo/credit_external_association.csv"],
    "assets": {
        "web.assets_tests": [
            "credit_external_data/static/tests/tours/*.js",
        ],
    },
}
