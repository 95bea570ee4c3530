from . import test_contract_dispute
