"""The language the ``credit`` command speaks: chosen once, used everywhere.

One choice (:func:`choose_language`) decides the language of the command's help, of its
messages and errors, of click's own words ("Usage:", "Options", "Show this message and
exit.", "No such option"...) and of the reports it writes: ``--lang`` when given, else
the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first one set, as
gettext reads them): English under a locale naming another language (``en_US.UTF-8``,
``de_DE``...), else Chinese: under a Chinese locale, and under one that names no language
at all (``C``, ``C.UTF-8``, ``POSIX``, none set, as servers and containers often run),
because the people the command is made for read Chinese.

The translations are a gettext catalog shipped in the package
(``locale/zh_CN/LC_MESSAGES/credit.po``, compiled to ``credit.mo`` beside it by
``python -m credit_cli.i18n.build``; a test checks that the two agree). The msgids are
the English texts, so English needs no catalog. The catalog also holds click's own
strings: click translates them through the process' gettext domain, which
:func:`speaking` points at this catalog while the command runs.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

#: The gettext domain of the command (and of click's strings while it runs).
DOMAIN = "credit"
#: Where the catalogs are: <LOCALE_DIR>/<lang>/LC_MESSAGES/credit.mo
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The languages of the command and its reports.
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
#: Odoo's language codes accepted as well as the command's own.
LANG_ALIASES = {"en_US": "en"}
#: The locale variables, in the order gettext reads them (the first one set wins).
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
#: Locales that name no language: the reader's language is then the default.
NO_LANGUAGE = frozenset({"c", "posix"})
#: The language of the command's users, spoken when the locale names none.
DEFAULT_LANGUAGE = "zh_CN"

_current: str | None = None


def normalize(lang: str) -> str:
    """``en_US`` → ``en``; the command's own codes unchanged."""
    return LANG_ALIASES.get(lang, lang)


def language_of_locale(environ: Mapping[str, str]) -> str:
    """``en`` under a locale naming another language than Chinese, else ``zh_CN``.

    A locale that names no language (``C``, ``C.UTF-8``, ``POSIX``) says nothing of the
    reader: the command then speaks its users' language, Chinese.
    """
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            first = value.split(":")[0].strip().lower()
            if first.split(".")[0] in NO_LANGUAGE:
                return DEFAULT_LANGUAGE
            return "zh_CN" if first.startswith("zh") else "en"
    return DEFAULT_LANGUAGE


def language_asked(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang`` on a command line, when it names a language."""
    asked = None
    items = list(args)
    for index, arg in enumerate(items):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(items):
            value = items[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None and normalize(value) in LANGUAGES:
            asked = normalize(value)
    return asked


def choose_language(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The command's language: ``--lang`` when given (and valid), else the locale's."""
    return language_asked(args) or language_of_locale(environ)


def current_language() -> str:
    """The language in force: the command's (while it runs), else the locale's."""
    return _current or language_of_locale(os.environ)


@functools.cache
def _translation(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[lang], fallback=True)


def _(message: str) -> str:
    """``message`` (English, the msgid) in the current language."""
    return _translation(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message, in the current language."""
    return _translation(current_language()).ngettext(singular, plural, count)


def os_reason(exc: OSError) -> str:
    """Why a file operation failed ("Permission denied"...), in the current language."""
    return _(exc.strerror) if exc.strerror else _(str(exc))


def N_(message: str) -> str:  # noqa: N802  (gettext's name for the marker)
    """Mark ``message`` for the catalog; it is translated where it is shown."""
    return message


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Run in ``lang``: our messages, and click's own through gettext's global domain.

    click calls ``gettext.gettext``, which reads the process' domain and the language
    from the environment; both are set here and restored afterwards.
    """
    global _current
    saved = (_current, os.environ.get("LANGUAGE"), gettext.textdomain())
    _current = normalize(lang)
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = _current
    try:
        yield
    finally:
        _current, language, domain = saved
        gettext.textdomain(domain)
        if language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = language
