{
    "name": "Credit Seminars: Attendance as Training",
    "summary": "Bridge between seminars and the staff appraisal: attending a closed seminar "
    "counts as a training session where the company says so",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_seminar", "credit_appraisal"],
    "auto_install": True,
    "data": [
        "views/credit_seminar_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "credit_seminar_appraisal/static/tests/tours/*.js",
        ],
    },
}
