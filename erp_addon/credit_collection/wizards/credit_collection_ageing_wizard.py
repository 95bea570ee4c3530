from odoo import fields, models


class CreditCollectionAgeingWizard(models.TransientModel):
    _name = "credit.collection.ageing.wizard"
    _description = "Ageing Report As At"

    as_at = fields.Date(required=True, default=fields.Date.context_today)

    def action_open(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_collection.action_credit_collection_ageing"
        )
        action["context"] = {"collection_as_at": fields.Date.to_string(self.as_at)}
        action["display_name"] = self.env._("Ageing as at %(date)s", date=self.as_at)
        return action
