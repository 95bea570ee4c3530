from .sql import drop_all


def post_init_hook(env):
    """Existing companies get the rule of the new signal type."""
    env["credit.warning.rule"]._warning_copy_defaults(env["res.company"].search([]))


def uninstall_hook(env):
    drop_all(env.cr)
