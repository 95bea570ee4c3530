from odoo import api, fields, models


class CreditCollectionRule(models.Model):
    """Who collects an invoice: the first matching rule by sequence gives its collector.

    A rule matches an invoice when each of its criteria that is set matches: the customer,
    the salesperson, the sales team, and an open amount at least the minimum.
    """

    _name = "credit.collection.rule"
    _description = "Collector Assignment Rule"
    _order = "company_id, sequence, id"

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_ids = fields.Many2many("res.partner", string="Customers")
    salesperson_ids = fields.Many2many("res.users", string="Salespersons")
    team_ids = fields.Many2many("crm.team", string="Sales Teams")
    amount_min = fields.Monetary(
        string="Open Amount From", currency_field="currency_id", help="In company currency."
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    collector_id = fields.Many2one(
        "res.users",
        required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("credit_management.group_credit_collector").id)
        ],
    )

    @api.depends("collector_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = rule.env._(
                "Rule for %(collector)s", collector=rule.collector_id.name or "-"
            )

    def _matcher(self):
        """A function (partner, salesperson, team, amount) -> collector id, no query."""
        rules = [
            (
                set(rule.partner_ids.ids),
                set(rule.salesperson_ids.ids),
                set(rule.team_ids.ids),
                rule.amount_min,
                rule.collector_id.id,
            )
            for rule in self
        ]

        def match(partner_id, salesperson_id, team_id, amount):
            for partners, salespersons, teams, amount_min, collector in rules:
                if partners and partner_id not in partners:
                    continue
                if salespersons and salesperson_id not in salespersons:
                    continue
                if teams and team_id not in teams:
                    continue
                if amount_min and amount < amount_min:
                    continue
                return collector
            return False

        return match
