from . import credit_audit_finding
from . import credit_contract
