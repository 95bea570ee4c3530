from . import test_cover
from . import test_tour_zh
