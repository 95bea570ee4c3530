from . import credit_training_session
from . import credit_training_result
from . import survey_user_input
from . import hr_employee
