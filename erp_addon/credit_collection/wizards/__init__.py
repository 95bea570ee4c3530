from . import credit_collection_ageing_wizard
from . import credit_collection_cancel_wizard
