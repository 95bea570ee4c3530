from .sql import drop_all


def post_init_hook(env):
    """Companies that existed before the add-on get the supplier grades and scoring model
    (the main company's are the shipped ones)."""
    main = env.ref("base.main_company")
    if not main.credit_supplier_score_model_id:
        main.credit_supplier_score_model_id = env.ref(
            "credit_supplier.supplier_score_model_default"
        )
    env["res.company"].search([])._credit_supplier_copy_defaults()


def uninstall_hook(env):
    """Drop the SQL functions of sql/."""
    drop_all(env.cr)
