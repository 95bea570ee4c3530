from . import test_survey_exam
from . import test_guard_walk
from . import test_tour_zh
from . import test_model_names
