from . import credit_decision
