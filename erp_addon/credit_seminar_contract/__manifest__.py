{
    "name": "Credit Seminars: Contract Cases",
    "summary": "Bridge between seminars and contracts: contracts and disputes as the cases "
    "of a seminar or case review",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_seminar", "credit_contract"],
    "auto_install": True,
    "data": ["views/credit_seminar_views.xml"],
    "demo": ["demo/credit_seminar_contract_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_seminar_contract/static/tests/tours/*.js",
        ],
    },
}
