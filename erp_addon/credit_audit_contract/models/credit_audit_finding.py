from odoo import api, fields, models

from odoo.addons.credit_audit.models.credit_audit_finding import (
    CONTENT_FIELDS,
)
from odoo.addons.credit_audit.models.credit_audit_finding import (
    CreditAuditFinding as BaseFinding,
)


class CreditAuditFinding(models.Model):
    _inherit = "credit.audit.finding"

    # the contracts concerned are part of what the finding says: locked with it, and a
    # change after verification voids the verification
    _guard_locks = [
        (CONTENT_FIELDS + ("contract_ids",), states)
        if fnames == CONTENT_FIELDS
        else (fnames, states)
        for fnames, states in BaseFinding._guard_locks
    ]

    contract_ids = fields.Many2many(
        "credit.contract",
        "credit_audit_finding_contract_rel",
        "finding_id",
        "contract_id",
        string="Contracts Concerned",
        check_company=True,
    )

    @api.model
    def _audit_content_fields(self):
        return super()._audit_content_fields() | {"contract_ids"}
