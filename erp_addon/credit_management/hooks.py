from .sql import drop_all


def post_init_hook(env):
    """Companies that existed before the add-on get the shipped grades, bands and model."""
    env["res.company"].search([])._credit_copy_defaults()


def uninstall_hook(env):
    """Drop the SQL objects of sql/ (triggers, functions, views, tables, indexes)."""
    drop_all(env.cr)
