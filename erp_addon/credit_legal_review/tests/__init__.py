from . import test_figures
from . import test_sign_off
from . import test_schedule
from . import test_guard_walk
from . import test_report
from . import test_tour_zh
from . import test_model_names
