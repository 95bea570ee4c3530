from . import credit_guarantee_call
