from odoo.exceptions import UserError, ValidationError


class CreditCheckBlocked(UserError):
    """The hard credit check refused a document.

    A UserError, so that Odoo's batch jobs (auto-posting, online-payment confirmation)
    treat it as the business outcome it is: they skip the document and go on. The web
    client shows it as a RedirectWarning dialog whose button requests an exception.
    """

    def __init__(self, message, action, button_text):
        super().__init__(message)
        self.args = (message, action, button_text, None)
        # the dialog the web client picks for this error (see web's error_handlers.js)
        self.context = {"exception_class": "odoo.exceptions.RedirectWarning"}

    def __str__(self):
        return self.args[0]


def field_error(message, *fnames):
    """A ``ValidationError`` naming the fields in error: the web client shows the message
    as for any validation error and highlights those fields in the form being saved
    (static/src/fields/credit_invalid_fields.js reads ``context["credit_invalid_fields"]``,
    which Odoo sends with the error)."""
    error = ValidationError(message)
    error.context = {"credit_invalid_fields": list(fnames)}
    return error
