from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .credit_contract import ADMINISTRATOR, MANAGER


class CreditContract(models.Model):
    """The review before signing: checklist, evidence the ERP finds, joint review, approval."""

    _inherit = "credit.contract"  # pylint: disable=consider-merging-classes-inherited

    # review
    date_submitted = fields.Date(string="Submitted for Review", readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submitted_department_id = fields.Many2one(
        "hr.department", string="Department at Submission", readonly=True, copy=False
    )
    review_round = fields.Integer(
        readonly=True,
        copy=False,
        default=0,
        help="Counts the times the review started anew (a submission, a change of the "
        "content under review): opinions given in an earlier round no longer count.",
    )
    date_approved = fields.Date(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    review_line_ids = fields.One2many(
        "credit.contract.review.line", "contract_id", string="Review Checklist", copy=False
    )
    three_properties_passed = fields.Boolean(compute="_compute_review", store=True)
    five_reviews_passed = fields.Boolean(compute="_compute_review", store=True)
    review_complete = fields.Boolean(compute="_compute_review", store=True)
    review_passed = fields.Boolean(compute="_compute_review", store=True)
    review_completed_date = fields.Date(compute="_compute_review", store=True)
    review_complete_before_signing = fields.Boolean(
        compute="_compute_review_complete_before_signing", store=True
    )
    review_override = fields.Boolean(readonly=True, copy=False, tracking=True)
    review_override_reason = fields.Text(readonly=True, copy=False)
    review_override_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    review_override_date = fields.Date(readonly=True, copy=False)
    joint_review_required = fields.Boolean(
        compute="_compute_joint_review_required",
        store=True,
        help="The amount reaches the company's joint review (会审) threshold.",
    )
    joint_review_ids = fields.One2many("credit.contract.joint.review", "contract_id", copy=False)
    joint_review_done = fields.Boolean(compute="_compute_joint_review_done", store=True)

    @api.depends(
        "review_line_ids.result",
        "review_line_ids.required",
        "review_line_ids.category",
        "review_line_ids.date",
        "review_override",
        "review_override_date",
    )
    def _compute_review(self):
        for contract in self:
            lines = contract.review_line_ids
            required = lines.filtered("required")

            def passed(subset):
                return all(line.result in ("pass", "na") for line in subset)

            contract.three_properties_passed = bool(lines) and passed(
                required.filtered(lambda line: line.category == "property")
            )
            contract.five_reviews_passed = bool(lines) and passed(
                required.filtered(lambda line: line.category == "review")
            )
            complete = bool(lines) and all(line.result for line in required)
            contract.review_complete = complete
            contract.review_passed = contract.review_override or (bool(lines) and passed(required))
            dates = [line.date for line in lines if line.result and line.date]
            if complete:
                contract.review_completed_date = max(dates) if dates else False
            elif contract.review_override:
                contract.review_completed_date = contract.review_override_date
            else:
                contract.review_completed_date = False

    @api.depends("review_completed_date", "date_signed")
    def _compute_review_complete_before_signing(self):
        for contract in self:
            contract.review_complete_before_signing = bool(
                contract.review_completed_date
                and contract.date_signed
                and contract.review_completed_date <= contract.date_signed
            )

    @api.depends("amount_company", "company_id.credit_contract_joint_review_amount")
    def _compute_joint_review_required(self):
        for contract in self:
            threshold = contract.company_id.credit_contract_joint_review_amount
            contract.joint_review_required = bool(threshold) and (
                contract.company_id.currency_id.compare_amounts(contract.amount_company, threshold)
                >= 0
            )

    @api.depends(
        "joint_review_ids.decision",
        "joint_review_ids.role_id",
        "joint_review_ids.review_round",
        "joint_review_ids.amendment_id",
        "review_round",
    )
    def _compute_joint_review_done(self):
        for contract in self:
            opinions = contract.joint_review_ids.filtered(
                lambda o, c=contract: not o.amendment_id and o.review_round == c.review_round
            )
            approving = opinions.filtered(lambda o: o.decision == "approve")
            contract.joint_review_done = (
                not opinions.filtered(lambda o: o.decision == "reject")
                and len(approving.role_id) >= 2
            )

    # ------------------------------------------------------------ review
    def _review_template(self):
        self.ensure_one()
        template = self.company_id.credit_contract_review_template_id
        if not template:
            template = (
                self.env["credit.contract.review.template"]
                .sudo()
                .search([("company_id", "in", [self.company_id.id, False])], limit=1)
            )
        return template

    def action_submit_review(self):
        self._check_owner_or_administrator()
        self._check_state(("draft",), self.env._("submitted for review"))
        for contract in self:
            if contract.currency_id.is_zero(contract.amount):
                raise UserError(
                    self.env._("Give the amount of contract %(name)s.", name=contract.name)
                )
            if not contract.date_start or not contract.date_end:
                raise UserError(
                    self.env._(
                        "Give the effective and end dates of contract %(name)s.",
                        name=contract.name,
                    )
                )
            if not contract.review_line_ids:
                template = contract._review_template()
                if not template.line_ids:
                    raise UserError(
                        self.env._("Set up a contract review checklist in the configuration.")
                    )
                self.env["credit.contract.review.line"]._create_from_template(contract, template)
            # who owns the contract is recorded at submission: changing the responsible
            # person or the department later does not make it somebody else's
            owners = (
                contract.user_id
                | contract.create_uid
                | self.env.user
                | contract.sudo().department_id.manager_id.user_id
            )
            contract.sudo().write(
                {
                    "state": "review",
                    "date_submitted": fields.Date.context_today(self),
                    "submitted_by_id": self.env.user.id,
                    "submitted_department_id": contract.department_id.id,
                    "owner_history_ids": [Command.link(user.id) for user in owners],
                }
            )
        # a (new) submission is a new review: nothing judged before counts
        self._start_review_round()
        self._evaluate_review()
        self._notify_reviewers()
        return True

    def _start_review_round(self):
        """Start the review anew: results given by hand, joint-review opinions and an
        override given before no longer count. Returns the contracts where something that
        was given is discarded."""
        discarded = self.browse()
        for contract in self:
            judged = contract.review_line_ids.filtered(lambda ln: ln.result or ln.reviewer_id)
            manual = judged.filtered(lambda ln: ln.auto_check == "none")
            opinions = contract.joint_review_ids.filtered(
                lambda o, c=contract: not o.amendment_id and o.review_round == c.review_round
            )
            if manual or opinions or contract.review_override:
                discarded |= contract
            manual.sudo().write({"result": False, "reviewer_id": False, "date": False})
            contract.sudo().write(
                {
                    "review_round": contract.review_round + 1,
                    "review_override": False,
                    "review_override_reason": False,
                    "review_override_by_id": False,
                    "review_override_date": False,
                }
            )
        return discarded

    def _restart_review(self, changed):
        """The content of this contract under review changed (``changed``: the fields'
        labels): the review starts again on the new content, and the chatter says so."""
        self.ensure_one()
        discarded = self._start_review_round()
        self._evaluate_review()
        if discarded:
            self.message_post(
                body=self.company_id._credit_env()._(
                    "The contract changed under review (%(fields)s): the review starts "
                    "again. Results, joint review opinions and overrides given on the "
                    "previous content no longer count.",
                    fields=", ".join(changed),
                )
            )

    def _notify_reviewers(self):
        activity_type = self.env.ref("credit_contract.mail_activity_type_contract_review")
        admins = self.env.ref(ADMINISTRATOR).sudo().users
        for contract in self:
            owners = contract._owners()
            users = admins.filtered(
                lambda u, c=contract, o=owners: (
                    c.company_id in u.company_ids
                    and not u.share
                    and u not in o
                    and not u.has_group(MANAGER)
                )
            )
            for user in users[:5]:
                contract.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=contract.company_id._credit_env(user)._(
                        "Review contract %(name)s", name=contract.name
                    ),
                )

    def _evaluate_review(self):
        """Pre-fill the items the ERP can judge with their evidence and result."""
        for contract in self:
            # the evidence is stored: worded in the company's language, whoever evaluates
            local = contract.with_context(lang=contract.company_id._credit_lang())
            for line in contract.review_line_ids.filtered(lambda ln: ln.auto_check != "none"):
                result, evidence = getattr(local, f"_review_evidence_{line.auto_check}")()
                line.sudo().write(
                    {
                        "evidence": evidence,
                        "auto_result": result,
                        "result": result,
                        "reviewer_id": False,
                        "date": fields.Date.context_today(self) if result else False,
                        "auto_evaluated": True,
                    }
                )

    def action_evaluate_review(self):
        self._check_state(("review",), self.env._("re-evaluated"))
        self._evaluate_review()
        return True

    def _review_blockers(self):
        """Why the review of this contract has not passed yet (empty: it has)."""
        self.ensure_one()
        env = self.env
        blockers = []
        if not self.review_passed:
            pending = self.review_line_ids.filtered(
                lambda ln: ln.required and ln.result not in ("pass", "na")
            )
            blockers.append(
                env._(
                    "The review has not passed: %(items)s.",
                    items="; ".join(pending.mapped("name")) or env._("no checklist"),
                )
            )
        if self.joint_review_required and not self.joint_review_done:
            blockers.append(
                env._(
                    "A contract of this amount needs a joint review (会审) approved by "
                    "reviewers of at least two different roles."
                )
            )
        return blockers

    def action_approve(self):
        self._check_administrator()
        self._check_state(("review",), self.env._("approved"))
        # credit managers included: their way past a failed review is the override
        self._check_not_own(self.env._("Nobody approves the review of their own contract."))
        for contract in self:
            blockers = contract._review_blockers()
            if blockers:
                raise UserError("\n".join(blockers))
        self.sudo().write(
            {
                "state": "approved",
                "date_approved": fields.Date.context_today(self),
                "approved_by_id": self.env.user.id,
            }
        )
        self.sudo().activity_unlink(["credit_contract.mail_activity_type_contract_review"])
        return True

    def _check_seal_not_used(self):
        for contract in self:
            if contract.sudo().seal_use_ids:
                raise UserError(
                    self.env._(
                        "The contract seal was used for contract %(name)s: it is no longer "
                        "reopened; sign it, then amend or terminate it.",
                        name=contract.name,
                    )
                )

    def action_back_to_review(self):
        self._check_owner_or_administrator()
        self._check_state(("approved",), self.env._("sent back to review"))
        self._check_seal_not_used()
        self.sudo().write({"state": "review", "date_approved": False, "approved_by_id": False})
        self._evaluate_review()
        return True

    def action_reset_draft(self):
        self._check_owner_or_administrator()
        self._check_state(("review", "approved"), self.env._("reset to draft"))
        self._check_seal_not_used()
        self.sudo().write({"state": "draft", "date_approved": False, "approved_by_id": False})
        return True

    def _action_override(self, reason):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager may override a contract review."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for overriding the review."))
        self._check_state(("review", "approved"), self.env._("overridden"))
        self.sudo().write(
            {
                "review_override": True,
                "review_override_reason": reason,
                "review_override_by_id": self.env.user.id,
                "review_override_date": fields.Date.context_today(self),
            }
        )
        for contract in self:
            contract.message_post(
                body=contract.company_id._credit_env()._(
                    "Review overridden by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        return True

    def action_override(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager may override a contract review."))
        return self.env["credit.contract.reason.wizard"]._open("override", self)
