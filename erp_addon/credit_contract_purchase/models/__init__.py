from . import credit_contract
from . import purchase_order
