from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """An education-and-help follow-up marked done from the activity menu records its
        outcome (the feedback) on the follow-up: done means its outcome is recorded."""
        if not self.env.context.get("credit_followup_closing"):
            followups = self.filtered(
                lambda a: (
                    a.res_model == "credit.appraisal.followup"
                    and a.activity_type_id
                    == self.env.ref("credit_appraisal.mail_activity_type_followup")
                )
            )
            if followups:
                self.env["credit.appraisal.followup"].browse(
                    followups.mapped("res_id")
                )._done_from_activity(feedback)
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
