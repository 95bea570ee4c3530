{
    "name": "Credit Early Warning: Restructuring Breached",
    "summary": "Bridge: a debt restructuring agreement breached is an early-warning signal",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_warning", "credit_restructuring"],
    "auto_install": True,
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
