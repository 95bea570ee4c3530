"""The evidence of each type of signal: the figures its SQL returned, worded."""

from odoo import fields, models
from odoo.tools import float_repr, format_amount, format_date


def _num(value, digits=1):
    return float_repr(float(value or 0.0), digits)


class CreditWarningRule(models.Model):
    _inherit = "credit.warning.rule"  # pylint: disable=consider-merging-classes-inherited

    def _warning_evidence(self, figures):
        """The evidence of a signal of this rule from its ``figures`` (the JSON of its
        SQL row), in the language of ``self.env`` (the run gives the company's):
        ``_warning_evidence_<type>(figures)`` where the type has one, else the figures
        as they are. A bridge adds the method of its type."""
        self.ensure_one()
        method = getattr(self, f"_warning_evidence_{self.signal_type}", None)
        if method:
            return method(figures)
        return ", ".join(f"{key}: {value}" for key, value in sorted((figures or {}).items()))

    def _warning_date(self, value):
        return format_date(self.env, fields.Date.to_date(value)) if value else ""

    def _warning_amount(self, value):
        return format_amount(self.env, float(value or 0.0), self.company_id.currency_id)

    def _warning_evidence_overdue_share(self, figures):
        shares = figures.get("shares") or []
        return self.env._(
            "Overdue share %(shares)s (since %(since)s): up %(rise)s points.",
            shares=" → ".join(f"{_num(share)}%" for share in shares),
            since=self._warning_date(figures.get("since")),
            rise=_num(figures.get("rise")),
        )

    def _warning_evidence_dso_up(self, figures):
        return self.env._(
            "DSO %(now)s days, %(then)s days on %(since)s (+%(rise)s%%).",
            now=_num(figures.get("now")),
            then=_num(figures.get("then")),
            since=self._warning_date(figures.get("since")),
            rise=_num(figures.get("rise")),
        )

    def _warning_evidence_days_to_pay(self, figures):
        return self.env._(
            "Paid in %(recent)s days on average (%(count)s invoices), %(previous)s days "
            "before: %(longer)s days longer.",
            recent=_num(figures.get("recent")),
            count=figures.get("count") or 0,
            previous=_num(figures.get("previous")),
            longer=_num(figures.get("longer")),
        )

    def _warning_evidence_grade_down(self, figures):
        grades = self.env["credit.grade"].sudo().with_context(active_test=False)
        old = grades.browse(figures.get("from_grade_id") or []).exists()
        new = grades.browse(figures.get("to_grade_id") or []).exists()
        return self.env._(
            "Grade lowered from %(old)s to %(new)s on %(date)s (%(steps)s grades).",
            old=old.name or "?",
            new=new.name or "?",
            date=self._warning_date(figures.get("date")),
            steps=figures.get("steps") or 0,
        )

    def _warning_evidence_limit_usage(self, figures):
        return self.env._(
            "Credit usage %(usage)s%% (exposure %(exposure)s, limit %(limit)s); owes "
            "%(now)s, %(then)s on %(since)s.",
            usage=_num(figures.get("usage")),
            exposure=self._warning_amount(figures.get("exposure")),
            limit=self._warning_amount(figures.get("limit")),
            now=self._warning_amount(figures.get("now")),
            then=self._warning_amount(figures.get("then")),
            since=self._warning_date(figures.get("since")),
        )

    def _warning_evidence_promise_broken(self, figures):
        return self.env._(
            "%(count)s promises to pay broken (%(amount)s promised), the last on %(last)s.",
            count=figures.get("count") or 0,
            amount=self._warning_amount(figures.get("amount")),
            last=self._warning_date(figures.get("last")),
        )

    def _warning_evidence_warning_list(self, figures):
        return self.env._(
            "On the warning list: %(names)s.",
            names=", ".join(figures.get("names") or []),
        )
