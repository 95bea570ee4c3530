from . import credit_guarantee_call
from . import credit_guarantee_revalue
from . import credit_decision
