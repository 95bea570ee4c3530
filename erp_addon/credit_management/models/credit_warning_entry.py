from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .res_partner import uscc_error


class CreditWarningEntry(models.Model):
    """An entry on the serious-dishonesty warning list (严重失信名单)."""

    _name = "credit.warning.entry"
    _description = "Credit Warning List Entry"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "listed_date desc, id desc"

    # guards (credit.guard.mixin): whether an entry is in force, and who lifted it, only
    # through action_lift (a credit manager); a lifted entry is history, changed no more
    _guard_flow_fields = ("active", "lifted_date", "lifted_by_id")
    _guard_state_field = "active"
    _guard_locks = [("__all__", (True,))]

    name = fields.Char(required=True, tracking=True)
    entry_type = fields.Selection(
        [("company", "Organisation"), ("person", "Person")],
        required=True,
        default="company",
    )
    partner_id = fields.Many2one("res.partner", index=True, tracking=True, ondelete="set null")
    credit_code = fields.Char(string="Unified Social Credit Code", tracking=True)
    # personal data: only the credit roles that keep the list
    id_number = fields.Char(
        string="ID Number", tracking=True, groups="credit_management.group_credit_analyst"
    )
    reason = fields.Text(required=True, tracking=True)
    source = fields.Char(help="Court list of dishonest judgment debtors, regulator, own records…")
    listed_date = fields.Date(required=True, default=fields.Date.context_today)
    active = fields.Boolean(default=True, tracking=True)
    lifted_date = fields.Date(readonly=True)
    lifted_by_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one("res.company", help="Empty: applies to every company.")

    @api.constrains("credit_code")
    def _check_credit_code(self):
        for entry in self.filtered("credit_code"):
            error = uscc_error(self.env, entry.credit_code)
            if error:
                raise ValidationError(error)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("credit_code"):
                vals["credit_code"] = vals["credit_code"].strip().upper()
                if not vals.get("partner_id"):
                    partner = self.env["res.partner"].search(
                        [("credit_code", "=", vals["credit_code"])], limit=1
                    )
                    vals["partner_id"] = partner.commercial_partner_id.id or False
        entries = super().create(vals_list)
        # the partners' flag is computed from the entries
        self.env["res.partner"].invalidate_model(["credit_on_warning_list"])
        for entry in entries.filtered("partner_id"):
            env = entry.with_context(lang=entry._credit_lang()).env
            entry.partner_id.message_post(
                body=env._("Put on the warning list: %(reason)s", reason=entry.reason)
            )
        return entries

    def write(self, vals):
        if vals.get("credit_code"):
            vals["credit_code"] = vals["credit_code"].strip().upper()
        res = super().write(vals)
        self.env["res.partner"].invalidate_model(["credit_on_warning_list"])
        return res

    def _credit_lang(self):
        """Messages about a shared entry are written in the current company's language."""
        self.ensure_one()
        return (self.company_id or self.env.company)._credit_lang()

    def action_lift(self):
        if not self.env.user.has_group("credit_management.group_credit_manager"):
            raise AccessError(self.env._("Only a credit manager may lift a warning-list entry."))
        self._guard_sudo("write").write(
            {
                "active": False,
                "lifted_date": fields.Date.context_today(self),
                "lifted_by_id": self.env.user.id,
            }
        )
        for entry in self.filtered("partner_id"):
            env = entry.with_context(lang=entry._credit_lang()).env
            entry.partner_id.message_post(body=env._("Taken off the warning list."))
        return True
