from . import credit_collection_ageing
