{
    "name": "Credit Management Seminars and Case Reviews",
    "summary": "Seminars and case reviews (信用管理研讨会、案例评析会) run by the head of the "
    "credit department: cases, conclusions, and actions with owners and deadlines",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_management", "hr"],
    "data": [
        "security/credit_seminar_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/credit_seminar_views.xml",
        "views/credit_seminar_menus.xml",
    ],
    "demo": ["demo/credit_seminar_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_seminar/static/tests/tours/*.js",
        ],
    },
}
