"""The ranking as the ``credit prospects`` command reads it: one call."""

from odoo import api, fields, models
from odoo.tools import SQL

# the figures of a row, as the view computes them (the command recomputes nothing)
FIGURES = (
    "credit_score",
    "credit_limit",
    "guarantee_cover",
    "exposure",
    "overdue",
    "available",
    "paid_amount",
    "avg_days_late",
    "on_time_share",
    "sales_12m",
    "sales_prev_12m",
    "sales_growth",
    "score",
    "proposed_limit",
)
# figures that are empty (not zero) when there is nothing to measure
EMPTY_WHEN_NULL = {"available", "avg_days_late", "on_time_share", "sales_growth", "credit_score"}


class CreditProspect(models.Model):
    _inherit = "credit.prospect"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def credit_prospects(self, company_id=None, lang=None):
        """The customers and prospects of ``company_id`` (default: the user's current
        company) ranked by standing, worded in ``lang`` (default: the context's), as the
        reader may see them (access rights and record rules: a salesperson gets their own
        customers). Returns::

            {"company_id", "company", "currency", "date", "lang",
             "weights": {"grade", "on_time", "days_late", "available", "growth"},
             "rule": {"max_days_late", "min_on_time", "raise_percent"},
             "guarantees": bool (the guarantee cover is counted),
             "rows": [{"rank", "id", "partner_id", "name", "ref", "kind", "kind_label",
                       "salesperson", "grade", "policy", "policy_label", "on_warning_list",
                       "good_payer", "can_propose", <FIGURES>}]}

        Rows are ordered by score, highest first; an empty figure is None. A fixed number
        of queries whatever the number of customers."""
        company = self.env["res.company"].browse(company_id or self.env.company.id)
        company.check_access("read")
        env = self.with_context(lang=lang or self.env.lang).with_company(company).env
        Prospect = env["credit.prospect"]
        rows = Prospect.search([("company_id", "=", company.id)])
        fnames = ["partner_id", "user_id", "kind", "grade_id", "credit_policy", *FIGURES]
        fnames += ["on_warning_list", "good_payer", "can_propose"]
        values = rows.read(fnames, load=None)
        # the names as the reader may see them (the partners' display names in one read)
        partners = env["res.partner"].browse([v["partner_id"] for v in values])
        names = {p["id"]: p for p in partners.read(["display_name", "ref"])}
        users = env["res.users"].sudo().browse([v["user_id"] for v in values if v["user_id"]])
        user_names = {u.id: u.name for u in users}
        grades = env["credit.grade"].browse([v["grade_id"] for v in values if v["grade_id"]])
        grade_names = {g.id: g.name for g in grades}
        kinds = dict(Prospect._fields["kind"]._description_selection(env))
        policies = dict(Prospect._fields["credit_policy"]._description_selection(env))
        # what read() returns for an SQL NULL is 0.0: tell them apart in one query
        nulls = self._prospect_nulls(rows)
        result = []
        for rank, row in enumerate(values, start=1):
            partner = names.get(row["partner_id"], {})
            item = {
                "rank": rank,
                "id": row["id"],
                "partner_id": row["partner_id"],
                "name": partner.get("display_name", ""),
                "ref": partner.get("ref") or "",
                "kind": row["kind"],
                "kind_label": kinds.get(row["kind"], ""),
                "salesperson": user_names.get(row["user_id"], ""),
                "grade": grade_names.get(row["grade_id"], ""),
                "policy": row["credit_policy"] or False,
                "policy_label": policies.get(row["credit_policy"], ""),
                "on_warning_list": row["on_warning_list"],
                "good_payer": row["good_payer"],
                "can_propose": row["can_propose"],
            }
            for fname in FIGURES:
                empty = fname in nulls.get(row["id"], ())
                item[fname] = None if empty else row[fname]
            result.append(item)
        return {
            "company_id": company.id,
            "company": company.name,
            "currency": company.currency_id.name,
            "date": fields.Date.to_string(fields.Date.context_today(self)),
            "lang": env.lang,
            "weights": {
                "grade": company.credit_prospect_weight_grade,
                "on_time": company.credit_prospect_weight_on_time,
                "days_late": company.credit_prospect_weight_days_late,
                "available": company.credit_prospect_weight_available,
                "growth": company.credit_prospect_weight_growth,
            },
            "rule": {
                "max_days_late": company.credit_prospect_good_max_days_late,
                "min_on_time": company.credit_prospect_good_min_on_time,
                "raise_percent": company.credit_prospect_raise_percent,
            },
            "guarantees": "credit.guarantee" in env,
            "rows": result,
        }

    def _prospect_nulls(self, rows):
        """{row id: names of the figures that are empty}, for the rows the reader read."""
        if not rows:
            return {}
        self._credit_set_today()
        columns = sorted(EMPTY_WHEN_NULL)
        self.env.cr.execute(
            SQL(
                "SELECT id, %s FROM credit_prospect WHERE id = ANY(%s)",
                SQL(", ").join(SQL("%s IS NULL", SQL.identifier(c)) for c in columns),
                rows.ids,
            )
        )
        return {
            row[0]: {c for c, empty in zip(columns, row[1:], strict=True) if empty}
            for row in self.env.cr.fetchall()
        }
