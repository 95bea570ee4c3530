from . import test_appraisal_findings
from . import test_tour_zh
