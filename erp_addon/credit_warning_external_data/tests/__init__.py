from . import test_external_adverse
from . import test_tour_zh
