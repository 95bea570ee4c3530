from . import res_company
from . import res_config_settings
from . import credit_legal_review
from . import credit_legal_review_figures
from . import credit_legal_review_schedule
