from . import credit_exposure_line
