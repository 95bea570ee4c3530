from . import controllers
from . import models
from . import providers
from . import wizards
