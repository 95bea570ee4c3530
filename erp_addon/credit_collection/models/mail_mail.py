from odoo import models


class MailMail(models.Model):
    _inherit = "mail.mail"

    def _postprocess_sent_message(self, success_pids, failure_reason=False, failure_type=None):
        """A dunning letter whose mail failed goes back to its collector as an error.

        Only the letter's own mail counts, not the notifications about the letter (such as
        the activity given to the collector)."""
        for mail in self:
            if (
                mail.model == "credit.collection.letter"
                and mail.res_id
                and (failure_type or mail.state == "exception")
            ):
                letter = self.env["credit.collection.letter"].sudo().browse(mail.res_id).exists()
                if letter and letter.mail_id == mail and letter.state != "failed":
                    letter._delivery_failed(failure_reason or mail.failure_reason or "")
        return super()._postprocess_sent_message(
            success_pids, failure_reason=failure_reason, failure_type=failure_type
        )
