from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ACTION_TYPES = [
    ("reminder", "Friendly reminder"),
    ("call", "Phone call"),
    ("letter", "Formal letter"),
    ("visit", "Visit"),
    ("lawyer", "Lawyer's letter"),
    ("legal", "Litigation or external agency"),
    ("writeoff", "Write-off proposal"),
]


class CreditCollectionStage(models.Model):
    """A stage of a collection procedure, entered at ``days_from`` days overdue."""

    _name = "credit.collection.stage"
    _description = "Collection Stage"
    _order = "procedure_id, days_from"

    name = fields.Char(required=True, translate=True)
    procedure_id = fields.Many2one(
        "credit.collection.procedure", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="procedure_id.company_id", store=True, index=True, precompute=True
    )
    days_from = fields.Integer(
        string="From Days Overdue",
        required=True,
        help="Invoices this many days overdue (or more, up to the next stage) are due for "
        "this stage.",
    )
    action_type = fields.Selection(ACTION_TYPES, required=True, default="reminder")
    channel = fields.Selection(
        [
            ("none", "No letter"),
            ("email", "Email, else printed letter"),
            ("print", "Printed letter"),
        ],
        string="Letter",
        required=True,
        default="none",
        help="Whether entering the stage sends the customer a dunning letter: by email to "
        "the invoice contact (a printed letter when there is no address) or printed.",
    )
    payment_days = fields.Integer(
        string="Pay Within (Days)",
        help="The deadline the stage's letter sets: its date plus this many days (0: the "
        "letter sets none).",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        domain="[('model', '=', 'credit.collection.letter')]",
    )
    owner_group_id = fields.Many2one(
        "res.groups",
        string="Owning Group",
        help="The role that owns the stage's action; only its members (and credit managers) "
        "move invoices into this stage by hand.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity",
        default=lambda self: self.env.ref(
            "credit_collection.mail_activity_type_collection", raise_if_not_found=False
        ),
    )
    activity_note = fields.Text(string="Instructions", translate=True)
    blocks_credit = fields.Boolean(
        string="Blocks New Credit",
        help="While a customer has an invoice in this stage, the credit check refuses new "
        "sales orders and invoices.",
    )

    @api.constrains("owner_group_id", "name", "days_from")
    def _check_owner(self):
        for stage in self:
            if not stage.owner_group_id:
                raise ValidationError(
                    self.env._("Stage %(stage)s needs an owning group.", stage=stage.name)
                )

    @api.constrains("days_from", "procedure_id")
    def _check_ranges(self):
        for procedure in self.procedure_id:
            procedure._check_stage_ranges()

    @api.constrains("mail_template_id", "channel")
    def _check_template(self):
        for stage in self:
            if stage.channel == "email" and not stage.mail_template_id:
                raise ValidationError(
                    self.env._(
                        "Stage %(stage)s sends emails: choose its mail template.",
                        stage=stage.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        """Invoices in a stage and their history name it: the ageing as at a past day
        reads the stage an invoice had then."""
        if not self:
            return
        History = self.env["credit.collection.history"].sudo()
        used = self.env["account.move"].sudo().search_count(
            [("collection_stage_id", "in", self.ids)], limit=1
        ) or History.search_count(
            ["|", ("stage_from_id", "in", self.ids), ("stage_to_id", "in", self.ids)], limit=1
        )
        if used:
            raise UserError(
                self.env._(
                    "Invoices are or were in stages %(stages)s: they cannot be deleted. "
                    "Archive the procedure and make a new one instead.",
                    stages=", ".join(self.mapped("name")),
                )
            )

    def _user_may_move(self, user):
        """Members of the owning group and credit managers move invoices into the stage."""
        self.ensure_one()
        return user.has_group("credit_management.group_credit_manager") or (
            user.has_group("credit_management.group_credit_collector")
            and self.owner_group_id in user.groups_id
        )
