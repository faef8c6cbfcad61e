"""The face of `kehoach`: the command group, the console's language, progress and exit codes.

The `pipeline.cli` package is the only code that talks to the terminal or imports click;
the commands live beside this module, by what they work on.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline import __version__
from pipeline.core.catalog import LANGS, MESSAGES, describe, t
from pipeline.core.errors import KehoachError, PlanError

if TYPE_CHECKING:
    from pipeline.plan.model import Plan

DEFAULT_PLAN = Path("templates") / "task_matrix.xlsx"
DEFAULT_TEMPLATE = Path("templates") / "agency_report_template.xlsx"
EXIT_INTERNAL = 3


_CONSOLE = {"lang": "vi"}  # chosen before click parses anything, so its own texts follow it
_CLICK_KEYS = {en: key for key, (_vi, en) in MESSAGES.items() if key.startswith("click-")}


def _click_text(message: str) -> str:
    """click's own sentence ("Missing argument", "Usage:") in the console's language."""
    key = _CLICK_KEYS.get(message)  # click fills the parameters in itself
    return MESSAGES[key][0] if key and _CONSOLE["lang"] == "vi" else message


def _click_ntext(singular: str, plural: str, count: int) -> str:
    return _click_text(singular if count == 1 else plural)


for _module in (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.types,
):
    # click looks up gettext's `_` and `ngettext` at call time; mypy cannot see them
    setattr(_module, "_", _click_text)  # noqa: B010
    if hasattr(_module, "ngettext"):
        setattr(_module, "ngettext", _click_ntext)  # noqa: B010


def _language_first(args: list[str]) -> list[str]:
    """`kehoach run --lang en` works as `kehoach --lang en run` does: officers put it after the
    command like every other option, and click knows it only before."""
    moved: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":  # what follows is the command's own, never ours
            rest += args[index:]
            break
        if arg == "--lang" and index + 1 < len(args):
            moved += args[index : index + 2]
            index += 2
            continue
        (moved if arg.startswith("--lang=") else rest).append(arg)
        index += 1
    return moved + rest


def _console_lang(args: list[str]) -> str:
    """--lang from the arguments (before the command), else KEHOACH_LANG, else Vietnamese."""
    chosen = os.environ.get("KEHOACH_LANG", "vi")
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
        elif not arg.startswith("-"):
            break  # the command's own arguments begin
    return chosen if chosen in LANGS else "vi"


def _apply_help(group: click.Group, lang: str) -> None:
    """Every command's and option's help from the catalog, in the console's language (the
    Vietnamese written in this module is the catalog's; a test keeps them equal)."""
    targets: list[tuple[str, Any, str]] = [("cli-main", group, "help")]
    targets += [(f"cli-main-{p.name}", p, "help") for p in group.params]
    for name, command in group.commands.items():
        targets += [(f"cli-{name}", command, "help"), (f"cli-{name}-short", command, "short_help")]
        targets += [(f"cli-{name}-{p.name}", p, "help") for p in command.params]
    for key, target, attribute in targets:
        if key in MESSAGES:
            setattr(target, attribute, t(key, lang))
    _apply_placeholders(group, lang)
    for command in (group, *group.commands.values()):
        command._help_option = None  # made again, with click's sentence in this language
    for param in group.params:
        if param.name == "version" and isinstance(param, click.Option):
            param.help = _click_text("Show the version and exit.")


# A placeholder as our commands write it (Vietnamese: `NGÀY`) or click does (English: `FILE`)
# -> its catalog key; the English forms are put last, so click's win where two keys share a
# Vietnamese one (`TỆP` for both FILE and FILES).
_METAVAR_KEYS = [key for key in MESSAGES if key.startswith("click-metavar-")]
_PLACEHOLDERS = {MESSAGES[key][0]: key for key in _METAVAR_KEYS} | {
    MESSAGES[key][1]: key for key in _METAVAR_KEYS
}
_PLACEHOLDER_OF: dict[click.Parameter, str] = {}  # each parameter's key, found once


def _apply_placeholders(group: click.Group, lang: str) -> None:
    """The usage line's `[OPTIONS] COMMAND` and every option's and argument's placeholder
    (`FILE`, `TEXT`, `NGÀY`) in the console's language."""
    group.subcommand_metavar = t("click-metavar-command", lang)
    for command in (group, *group.commands.values()):
        command.options_metavar = t("click-metavar-options", lang)
        for param in command.params:
            if param not in _PLACEHOLDER_OF:
                _PLACEHOLDER_OF[param] = _PLACEHOLDERS.get(_click_placeholder(param), "")
            key = _PLACEHOLDER_OF[param]
            if key:
                param.metavar = _decorated(param, t(key, lang))


def _click_placeholder(param: click.Parameter) -> str:
    """What click would print for the parameter, undecorated (no brackets, no dots)."""
    if param.metavar:
        return param.metavar
    if isinstance(param, click.Argument):
        return (param.name or "").upper()
    kind = param.type
    if isinstance(kind, click.Path):
        if kind.file_okay and not kind.dir_okay:
            return "FILE"
        return "DIRECTORY" if kind.dir_okay and not kind.file_okay else "PATH"
    return kind.name.upper()


def _decorated(param: click.Parameter, placeholder: str) -> str:
    """An argument's placeholder as click shows one it made itself: `[OPTIONAL]`, `MANY...`."""
    if not isinstance(param, click.Argument):
        return placeholder
    shown = placeholder if param.required else f"[{placeholder}]"
    return shown + "..." if param.nargs != 1 else shown


class _Group(click.Group):
    """Turns library errors into one clear sentence and a documented exit code."""

    def main(self, args: Any = None, prog_name: str | None = None, *rest: Any, **extra: Any) -> Any:
        argv = _language_first(sys.argv[1:] if args is None else list(args))
        _CONSOLE["lang"] = _console_lang(argv)
        _apply_help(self, _CONSOLE["lang"])
        return super().main(argv, prog_name, *rest, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PlanError as error:
            lang = lang_of(ctx)
            for problem in error.problems:
                click.echo(describe(problem, lang), err=True)
            click.echo(t(error.key, lang, **error.params), err=True)
            ctx.exit(error.exit_code)
        except KehoachError as error:
            lang = lang_of(ctx)
            click.echo(t(error.key, lang, **error.params), err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, BrokenPipeError):
            raise
        except Exception as error:  # the officer gets a sentence, never a traceback
            if os.environ.get("KEHOACH_DEBUG"):
                raise
            lang = lang_of(ctx)
            click.echo(t("internal-error", lang, kind=type(error).__name__, detail=error), err=True)
            ctx.exit(EXIT_INTERNAL)


def lang_of(ctx: click.Context) -> str:
    obj = ctx.find_root().obj or {}
    return str(obj.get("lang", "vi"))


def echo(text: str = "") -> None:
    click.echo(text)


class Progress:
    """A progress bar on stderr that appears only once the work is counted, so a problem
    found before (a broken template, a missing inbox) is the only thing the officer sees."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
        self.bar.__enter__()

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def reached(self, done: int, total: int) -> None:
        if self.bar is None:
            self.start(total)
        self.bar.update(done - self.bar.pos)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def write_timings(phases: dict[str, float]) -> None:
    """Phase timings for the benchmark, only when KEHOACH_TIMINGS names a file."""
    target = os.environ.get("KEHOACH_TIMINGS")
    if target:
        import json

        Path(target).write_text(json.dumps(phases), encoding="utf-8")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="vi",
    envvar="KEHOACH_LANG",
    show_default=True,
    help="Ngôn ngữ thông báo / language of messages.",
)
@click.version_option(__version__, prog_name="kehoach")
@click.pass_context
def cli(ctx: click.Context, lang: str) -> None:
    """Theo dõi thực hiện kế hoạch qua biểu mẫu Excel.

    \b
    Quy trình / workflow:
      kehoach init THƯ_MỤC  tạo thư mục làm việc (templates/, inbox/, outbox/)
      kehoach plan          kiểm tra templates/task_matrix.xlsx
      kehoach templates     sinh biểu mẫu cho từng đơn vị vào outbox/templates/
      kehoach receive TỆP   ghi ngày Sở nhận tệp (đúng hạn tính theo ngày này)
      kehoach run           đọc inbox/, kiểm tra, tổng hợp vào outbox/tong-hop-<kỳ>.xlsx
      kehoach check TỆP     kiểm tra một vài tệp báo cáo
      kehoach report        dự thảo báo cáo (Word)
      kehoach remind        công văn đôn đốc và tin nhắn cho đơn vị
      kehoach close         chốt số liệu một kỳ
      kehoach demo          chạy thử trọn vẹn trên kế hoạch mẫu
      kehoach import-plan   đọc phụ lục từ văn bản kế hoạch mới (.docx, .md, .txt, .html, .xlsx)

    Thư mục templates/, inbox/, outbox/ được tìm trong thư mục hiện tại.

    Mã thoát / exit codes: 0 xong; 1 có báo cáo bị từ chối (--strict) hoặc tệp lỗi
    (check); 2 dùng sai lệnh, kế hoạch hoặc mẫu lỗi, không ghi được kết quả,
    kho kehoach.sqlite bị khóa hay của bản mới hơn, tệp của kỳ đã chốt bị xóa hay sửa;
    3 lỗi nội bộ.
    """
    ctx.obj = {"lang": lang}


def chosen_period(plan: Plan, period: str | None, as_of: date, lang: str) -> str:
    """The period asked for, else the current one on `as_of`, and the officer is told which."""
    if period:
        plan.settings.period(period)
        return period
    from pipeline.plan.periods import current

    chosen = current(plan.settings.schedule, as_of).name
    click.echo(t("period-chosen-current", lang, period=chosen, day=f"{as_of:%d/%m/%Y}"), err=True)
    return chosen


def as_of_day(value: str | None, plan: Plan) -> date:
    """The day `--as-of` names (today without it); one outside the plan's years is refused."""
    if not value:
        return date.today()
    from pipeline.intake.normalize import day

    parsed = day(value)
    if not isinstance(parsed, date):
        raise KehoachError("as-of-invalid", value=value)
    plan.check_as_of(parsed)
    return parsed


def main() -> None:
    for stream in (sys.stdout, sys.stderr):  # Vietnamese on a Windows console
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    _skip_data_generators()
    _collect_cycles_less_often()
    try:
        cli(prog_name="kehoach")
    except BrokenPipeError:  # output piped into `head` or a closed pager: not an error
        _silence_stdout()
        sys.exit(0)
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            _leave(done.code or 0)
        raise


def _skip_data_generators() -> None:
    """Keep pandera from loading hypothesis, which it only needs to generate test data.

    pandera imports it whenever it is installed (it is, with the dev extras): 0.1 s of every
    `kehoach run`. pandera treats a failed import as "not installed".
    """
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]


def _collect_cycles_less_often() -> None:
    """A run builds millions of small objects that live until it ends and are freed by
    reference counting; the cycle collector's default pace (every 700 allocations) kept
    revisiting them: 0.7 s of a 6.5 s run of 3,321 returns. Workers inherit the setting."""
    gc.set_threshold(50_000, 20, 100)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _leave(code: int) -> None:
    """End the process without tearing down the ~1,000 modules pandas and pandera load.

    That teardown took 0.27 s of a 1.5 s `kehoach run` and does nothing for the officer:
    every output is written, closed and renamed into place before a command returns, worker
    processes are joined, and only the terminal streams still hold buffered text.
    """
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    with contextlib.suppress(BrokenPipeError):
        sys.stderr.flush()
    os._exit(code)
