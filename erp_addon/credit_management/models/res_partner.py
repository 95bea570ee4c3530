import logging

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from odoo import api, fields, models
from odoo.exceptions import AccessError, RedirectWarning, ValidationError
from odoo.tools import SQL, float_compare

ENTITY_TYPES = [
    ("llc", "Limited liability company"),
    ("joint_stock", "Joint-stock company"),
    ("state_owned", "State-owned enterprise"),
    ("collective", "Collective enterprise"),
    ("partnership", "Partnership"),
    ("sole_proprietorship", "Sole proprietorship"),
    ("individual_business", "Individual business"),
    ("public_institution", "Public institution"),
    ("foreign_invested", "Foreign-invested enterprise"),
    ("other", "Other"),
]
OPERATING_STATUSES = [
    ("active", "Active (存续/在业)"),
    ("moved_out", "Moved out"),
    ("suspended", "Suspended"),
    ("liquidation", "In liquidation"),
    ("revoked", "Licence revoked"),
    ("deregistered", "Deregistered"),
]
CREDIT_LIMIT_FIELDS = {"credit_limit", "use_partner_credit_limit"}
CREDIT_STANDING_FIELDS = {
    "credit_grade_id",
    "credit_score",
    "credit_score_date",
    "credit_next_review_date",
    "credit_due_diligence_date",
}
CREDIT_FILE_FIELDS = {
    "credit_code",
    "credit_entity_type",
    "credit_registered_capital",
    "credit_legal_representative",
    "credit_business_scope",
    "credit_date_established",
    "credit_operating_status",
    "credit_last_investigation_date",
    "credit_analyst_id",
}


def uscc_error(env, code):
    """Why a unified social credit code (GB 32100-2015) is invalid, or None."""
    try:
        uscc.validate(code)
    except InvalidLength:
        return env._("A unified social credit code has 18 characters: %(code)s", code=code)
    except (InvalidFormat, InvalidComponent):
        return env._(
            "%(code)s contains characters a unified social credit code cannot have "
            "(digits and capital letters except I, O, S, V, Z).",
            code=code,
        )
    except InvalidChecksum:
        return env._(
            "The check character of unified social credit code %(code)s is wrong.", code=code
        )
    return None


class ResPartner(models.Model):
    _inherit = "res.partner"

    # credit file (资信档案)
    credit_code = fields.Char(
        string="Unified Social Credit Code", tracking=True, copy=False, index="btree_not_null"
    )
    credit_entity_type = fields.Selection(ENTITY_TYPES, string="Legal-Entity Status", tracking=True)
    credit_registered_capital = fields.Monetary(
        string="Registered Capital", tracking=True, currency_field="credit_currency_id"
    )
    credit_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_credit_currency_id",
    )
    credit_legal_representative = fields.Char(string="Legal Representative", tracking=True)
    credit_business_scope = fields.Text(string="Business Scope", tracking=True)
    credit_date_established = fields.Date(string="Date Established", tracking=True)
    credit_operating_status = fields.Selection(
        OPERATING_STATUSES, string="Operating Status", tracking=True
    )
    industry_id = fields.Many2one(tracking=True)
    credit_last_investigation_date = fields.Date(string="Last Investigation", tracking=True)
    credit_analyst_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("credit_management.group_credit_analyst").ids)
        ],
    )
    credit_financial_ids = fields.One2many(
        "credit.partner.financial", "partner_id", string="Financial Figures"
    )
    credit_score_ids = fields.One2many("credit.score", "partner_id", string="Score History")
    credit_application_ids = fields.One2many(
        "credit.application", "partner_id", string="Credit Applications"
    )
    credit_exposure_line_ids = fields.One2many(
        "credit.exposure.line", "partner_id", string="Exposure Lines"
    )
    credit_warning_entry_ids = fields.One2many(
        "credit.warning.entry", "partner_id", string="Warning List Entries"
    )
    credit_on_warning_list = fields.Boolean(
        string="On Warning List", compute="_compute_credit_on_warning_list", store=True
    )
    # standing, per company
    credit_grade_id = fields.Many2one("credit.grade", company_dependent=True, tracking=True)
    credit_policy = fields.Selection(related="credit_grade_id.credit_policy")
    credit_score = fields.Float(company_dependent=True, tracking=True)
    credit_score_date = fields.Date(string="Scored On", company_dependent=True)
    credit_next_review_date = fields.Date(
        string="Next Credit Review", company_dependent=True, tracking=True
    )
    credit_due_diligence_date = fields.Date(
        string="Due Diligence Passed", company_dependent=True, tracking=True
    )
    # exposure, in company currency (computed in one query for the whole recordset)
    credit_exposure_receivable = fields.Monetary(
        string="Open Receivables",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
    )
    credit_exposure_draft_invoice = fields.Monetary(
        string="Draft Invoices",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
    )
    credit_exposure_sale_order = fields.Monetary(
        string="Orders Not Invoiced",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
    )
    credit_exposure = fields.Monetary(
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
    )
    credit_overdue_amount = fields.Monetary(
        string="Overdue",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
    )
    credit_available = fields.Monetary(
        string="Available Credit",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
    )

    credit_can_edit_file = fields.Boolean(compute="_compute_credit_can_edit_file")

    @api.depends_context("uid")
    def _compute_credit_can_edit_file(self):
        self.credit_can_edit_file = self.env.user.has_group(
            "credit_management.group_credit_analyst"
        )

    @api.depends_context("company")
    def _compute_credit_currency_id(self):
        self.credit_currency_id = self.env.company.currency_id

    @api.depends("credit_warning_entry_ids", "credit_warning_entry_ids.active")
    def _compute_credit_on_warning_list(self):
        for partner in self:
            partner.credit_on_warning_list = bool(partner.credit_warning_entry_ids)

    @api.depends_context("company")
    def _compute_credit_exposure(self):
        company = self.env.company
        commercial = self.commercial_partner_id
        figures = commercial._credit_exposure_figures(company) if commercial.ids else {}
        for partner in self:
            fig = figures.get(partner.commercial_partner_id.id, _empty_figures())
            partner.credit_exposure_receivable = fig["receivable"]
            partner.credit_exposure_draft_invoice = fig["draft_invoice"]
            partner.credit_exposure_sale_order = fig["sale_order"]
            partner.credit_exposure = fig["exposure"]
            partner.credit_overdue_amount = fig["overdue"]
            limit = fig["limit"]
            partner.credit_available = limit - fig["exposure"] if limit else 0.0

    @api.constrains("credit_code")
    def _check_credit_code(self):
        for partner in self.filtered("credit_code"):
            error = uscc_error(self.env, partner.credit_code)
            if error:
                raise ValidationError(error)

    @api.onchange("credit_code")
    def _onchange_credit_code(self):
        if self.credit_code:
            self.credit_code = self.credit_code.strip().upper()

    # ------------------------------------------------------------ exposure
    def _credit_exposure_figures(self, company, overdue_grace_days=0, lock=False):
        """Exposure and standing in ``company`` of these partners' commercial partners.

        Amounts are in company currency: open receivables, draft customer invoices and
        the uninvoiced part of confirmed orders. One call of a SQL function whatever the
        number of invoices and orders (see models/account_move_line.py). With ``lock``
        it first makes concurrent checks of the same partners conflict: Odoo runs
        requests in REPEATABLE READ, so the later one fails to serialize, is retried,
        and its retry sees what the first one committed.
        """
        result = {}
        if not self.ids:
            return result
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT * FROM credit_exposure_figures(%s, %s, %s, %s, %s, %s, %s)",
                self.ids,
                company.id,
                fields.Datetime.now(),
                self.env.context.get("tz") or None,
                self.env.uid,
                overdue_grace_days,
                lock,
            )
        )
        rows = self.env.cr.fetchall()
        commercial = {
            pid: int(amount) for pid, bucket, amount, _info in rows if bucket == "commercial"
        }
        figures = {cid: dict(_empty_figures(), partner_id=cid) for cid in commercial.values()}
        extra = {"past_due": {}, "credits": {}}
        for pid, bucket, amount, info in rows:
            if bucket == "commercial":
                continue
            if bucket == "standing":
                policy, warning, due_diligence, has_limit = info.split("|")
                figures[pid].update(
                    limit=float(amount or 0.0) if has_limit == "1" else None,
                    policy=policy or False,
                    on_warning_list=warning == "1",
                    due_diligence=bool(due_diligence),
                )
            elif bucket in extra:
                extra[bucket][pid] = float(amount or 0.0)
            else:
                figures[pid][bucket] = float(amount or 0.0)
        for pid, amount in extra["past_due"].items():
            # past due, less unapplied credits (credit notes, advances)
            figures[pid]["overdue"] = max(amount + extra["credits"].get(pid, 0.0), 0.0)
        fallback = None
        for fig in figures.values():
            fig["exposure"] = fig["receivable"] + fig["draft_invoice"] + fig["sale_order"]
            if fig["limit"] is None:
                if fallback is None:
                    fallback = (
                        self._fields["credit_limit"].get_company_dependent_fallback(
                            self.with_company(company)
                        )
                        or 0.0
                    )
                fig["limit"] = fallback
        # the same dict for a partner and its commercial partner
        return {pid: figures[cid] for pid, cid in commercial.items()}

    def _credit_payment_history(self, company):
        """Average days paid late (12 months, amount-weighted) and overdue share, one query."""
        result = {pid: {"avg_days_late": None, "overdue_share": None} for pid in self.ids}
        if not self.ids:
            return result
        self.env.flush_all()
        today = fields.Date.context_today(self)
        self.env.cr.execute(
            SQL(
                """
                WITH members AS (
                    SELECT id, commercial_partner_id AS cp
                      FROM res_partner WHERE commercial_partner_id = ANY(%(pids)s)
                ), lines AS (
                    SELECT m.cp, aml.id, aml.amount_residual, aml.reconciled,
                           COALESCE(aml.date_maturity, aml.date) AS due
                      FROM account_move_line aml
                      JOIN members m ON m.id = aml.partner_id
                      JOIN account_account acc ON acc.id = aml.account_id
                     WHERE aml.company_id = %(company)s AND aml.parent_state = 'posted'
                       AND acc.account_type = 'asset_receivable' AND aml.balance > 0
                       AND aml.date >= %(since)s
                )
                SELECT l.cp,
                       SUM(GREATEST(apr.max_date - l.due, 0) * apr.amount)
                           / NULLIF(SUM(apr.amount), 0),
                       (SELECT SUM(CASE WHEN o.due < %(today)s THEN o.amount_residual ELSE 0 END)
                               / NULLIF(SUM(o.amount_residual), 0) * 100
                          FROM lines o WHERE o.cp = l.cp AND o.reconciled IS NOT TRUE
                           AND o.amount_residual > 0)
                  FROM lines l
             LEFT JOIN account_partial_reconcile apr ON apr.debit_move_id = l.id
              GROUP BY l.cp
                """,
                pids=self.ids,
                company=company.id,
                today=today,
                since=fields.Date.subtract(today, years=1),
            )
        )
        for pid, avg_late, overdue_share in self.env.cr.fetchall():
            result[pid] = {
                "avg_days_late": float(avg_late) if avg_late is not None else None,
                "overdue_share": float(overdue_share) if overdue_share is not None else 0.0,
            }
        return result

    # ------------------------------------------------------------ hard check
    def _credit_block_reasons(self, company, figures, amount):
        """Why adding ``amount`` to this partner's exposure must be blocked (empty: allowed).

        Reads only ``figures`` and the cached company settings; records are read only
        to word the reasons of a blocked document.
        """
        self.ensure_one()
        settings = company._credit_settings()
        rounding = settings["currency_rounding"]
        reasons = []
        if figures["on_warning_list"]:
            reasons.append(
                self.env._(
                    "%(partner)s is on the serious-dishonesty warning list.",
                    partner=self.display_name,
                )
            )
        policy = figures["policy"]
        if policy in ("blocked", "prepayment"):
            grade = self.with_company(company).sudo().credit_grade_id
        if policy == "blocked":
            reasons.append(self.env._("Credit grade %(grade)s blocks sales.", grade=grade.name))
        if settings["credit_require_due_diligence"] and not figures["due_diligence"]:
            reasons.append(
                self.env._(
                    "No credit granted yet: a due-diligence credit application must "
                    "be approved first."
                )
            )
        new_exposure = figures["exposure"] + amount
        if policy == "prepayment":
            if float_compare(new_exposure, 0.0, precision_rounding=rounding) > 0:
                reasons.append(
                    self.env._(
                        "Credit grade %(grade)s requires prepayment: %(amount)s is not covered "
                        "by advance payments.",
                        grade=grade.name,
                        amount=_money(new_exposure, company),
                    )
                )
        elif (
            figures["limit"] > 0
            and float_compare(new_exposure, figures["limit"], precision_rounding=rounding) > 0
        ):
            reasons.append(
                self.env._(
                    "Exposure would be %(new)s, over the credit limit of %(limit)s "
                    "(open receivables %(rec)s, draft invoices %(draft)s, orders not invoiced "
                    "%(orders)s, this document %(amount)s).",
                    new=_money(new_exposure, company),
                    limit=_money(figures["limit"], company),
                    rec=_money(figures["receivable"], company),
                    draft=_money(figures["draft_invoice"], company),
                    orders=_money(figures["sale_order"], company),
                    amount=_money(amount, company),
                )
            )
        if (
            settings["credit_block_overdue"]
            and float_compare(
                figures["overdue"],
                settings["credit_overdue_tolerance"],
                precision_rounding=rounding,
            )
            > 0
        ):
            reasons.append(
                self.env._(
                    "Overdue receivables of %(overdue)s exceed the tolerance of %(tolerance)s.",
                    overdue=_money(figures["overdue"], company),
                    tolerance=_money(settings["credit_overdue_tolerance"], company),
                )
            )
        return reasons

    @api.model
    def _credit_check_documents(
        self, documents, partner_of, amount_of, lock=True, consume=True, counted_as_draft=False
    ):
        """Run the hard credit check over documents of one model.

        ``partner_of(doc)`` gives the partner charged, ``amount_of(doc)`` the amount
        of the document (company currency); ``counted_as_draft`` says the documents are
        draft invoices already inside exposure, which are taken out first. Returns
        {document: (reasons, figures, amount)} for the blocked ones, after using up
        granted exceptions. Queries do not grow with the number of invoices or orders:
        one SQL call per company (lock and figures) and one exception look-up. Without
        ``lock`` and ``consume`` it only reports, for display.
        """
        blocked = {}
        by_company = {}
        for doc in documents:
            by_company.setdefault(doc.company_id, documents.browse())
            by_company[doc.company_id] |= doc
        for company, docs in by_company.items():
            partners = self.browse([partner_of(doc).id for doc in docs]).sudo()
            figures = partners._credit_exposure_figures(
                company, company._credit_settings()["credit_overdue_grace_days"], lock=lock
            )
            # one running total per commercial partner, shared by its contacts
            by_commercial = {}
            running = {
                pid: by_commercial.setdefault(fig["partner_id"], dict(fig))
                for pid, fig in figures.items()
            }
            if counted_as_draft:
                for doc in docs:
                    fig = running[partner_of(doc).id]
                    fig["draft_invoice"] -= amount_of(doc)
                    fig["exposure"] -= amount_of(doc)
            for doc in docs:
                amount = amount_of(doc)
                fig = running[partner_of(doc).id]
                commercial = self.browse(fig["partner_id"]).sudo()
                reasons = commercial._credit_block_reasons(company, fig, amount)
                if reasons:
                    blocked[doc] = (reasons, dict(fig), amount)
                fig["exposure"] += amount
        if blocked:
            docs = documents.browse([doc.id for doc in blocked])
            passed = self.env["credit.exception"]._consume(
                docs, {doc.id: blocked[doc][2] for doc in docs}, dry_run=not consume
            )
            blocked = {doc: info for doc, info in blocked.items() if doc.id not in passed}
        return blocked

    @api.model
    def _credit_raise_blocked(self, blocked):
        """Stop with the reasons and figures, offering to request an exception."""
        doc, (reasons, _figures, _amount) = next(iter(blocked.items()))
        message = (
            self.env._("Credit check failed for %(doc)s:", doc=doc.display_name)
            + "\n- "
            + ("\n- ".join(reasons))
        )
        if len(blocked) > 1:
            message += "\n" + self.env._(
                "%(count)s other document(s) are blocked as well.", count=len(blocked) - 1
            )
        action = self.env["credit.exception.request"]._action_for(doc)
        blocked_error = RedirectWarning(message, action, self.env._("Request Credit Exception"))
        # an expected business outcome, not a server fault: keep it out of the error log
        blocked_error.loglevel = logging.INFO
        raise blocked_error

    # ------------------------------------------------------------ guards
    def write(self, vals):
        if CREDIT_LIMIT_FIELDS & set(vals):
            if vals.get("credit_limit", 0.0) < 0:
                raise ValidationError(self.env._("A credit limit cannot be negative."))
            self._check_credit_limit_rights()
        if not self.env.su:
            if CREDIT_STANDING_FIELDS & set(vals) and not self.env.user.has_group(
                "credit_management.group_credit_manager"
            ):
                raise AccessError(
                    self.env._(
                        "Grades, scores and review dates come from scoring and approved "
                        "applications; only a credit manager may set them by hand."
                    )
                )
            if CREDIT_FILE_FIELDS & set(vals) and not self.env.user.has_group(
                "credit_management.group_credit_analyst"
            ):
                raise AccessError(self.env._("Only credit analysts may change a credit file."))
        return super().write(vals)

    def _check_credit_limit_rights(self):
        if not (self.env.su or self.env.user.has_group("credit_management.group_credit_manager")):
            raise AccessError(
                self.env._(
                    "Only a credit manager may change a credit limit; request it through "
                    "a credit application."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("credit_limit", 0.0) < 0:
                raise ValidationError(self.env._("A credit limit cannot be negative."))
            if vals.get("credit_limit"):
                self._check_credit_limit_rights()
            if vals.get("credit_code"):
                vals["credit_code"] = vals["credit_code"].strip().upper()
        return super().create(vals_list)

    # ------------------------------------------------------------ actions
    def action_credit_score(self):
        company = self.env.company
        model = company.credit_score_model_id
        if not model:
            raise ValidationError(
                self.env._("Choose a scoring model in Settings > Credit Management first.")
            )
        if not self.env.user.has_group("credit_management.group_credit_analyst"):
            raise AccessError(self.env._("Only credit analysts may score a partner."))
        model.sudo()._score_partners(self.commercial_partner_id)
        return True

    def action_view_credit_exposure(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.action_credit_exposure_line"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_group_exposure_type": 1}
        return action

    def action_new_credit_application(self):
        self.ensure_one()
        partner = self.commercial_partner_id
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.application",
            "views": [(False, "form")],
            "context": {
                "default_partner_id": partner.id,
                "default_application_type": "due_diligence"
                if not partner.credit_due_diligence_date
                else "limit_change",
            },
        }

    # ------------------------------------------------------------ cron
    @api.model
    def _cron_credit_review_due(self):
        """Give analysts an activity for each partner whose re-review is due."""
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_review")
        analysts = self.env.ref("credit_management.group_credit_analyst").sudo().users
        today = fields.Date.context_today(self)
        count = 0
        # every active company: each keeps its own grades and review dates
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            partners = (
                self.sudo()
                .with_company(company)
                .search([("credit_next_review_date", "<=", today), ("parent_id", "=", False)])
            )
            pending = set(
                self.env["mail.activity"]
                .search(
                    [
                        ("res_model", "=", "res.partner"),
                        ("res_id", "in", partners.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ]
                )
                .mapped("res_id")
            )
            fallback = analysts.filtered(lambda u, c=company: c in u.company_ids and not u.share)
            for partner in partners.filtered(lambda p, done=pending: p.id not in done):
                user = partner.credit_analyst_id or fallback[:1]
                if not user:
                    continue
                partner.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    date_deadline=today,
                    summary=self.env._("Credit re-review due (%(company)s)", company=company.name),
                )
                count += 1
        return count


def _empty_figures():
    return {
        "receivable": 0.0,
        "draft_invoice": 0.0,
        "sale_order": 0.0,
        "overdue": 0.0,
        "exposure": 0.0,
        "limit": None,
        "policy": False,
        "on_warning_list": False,
        "due_diligence": False,
    }


def _money(amount, company):
    """An amount as a refusal message shows it, in the company's currency."""
    return f"{company.currency_id.symbol or ''}{amount:,.2f}"
