from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from ..tools.external_format import ADVERSE_TYPES

PROPOSAL_ACTIVITY = "credit_external_data.mail_activity_type_warning_proposal"


class CreditExternalAdverse(models.Model):
    """An adverse record a source reported about a customer (失信被执行人, 被执行人,
    行政处罚, 经营异常), by its case or decision number: new when the company had no record
    of that number for the customer. It counts in scoring (factor source
    ``external_adverse``) and, with credit_warning_external_data, as an early-warning
    signal; a new dishonest-debtor record asks the analyst to propose the customer for the
    warning list."""

    _name = "credit.external.adverse"
    _description = "External Adverse Record"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"
    _rec_name = "reference"

    # guards (credit.guard.mixin): written by the import (and the proposal button) only
    _guard_flow_fields = "__all__"
    _guard_undeletable_states = "__all__"
    _guard_state_field = None

    _sql_constraints = [
        (
            "reference_unique",
            "UNIQUE (company_id, partner_id, adverse_type, reference)",
            "The customer already has this adverse record.",
        )
    ]

    import_id = fields.Many2one(
        "credit.external.import", required=True, index=True, ondelete="restrict"
    )
    record_id = fields.Many2one("credit.external.record", index=True, ondelete="restrict")
    company_id = fields.Many2one("res.company", required=True, index=True)
    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="restrict")
    adverse_type = fields.Selection(ADVERSE_TYPES, string="Type", required=True, index=True)
    reference = fields.Char(string="Case / Decision Number", required=True)
    source_name = fields.Char(string="Source", required=True)
    date = fields.Date(string="Reported On", required=True, index=True)
    warning_entry_id = fields.Many2one(
        "credit.warning.entry", string="Warning-List Entry", ondelete="set null"
    )

    def _external_propose_warning_list(self):
        """One activity per customer with a new dishonest-debtor record: its analyst (the
        importer when it has none) is asked to propose it for the warning list. Created in
        one batch; worded in the assignee's language."""
        dishonest = self.filtered(lambda a: a.adverse_type == "dishonest_debtor")
        if not dishonest:
            return
        activity_type = self.env.ref(PROPOSAL_ACTIVITY)
        model_id = self.env["ir.model"]._get_id("res.partner")
        today = fields.Date.context_today(self)
        vals_list = []
        by_partner = {}
        for record in dishonest:
            by_partner.setdefault(record.partner_id, []).append(record.id)
        for partner, record_ids in by_partner.items():
            if partner.credit_on_warning_list:
                continue
            records = self.browse(record_ids)
            user = partner.credit_analyst_id or self.env.user
            env = records[0].company_id._credit_env(user)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": today,
                    "summary": env._("Propose for the warning list"),
                    "note": env._(
                        "%(institution)s reports %(partner)s as a dishonest judgment debtor "
                        "(失信被执行人): %(references)s. Open the adverse record and propose "
                        "the customer for the warning list if it holds.",
                        institution=records[0].source_name,
                        partner=partner.display_name,
                        references=", ".join(records.mapped("reference")),
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(vals_list)

    def action_propose_warning_list(self):
        """Put the customer on the warning list (严重失信名单) the way the list takes new
        entries: an analyst creates the entry with the analyst's own rights."""
        self.ensure_one()
        if not self.env.user.has_group("credit_management.group_credit_analyst"):
            raise AccessError(
                self.env._("Only a credit analyst may propose a customer for the warning list.")
            )
        if self.warning_entry_id:
            raise UserError(
                self.env._(
                    "%(reference)s is already on the warning list.", reference=self.reference
                )
            )
        partner = self.partner_id
        if partner.credit_on_warning_list:
            raise UserError(
                self.env._(
                    "%(partner)s is already on the warning list.", partner=partner.display_name
                )
            )
        env = self.company_id._credit_env()
        kind = dict(self._fields["adverse_type"]._description_selection(env))[self.adverse_type]
        entry = self.env["credit.warning.entry"].create(
            {
                "name": partner.name,
                "entry_type": "company",
                "partner_id": partner.id,
                "credit_code": partner.credit_code or False,
                "reason": env._(
                    "%(kind)s %(reference)s, reported by %(institution)s on %(date)s.",
                    kind=kind,
                    reference=self.reference,
                    institution=self.source_name,
                    date=format_date(env, self.date),
                ),
                "source": self.source_name,
                "company_id": self.company_id.id,
            }
        )
        self._guard_sudo("read").write({"warning_entry_id": entry.id})
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", self.env.ref(PROPOSAL_ACTIVITY).id),
            ]
        )
        activities.action_feedback(
            feedback=self.env._("Proposed: warning-list entry %(entry)s.", entry=entry.display_name)
        )
        return True
