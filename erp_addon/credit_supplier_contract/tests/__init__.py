from . import test_contract_figures
from . import test_tour_zh
