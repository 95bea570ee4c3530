{
    "name": "Credit Audit: Appraisal",
    "summary": "Bridge: audit findings on a credit administrator show on their appraisal as "
    "evidence for the assessor",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_audit", "credit_appraisal"],
    "data": [
        "views/credit_appraisal_views.xml",
    ],
    "demo": ["demo/credit_audit_appraisal_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_audit_appraisal/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
}
