from . import test_register
from . import test_training
from . import test_rubric
from . import test_appraisal
from . import test_formulas
from . import test_rpc
from . import test_views
