from . import test_on_time
from . import test_tour_zh
