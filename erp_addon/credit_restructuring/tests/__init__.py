from . import test_adherence
from . import test_approval
from . import test_bad_input
from . import test_daily
from . import test_guard_walk
from . import test_report
from . import test_roles
from . import test_tour_zh
