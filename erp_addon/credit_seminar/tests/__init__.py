from . import test_seminar
from . import test_guard_walk
from . import test_roles
from . import test_tour_zh
from . import test_model_names
