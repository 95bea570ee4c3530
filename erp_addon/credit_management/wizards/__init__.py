from . import credit_exception_request
from . import credit_decision
