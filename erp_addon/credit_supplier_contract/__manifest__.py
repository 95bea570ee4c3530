{
    "name": "Supplier Credit - Contracts",
    "summary": "Contract performance and disputes of a supplier's purchase contracts as "
    "factors of the supplier evaluation (供应商信用)",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_supplier", "credit_contract"],
    "data": ["data/credit_supplier_contract_data.xml"],
    "demo": ["demo/credit_supplier_contract_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_supplier_contract/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
