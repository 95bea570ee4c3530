from .sql import drop_all


def post_init_hook(env):
    """The contract factors join every company's supplier model."""
    for xmlid in (
        "credit_supplier_contract.supplier_factor_contract_performance",
        "credit_supplier_contract.supplier_factor_contract_disputes",
    ):
        env["credit.score.model"]._credit_supplier_add_factor(xmlid)


def uninstall_hook(env):
    """Drop the SQL functions of sql/."""
    drop_all(env.cr)
