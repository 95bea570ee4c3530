import re

from odoo import fields, models
from odoo.tools.misc import format_date

# a business-scope term: what lies between the scope's separators
SCOPE_SEPARATORS = re.compile(r"[,，、;；。.:：()（）\[\]【】/\n]+")

# the subject matches a term only as a whole: "steel coil" in "steel coil and metal
# products", never "eel" or "s" (letters and digits around it would make it part of a word)
WORD_EDGE = "0-9a-z"
MIN_SUBJECT = 2


def _subject_in_scope(subject, scope):
    """Whether ``subject`` appears as a term of the registered business ``scope``.

    A term is what lies between the scope's separators (commas, 、, semicolons...); the
    subject matches when it is found in a term as a whole word (for Chinese, whose words
    are not separated, as a part of the term). A subject of fewer than two letters or
    characters never matches."""
    subject = (subject or "").strip().lower()
    if len(re.sub(r"\W", "", subject)) < MIN_SUBJECT:
        return False
    pattern = re.compile(rf"(?<![{WORD_EDGE}]){re.escape(subject)}(?![{WORD_EDGE}])")
    terms = (term.strip() for term in SCOPE_SEPARATORS.split((scope or "").lower()))
    return any(pattern.search(term) for term in terms if term)


class CreditContract(models.Model):
    """What the ERP finds for the review items it can judge (the "five reviews")."""

    _inherit = "credit.contract"  # pylint: disable=consider-merging-classes-inherited

    def _review_evidence_subject(self):
        partner = self.partner_id.sudo()
        env = self.env
        status = dict(partner._fields["credit_operating_status"]._description_selection(env))
        entity = dict(partner._fields["credit_entity_type"]._description_selection(env))
        facts = env._(
            "Credit code: %(code)s; entity: %(entity)s; legal representative: %(rep)s; "
            "operating status: %(status)s.",
            code=partner.credit_code or "-",
            entity=entity.get(partner.credit_entity_type, "-"),
            rep=partner.credit_legal_representative or "-",
            status=status.get(partner.credit_operating_status, "-"),
        )
        if partner.credit_operating_status and partner.credit_operating_status != "active":
            return "fail", facts + " " + env._("The counterparty is not operating.")
        if partner.credit_code and partner.credit_operating_status == "active":
            return "pass", facts
        return False, facts + " " + env._("The credit file is incomplete: judge by hand.")

    def _review_evidence_authority(self):
        env = self.env
        if not self.signatory_id:
            return False, env._("No signatory chosen yet.")
        date = self.date_signed or fields.Date.context_today(self)
        poa = self.power_of_attorney_id.sudo()
        if not poa:
            return "fail", env._(
                "%(signatory)s signs without a power of attorney.",
                signatory=self.signatory_id.name,
            )
        error = poa._covers(self.signatory_id, self.contract_type, self.amount_company, date)
        if error:
            return "fail", error
        return "pass", env._(
            "Power of attorney %(name)s: %(holder)s, up to %(max).2f, valid %(start)s to %(end)s.",
            name=poa.name,
            holder=poa.employee_id.name,
            max=poa.max_amount,
            start=format_date(env, poa.date_from),
            end=format_date(env, poa.date_to),
        )

    def _review_evidence_credit(self):
        return self._credit_evaluation(self.partner_id, self.amount_company)

    def _credit_evaluation(self, partner, amount_company):
        """(result, evidence) of the credit check of ``partner`` for this contract at
        ``amount_company`` (company currency): at review, and again when a change raises
        the amount or passes the contract to another counterparty."""
        env = self.env
        company = self.company_id
        partner = partner.commercial_partner_id.sudo().with_company(company)
        figures = partner._credit_exposure_figures(company)[partner.id]
        grade = partner.credit_grade_id
        facts = env._(
            "Grade: %(grade)s; limit: %(limit).2f; exposure: %(exposure).2f; overdue: "
            "%(overdue).2f; warning list: %(warning)s.",
            grade=grade.name or "-",
            limit=figures["limit"],
            exposure=figures["exposure"],
            overdue=figures["overdue"],
            warning=env._("yes") if figures["on_warning_list"] else env._("no"),
        )
        # the counterparty's payment decides, not the type's label: whoever pays later is
        # given credit under any type of contract
        if self.counterparty_pays != "later":
            if figures["on_warning_list"]:
                return "fail", facts
            pays = dict(self._fields["counterparty_pays"]._description_selection(env))
            return "na", facts + " " + env._(
                "No credit is granted under this contract: the counterparty pays %(how)s.",
                how=pays[self.counterparty_pays].lower(),
            )
        # the orders already confirmed for this contract count in the exposure already
        covered = sum(
            self.sudo()
            .sale_order_ids.filtered(lambda o: o.state == "sale")
            .mapped("credit_uninvoiced_amount")
        )
        amount = max(amount_company - covered, 0.0)
        reasons, warnings = partner._credit_block_reasons(company, figures, amount)
        if reasons:
            return "fail", facts + "\n" + "\n".join(reasons)
        return "pass", "\n".join([facts, *warnings])

    def _review_evidence_scope(self):
        env = self.env
        scope = (self.partner_id.sudo().credit_business_scope or "").strip()
        if not scope:
            return False, env._("No business scope in the credit file: judge by hand.")
        facts = env._("Registered business scope: %(scope)s", scope=scope)
        subject = (self.subject_matter or "").strip()
        if _subject_in_scope(subject, scope):
            return "pass", facts
        return False, facts + "\n" + env._(
            "Subject matter %(subject)s not found as a term of it: judge by hand.",
            subject=subject or "-",
        )
