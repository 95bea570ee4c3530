"""The provider interface and its registry."""

import dataclasses
import datetime

from odoo.exceptions import UserError

PROVIDERS = {}


def register(cls):
    """Class decorator: make ``cls`` a provider under its ``code``."""
    if not cls.code or cls.code in PROVIDERS:
        raise ValueError(f"provider code missing or taken: {cls.code!r}")
    PROVIDERS[cls.code] = cls
    return cls


def get_provider(env, code):
    """The provider ``code`` bound to ``env``; a UserError when there is no such one."""
    cls = PROVIDERS.get(code)
    if cls is None:
        raise UserError(env._("There is no external-data provider %(code)s.", code=code))
    return cls(env)


def provider_selection(env):
    """The registered providers as a selection, in the reader's language."""
    return [(code, cls(env).label()) for code, cls in sorted(PROVIDERS.items())]


@dataclasses.dataclass
class ExternalRow:
    """One customer's report from one source on one date (one row of the format)."""

    row: int
    credit_code: str
    date: datetime.date
    source: str = ""
    rating: str = ""
    registered_capital: float | None = None
    operating_status: str = ""
    adverse: dict = dataclasses.field(default_factory=dict)  # {type: [reference, ...]}


@dataclasses.dataclass
class RowError:
    """Why a row cannot be imported: its number (1 is the header), column and reason."""

    row: int
    column: str
    message: str


class ExternalProvider:
    """Base class of a provider. ``kind`` says which of the two methods it implements:

    - ``"file"``: ``parse(content, filename) -> (rows, errors)`` reads a file the user
      uploads;
    - ``"online"``: ``fetch(codes) -> (rows, errors)`` asks a service about these unified
      social credit codes.

    ``rows`` are :class:`ExternalRow`, ``errors`` :class:`RowError` whose message is in
    the reader's language (``self.env``). A provider never writes: the import compares,
    previews and applies whatever the provider returns.
    """

    code = None
    kind = "file"

    def __init__(self, env):
        self.env = env

    def label(self):
        raise NotImplementedError

    def parse(self, content, filename):
        raise UserError(self.env._("%(provider)s does not read files.", provider=self.label()))

    def fetch(self, codes):
        raise UserError(
            self.env._("%(provider)s does not ask an online service.", provider=self.label())
        )
