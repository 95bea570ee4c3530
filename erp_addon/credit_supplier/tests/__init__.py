from . import test_block
from . import test_cron
from . import test_evaluation
from . import test_guard_walk
from . import test_model_names
from . import test_roles
from . import test_tour_zh
