from . import credit_decision
from . import credit_exception_request
