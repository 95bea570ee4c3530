{
    "name": "Credit Audit: Contracts",
    "summary": "Bridge: the contracts concerned in an audit finding, and a contract's findings",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_audit", "credit_contract"],
    "data": [
        "views/credit_audit_finding_views.xml",
        "views/credit_contract_views.xml",
    ],
    "demo": ["demo/credit_audit_contract_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_audit_contract/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
}
