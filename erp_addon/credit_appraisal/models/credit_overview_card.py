from odoo import fields, models
from odoo.tools import format_date

from .credit_training_plan import REQUIRED_TYPES

APPRAISAL_CARDS = [
    ("training_due", "Trainings Due This Half-Year"),
    ("appraisal_progress", "Appraisal in Progress"),
]


class CreditOverviewCard(models.Model):
    """The staff side's cards on the credit manager's overview: the trainings of this
    half-year and the annual appraisal in progress, counted as the reader sees them."""

    _inherit = "credit.overview.card"

    card_type = fields.Selection(
        selection_add=APPRAISAL_CARDS,
        ondelete={key: "cascade" for key, _label in APPRAISAL_CARDS},
    )

    # ------------------------------------------------------------ domains
    def _half_year(self):
        today = fields.Date.context_today(self)
        return today, today.year, "1" if today.month <= 6 else "2"

    def _domain_training_due(self, company):
        """The sessions still to be held this half-year."""
        today, year, half = self._half_year()
        return [
            ("company_id", "=", company.id),
            ("year", "=", year),
            ("half", "=", half),
            ("date", ">=", today),
        ]

    def _domain_appraisal_progress(self, company):
        """The appraisals of the year's open appraisal period."""
        return [("company_id", "=", company.id), ("period_id.state", "=", "open")]

    # ------------------------------------------------------------ figures
    def _card_training_due(self, company):
        Session = self.env["credit.training.session"]
        data = self._domain_card(
            "credit.training.session",
            self._domain_training_due(company),
            "date, id",
            lambda s: (s.name, format_date(self.env, s.date)),
        )
        if not Session.has_access("read"):
            return data
        # what the half-year requires: integrity education and legal knowledge, held or
        # planned this half-year against the company's number per half-year
        _today, year, half = self._half_year()
        held = dict(
            Session._read_group(
                [
                    ("company_id", "=", company.id),
                    ("year", "=", year),
                    ("half", "=", half),
                    ("session_type", "in", REQUIRED_TYPES),
                ],
                ["session_type"],
                ["__count"],
            )
        )
        labels = dict(Session._fields["session_type"]._description_selection(self.env))
        required = company.credit_training_per_half
        requirement = [
            {
                "name": labels[stype],
                "value": self.env._(
                    "%(count)s of %(required)s", count=held.get(stype, 0), required=required
                ),
            }
            for stype in REQUIRED_TYPES
        ]
        data["lines"] = requirement + data["lines"][: 5 - len(requirement)]
        return data

    def _card_appraisal_progress(self, company):
        Appraisal = self.env["credit.appraisal"]
        domain = self._domain_appraisal_progress(company)
        data = self._domain_card(
            "credit.appraisal",
            domain,
            "name, id",
            lambda a: (a.name, self._appraisal_states()[a.state]),
        )
        if not data["count"]:
            return data
        counts = dict(Appraisal._read_group(domain, ["state"], ["__count"]))
        states = self._appraisal_states()
        data["graph"] = self._chart(
            "bar",
            list(states.values()),
            [(self.env._("Appraisals"), [counts.get(state, 0) for state in states])],
            self.env._("Status"),
            self.env._("Appraisals"),
        )
        return data

    def _appraisal_states(self):
        return dict(self.env["credit.appraisal"]._fields["state"]._description_selection(self.env))

    # ------------------------------------------------------------ opening
    def _open_training_due(self, company):
        return self._action_for(
            "credit_appraisal.action_credit_training_session", self._domain_training_due(company)
        )

    def _open_appraisal_progress(self, company):
        return self._action_for(
            "credit_appraisal.action_credit_appraisal", self._domain_appraisal_progress(company)
        )
