from . import test_contract_dispute
from . import test_model_names
from . import test_tour_zh
