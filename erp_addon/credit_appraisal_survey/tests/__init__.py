from . import test_survey_exam
