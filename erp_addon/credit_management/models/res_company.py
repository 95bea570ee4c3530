from odoo import api, fields, models, tools

CREDIT_SETTINGS = (
    "credit_check_sale",
    "credit_check_invoice",
    "credit_no_limit_policy",
    "credit_limit_by_application",
    "credit_block_overdue",
    "credit_overdue_tolerance",
    "credit_overdue_grace_days",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    # every rule starts off: installing the add-on changes nothing until the credit
    # department switches each one on in the settings
    credit_check_sale = fields.Boolean(string="Credit Check on Sales Orders")
    credit_check_invoice = fields.Boolean(string="Credit Check on Invoices")
    credit_no_limit_policy = fields.Selection(
        [
            ("none", "No check"),
            ("warn", "Warn"),
            ("block", "Block until due diligence is approved"),
        ],
        string="Customers Without a Limit",
        default="none",
        required=True,
        help="What the credit check does for a customer with no approved credit limit: "
        "nothing (as Odoo does), show a warning, or block until a due-diligence credit "
        "application is approved.",
    )
    credit_limit_by_application = fields.Boolean(
        string="Limits Only Through Approved Applications",
        help="Credit limits change only through approved credit applications or by a "
        "credit manager. Off: whoever Odoo lets edit a credit limit may do so.",
    )
    credit_block_overdue = fields.Boolean(string="Block on Overdue")
    credit_overdue_tolerance = fields.Monetary(
        string="Overdue Tolerance", currency_field="currency_id"
    )
    credit_overdue_grace_days = fields.Integer(string="Overdue Grace Days")
    credit_score_model_id = fields.Many2one("credit.score.model", string="Scoring Model")

    def _credit_settings(self):
        """The credit check's settings, cached: the check runs on every confirmation."""
        self.ensure_one()
        return self._credit_settings_cached(self.id)

    @tools.ormcache("company_id")
    def _credit_settings_cached(self, company_id):
        company = self.browse(company_id).sudo()
        settings = {name: company[name] for name in CREDIT_SETTINGS}
        settings["currency_rounding"] = company.currency_id.rounding
        return settings

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._credit_copy_defaults()
        return companies

    def _credit_lang(self):
        """The language of what the add-on posts and schedules for this company's staff.

        Chatter messages are read by the company's people, whoever triggered them: they
        are written in the company's language (its partner's, failing that the user's),
        not the caller's.
        """
        self.ensure_one()
        return self.partner_id.lang or self.env.user.lang or "en_US"

    def _credit_env(self, user=None):
        """The environment to word stored text in for this company (or the current
        company): the company's language (``_credit_lang``), whoever or whatever triggered
        it (a scheduled job runs as OdooBot, in English). ``env._`` translates into it and
        translatable fields read through it (a stage's name inside a sentence) read in it.

        With ``user``, the text is for that user (an activity's summary): the user's
        language, the company's when the user has none.
        """
        company = self[:1] or self.env.company
        lang = (user and user.lang) or company._credit_lang()
        return company.with_context(lang=lang).env

    def _credit_copy_defaults(self):
        """Give companies the shipped grades, approval bands and scoring model.

        Each kind is copied from the main company only where the company has none yet.
        """
        template = self.env.ref("base.main_company")
        Grade = self.env["credit.grade"].sudo()
        Band = self.env["credit.authority.band"].sudo()
        for company in self - template:
            if not Grade.search_count([("company_id", "=", company.id)], limit=1):
                for grade in Grade.search([("company_id", "=", template.id)]):
                    # copied with every translation of its name
                    grade.copy({"company_id": company.id})
            if not Band.search_count([("company_id", "=", company.id)], limit=1):
                for band in Band.search([("company_id", "=", template.id)], order="amount_from"):
                    band.copy({"company_id": company.id})
            model = template.sudo().credit_score_model_id
            if model and not company.sudo().credit_score_model_id:
                company.sudo().credit_score_model_id = model.copy({"company_id": company.id})

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & {*CREDIT_SETTINGS, "currency_id"}:
            self.env.registry.clear_cache()
        return res
