from . import credit_collection_ageing_wizard
from . import credit_collection_cancel_wizard
from . import credit_collection_dispute_assign_wizard
from . import credit_collection_escalate_wizard
from . import credit_collection_letter_correct_wizard
