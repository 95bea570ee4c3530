from .sql import drop_all


def post_init_hook(env):
    """Companies that existed before the add-on get the supplier grades and scoring model."""
    env["res.company"].search([])._credit_supplier_copy_defaults()


def uninstall_hook(env):
    """Drop the SQL functions of sql/."""
    drop_all(env.cr)
