from .sql import drop_all


def post_init_hook(env):
    """Companies that existed before the add-on get the default early-warning rules."""
    env["credit.warning.rule"]._warning_copy_defaults(env["res.company"].search([]))


def uninstall_hook(env):
    """Drop the SQL functions of sql/."""
    drop_all(env.cr)
