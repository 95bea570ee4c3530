"""The demo tests' helper: tests that read the demo data itself (the Chinese enterprise the
demo builds) rather than records they make.

CI installs every add-on with its demo data, and so does ``scripts/dev_odoo_test.sh``: a
demo test there must run, never skip (a skipped test under CI hides what it should prove).
So ``require_demo`` fails, with the reason, in a database installed without demo data; it
does not skip."""

CHINESE_RANGE = ("\u3400", "\u9fff")


def require_demo(case, module="credit_management"):
    """The demo data of ``module`` is installed; the demo company is returned."""
    installed = case.env["ir.module.module"].search(
        [("name", "=", module), ("state", "=", "installed")]
    )
    case.assertTrue(
        installed.demo,
        f"{module}'s demo data is not installed: the demo tests read it (CI and "
        "scripts/dev_odoo_test.sh install it)",
    )
    return case.env.ref("credit_management.demo_company")


def is_chinese(text):
    """``text`` holds a Chinese character."""
    return any(CHINESE_RANGE[0] <= char <= CHINESE_RANGE[1] for char in text or "")
