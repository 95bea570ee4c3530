from . import credit_audit
from . import credit_audit_finding
from . import credit_audit_finding_flow
from . import credit_audit_finding_cron
from . import credit_audit_followup
from . import credit_audit_accountability
from . import res_partner
