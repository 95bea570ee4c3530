{
    "name": "Credit Data for Sales: Guarantee Cover",
    "summary": "Bridge: the sales ranking counts active guarantee cover in available credit "
    "and a guarantor's contingent liability in its exposure",
    "version": "18.0.1.0.0",
    "category": "Accounting/Credit",
    "license": "LGPL-3",
    "author": "Credit Management contributors",
    "website": "https://example.invalid/credit-management",
    "depends": ["credit_prospect", "credit_guarantee"],
    "auto_install": True,
    "uninstall_hook": "uninstall_hook",
}
