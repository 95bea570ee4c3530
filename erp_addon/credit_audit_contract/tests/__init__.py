from . import test_finding_contracts
from . import test_tour_zh
