from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CreditCollectionBucket(models.Model):
    """An ageing bucket: from ``days_from`` days overdue up to the next bucket's start.

    Buckets are thresholds, so they can neither overlap nor leave gaps between them: two
    buckets starting on the same day are refused, and the first must start at 0 (not due
    or within the grace days); the last one has no upper end.
    """

    _name = "credit.collection.bucket"
    _description = "Ageing Bucket"
    _order = "company_id, days_from"

    name = fields.Char(required=True, translate=True)
    days_from = fields.Integer(
        string="From Days Overdue", required=True, help="The bucket runs up to the next one."
    )
    days_to = fields.Integer(string="To Days Overdue", compute="_compute_days_to")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("days_from", "company_id")
    def _compute_days_to(self):
        by_company = {}
        for bucket in self:
            if bucket.company_id not in by_company:
                by_company[bucket.company_id] = self.search(
                    [("company_id", "=", bucket.company_id.id)]
                ).mapped("days_from")
            starts = sorted(d for d in by_company[bucket.company_id] if d > bucket.days_from)
            bucket.days_to = starts[0] - 1 if starts else 0

    @api.depends("days_from", "days_to", "name")
    def _compute_display_name(self):
        for bucket in self:
            bucket.display_name = bucket.name

    @api.constrains("days_from", "company_id")
    def _check_first_bucket(self):
        for company in self.company_id:
            buckets = self.search([("company_id", "=", company.id)])
            starts = buckets.mapped("days_from")
            if any(start < 0 for start in starts):
                raise ValidationError(
                    self.env._("An ageing bucket cannot start before 0 days overdue.")
                )
            if len(set(starts)) != len(starts):
                raise ValidationError(
                    self.env._(
                        "Two ageing buckets of %(company)s start on the same day: they would "
                        "overlap.",
                        company=company.name,
                    )
                )
            first = buckets[:1]
            if first and first.days_from != 0:
                raise ValidationError(
                    self.env._(
                        "The ageing buckets of %(company)s leave a gap: the first bucket "
                        "must start at 0 days overdue.",
                        company=company.name,
                    )
                )

    @api.ondelete(at_uninstall=True)
    def _unlink_keep_first(self):
        for company in self.company_id:
            rest = self.search([("company_id", "=", company.id), ("id", "not in", self.ids)])
            if rest and rest[0].days_from != 0:
                raise ValidationError(
                    self.env._(
                        "Deleting these buckets would leave a gap: the first bucket must "
                        "start at 0 days overdue."
                    )
                )

    @api.model
    def _bucket_for(self, company_id, days, buckets_cache):
        """The bucket id of ``days`` overdue in the company (buckets read once per run)."""
        starts = buckets_cache.get(company_id)
        if starts is None:
            starts = [
                (b.days_from, b.id)
                for b in self.sudo().search([("company_id", "=", company_id)], order="days_from")
            ]
            buckets_cache[company_id] = starts
        found = False
        for start, bucket_id in starts:
            if days >= start:
                found = bucket_id
        return found
