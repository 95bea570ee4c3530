from . import test_flow
from . import test_check
from . import test_cron_call
from . import test_guard_walk
from . import test_roles
from . import test_tour_zh
from . import test_model_names
