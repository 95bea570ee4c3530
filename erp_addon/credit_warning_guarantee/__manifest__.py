{
    "name": "Credit Early Warning: Cover Expiring",
    "summary": "Bridge: a customer's guarantee or collateral about to end is an early-warning "
    "signal",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_warning", "credit_guarantee"],
    "auto_install": True,
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
