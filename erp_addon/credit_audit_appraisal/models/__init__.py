from . import credit_appraisal
