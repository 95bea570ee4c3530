from . import test_signals
from . import test_levels
from . import test_rescue
from . import test_guard_walk
from . import test_overview
from . import test_roles
from . import test_tour_zh
from . import test_model_names
