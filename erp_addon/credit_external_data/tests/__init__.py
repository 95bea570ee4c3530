from . import test_import
from . import test_providers
from . import test_scoring_warning
from . import test_share
from . import test_guard_walk
from . import test_roles
from . import test_model_names

from . import test_tour_zh
