from . import test_guard_walk
from . import test_model_names
from . import test_proposal
from . import test_ranking
from . import test_roles
from . import test_tour_zh
