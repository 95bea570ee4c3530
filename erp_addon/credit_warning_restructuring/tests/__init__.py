from . import test_restructuring_breached
