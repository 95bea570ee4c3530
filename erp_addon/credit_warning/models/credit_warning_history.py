from odoo import api, fields, models
from odoo.tools import format_date, plaintext2html

from .credit_warning_signal_run import LEVEL_RANK, LEVELS

# the activity's deadline: days after the level changed
NOTICE_DAYS = 1


class CreditWarningHistory(models.Model):
    """A change of a customer's warning level in a company (预警级别变动), dated, with the
    score and the signals in force that made it. Written by the run only; kept."""

    _name = "credit.warning.history"
    _inherit = ["credit.guard.mixin"]
    _description = "Early-Warning Level History"
    _order = "date desc, id desc"

    _guard_flow_fields = "__all__"
    _guard_state_field = None
    _guard_undeletable_states = "__all__"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    date = fields.Date(required=True)
    level_from = fields.Selection(LEVELS, string="From", required=True)
    level = fields.Selection(LEVELS, string="To", required=True)
    score = fields.Float(digits=(16, 1))
    evidence = fields.Text(help="The signals in force at the change, in the company's language.")
    raised = fields.Boolean(compute="_compute_raised", store=True)

    @api.depends("partner_id", "level_from", "level", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        """The change as breadcrumbs and links read it: "华信贸易有限公司：关注 → 预警
        （2026年01月20日）", in the reader's language (not "credit.warning.history,1")."""
        labels = dict(self._fields["level"]._description_selection(self.env))
        for entry in self:
            entry.display_name = self.env._(
                "%(customer)s: %(previous)s → %(level)s (%(date)s)",
                customer=entry.partner_id.display_name or "",
                previous=labels.get(entry.level_from, entry.level_from or ""),
                level=labels.get(entry.level, entry.level or ""),
                date=format_date(self.env, entry.date) if entry.date else "",
            )

    @api.depends("level", "level_from")
    def _compute_raised(self):
        for entry in self:
            entry.raised = (
                LEVEL_RANK[entry.level or "none"] > LEVEL_RANK[entry.level_from or "none"]
            )

    @api.model
    def _warning_record(self, company, today, changes):
        """Record ``changes`` (``[(partner id, old level, new level, score)]``) of
        ``company`` on ``today`` and notify them: one create each for the history and
        the activities."""
        lang_env = company._credit_env()
        partner_ids = [change[0] for change in changes]
        signals = (
            self.env["credit.warning.signal"]
            .sudo()
            .with_env(lang_env)
            .sudo()
            .search_fetch(
                [("company_id", "=", company.id), ("partner_id", "in", partner_ids)],
                ["partner_id", "signal_type", "evidence", "weight"],
                order="weight desc, id",
            )
        )
        labels = dict(signals._fields["signal_type"]._description_selection(lang_env))
        evidence = {}
        for signal in signals:
            evidence.setdefault(signal.partner_id.id, []).append(
                f"{labels.get(signal.signal_type, signal.signal_type)}: {signal.evidence or ''}"
            )
        entries = self.sudo().create(
            [
                {
                    "partner_id": partner_id,
                    "company_id": company.id,
                    "date": today,
                    "level_from": old,
                    "level": new,
                    "score": score,
                    "evidence": "\n".join(evidence.get(partner_id, [])),
                }
                for partner_id, old, new, score in changes
            ]
        )
        entries._warning_notify()
        return entries

    def _warning_notify(self):
        """Tell the customer's analyst of each change (the company's analyst when the
        customer has none) and, when the level becomes severe, the company's credit
        managers: an activity on the customer each, worded in the user's language (the
        company's when the user has none); one create for all."""
        if not self:
            return
        activity_type = self.env.ref("credit_warning.mail_activity_type_credit_warning")
        model_id = self.env["ir.model"]._get_id("res.partner")
        analysts = self.env.ref("credit_management.group_credit_analyst").sudo().users
        managers = self.env.ref("credit_management.group_credit_manager").sudo().users
        vals_list = []
        for entry in self.sudo():
            company = entry.company_id

            def staff(users, company=company):
                return users.filtered(
                    lambda u, c=company: u.active and not u.share and c in u.company_ids
                )

            users = entry.partner_id.credit_analyst_id or staff(analysts)[:1]
            if entry.level == "severe":
                users |= staff(managers)
            for user in users.filtered("active"):
                env = company._credit_env(user)
                levels = dict(entry._fields["level"]._description_selection(env))
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": entry.partner_id.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "date_deadline": fields.Date.add(entry.date, days=NOTICE_DAYS),
                        "summary": env._(
                            "Early warning: %(from)s → %(to)s (%(company)s)",
                            **{
                                "from": levels[entry.level_from],
                                "to": levels[entry.level],
                                "company": company.name,
                            },
                        ),
                        "note": plaintext2html(entry.evidence) if entry.evidence else False,
                        "automated": True,
                    }
                )
        self.env["mail.activity"].sudo().create(vals_list)
