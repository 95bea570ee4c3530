{
    "name": "Supplier Credit",
    "summary": "Periodic evaluation of suppliers (供应商信用): a scoring model fed by purchase "
    "data and the evaluator's factors, supplier grades with a purchasing policy, the "
    "labour and wages section's (劳资科) sign-off, and blocked suppliers' orders held "
    "unless an exception is granted",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_management", "purchase"],
    "data": [
        "security/credit_supplier_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/credit_supplier_data.xml",
        "data/ir_cron_data.xml",
        "views/credit_supplier_evaluation_views.xml",
        "views/credit_supplier_grade_views.xml",
        "views/credit_score_model_views.xml",
        "views/res_partner_views.xml",
        "views/purchase_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/credit_supplier_menus.xml",
    ],
    "demo": ["demo/credit_supplier_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_supplier/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
