from . import credit_warning_rule
from . import credit_contract_dispute
