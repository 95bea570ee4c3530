from . import credit_contract_reason_wizard
from . import credit_contract_sign_wizard
from . import credit_contract_seal_use_wizard
from . import credit_contract_misuse_wizard
