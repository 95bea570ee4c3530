from odoo import api, fields, models


class CreditSeminarAction(models.Model):
    """An action a seminar decided (整改措施): a task with an owner and a deadline. When the
    seminar is closed its owner gets an activity on the seminar, worded in the owner's
    language; like the conclusions, the actions are final once the seminar is closed."""

    _name = "credit.seminar.action"
    _description = "Seminar Action"
    _inherit = ["credit.guard.mixin"]
    _order = "seminar_id, date_deadline, id"

    _guard_flow_fields = ("seminar_state", "activity_id")
    _guard_state_field = "seminar_state"
    _guard_locks = [("__all__", ("draft", "held"))]
    _guard_undeletable_states = ("closed",)

    seminar_id = fields.Many2one("credit.seminar", required=True, index=True, ondelete="cascade")
    seminar_state = fields.Selection(related="seminar_id.state", string="Seminar Status")
    company_id = fields.Many2one(related="seminar_id.company_id", store=True, index=True)
    conclusion_id = fields.Many2one(
        "credit.seminar.conclusion",
        string="Following",
        domain="[('seminar_id', '=', seminar_id)]",
        ondelete="set null",
    )
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("credit_management.group_credit_user").ids)
        ],
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        default=lambda self: fields.Date.add(fields.Date.context_today(self), days=14),
    )
    activity_id = fields.Many2one("mail.activity", readonly=True, copy=False, ondelete="set null")

    @api.model
    def _guard_check_create(self, vals_list):
        ids = {vals["seminar_id"] for vals in vals_list if vals.get("seminar_id")}
        self.env["credit.seminar.conclusion"]._seminar_check_editable(
            self.env["credit.seminar"].browse(ids)
        )

    def _guard_check_write(self, vals):
        Conclusion = self.env["credit.seminar.conclusion"]
        Conclusion._seminar_check_editable(self.seminar_id)
        if vals.get("seminar_id"):
            Conclusion._seminar_check_editable(
                self.env["credit.seminar"].browse(vals["seminar_id"])
            )

    def _seminar_schedule(self):
        """An activity on its seminar for the owner of each action that has none, worded
        in the owner's language (the company's when none): the owners follow the seminar
        first, then one create for every activity."""
        todo = self.sudo().filtered(lambda a: not a.activity_id)
        if not todo:
            return
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("credit.seminar")
        vals_list = []
        for action in todo:
            env = action.company_id._credit_env(action.user_id)
            kinds = dict(action.seminar_id._fields["kind"]._description_selection(env))
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": action.seminar_id.id,
                    "activity_type_id": activity_type.id,
                    "user_id": action.user_id.id,
                    "date_deadline": action.date_deadline,
                    "summary": env._(
                        "%(kind)s %(number)s: %(action)s",
                        kind=kinds[action.seminar_id.kind],
                        number=action.seminar_id.name,
                        action=action.name,
                    ),
                }
            )
        # activities for one owner on one record, created together, would each subscribe
        # the owner (mail.activity's create): they follow first
        for seminar in todo.seminar_id:
            owners = todo.filtered(lambda a, s=seminar: a.seminar_id == s).user_id
            seminar.message_subscribe(partner_ids=owners.partner_id.ids)
        activities = self.env["mail.activity"].sudo().create(vals_list)
        for action, activity in zip(todo, activities, strict=True):
            action.activity_id = activity
