from odoo import _lt, api, fields, models
from odoo.exceptions import ValidationError

# the signal types this add-on computes (bridges add theirs with selection_add: see
# readme/DEVELOP.md); each has sql/credit_warning_signals.sql's credit_warning_signal_<type>
SIGNAL_TYPES = [
    ("overdue_share", "Overdue share rising"),
    ("dso_up", "DSO up"),
    ("days_to_pay", "Days to pay lengthening"),
    ("grade_down", "Grade downgraded"),
    ("limit_usage", "Limit usage high and rising"),
    ("promise_broken", "Promise to pay broken"),
    ("warning_list", "Related person on the warning list"),
]

# the rules every company starts with: {type: (threshold, days, weight)}
DEFAULT_RULES = {
    "overdue_share": (10.0, 90, 2.0),
    "dso_up": (20.0, 90, 2.0),
    "days_to_pay": (10.0, 90, 1.0),
    "grade_down": (1.0, 90, 3.0),
    "limit_usage": (90.0, 30, 2.0),
    "promise_broken": (1.0, 90, 2.0),
    "warning_list": (1.0, 0, 4.0),
}

# what the threshold and the days mean, per type (shown on the rule)
RULE_MEANING = {
    "overdue_share": _lt(
        "Fires when the share of what is owed that is overdue rose at each of three equal "
        "steps over the days, by at least the threshold (percentage points) in all."
    ),
    "dso_up": _lt(
        "Fires when the DSO is at least the threshold (%) above the DSO of that many days ago."
    ),
    "days_to_pay": _lt(
        "Fires when the invoices paid in the last days took at least the threshold (days) "
        "longer to pay, on average, than those paid in the same number of days before."
    ),
    "grade_down": _lt(
        "Fires when the latest score of the last days lowered the grade by at least the "
        "threshold (grades)."
    ),
    "limit_usage": _lt(
        "Fires when the exposure is at least the threshold (% of the limit in force) and "
        "the customer owes more than that many days ago."
    ),
    "promise_broken": _lt(
        "Fires when at least the threshold (promises) were broken in the last days."
    ),
    "warning_list": _lt(
        "Fires when at least the threshold (entries) in force on the warning list name the "
        "customer, one of its contacts or its legal representative, listed in the last days "
        "(0: whenever listed)."
    ),
}


class CreditWarningRule(models.Model):
    """A company's rule for one type of early-warning signal (预警规则): whether it runs,
    its threshold, the days it looks back and the weight a firing signal adds to the
    customer's warning score. One rule per type and company; the signals themselves are
    computed by credit.warning.signal's daily run (SQL, one statement per rule)."""

    _name = "credit.warning.rule"
    _description = "Early-Warning Rule"
    _order = "company_id, sequence, id"
    _rec_name = "signal_type"

    signal_type = fields.Selection(SIGNAL_TYPES, required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    threshold = fields.Float(required=True, digits=(16, 1))
    period_days = fields.Integer(string="Days Looked Back", required=True, default=90)
    weight = fields.Float(required=True, default=1.0, digits=(16, 1))
    meaning = fields.Char(compute="_compute_meaning")

    _sql_constraints = [
        (
            "type_company_uniq",
            "unique(signal_type, company_id)",
            "A company has one rule per type of signal.",
        ),
    ]

    @api.depends("signal_type")
    def _compute_meaning(self):
        for rule in self:
            meaning = RULE_MEANING.get(rule.signal_type) or self._warning_meaning(rule.signal_type)
            rule.meaning = str(meaning) if meaning else False

    @api.model
    def _warning_meaning(self, signal_type):
        """What the threshold and the days of a bridge's type mean (bridges extend it)."""
        return False

    @api.constrains("threshold", "weight", "period_days")
    def _check_figures(self):
        for rule in self:
            if rule.threshold < 0:
                raise ValidationError(self.env._("A rule's threshold cannot be negative."))
            if rule.weight <= 0:
                raise ValidationError(self.env._("A rule's weight must be greater than zero."))
            if rule.period_days < 0:
                raise ValidationError(self.env._("A rule's days looked back cannot be negative."))

    @api.model
    def _warning_default_rules(self):
        """``{type: (threshold, days, weight)}`` of the rules each company starts with;
        a bridge adds its own type here."""
        return dict(DEFAULT_RULES)

    @api.model
    def _warning_copy_defaults(self, companies):
        """Give ``companies`` the default rule of every type they have no rule of yet
        (archived ones count: a company that switched a rule off keeps it off)."""
        Rule = self.sudo().with_context(active_test=False)
        existing = {
            (rule.company_id.id, rule.signal_type)
            for rule in Rule.search([("company_id", "in", companies.ids)])
        }
        defaults = self._warning_default_rules()
        vals_list = [
            {
                "company_id": company.id,
                "signal_type": signal_type,
                "threshold": threshold,
                "period_days": days,
                "weight": weight,
                "sequence": 10 * index,
            }
            for company in companies
            for index, (signal_type, (threshold, days, weight)) in enumerate(defaults.items())
            if (company.id, signal_type) not in existing
        ]
        return Rule.create(vals_list)
