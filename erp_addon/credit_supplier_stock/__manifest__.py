{
    "name": "Supplier Credit - Inventory",
    "summary": "On-time receipts of a supplier's purchase orders as a factor of the supplier "
    "evaluation (供应商信用)",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_supplier", "purchase_stock"],
    "data": ["data/credit_supplier_stock_data.xml"],
    "demo": ["demo/credit_supplier_stock_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "credit_supplier_stock/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
