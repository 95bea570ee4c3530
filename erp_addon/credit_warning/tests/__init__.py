from . import test_signals
from . import test_levels
from . import test_rescue
from . import test_guard_walk
from . import test_overview
