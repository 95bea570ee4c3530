from odoo.addons.credit_prospect.sql import SQL_FILES as PROSPECT_SQL_FILES


def uninstall_hook(env):
    """Put credit_prospect's own cover function (no cover) back in place of the bridge's."""
    PROSPECT_SQL_FILES.execute_file(env.cr, "credit_prospect_cover.sql")
