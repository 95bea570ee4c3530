from .sql import drop_all


def post_init_hook(env):
    """The on-time factor joins every company's supplier model."""
    env["credit.score.model"]._credit_supplier_add_factor(
        "credit_supplier_stock.supplier_factor_on_time_rate"
    )


def uninstall_hook(env):
    """Drop the SQL functions of sql/."""
    drop_all(env.cr)
