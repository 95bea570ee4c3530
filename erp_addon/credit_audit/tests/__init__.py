from . import test_flow
from . import test_accountability
from . import test_cron
from . import test_roles
from . import test_guard_walk
from . import test_model_names
from . import test_report
from . import test_tour_zh
