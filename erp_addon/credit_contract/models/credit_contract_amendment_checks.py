from odoo import models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date


class CreditContractAmendment(models.Model):
    """What a change does to the contract, and the checks a larger amount runs again."""

    _inherit = "credit.contract.amendment"  # pylint: disable=consider-merging-classes-inherited

    def _raises_amount(self):
        self.ensure_one()
        contract = self.contract_id
        return bool(
            self.kind == "change"
            and self.new_amount
            and contract.currency_id.compare_amounts(self.new_amount, contract.amount) > 0
        )

    def _new_amount_company(self, date):
        """The contract's amount after the change, in company currency on ``date``."""
        self.ensure_one()
        contract = self.contract_id
        company = contract.company_id
        amount = self.new_amount or contract.amount
        if not contract.currency_id or contract.currency_id == company.currency_id:
            return amount
        return contract.currency_id._convert(amount, company.currency_id, company, date)

    def _change_blockers(self, date):
        """Why this change cannot be approved or processed on ``date`` (empty: it can).

        A change raising the amount runs again what signing ran: the power of attorney of
        whoever signs the change must cover the new amount, a joint review (会审) is needed
        from the threshold on, and the counterparty's credit is checked for the new amount;
        a change of counterparty runs the credit check for the new one."""
        self.ensure_one()
        if self.kind != "change":
            return []
        env = self.env
        contract = self.contract_id.sudo()
        new_partner = self.new_partner_id and self.new_partner_id != contract.partner_id
        raised = self._raises_amount()
        if not (raised or new_partner):
            return []
        blockers = []
        amount = self._new_amount_company(date)
        if raised:
            signatory = self.signatory_id or contract.signatory_id
            poa = (self.power_of_attorney_id or contract.power_of_attorney_id).sudo()
            if not poa:
                blockers.append(
                    env._(
                        "%(signatory)s holds no power of attorney for the new amount.",
                        signatory=signatory.name or "-",
                    )
                )
            else:
                error = poa._signing_error(signatory, contract.contract_type, amount, date, date)
                if error:
                    blockers.append(error)
            if self.joint_review_required and not self.joint_review_done:
                blockers.append(
                    env._(
                        "A change to this amount needs a joint review (会审) approved by "
                        "reviewers of at least two different roles."
                    )
                )
        result, evidence = contract._credit_evaluation(
            self.new_partner_id or contract.partner_id, amount
        )
        if result == "fail":
            blockers.append(
                env._(
                    "The credit check of the changed contract fails:\n%(evidence)s",
                    evidence=evidence,
                )
            )
        return blockers

    def _check_change_allowed(self, date):
        self.ensure_one()
        blockers = self._change_blockers(date)
        if blockers:
            raise UserError(
                self.env._(
                    "The change of contract %(name)s cannot go ahead:",
                    name=self.contract_id.name,
                )
                + "\n- "
                + "\n- ".join(blockers)
            )

    def _changes(self):
        """What the change changes, as the contract's version and chatter keep it: in the
        company's language, whoever processes it."""
        self.ensure_one()
        env = self.contract_id.company_id._credit_env()
        contract = self.contract_id
        changes = []
        if self.new_title and self.new_title != contract.title:
            changes.append(
                env._("Title: %(old)s → %(new)s", old=contract.title, new=self.new_title)
            )
        if self.new_amount and contract.currency_id.compare_amounts(
            self.new_amount, contract.amount
        ):
            changes.append(
                env._("Amount: %(old).2f → %(new).2f", old=contract.amount, new=self.new_amount)
            )
        if self.new_date_start and self.new_date_start != contract.date_start:
            changes.append(
                env._(
                    "Effective date: %(old)s → %(new)s",
                    old=format_date(env, contract.date_start),
                    new=format_date(env, self.new_date_start),
                )
            )
        if self.new_date_end and self.new_date_end != contract.date_end:
            changes.append(
                env._(
                    "End date: %(old)s → %(new)s",
                    old=format_date(env, contract.date_end),
                    new=format_date(env, self.new_date_end),
                )
            )
        if self.new_partner_id and self.new_partner_id != contract.partner_id:
            changes.append(
                env._(
                    "Counterparty: %(old)s → %(new)s",
                    old=contract.partner_id.with_env(env).display_name,
                    new=self.new_partner_id.with_env(env).display_name,
                )
            )
        if self.new_user_id and self.new_user_id != contract.user_id:
            changes.append(
                env._(
                    "Responsible: %(old)s → %(new)s",
                    old=contract.user_id.name or "-",
                    new=self.new_user_id.name,
                )
            )
        if self.new_department_id and self.new_department_id != contract.department_id:
            changes.append(
                env._(
                    "Responsible department: %(old)s → %(new)s",
                    old=contract.department_id.with_env(env).name or "-",
                    new=self.new_department_id.with_env(env).name,
                )
            )
        if self.new_body and str(self.new_body) != str(contract.body or ""):
            changes.append(env._("Clauses rewritten"))
        return changes

    def _contract_values(self):
        """What the processed change writes on the contract."""
        self.ensure_one()
        vals = {}
        for new, fname in (
            ("new_title", "title"),
            ("new_amount", "amount"),
            ("new_date_start", "date_start"),
            ("new_date_end", "date_end"),
            ("new_body", "body"),
        ):
            if self[new]:
                vals[fname] = self[new]
        for new, fname in (
            ("new_partner_id", "partner_id"),
            ("new_user_id", "user_id"),
            ("new_department_id", "department_id"),
        ):
            if self[new]:
                vals[fname] = self[new].id
        if self.new_user_id:
            # who was responsible stays one of the contract's owners
            vals["owner_history_ids"] = [(4, user.id) for user in self.contract_id.user_id]
        return vals
