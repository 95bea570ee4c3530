from . import test_cover_expiring
from . import test_model_names
from . import test_tour_zh
