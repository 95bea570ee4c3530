from . import credit_seminar
from . import credit_seminar_conclusion
