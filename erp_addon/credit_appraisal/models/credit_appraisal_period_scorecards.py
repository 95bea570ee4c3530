"""The year's scorecards as the server computed them, for callers outside Odoo.

``credit_scorecards`` is to the appraisal what ``credit_block_preview`` is to the credit
check: the ``credit`` command (its scorecards, award lists and HR export) renders the
answer and works out no tier, penalty or failure count of its own. Every rule stays here.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER = "credit_management.group_credit_manager"
HR = "credit_appraisal.group_credit_hr"


#: The award and disqualification lists' status, by the period's state.
def _date(value):
    return fields.Date.to_string(value) if value else False


class CreditAppraisalPeriod(models.Model):
    _inherit = "credit.appraisal.period"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def credit_scorecards(self, year, company_id=None, lang=None):
        """The scorecards of ``year`` in ``company_id`` (default: the user's current
        company), worded in ``lang`` (default: the context's).

        For the credit manager, the legal representative and HR (who read every
        appraisal of the year), in their own companies. Returns::

            {"year", "company_id", "company", "lang",
             "period": False, "years": [years with a period]}      # no period that year
            {"year", "company_id", "company", "lang",
             "period": {"id", "name", "state", "date_recomputed"},
             "lists": {"status": "none" | "draft" | "submitted" | "approved",
                       "submitted_by", "date_submitted", "approved_by", "date_approved"},
             "thresholds": {"advanced", "excellent", "commendation", "fail_below",
                            "revoke_at_failure"},
             "scorecards": [{"appraisal_id", "administrator_id", "employee_id", "name",
                             "employee_number", "department", "departments_covered",
                             "qualification", "state", "total", "tier", "failed", "outcome",
                             "failure_number", "bonus_withheld", "misuse",
                             "on_award_list", "on_disqualification_list",
                             "lines": [{"code", "section", "name", "points", "score",
                                        "computed", "evidence", "comment", "not_measurable",
                                        "not_measurable_reason", "hand_scored", "hand_score",
                                        "hand_evidence"}]}]}

        The tier is the server's rating, the outcome, failure number and bonus withheld are
        the server's; the evidence and the reasons are in ``lang``. A fixed number of
        queries whatever the number of administrators.
        """
        if not isinstance(year, int) or isinstance(year, bool):
            raise UserError(self.env._("Name the year as a number."))
        if company_id is not None and (
            not isinstance(company_id, int) or isinstance(company_id, bool)
        ):
            raise UserError(self.env._("Name the company by its id."))
        user = self.env.user
        if not (user.has_group(MANAGER) or user.has_group(HR)):
            raise AccessError(
                self.env._(
                    "Only the credit manager, the legal representative and HR read the "
                    "year's scorecards."
                )
            )
        company = self.env["res.company"].browse(company_id) if company_id else self.env.company
        if company.id not in user.company_ids.ids:
            raise AccessError(self.env._("You can only read the scorecards of your own companies."))
        if lang and lang not in dict(self.env["res.lang"].get_installed()):
            raise UserError(self.env._("The language %(lang)s is not installed.", lang=lang))
        # everything below is read in the company asked (one of the user's, as when they
        # switch to it in the web client) and worded in the language asked
        Period = self.with_company(company)
        if lang:
            Period = Period.with_context(lang=lang)
        lang = Period.env.context.get("lang") or "en_US"
        head = {"year": year, "company_id": company.id, "company": company.name, "lang": lang}
        periods = Period.search([("company_id", "=", company.id)])
        period = periods.filtered(lambda p: p.year == year)
        if not period:
            return dict(head, period=False, years=sorted(periods.mapped("year")))
        period.check_access("read")
        appraisals = period.appraisal_ids
        appraisals.check_access("read")
        lines = appraisals.line_ids
        lines.check_access("read")
        return dict(
            head,
            period={
                "id": period.id,
                "name": period.name,
                "state": period.state,
                "date_recomputed": fields.Datetime.to_string(period.date_recomputed)
                if period.date_recomputed
                else False,
            },
            lists={
                "status": period.list_status,
                "submitted_by": period.lists_submitted_by_id.name or False,
                "date_submitted": _date(period.date_lists_submitted),
                "approved_by": period.lists_approved_by_id.name or False,
                "date_approved": _date(period.date_lists_approved),
            },
            thresholds={
                "advanced": period.award_advanced,
                "excellent": period.award_excellent,
                "commendation": period.award_commendation,
                "fail_below": period.fail_threshold,
                "revoke_at_failure": period.revoke_after_failures,
            },
            scorecards=period._scorecards_of(appraisals, lines),
        )

    def _scorecards_of(self, appraisals, lines):
        """Each appraisal's card (read as the user: they read these appraisals)."""
        self.ensure_one()
        lines_of = {}
        for line in lines.sorted(lambda line: (line.sequence, line.code or "", line.id)):
            lines_of.setdefault(line.appraisal_id.id, []).append(
                {
                    "code": line.code or "",
                    "section": line.section or "",
                    "name": line.name or "",
                    "points": line.points,
                    "score": line.score,
                    "computed": bool(line.compute_method),
                    "evidence": line.evidence or "",
                    "comment": line.comment or "",
                    "not_measurable": line.not_measurable,
                    "not_measurable_reason": line.not_measurable_reason or "",
                    "hand_scored": line.hand_scored,
                    "hand_score": line.hand_score if line.hand_scored else False,
                    "hand_evidence": line.hand_evidence or "",
                }
            )
        awarded = set(self.award_ids.ids)
        disqualified = set(self.disqualification_ids.ids)
        # the employee number is HR's field: read for the people of these appraisals only,
        # which the user was just allowed to read
        numbers = {
            employee.id: employee.barcode or ""
            for employee in appraisals.employee_id.sudo().with_prefetch()
        }
        cards = []
        for appraisal in appraisals:
            employee = appraisal.employee_id
            cards.append(
                {
                    "appraisal_id": appraisal.id,
                    "administrator_id": appraisal.administrator_id.id,
                    "employee_id": employee.id,
                    "name": employee.name or appraisal.administrator_id.name or "",
                    "employee_number": numbers.get(employee.id, ""),
                    "department": employee.department_id.name or "",
                    "departments_covered": appraisal.department_ids.mapped("name"),
                    "qualification": appraisal.administrator_id.qualification_state,
                    "state": appraisal.state,
                    "total": appraisal.total,
                    "tier": appraisal.rating or False,
                    "failed": appraisal.failed,
                    "outcome": appraisal.outcome or False,
                    "failure_number": appraisal.failure_number,
                    "bonus_withheld": appraisal.bonus_withheld,
                    "misuse": bool(appraisal.misuse_contract_ids),
                    "on_award_list": appraisal.id in awarded,
                    "on_disqualification_list": appraisal.id in disqualified,
                    "lines": lines_of.get(appraisal.id, []),
                }
            )
        cards.sort(key=lambda card: (-card["total"], card["name"], card["appraisal_id"]))
        return cards
