from odoo import api, models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _routing_handle_bounce(self, email_message, message_dict):
        """A dunning letter's mail accepted by the mail server may bounce later: the bounce
        refers to the letter's message; the letter then goes back to its collector as not
        delivered, like a mail refused at once (see mail_mail.py)."""
        res = super()._routing_handle_bounce(email_message, message_dict)
        message = message_dict.get("bounced_message")
        if message and message.model == "credit.collection.letter" and message.res_id:
            letter = self.env["credit.collection.letter"].sudo().browse(message.res_id).exists()
            letter._collection_bounced(message, message_dict, email_message)
        return res
