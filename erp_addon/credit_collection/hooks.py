from .sql import drop_all


def post_init_hook(env):
    """Companies that existed before the add-on get the default buckets and procedure."""
    env["res.company"].search([])._collection_copy_defaults()


def uninstall_hook(env):
    """Drop the SQL functions and views of sql/."""
    drop_all(env.cr)
