from . import credit_prospect
