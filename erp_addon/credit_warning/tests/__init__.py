from . import test_signals
