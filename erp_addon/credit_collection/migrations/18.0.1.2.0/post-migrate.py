"""The daily action became its own model (credit.collection.run): the scheduled action,
kept as the database has it (noupdate), now calls the run model."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("credit_collection.ir_cron_collection_daily", raise_if_not_found=False)
    if cron:
        cron.write(
            {
                "model_id": env["ir.model"]._get_id("credit.collection.run"),
                "code": "model._cron_collection_daily()",
            }
        )
