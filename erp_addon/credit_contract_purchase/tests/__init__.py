from . import test_purchase
from . import test_tour_zh
from . import test_model_names
