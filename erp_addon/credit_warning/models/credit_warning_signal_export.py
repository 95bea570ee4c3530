"""The early warnings as the ``credit warnings`` command reads them: one call."""

from odoo import api, fields, models


class CreditWarningSignal(models.Model):
    _inherit = "credit.warning.signal"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def credit_warnings(self, company_id=None, lang=None):
        """The customers in early warning in ``company_id`` (default: the user's current
        company), their signals in force and their rescue cases, worded in ``lang``
        (default: the context's), as the reader may see them (access rights and record
        rules apply). Returns::

            {"company_id", "company", "currency", "date", "lang",
             "thresholds": {"watch", "warning", "severe"},
             "customers": [{"id", "name", "level", "level_label", "score", "analyst",
                            "signals": [{"type", "type_label", "evidence", "weight",
                                         "since", "last_seen"}],
                            "rescues": [{"name", "state", "state_label", "outcome",
                                         "outcome_label", "responsible", "date_open",
                                         "date_closed", "actions_todo", "conclusion"}]}]}

        Customers are ordered by score, highest first. A fixed number of queries whatever
        the number of customers."""
        company = self.env["res.company"].browse(company_id or self.env.company.id)
        company.check_access("read")
        env = self.with_context(lang=lang or self.env.lang).with_company(company).env
        Partner = env["res.partner"]
        partners = Partner.search(
            [("credit_warning_level", "in", ("watch", "warning", "severe"))],
            order="credit_warning_score desc, name, id",
        )
        signals = env["credit.warning.signal"].search(
            [("company_id", "=", company.id), ("partner_id", "in", partners.ids)],
            order="weight desc, id",
        )
        Rescue = env["credit.rescue"]
        rescues = Rescue.search(
            [("company_id", "=", company.id), ("partner_id", "in", partners.ids)],
            order="id desc",
        )
        levels = dict(Partner._fields["credit_warning_level"]._description_selection(env))
        types = dict(signals._fields["signal_type"]._description_selection(env))
        states = dict(Rescue._fields["state"]._description_selection(env))
        outcomes = dict(Rescue._fields["outcome"]._description_selection(env))
        by_partner = {}
        for signal in signals:
            by_partner.setdefault(signal.partner_id.id, []).append(
                {
                    "type": signal.signal_type,
                    "type_label": types.get(signal.signal_type, signal.signal_type),
                    "evidence": signal.evidence or "",
                    "weight": signal.weight,
                    "since": fields.Date.to_string(signal.date_start),
                    "last_seen": fields.Date.to_string(signal.date_last),
                }
            )
        cases = {}
        for rescue in rescues:
            cases.setdefault(rescue.partner_id.id, []).append(
                {
                    "name": rescue.name,
                    "state": rescue.state,
                    "state_label": states[rescue.state],
                    "outcome": rescue.outcome or False,
                    "outcome_label": outcomes.get(rescue.outcome, ""),
                    "responsible": rescue.user_id.name or "",
                    "date_open": fields.Date.to_string(rescue.date_open) or False,
                    "date_closed": fields.Date.to_string(rescue.date_closed) or False,
                    "actions_todo": rescue.action_todo_count,
                    "conclusion": rescue.conclusion or "",
                }
            )
        return {
            "company_id": company.id,
            "company": company.name,
            "currency": company.currency_id.name,
            "date": fields.Date.to_string(fields.Date.context_today(self)),
            "lang": env.lang,
            "thresholds": {
                "watch": company.credit_warning_watch_score,
                "warning": company.credit_warning_warning_score,
                "severe": company.credit_warning_severe_score,
            },
            "customers": [
                {
                    "id": partner.id,
                    "name": partner.display_name,
                    "level": partner.credit_warning_level,
                    "level_label": levels.get(partner.credit_warning_level, ""),
                    "score": partner.credit_warning_score,
                    "analyst": partner.credit_analyst_id.name or "",
                    "signals": by_partner.get(partner.id, []),
                    "rescues": cases.get(partner.id, []),
                }
                for partner in partners
            ],
        }
