from . import test_cover
