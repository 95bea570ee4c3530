"""click, speaking the command's language.

The command table is built once, at import, in English (the msgids); what click shows is
translated when it is shown, in the language chosen for this run (``i18n.speaking``):

- ``Command``, ``Group`` and ``Option`` translate their help, short help and epilog when
  read, so one table serves every language (and tests can run both in one process);
- click's own words ("Usage:", "Options", "Show this message and exit.", its errors) go
  through gettext, pointed at the command's catalog while it runs; the help option,
  which click builds once and keeps, is re-worded each time;
- ``HelpFormatter`` wraps Chinese by its width on a terminal (a Chinese character takes
  two columns), where click counts characters; English is wrapped by click as before.
"""

from __future__ import annotations

import functools
import inspect
import re
import unicodedata
from typing import Any

import click
import click.formatting

from ..i18n import _

# --------------------------------------------------------------------------- wrapping

_WIDE = "WF"
#: Words: spaces, a wide character or a run of narrow ones, with any opening punctuation
#: before them (never left at the end of a line).
_TOKENS = re.compile(r"\s+|[（「『“‘《\[(]*(?:[\u1100-\uffff]|[^\s\u1100-\uffff]+)")
#: Never at the start of a line (Chinese punctuation closing a phrase).
_NO_BREAK_BEFORE = set("，。；：、？！）」』”’》")


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (wide CJK characters count two)."""
    return sum(2 if unicodedata.east_asian_width(c) in _WIDE else 1 for c in text)


def _is_wide(text: str) -> bool:
    return display_width(text) != len(text)


def fill(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Fill one paragraph to ``width`` columns, breaking between wide characters too; a
    closing punctuation mark takes the word before it to the next line with it."""
    lines: list[str] = []
    line: list[str] = [first]
    for token in _TOKENS.findall(" ".join(text.split())):
        if token.isspace():
            if "".join(line).strip():
                line.append(" ")
            continue
        if display_width("".join(line) + token) > width and "".join(line).strip():
            carried: list[str] = []
            if token in _NO_BREAK_BEFORE and len(line) > 2:
                carried = [line.pop()]
            lines.append("".join(line).rstrip())
            line = [rest, *carried]
        line.append(token)
    lines.append("".join(line).rstrip())
    return lines


def wrap_text(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """click's ``wrap_text`` (paragraphs kept, ``\\b`` blocks as written), by columns."""
    if not _is_wide(text):
        return click.formatting.wrap_text(
            text, width, initial_indent, subsequent_indent, preserve_paragraphs=True
        )
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        if block.startswith("\b"):
            out += [initial_indent + line for line in block.splitlines()[1:]]
        else:
            indent = " " * (len(block) - len(block.lstrip(" ")))
            out += fill(block, width, initial_indent + indent, subsequent_indent + indent)
        out.append("")
    return "\n".join(out[:-1])


class HelpFormatter(click.HelpFormatter):
    """click's formatter, wrapping Chinese by terminal columns, with Chinese punctuation."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = _("Usage:")
            prefix += "" if _is_wide(prefix) else " "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        colon = "：" if _is_wide(heading) else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent))
        self.write("\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not any(_is_wide(second) for _first, second in rows):
            super().write_dl(rows, col_max, col_spacing)
            return
        first_col = min(max(display_width(first) for first, _second in rows), col_max)
        first_col += col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            text_width = max(self.width - first_col - 2, 10)
            lines = wrap_text(second, text_width).splitlines()
            if lines:
                self.write(f"{lines[0]}\n")
                for line in lines[1:]:
                    self.write(f"{'':>{first_col + self.current_indent}}{line}\n")
            else:
                self.write("\n")


class Context(click.Context):
    """click's context, with the formatter above."""

    formatter_class = HelpFormatter


# --------------------------------------------------------------------------- click classes


class _Translated:
    """An attribute holding an English text (the msgid), read in the current language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_msgid_{name}"

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        msgid = obj.__dict__.get(self.slot)
        return _(msgid) if msgid else msgid

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.slot] = inspect.cleandoc(value) if isinstance(value, str) else value


class Option(click.Option):
    """An option whose help and value's name are shown in the command's language."""

    help = _Translated()
    metavar = _Translated()

    def get_error_hint(self, ctx: click.Context | None) -> str:
        # click adds " (env var: 'X')" in English: the same, in the command's language
        hint = click.Parameter.get_error_hint(self, ctx)
        if self.show_envvar and self.envvar:
            envvars = [self.envvar] if isinstance(self.envvar, str) else self.envvar
            names = ", ".join(f"'{var}'" for var in envvars)
            hint += _(" (env var: {names})").format(names=names)
        return hint


class _LocalizedCommand:
    help = _Translated()
    short_help = _Translated()
    epilog = _Translated()
    options_metavar = _Translated()
    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            # click words it once (its gettext, at the first call) and keeps the option
            option.help = _("Show this message and exit.")
        return option


class Command(_LocalizedCommand, click.Command):
    """A subcommand whose help is shown in the command's language."""


class Group(_LocalizedCommand, click.Group):
    """The command group: its subcommands are ``Command`` unless told otherwise."""

    command_class = Command
    subcommand_metavar = _Translated()


#: ``click.option`` making an ``Option``.
option = functools.partial(click.option, cls=Option)
