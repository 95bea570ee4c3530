{
    "name": "Credit Contracts - Purchase",
    "summary": "Link purchase orders to contracts (合同) and show them on both sides",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_contract", "purchase"],
    "data": [
        "views/credit_contract_views.xml",
        "views/purchase_order_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "credit_contract_purchase/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
}
