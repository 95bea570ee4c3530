from . import test_restructuring_breached
from . import test_model_names
