from . import test_contract_cases
