from . import test_restructuring_breached
from . import test_model_names
from . import test_tour_zh
