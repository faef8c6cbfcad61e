"""The options several commands share, each declared once (issue 11).

A command's help for an option comes from the catalog by the key `cli-<command>-<option>`
(`console._apply_help`); the Vietnamese given here is what the catalog holds for the commands
that use the shared wording, and a command with its own wording passes it in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from pipeline.cli.console import DEFAULT_PLAN, DEFAULT_TEMPLATE

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]

DEFAULT_REPORT_TEMPLATE = Path("templates") / "bao-cao-template.docx"

INBOX_HELP = "Thư mục chứa báo cáo nhận được (không bị sửa)."
PERIOD_HELP = "Kỳ báo cáo (năm); mặc định: kỳ hiện tại theo --as-of."
AS_OF_HELP = "Ngày số liệu được tính đến (dd/mm/yyyy); mặc định: hôm nay."


def options(*decorators: Decorator) -> Decorator:
    """Several options as one decorator; `--help` lists them in the order given."""

    def apply(command: Callable[..., Any]) -> Callable[..., Any]:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return apply


def path_option(
    name: str,
    default: Path | None,
    help_text: str,
    folder: bool = False,
    *,
    dest: str | None = None,
) -> Decorator:
    """An option naming a file (or a folder), its default shown in `--help`."""
    kind = (
        click.Path(path_type=Path, file_okay=False)
        if folder
        else click.Path(path_type=Path, dir_okay=False)
    )
    names = (name, dest) if dest else (name,)
    return click.option(
        *names,
        type=kind,
        default=default,
        show_default=True if default is not None else None,
        help=help_text,
    )


plan_option = path_option("--plan", DEFAULT_PLAN, "Tệp kế hoạch (task matrix).", dest="plan_path")


def inbox_option(help_text: str = INBOX_HELP) -> Decorator:
    return path_option("--inbox", Path("inbox"), help_text, folder=True)


def outbox_option(help_text: str = "Thư mục ghi kết quả.") -> Decorator:
    return path_option("--outbox", Path("outbox"), help_text, folder=True)


def period_option(
    help_text: str = PERIOD_HELP, required: bool = False, metavar: str = "KỲ"
) -> Decorator:
    return click.option("--period", required=required, metavar=metavar, help=help_text)


def as_of_option(help_text: str = AS_OF_HELP) -> Decorator:
    return click.option("--as-of", "as_of", metavar="NGÀY", help=help_text)


jobs_option = click.option(
    "--jobs", type=click.IntRange(1, 64), help="Số tiến trình đọc tệp (mặc định: số lõi)."
)


def form_template_option(help_text: str) -> Decorator:
    """The form's look (`templates`, `make-template`)."""
    return path_option("--template", DEFAULT_TEMPLATE, help_text)


def word_template_option(help_text: str) -> Decorator:
    """The Word documents' look (`report`, `remind`)."""
    return path_option("--template", DEFAULT_REPORT_TEMPLATE, help_text, dest="docx_template")


def strict_option(help_text: str) -> Decorator:
    return click.option("--strict", is_flag=True, help=help_text)


def force_option(help_text: str) -> Decorator:
    return click.option("--force", is_flag=True, help=help_text)


# What `run`, `report` and `remind` read, where they write, and for which period and day.
inbox_run_options = options(
    plan_option, inbox_option(), outbox_option(), period_option(), as_of_option(), jobs_option
)
