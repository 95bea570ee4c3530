{
    "name": "Credit Early Warning: External Adverse Records",
    "summary": "Bridge: a new adverse record from a bank, association or rating agency "
    "(失信被执行人, 被执行人, 行政处罚, 经营异常) is an early-warning signal",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_warning", "credit_external_data"],
    "auto_install": True,
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
