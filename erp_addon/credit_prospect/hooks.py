from .sql import drop_all


def uninstall_hook(env):
    """Drop the SQL view and functions of sql/."""
    drop_all(env.cr)
