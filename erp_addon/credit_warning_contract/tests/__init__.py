from . import test_contract_dispute
from . import test_model_names
