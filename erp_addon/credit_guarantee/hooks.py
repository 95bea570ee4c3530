from .sql import drop_all


def uninstall_hook(env):
    """Drop the SQL functions of sql/."""
    drop_all(env.cr)
