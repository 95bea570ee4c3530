from odoo import models


class CreditDecisionMixin(models.AbstractModel):
    """A record approved or refused through the decision dialog (credit.decision), which
    asks for the reason.

    The buttons open the dialog only once the record's own rule lets the user decide
    (``_check_can_decide``: its state, the authority band, never the proposer); the
    dialog then calls ``_action_decide(decision, note)``, which the record implements.
    """

    _name = "credit.decision.mixin"
    _description = "Credit Decision Mixin"

    def action_approve(self):
        return self._open_decision("approve")

    def action_refuse(self):
        return self._open_decision("refuse")

    def _open_decision(self, decision):
        self.ensure_one()
        self._check_can_decide()
        return self.env["credit.decision"]._action_open(self, decision)

    def _check_can_decide(self):
        raise NotImplementedError

    def _action_decide(self, decision, note):
        raise NotImplementedError
